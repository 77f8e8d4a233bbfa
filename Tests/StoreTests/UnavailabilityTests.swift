import Foundation
import Testing
@testable import Store

/// A full disk or a database locked by another process is reported, never silently lost.
@Suite struct UnavailabilityTests {
    @Test(.timeLimit(.minutes(1)))
    func aFullDatabaseFailsItsBatchAsTransientAndKeepsNothingUnacknowledged() async throws {
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.path)
        // Cap the file a few pages beyond its size: a large write then meets SQLITE_FULL, as it
        // would on a full disk.
        try await db.write { tx in
            let pages = try tx.scalar("PRAGMA page_count", as: Int64.self)!
            _ = try tx.query("PRAGMA max_page_count = \(pages + 4)")
        }
        let large = [UInt8](repeating: 7, count: 200_000)
        // The large write sits in one batch between two that fit.
        let results = try await db.writeAsOneBatch([
            { tx in try tx.execute("INSERT INTO item (name) VALUES ('before')") },
            { tx in try tx.execute("INSERT INTO item (name, data) VALUES ('large', $1)", [large]) },
            { tx in try tx.execute("INSERT INTO item (name) VALUES ('after')") },
        ])
        do {
            _ = try results[1].get()
            Issue.record("a write larger than the space left succeeded")
        } catch let error as StoreError {
            guard case .full = error else { Issue.record("expected .full, got \(error)"); return }
            #expect(error.isTransient)
        }
        // SQLite may abandon the whole transaction on SQLITE_FULL; then the write that shared it
        // fails too, as transient, and leaves nothing. Either way: an OK means the row is there,
        // a failure means it is not, and the write after the failure is unaffected.
        let beforeOutcome = results[0]
        if case .failure(let error) = beforeOutcome {
            #expect((error as? StoreError)?.isTransient == true, "\(error)")
        }
        #expect(try results[2].get() == 1)
        let names = try await db.read { tx in try tx.query("SELECT name FROM item ORDER BY id").map { try $0.get("name", as: String.self) } }
        let beforeSucceeded = if case .success = beforeOutcome { true } else { false }
        #expect(names == (beforeSucceeded ? ["before", "after"] : ["after"]))
        await db.close()
    }

    /// Holds the database's write lock from another process (Python's sqlite3) until told to let
    /// go; returns once the lock is held. `exclusive` also shuts out readers, as a process that
    /// takes the file over entirely would (possible only while nobody else has it open).
    final class ForeignLock {
        let process = Process()
        let input = Pipe()

        struct NotLocked: Error {}

        init(file: String, exclusive: Bool) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], isolation_level=None)
                if sys.argv[2] == "exclusive":
                    c.execute("PRAGMA locking_mode = EXCLUSIVE")
                    c.execute("BEGIN EXCLUSIVE")
                else:
                    c.execute("BEGIN IMMEDIATE")
                c.execute("CREATE TABLE IF NOT EXISTS held (x)")
                print("locked", flush=True)
                sys.stdin.readline()
                c.execute("ROLLBACK")
                """, file, exclusive ? "exclusive" : "write"]
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            guard output.fileHandleForReading.readData(ofLength: 7) == Data("locked\n".utf8) else { throw NotLocked() }
        }

        func release() {
            input.fileHandleForWriting.write(Data("\n".utf8))
            process.waitUntilExit()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aDatabaseLockedByAnotherProcessIsNamedAtOpenAndUnavailableAfter() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.appending(SQLiteDatabase.fileName)
        var configuration = SQLiteDatabase.Configuration()
        configuration.busyTimeout = .milliseconds(200)
        configuration.readerCount = 1
        let first = try await SQLiteDatabase.open(directory: directory.path, schemas: [testSchema], configuration: configuration)
        await first.close()

        let lock = try ForeignLock(file: file, exclusive: true)
        do {
            _ = try await SQLiteDatabase.open(directory: directory.path, schemas: [testSchema], configuration: configuration)
            Issue.record("opened a database another process holds locked")
        } catch let StoreError.cannotOpen(path, reason) {
            #expect(path == file)
            #expect(reason.contains("locked"))
        }
        lock.release()

        // Locked while open: the write fails as busy (UNAVAILABLE) and commits nothing.
        let db = try await SQLiteDatabase.open(directory: directory.path, schemas: [testSchema], configuration: configuration)
        let again = try ForeignLock(file: file, exclusive: false)
        do {
            try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('while locked')") }
            Issue.record("a write succeeded while another process held the lock")
        } catch let error as StoreError {
            guard case .busy = error else { Issue.record("expected .busy, got \(error)"); return }
            #expect(error.isTransient)
        }
        again.release()
        try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('after')") }
        #expect(try await db.count("item") == 1)
        await db.close()
    }
}
