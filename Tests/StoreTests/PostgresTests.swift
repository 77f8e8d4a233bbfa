import Foundation
import Testing
import Store
import StorePostgres

/// What only PostgreSQL does: its column types, its aborted transactions, its pooled sessions and
/// lost connections.
@Suite(.enabled(if: PostgresTestServer.url != nil, "\(PostgresTestServer.skipMessage)"))
struct PostgresTests {
    @Test func columnTypesReadAsTheirStorageClass() async throws {
        let store = try await TestStore(.postgresql)
        let db = try await store.open()
        let row = try await db.read { tx in
            try tx.queryFirst("""
                SELECT true AS yes, false AS no, 7::int2 AS small, 70000::int4 AS medium, 9007199254740993::int8 AS large,
                       1.5::float4 AS single, 0.1::float8 AS double, 12.25::numeric AS decimal, 'Infinity'::float8 AS infinite,
                       'v'::varchar AS varying, 'c'::char(3) AS padded, '\\x00ff10'::bytea AS bytes, ''::bytea AS empty,
                       NULL::int8 AS nothing, '2024-01-02'::date AS day
                """)!
        }
        #expect(row["yes"] == .integer(1))
        #expect(row["no"] == .integer(0))
        #expect(try row.get("yes", as: Bool.self))
        #expect(row["small"] == .integer(7))
        #expect(row["medium"] == .integer(70000))
        #expect(row["large"] == .integer(9_007_199_254_740_993))
        #expect(row["single"] == .real(1.5))
        #expect(row["double"] == .real(0.1))
        #expect(row["decimal"] == .real(12.25))
        #expect(row["infinite"] == .real(.infinity))
        #expect(row["varying"] == .text("v"))
        #expect(row["padded"] == .text("c  "))
        #expect(row["bytes"] == .blob([0, 255, 16]))
        #expect(row["empty"] == .blob([]))
        #expect(row["nothing"] == .null)
        #expect(row["day"] == .text("2024-01-02"))

        // Numbers bind to whatever numeric type the server infers for the parameter.
        let bound = try await db.read { tx in
            try tx.queryFirst("SELECT $1::int2 + 1 AS s, $2::numeric AS n, $3::float8 AS f, $4::bytea AS b", [Int64(2), 2.5, -Double.infinity, [UInt8]([1, 2])])!
        }
        #expect(bound.values == [.integer(3), .real(2.5), .real(-.infinity), .blob([1, 2])])
        await db.close()
    }

    @Test func textWithANulCharacterIsRefusedNotTruncated() async throws {
        let store = try await TestStore(.postgresql)
        let db = try await store.open()
        await #expect(throws: StoreError.misuse("parameter $1 is text containing a NUL character, which PostgreSQL cannot store: INSERT INTO item (name) VALUES ($1)")) {
            try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ($1)", ["a\u{0}b"]) }
        }
        #expect(try await db.count("item") == 0)
        await db.close()
    }

    /// PostgreSQL aborts a transaction at its first error: a body that catches the error and goes
    /// on does not get a half-applied write; the write fails with that first error.
    @Test func aBodyThatSwallowsAFailedStatementStillFailsWithIt() async throws {
        let store = try await TestStore(.postgresql)
        let db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'a')") }
        do {
            try await db.write { tx in
                try tx.execute("INSERT INTO item (id, name) VALUES (2, 'b')")
                _ = try? tx.execute("INSERT INTO item (id, name) VALUES (3, 'a')")
                // Anything after the failure is refused, and says why.
                #expect(throws: StoreError.self) { try tx.execute("INSERT INTO item (id, name) VALUES (4, 'd')") }
            }
            Issue.record("a write whose statement failed was acknowledged")
        } catch {
            #expect(constraintKind(of: error) == .unique)
        }
        #expect(try await db.count("item") == 1)
        await db.close()
    }

    @Test func bodiesCannotTakeOverTheTransactionOrTheSession() async throws {
        let store = try await TestStore(.postgresql)
        let db = try await store.open(connections: 1)
        let refused = [
            "COMMIT", "  -- a comment first\n rollback", "/* nested /* comment */ */ SAVEPOINT s", "END",
            "SET synchronous_commit = off", "SET SESSION lock_timeout = 0", "RESET ALL",
            "SET TRANSACTION READ WRITE", "PREPARE TRANSACTION 'x'",
        ]
        for statement in refused {
            await #expect(throws: StoreError.self, "\(statement)") {
                try await db.write { tx in try tx.execute(statement) }
            }
            await #expect(throws: StoreError.self, "\(statement) in a script") {
                try await db.write { tx in try tx.executeScript("SELECT 1; \(statement)") }
            }
        }
        // The words inside literals, quoted names and dollar quotes are data, not commands; SET
        // LOCAL lasts only for the transaction.
        let names = try await db.write { tx in
            try tx.execute("SET LOCAL lock_timeout = 100")
            try tx.execute("INSERT INTO item (name) VALUES ('x; COMMIT'), ($$y; ROLLBACK$$), (E'z\\'; END')")
            return try tx.query("SELECT name AS \"commit\" FROM item ORDER BY id").map { try $0.get("commit", as: String.self) }
        }
        #expect(names == ["x; COMMIT", "y; ROLLBACK", "z'; END"])
        // The one pooled session still commits durably.
        let setting = try await db.read { tx in try tx.scalar("SHOW synchronous_commit", as: String.self) }
        #expect(setting == "on")
        await db.close()
    }

    /// The server drops every pooled connection (as a restart or a failover would): the next reads
    /// and writes reconnect and succeed.
    @Test(.timeLimit(.minutes(1))) func thePoolReconnectsAfterTheServerDropsItsConnections() async throws {
        let store = try await TestStore(.postgresql)
        let db = try await store.open(connections: 3)
        try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('before')") }
        let ownSchema = try await db.read { tx in try tx.scalar("SELECT current_schema()", as: String.self)! }

        let killer = try await PostgresDatabase.open(url: PostgresTestServer.url!, schemas: [])
        let terminated = try await killer.read { tx in
            try tx.scalar("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND datname = current_database() AND application_name = $1
                """, [ownSchema], as: Int64.self)
        }
        await killer.close()
        #expect(terminated == 3)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask { _ = try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ($1)", ["after \(i)"]) } }
            }
            try await group.waitForAll()
        }
        #expect(try await db.count("item") == 7)
        #expect((db as? PostgresDatabase)?.retriedTransactions ?? 0 >= 1)
        await db.close()
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() async throws {
        // Port 1 on loopback: nothing listens there.
        do {
            _ = try await PostgresDatabase.open(url: "postgresql://someone:secret@127.0.0.1:1/nowhere?connect_timeout=5", schemas: [])
            Issue.record("connected to a server that does not exist")
        } catch let StoreError.cannotOpen(path, reason) {
            #expect(path == "postgresql://someone:***@127.0.0.1:1/nowhere?connect_timeout=5")
            #expect(!reason.contains("secret"))
        }
    }

    /// Notifications reach a listener when (and only when) the transaction sending them commits.
    @Test(.timeLimit(.minutes(1))) func notificationsArriveOnCommitOnly() async throws {
        struct Refused: Error {}
        let store = try await TestStore(.postgresql)
        let db = try #require(try await store.open() as? PostgresDatabase)
        let channel = "jobs_" + (try await db.read { tx in try tx.scalar("SELECT current_schema()", as: String.self)! })
        let notifications = try await db.notifications(channel: channel)
        await #expect(throws: Refused.self) {
            try await db.write { tx in
                try tx.notify(channel: channel, payload: "rolled back")
                throw Refused()
            }
        }
        try await db.write { tx in try tx.notify(channel: channel, payload: "first") }
        try await db.write { tx in try tx.notify(channel: channel, payload: "second") }
        var received: [String] = []
        for await payload in notifications {
            received.append(payload)
            if received.count == 2 { break }
        }
        #expect(received == ["first", "second"])
        await #expect(throws: StoreError.self) { _ = try await db.notifications(channel: "Bad; DROP") }
        await db.close()
    }

    /// One session at a time holds an advisory lock, across databases objects (and so across
    /// instances), until it releases it.
    @Test func anAdvisoryLockHasOneHolderAtATime() async throws {
        let store = try await TestStore(.postgresql)
        let first = try #require(try await store.open(connections: 1) as? PostgresDatabase)
        let second = try #require(try await store.open(connections: 1) as? PostgresDatabase)
        let key = Int64.random(in: 1...Int64.max)
        let held = try #require(try await first.tryAdvisoryLock(key))
        #expect(await held.isHeld())
        #expect(try await second.tryAdvisoryLock(key) == nil)
        await held.release()
        #expect(await !held.isHeld())
        let taken = try #require(try await second.tryAdvisoryLock(key))
        #expect(try await first.tryAdvisoryLock(key) == nil)
        await taken.release()
        await first.close()
        await second.close()
    }
}
