import Dispatch
import Testing
@testable import Store

@Suite struct GroupCommitTests {
    @Test(.timeLimit(.minutes(2)))
    func manyConcurrentWritersAllLand() async throws {
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.path)
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
        #expect(db.writeStatistics.writes >= 6400)
        await db.close()
    }

    @Test(.timeLimit(.minutes(1)))
    func aFailingWriteInABatchFailsAloneAndTheRestShareOneCommit() async throws {
        struct Refused: Error, Equatable { let index: Int }
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.path)
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'parent')") }

        let before = db.writeStatistics
        let count = 100
        let outcome = try await db.writeAsOneBatch((0..<count).map { index in
            { tx in
                try tx.execute("INSERT INTO part (item_id, label) VALUES ($1, $2)", [1, "p\(index)"])
                switch index {
                case 17: throw Refused(index: index)  // the body refuses after writing
                case 42: try tx.execute("INSERT INTO part (item_id, label) VALUES (999, 'orphan')")
                case 73: try tx.execute("INSERT INTO item (id, name) VALUES (1, 'duplicate')")
                default: break
                }
                return index
            }
        })
        for (index, result) in outcome.enumerated() {
            switch (index, result) {
            case (17, .failure(let error)): #expect(error as? Refused == Refused(index: 17))
            case (42, .failure(let error)): #expect((error as? StoreError).map { if case .constraint(.foreignKey, _) = $0 { true } else { false } } == true)
            case (73, .failure(let error)): #expect((error as? StoreError).map { if case .constraint(.primaryKey, _) = $0 { true } else { false } } == true)
            case (_, .success(let value)): #expect(value == index && ![17, 42, 73].contains(index))
            case (_, .failure(let error)): Issue.record("write \(index) failed: \(error)")
            }
        }
        let labels = try await db.read { tx in
            Set(try tx.query("SELECT label FROM part").map { try $0.get("label", as: String.self) })
        }
        #expect(labels == Set((0..<count).filter { ![17, 42, 73].contains($0) }.map { "p\($0)" }))
        // The held write's batch, then all the queued ones in one commit.
        let after = db.writeStatistics
        #expect(after.commits - before.commits == 2)
        #expect(after.writes - before.writes == 1 + count - 3)
        await db.close()
    }

    @Test func aDeferredForeignKeyViolationFailsOnlyItsOwnWrite() async throws {
        let directory = try TemporaryDirectory()
        let schema = Schema(component: "deferred", migrations: [
            Migration(version: 1, name: "tables", sql: """
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (id INTEGER PRIMARY KEY,
                    parent_id INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
                """),
        ])
        let db = try await SQLiteDatabase.openForTest(directory.path, schemas: [schema])
        let results = try await db.writeAsOneBatch([
            { tx in try tx.execute("INSERT INTO parent (id) VALUES (1)") },
            { tx in try tx.execute("INSERT INTO child (id, parent_id) VALUES (1, 7)") },
            { tx in try tx.execute("INSERT INTO child (id, parent_id) VALUES (2, 1)") },
        ])
        #expect(try results[0].get() == 1)
        #expect(throws: StoreError.constraint(.foreignKey, message: "FOREIGN KEY constraint failed (deferred)")) {
            try results[1].get()
        }
        #expect(try results[2].get() == 1)
        #expect(try await db.count("child") == 1)
        await db.close()
    }
}
