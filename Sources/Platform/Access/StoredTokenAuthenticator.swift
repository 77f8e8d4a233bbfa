import Store

/// Checks bearer tokens against the `access_tokens` table on every call.
///
/// No cache: the lookup is one primary-key read on a reader connection, and reading it fresh
/// means a token revoked with `jiceng admin token revoke` (another process) stops working at once.
public struct StoredTokenAuthenticator: CallerAuthenticator {
    public let database: any Database
    public let clock: any PlatformClock

    public init(database: any Database, clock: any PlatformClock) {
        self.database = database
        self.clock = clock
    }

    public func authenticate(_ token: AccessToken) async throws -> Caller? {
        let now = clock.now()
        return try await database.read { tx in try TokenStore.authenticate(token, now: now, in: tx) }
    }
}
