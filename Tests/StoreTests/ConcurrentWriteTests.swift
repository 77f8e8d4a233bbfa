import Testing
import Store

/// Many writers at once, on every backend: all of them land, none sees another's half-done work,
/// and one writer's failure is its own.
@Suite struct ConcurrentWriteTests {
    @Test(.timeLimit(.minutes(2)), arguments: StoreBackend.available)
    func manyConcurrentWritersAllLand(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open(connections: 8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<64 {
                group.addTask {
                    for i in 0..<100 {
                        try await db.write { tx in
                            try tx.execute("INSERT INTO item (name, score) VALUES ($1, $2)", ["\(writer)/\(i)", Double(i)])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await db.count("item") == 6400)
        let distinctNames = try await db.read { tx in try tx.scalar("SELECT count(DISTINCT name) FROM item", as: Int64.self) }
        #expect(distinctNames == 6400)
        if let sqlite = db as? SQLiteDatabase {
            #expect(sqlite.writeStatistics.writes >= 6400)
        }
        await db.close()
    }

    /// Read-modify-write from many writers at once loses no update: on SQLite because writes run
    /// one at a time, on PostgreSQL because they are serializable and a conflicting one is retried.
    @Test(.timeLimit(.minutes(2)), arguments: StoreBackend.available)
    func concurrentReadModifyWritesLoseNoUpdate(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open(connections: 8)
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name, score) VALUES (1, 'counter', 0)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    for _ in 0..<20 {
                        try await db.write { tx in
                            let current = try tx.scalar("SELECT score FROM item WHERE id = 1", as: Double.self)!
                            try tx.execute("UPDATE item SET score = $1 WHERE id = 1", [current + 1])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let total = try await db.read { tx in try tx.scalar("SELECT score FROM item WHERE id = 1", as: Double.self) }
        #expect(total == 320)
        await db.close()
    }

    @Test(.timeLimit(.minutes(1)), arguments: StoreBackend.available)
    func aFailingWriteFailsAloneAmongConcurrentOnes(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open(connections: 8)
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'parent')") }
        let outcomes = await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
            for index in 0..<100 {
                group.addTask { (index, await Result { try await db.write(MixedOutcomeWrites.body(index)) }) }
            }
            return await group.reduce(into: [Int: Result<Int, any Error>]()) { $0[$1.0] = $1.1 }
        }
        try await MixedOutcomeWrites.check(outcomes.sorted { $0.key < $1.key }.map(\.value), in: db)
        await db.close()
    }
}

/// Writes that each add a part to item 1, three of which fail after writing, each its own way:
/// write 17's body throws, 42 breaks a foreign key, 73 a primary key.
enum MixedOutcomeWrites {
    struct Refused: Error, Equatable { let index: Int }
    static let failing: Set<Int> = [17, 42, 73]

    static func body(_ index: Int) -> @Sendable (any SQLWriteTransaction) throws -> Int {
        { tx in
            try tx.execute("INSERT INTO part (item_id, label) VALUES ($1, $2)", [1, "p\(index)"])
            switch index {
            case 17: throw Refused(index: index)
            case 42: try tx.execute("INSERT INTO part (item_id, label) VALUES (999, 'orphan')")
            case 73: try tx.execute("INSERT INTO item (id, name) VALUES (1, 'duplicate')")
            default: break
            }
            return index
        }
    }

    /// Each failing write failed with its own error, every other one succeeded, and exactly the
    /// successful ones' parts are in the database.
    static func check(_ outcomes: [Result<Int, any Error>], in db: any Database) async throws {
        for (index, result) in outcomes.enumerated() {
            switch (index, result) {
            case (17, .failure(let error)): #expect(error as? Refused == Refused(index: 17))
            case (42, .failure(let error)): #expect(constraintKind(of: error) == .foreignKey)
            case (73, .failure(let error)): #expect(constraintKind(of: error) == .primaryKey)
            case (_, .success(let value)): #expect(value == index && !failing.contains(index))
            case (_, .failure(let error)): Issue.record("write \(index) failed: \(error)")
            }
        }
        let labels = try await db.read { tx in
            Set(try tx.query("SELECT label FROM part").map { try $0.get("label", as: String.self) })
        }
        #expect(labels == Set((0..<outcomes.count).filter { !failing.contains($0) }.map { "p\($0)" }))
    }
}
