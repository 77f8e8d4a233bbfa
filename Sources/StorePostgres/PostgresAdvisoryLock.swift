import Foundation
import Store

/// A PostgreSQL session-level advisory lock, held on a connection of its own until `release()`
/// (or until this process's session ends, which releases it too).
///
/// For work that one instance of a deployment must do at a time: schema migration, and later a
/// sweeper that only the lock holder runs. Every instance tries the same `key`; PostgreSQL grants
/// it to one session at a time across all of them.
public final class PostgresAdvisoryLock: @unchecked Sendable {
    /// Schema migration's key, shared by every Jiceng instance ("jiceng" in ASCII).
    static let migrationKey: Int64 = 0x6A_69_63_65_6E_67

    public let key: Int64
    /// Used under `access`, so that `isHeld` and `release` from different threads take turns.
    private let connection: PostgresConnection
    private let access = NSLock()

    private init(key: Int64, connection: PostgresConnection) {
        self.key = key
        self.connection = connection
    }

    /// Connects and takes the lock on a thread of its own (libpq blocks): waiting for it when
    /// `wait`, or returning nil at once when another session holds it.
    static func acquire(key: Int64, wait: Bool, url: String, displayURL: String) async throws -> PostgresAdvisoryLock? {
        try await onDedicatedThread {
            let connection = try PostgresConnection(url: url, displayURL: displayURL, lockTimeout: .zero)
            if wait {
                _ = try connection.execute("SELECT pg_advisory_lock($1)", [key])
            } else {
                let granted = try connection.execute("SELECT pg_try_advisory_lock($1) AS granted", [key])
                guard try granted.row(0).get("granted", as: Bool.self) else { return nil }
            }
            return PostgresAdvisoryLock(key: key, connection: connection)
        }
    }

    /// True while the lock's session is alive (a lost connection has lost the lock with it).
    public func isHeld() async -> Bool {
        (try? await Self.onDedicatedThread {
            try self.withConnection { connection, key in
            let held = try connection.execute(
                "SELECT count(*) AS held FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objid = ($1::bigint & 4294967295)::oid",
                [key])
            return try held.row(0).get("held", as: Int64.self) > 0
            }
        }) ?? false
    }

    /// Lets the next session take the lock.
    public func release() async {
        _ = try? await Self.onDedicatedThread {
            try self.withConnection { connection, key in _ = try connection.execute("SELECT pg_advisory_unlock($1)", [key]) }
        }
    }

    private func withConnection<T>(_ body: (PostgresConnection, Int64) throws -> T) throws -> T {
        access.lock()
        defer { access.unlock() }
        return try body(connection, key)
    }

    /// Runs `body` on a new thread and returns its result, keeping blocking libpq calls off the
    /// Swift concurrency pool.
    static func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

extension PostgresDatabase {
    /// Takes the advisory lock `key` if no other session (in any instance) holds it; nil if one
    /// does. Hold it for as long as this instance should be the one doing the work, and release
    /// it when done; check `isHeld()` before each round of the work, since a lost connection loses
    /// the lock.
    public func tryAdvisoryLock(_ key: Int64) async throws -> PostgresAdvisoryLock? {
        try await PostgresAdvisoryLock.acquire(key: key, wait: false, url: url, displayURL: displayURL)
    }

    /// Waits for the advisory lock `key`, then holds it until `release()`.
    public func advisoryLock(_ key: Int64) async throws -> PostgresAdvisoryLock {
        try await PostgresAdvisoryLock.acquire(key: key, wait: true, url: url, displayURL: displayURL)!
    }
}
