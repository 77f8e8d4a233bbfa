import RPC

/// Adds `authorization: Bearer TOKEN` to every call, so a command can use the methods that need a
/// role. Public methods (the published catalogue) work without it.
public struct BearerTokenInterceptor: ClientInterceptor {
    public let token: String

    public init(token: String) {
        self.token = token
    }

    public func prepare(_ request: inout ClientRequestHead) async throws {
        request.metadata.replace("authorization", "Bearer \(token)")
    }
}
