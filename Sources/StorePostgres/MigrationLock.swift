import Foundation
import Store

/// A session-level advisory lock that serializes schema migration across every process opening
/// the same database, held on a connection of its own for as long as the migration runs.
///
/// It has to be a session lock taken before the migration's transactions begin: a lock taken
/// inside a serializable transaction would be granted only after that transaction's snapshot was
/// taken, too late to see what the previous holder committed.
final class MigrationLock: @unchecked Sendable {
    /// An arbitrary constant shared by every Jiceng instance ("jiceng" in ASCII).
    static let key: Int64 = 0x6A_69_63_65_6E_67

    /// Used by one thread at a time: the one that acquires, then the one that releases.
    private let connection: PostgresConnection

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Connects and waits for the lock, on a thread of its own (libpq blocks).
    static func acquire(url: String, displayURL: String) async throws -> MigrationLock {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let connection = try PostgresConnection(url: url, displayURL: displayURL, lockTimeout: .zero)
                    _ = try connection.execute("SELECT pg_advisory_lock($1)", [key])
                    continuation.resume(returning: MigrationLock(connection: connection))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    /// Lets the next process migrate; closing the session would release the lock too.
    func release() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                _ = try? self.connection.execute("SELECT pg_advisory_unlock($1)", [Self.key])
                done.resume()
            }.start()
        }
    }
}
