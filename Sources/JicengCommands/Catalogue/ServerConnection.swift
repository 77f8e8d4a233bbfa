import Foundation
import HTTP2Transport
import JicengClient
import RPC

/// The server a client command talks to (`--server`, default 127.0.0.1:50051) and the token it
/// presents (`--token`, else the JICENG_TOKEN environment variable; none for public calls).
struct ServerConnection {
    static let defaultAddress = "127.0.0.1:50051"

    let transport: HTTP2ClientTransport
    let interceptors: [any ClientInterceptor]
    let hasToken: Bool

    /// Takes `--server` and `--token` from `options`.
    init(_ options: inout CommandArguments) throws(CommandFailure) {
        let address = options.option("--server") ?? ProcessInfo.processInfo.environment["JICENG_SERVER"] ?? Self.defaultAddress
        guard let target = SocketAddress(parsing: address) else {
            throw .usage("无法解析服务器地址 \(address)（应为 HOST:PORT）")
        }
        transport = HTTP2ClientTransport(target: target)
        let token = options.option("--token") ?? ProcessInfo.processInfo.environment["JICENG_TOKEN"]
        if let token, !token.isEmpty {
            interceptors = [BearerTokenInterceptor(token: token)]
            hasToken = true
        } else {
            interceptors = []
            hasToken = false
        }
    }

    func close() {
        transport.close()
    }

    /// Runs `call`, turning a gRPC status into a readable failure (and closing the connection).
    func run<T>(_ call: () async throws -> T) async throws -> T {
        defer { close() }
        do {
            return try await call()
        } catch let status as Status {
            throw CommandFailure(Self.explain(status))
        }
    }

    static func explain(_ status: Status) -> String {
        let hint: String
        switch status.code {
        case .unauthenticated: hint = "（需要令牌：--token 或环境变量 JICENG_TOKEN）"
        case .permissionDenied: hint = "（令牌的角色无权执行此操作）"
        case .unavailable: hint = "（服务器未运行或地址有误？）"
        default: hint = ""
        }
        return "调用失败 \(status.code): \(status.message)\(hint)"
    }
}
