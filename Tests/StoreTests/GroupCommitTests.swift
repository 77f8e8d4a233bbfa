import Dispatch
import Testing
@testable import Store

@Suite struct GroupCommitTests {
    @Test(.timeLimit(.minutes(1)))
    func aFailingWriteInABatchFailsAloneAndTheRestShareOneCommit() async throws {
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.path)
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'parent')") }

        let before = db.writeStatistics
        let count = 100
        let outcomes = try await db.writeAsOneBatch((0..<count).map(MixedOutcomeWrites.body))
        try await MixedOutcomeWrites.check(outcomes, in: db)
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
