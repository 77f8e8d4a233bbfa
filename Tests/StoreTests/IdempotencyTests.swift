import Testing
import Store

@Suite struct IdempotencyTests {
    /// A create-item request handled idempotently; returns the stored response (the new item's id).
    static func createItem(
        _ db: any Database, requestID: String, name: String
    ) async throws -> IdempotentResponse {
        try await db.write { tx in
            try tx.idempotent(requestID: requestID, method: "CreateItem", requestHash: Array(name.utf8)) {
                let id = try tx.scalar("INSERT INTO item (name) VALUES ($1) RETURNING id", [name], as: Int64.self)!
                return Array(String(id).utf8)
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func aRetryReturnsTheFirstResultAndChangesNothing(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        let first = try await Self.createItem(db, requestID: "r1", name: "a")
        #expect(first == IdempotentResponse(response: Array("1".utf8), isReplay: false))
        let retry = try await Self.createItem(db, requestID: "r1", name: "a")
        #expect(retry == IdempotentResponse(response: Array("1".utf8), isReplay: true))
        #expect(try await db.count("item") == 1)

        // The same id with a different request is a conflict, and changes nothing either.
        await #expect(throws: IdempotencyConflict(requestID: "r1", method: "CreateItem")) {
            try await Self.createItem(db, requestID: "r1", name: "b")
        }
        #expect(try await db.count("item") == 1)

        // Another id is another request; so is the same id for another method.
        #expect(try await Self.createItem(db, requestID: "r2", name: "b").isReplay == false)
        let otherMethod = try await db.write { tx in
            try tx.idempotent(requestID: "r1", method: "RenameItem", requestHash: [1]) { [9] }
        }
        #expect(otherMethod == IdempotentResponse(response: [9], isReplay: false))
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func aFailedRequestRecordsNothingSoItsRetryRunsAgain(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('taken')") }
        await #expect(throws: StoreError.self) {
            try await Self.createItem(db, requestID: "r1", name: "taken")
        }
        #expect(try await db.count("idempotency") == 0)
        try await db.write { tx in try tx.execute("DELETE FROM item") }
        #expect(try await Self.createItem(db, requestID: "r1", name: "taken").isReplay == false)
        await db.close()
    }

    /// Concurrent requests with one id: the body runs once, and every request gets its response.
    /// On PostgreSQL they really run at once, on different connections: the later ones wait on
    /// the first one's claim and are retried after it commits.
    @Test(.timeLimit(.minutes(1)), arguments: StoreBackend.available)
    func concurrentRetriesRunTheBodyOnce(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open(connections: 8)
        let responses = try await withThrowingTaskGroup(of: IdempotentResponse.self) { group in
            for _ in 0..<20 { group.addTask { try await Self.createItem(db, requestID: "same", name: "once") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(responses.map(\.response)).count == 1)
        #expect(responses.filter { !$0.isReplay }.count == 1)
        #expect(try await db.count("item") == 1)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func oldRecordsCanBePurged(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in
            _ = try tx.idempotent(requestID: "old", method: "M", requestHash: [1], now: 1_000) { [1] }
            _ = try tx.idempotent(requestID: "new", method: "M", requestHash: [1], now: 5_000) { [2] }
        }
        let purged = try await db.write { tx in try tx.purgeIdempotencyRecords(before: 2_000) }
        #expect(purged == 1)
        #expect(try await db.count("idempotency") == 1)
        await db.close()
    }
}
