/// Turns a presented bearer token into the caller it binds, or nil when the token is unknown,
/// revoked or expired. Implemented by the token store.
public protocol CallerAuthenticator: Sendable {
    func authenticate(_ token: AccessToken) async throws -> Caller?
}
