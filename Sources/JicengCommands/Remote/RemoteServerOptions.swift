import Foundation
import HTTP2Transport
import RPC

/// The options `call`, `list` and `describe` share: which server, how to reach it, and what to
/// send with every call.
struct RemoteServerOptions: Sendable {
    static let defaultServer = "127.0.0.1:50051"

    /// The flags among these options (they take no value).
    static let flagNames: Set<String> = ["--tls"]
    static let aliases = ["-H": "--header"]

    static let usage = """
          --server ADDR     服务器地址 (server address), 默认 \(defaultServer)
          --token T         Bearer 令牌; 省略时读环境变量 JICENG_TOKEN
          --tls             用 TLS 连接 (系统信任根, 或 --cacert)
          --cacert PEM      信任的 CA 证书 (PEM 文件), 隐含 --tls
          --server-name N   TLS 证书上应有的名字 (默认取地址中的主机)
          --timeout 5s      每次调用的期限 (ms/s/m/h); 默认一元调用 10s, 服务端流与双向流不设期限
          -H 'key: value'   附加的请求元数据 (可重复)
        """

    var server: SocketAddress
    var token: String?
    var tls: ClientTLSConfiguration?
    /// The `--timeout` given, if any.
    var timeout: Duration?
    var headers: [(key: String, value: String)]

    /// Takes the shared options out of `arguments`; `environment` supplies JICENG_TOKEN.
    init(_ arguments: inout CommandArguments, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) {
        let address = arguments.option("--server") ?? Self.defaultServer
        guard let server = SocketAddress(parsing: address), server.port > 0 else {
            throw .usage("服务器地址无效 (invalid --server): \(address)，应为 HOST:PORT")
        }
        self.server = server
        let token = arguments.option("--token") ?? environment["JICENG_TOKEN"]
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        let wantsTLS = arguments.flag("--tls")
        let caCertificate = arguments.option("--cacert")
        let serverName = arguments.option("--server-name")
        tls = wantsTLS || caCertificate != nil || serverName != nil
            ? ClientTLSConfiguration(trustRootsFile: caCertificate, serverName: serverName) : nil
        timeout = try arguments.option("--timeout").map { text throws(CommandFailure) in try Self.duration(text) }
        headers = []
        for header in arguments.values("--header") {
            guard let colon = header.firstIndex(of: ":") else {
                throw .usage("-H 应为 'key: value' (header must be 'key: value'): \(header)")
            }
            let key = header[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !Metadata.isReservedKey(key) else {
                throw .usage("不能设置的元数据键 (reserved or empty metadata key): \(key)")
            }
            headers.append((key, value))
        }
    }

    /// The request metadata: the extra headers, then the bearer token.
    var metadata: Metadata {
        var metadata = Metadata()
        for (key, value) in headers {
            if Metadata.isBinaryKey(key) {
                metadata.add(key, binary: Array(value.utf8))
            } else {
                metadata.add(key, value)
            }
        }
        if let token { metadata.replace("authorization", "Bearer \(token)") }
        return metadata
    }

    /// The options of a call that ends by itself (unary, client streaming, reflection lookups):
    /// `--timeout`, or 10 s.
    var callOptions: CallOptions { CallOptions(timeout: timeout ?? .seconds(10)) }

    /// The options of a call whose responses stream (a watch is meant to stay open): `--timeout`
    /// if given, else no deadline.
    var streamingCallOptions: CallOptions { CallOptions(timeout: timeout) }

    /// A transport to the server; a TLS file that cannot be used is a usage error.
    func makeTransport() throws(CommandFailure) -> HTTP2ClientTransport {
        do {
            return try HTTP2ClientTransport(target: server, tls: tls)
        } catch {
            throw .usage("TLS 配置无效 (unusable TLS files): \(error)")
        }
    }

    /// Parses `500ms`, `5s`, `2m`, `1h` (a bare number is seconds).
    static func duration(_ text: String) throws(CommandFailure) -> Duration {
        let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        let unit = units.first { text.hasSuffix($0.suffix) }
        let number = unit.map { String(text.dropLast($0.suffix.count)) } ?? text
        guard let value = Double(number), value.isFinite else {
            throw .usage("期限无效 (invalid --timeout): \(text)，例如 500ms、5s、2m")
        }
        let milliseconds = (value * (unit?.milliseconds ?? 1000)).rounded()
        guard milliseconds >= 1, milliseconds <= 86_400_000 * 365 else {
            throw .usage("期限无效 (invalid --timeout): \(text)，应在 1ms 到 365 天之间")
        }
        return .milliseconds(Int64(milliseconds))
    }
}
