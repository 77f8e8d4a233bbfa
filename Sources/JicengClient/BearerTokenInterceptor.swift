import RPC

/// Adds `authorization: Bearer <token>` to every call that does not carry its own, and gives a
/// call without a timeout the default one, so that a hung server never hangs the caller.
public struct BearerTokenInterceptor: ClientInterceptor {
    /// The token sent; nil sends none (for anonymous methods such as health checks).
    public let token: String?
    /// The timeout of calls that set none; nil leaves them unbounded.
    public let defaultTimeout: Duration?

    /// - Parameters:
    ///   - token: sent as `Bearer <token>`; nil sends nothing.
    ///   - defaultTimeout: given to unary and client-streaming calls without a timeout.
    public init(token: String?, defaultTimeout: Duration? = .seconds(30)) {
        self.token = token
        self.defaultTimeout = defaultTimeout
    }

    /// Adds the header and the timeout where the call has none of its own.
    public func prepare(_ request: inout ClientRequestHead) async throws {
        if let token, request.metadata.first("authorization") == nil {
            request.metadata.add("authorization", "Bearer \(token)")
        }
        if request.options.timeout == nil, let defaultTimeout,
           !(request.method.kind == .serverStreaming || request.method.kind == .bidirectionalStreaming) {
            // Watches and other long streams are meant to stay open; only bounded calls get a deadline.
            request.options.timeout = defaultTimeout
        }
    }
}
