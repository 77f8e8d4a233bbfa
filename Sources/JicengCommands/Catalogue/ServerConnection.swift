import Foundation
import HTTP2Transport
import JicengClient
import RPC

/// The server a client command talks to and the token it presents: the same options as
/// `jiceng call` (`--server` or JICENG_SERVER, `--token` or JICENG_TOKEN, `--tls`, `--cacert`,
/// `--server-name`), parsed by `RemoteServerOptions`.
struct ServerConnection {
    let transport: HTTP2ClientTransport
    let interceptors: [any ClientInterceptor]
    let hasToken: Bool

    /// Takes the connection options out of `options`.
    init(_ options: inout CommandArguments) throws(CommandFailure) {
        let remote = try RemoteServerOptions(&options)
        do {
            transport = try HTTP2ClientTransport(target: remote.server, tls: remote.tls)
        } catch {
            throw CommandFailure("无法建立到 \(remote.server) 的连接: \(error)")
        }
        if let token = remote.token {
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
