import Testing
@testable import Store

@Suite struct SnapshotReadTests {
    @Test(.timeLimit(.minutes(1)), arguments: StoreBackend.available)
    func readsDuringALongWriteSeeTheOldSnapshotWithoutWaiting(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'before')") }

        let gate = WriterGate()
        let longWrite = Task {
            try await db.write { tx in
                try tx.execute("UPDATE item SET name = 'after' WHERE id = 1")
                try tx.execute("INSERT INTO item (id, name) VALUES (2, 'new')")
                gate.hold()  // the write transaction stays open, uncommitted, until released
            }
        }
        await gate.waitUntilHeld()
        // If a read had to wait for the writer, this would never return (the writer waits on us).
        let seen = try await db.read { tx in
            try tx.query("SELECT name FROM item ORDER BY id").map { try $0.get("name", as: String.self) }
        }
        #expect(seen == ["before"])
        // Many reads at once, across all reader connections, all proceed.
        let counts = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<16 { group.addTask { try await db.count("item") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 1, count: 16))

        gate.release()
        try await longWrite.value
        // Once write() has returned, every later read sees the write.
        let after = try await db.read { tx in
            try tx.query("SELECT name FROM item ORDER BY id").map { try $0.get("name", as: String.self) }
        }
        #expect(after == ["after", "new"])
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func aReadSeesOneSnapshotThroughout(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'a')") }
        let gate = WriterGate()
        // The read holds its snapshot open while a write commits, then reads again.
        let read = Task {
            try await db.read { tx in
                let first = try tx.scalar("SELECT count(*) FROM item", as: Int64.self)
                gate.hold()
                let second = try tx.scalar("SELECT count(*) FROM item", as: Int64.self)
                return [first, second]
            }
        }
        await gate.waitUntilHeld()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (2, 'b')") }
        gate.release()
        #expect(try await read.value == [1, 1])
        #expect(try await db.count("item") == 2)
        await db.close()
    }
}
