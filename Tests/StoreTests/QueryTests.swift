import Testing
import Store

@Suite struct QueryTests {
    @Test(arguments: StoreBackend.available)
    func valuesRoundTripThroughEveryStorageClass(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        let blob: [UInt8] = [0, 1, 2, 255]
        let row = try await db.write { tx in
            try tx.query(
                "INSERT INTO item (name, note, data, score) VALUES ($1, $2, $3, $4) RETURNING id, name, note, data, score",
                ["基层 'quoted'", SQLValue.null, blob, 2.5]
            ).first!
        }
        #expect(try row.get("id", as: Int64.self) == 1)
        #expect(try row.get("name", as: String.self) == "基层 'quoted'")
        #expect(try row.get("note", as: String?.self) == nil)
        #expect(try row.get("data", as: [UInt8].self) == blob)
        #expect(try row.get(4, as: Double.self) == 2.5)
        #expect(row["score"] == .real(2.5))
        #expect(row["missing"] == nil)

        // Empty text and an empty blob stay empty, not NULL.
        let empty = try await db.write { tx in
            try tx.query("INSERT INTO item (name, data) VALUES ($1, $2) RETURNING name, data", ["", [UInt8]()]).first!
        }
        #expect(empty["name"] == .text(""))
        #expect(empty["data"] == .blob([]))
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func parametersAreNumberedNotPositional(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        // $2 appears before $1, and $1 twice: each binds the argument its number names.
        let row = try await db.read { tx in
            try tx.queryFirst("SELECT $2 AS b, $1 AS a, $1 || $2 AS ab", ["x", "y"])!
        }
        #expect(try row.get("b", as: String.self) == "y")
        #expect(try row.get("a", as: String.self) == "x")
        #expect(try row.get("ab", as: String.self) == "xy")
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func misusedParametersAreClearErrors(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        await #expect(throws: StoreError.misuse("statement takes 2 parameters, 1 given: SELECT $1, $2")) {
            try await db.read { tx in try tx.query("SELECT $1, $2", [1]) }
        }
        switch backend {
        case .sqlite:
            await #expect(throws: StoreError.misuse("unsupported parameter ?; write parameters as $1, $2, …: SELECT ?")) {
                try await db.read { tx in try tx.query("SELECT ?", [1]) }
            }
        case .postgresql:
            // `?` is not a placeholder to PostgreSQL at all: the statement does not parse.
            await #expect(throws: StoreError.self) { try await db.read { tx in try tx.query("SELECT ?", [1]) } }
        }
        // PostgreSQL cannot infer the type of a parameter the text never uses.
        let unusedParameter = backend == .sqlite
            ? "parameter $1 is never used: SELECT $2"
            : "could not determine data type of parameter $1: SELECT $2"
        await #expect(throws: StoreError.misuse(unusedParameter)) {
            try await db.read { tx in try tx.query("SELECT $2", [1, 2]) }
        }
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func typeMismatchNamesTheColumn(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        let row = try await db.read { tx in try tx.queryFirst("SELECT 'text' AS t, NULL AS n, 7 AS i")! }
        #expect(throws: StoreError.typeMismatch(column: "t", expected: "INTEGER", found: "TEXT")) {
            try row.get("t", as: Int64.self)
        }
        #expect(throws: StoreError.typeMismatch(column: "n", expected: "TEXT", found: "NULL")) {
            try row.get("n", as: String.self)
        }
        #expect(throws: StoreError.typeMismatch(column: "i", expected: "INTEGER (0 or 1)", found: "INTEGER")) {
            try row.get("i", as: Bool.self)
        }
        #expect(throws: StoreError.self) { try row.get("nope", as: Int64.self) }
        #expect(throws: StoreError.self) { try row.get(9, as: Int64.self) }
        #expect(try row.get("i", as: Int.self) == 7)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func constraintViolationsSayWhichConstraint(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'a')") }
        let violations: [(String, StoreError.ConstraintKind, String)] = [
            ("INSERT INTO item (id, name) VALUES (2, 'a')", .unique, "UNIQUE constraint failed: item.name"),
            ("INSERT INTO item (id, name) VALUES (1, 'b')", .primaryKey, "UNIQUE constraint failed: item.id"),
            ("INSERT INTO part (item_id, label) VALUES (99, 'x')", .foreignKey, "FOREIGN KEY constraint failed"),
            ("INSERT INTO part (item_id, label) VALUES (1, NULL)", .notNull, "NOT NULL constraint failed: part.label"),
        ]
        for (statement, kind, sqliteMessage) in violations {
            do {
                try await db.write { tx in try tx.execute(statement) }
                Issue.record("\(statement) succeeded")
            } catch let StoreError.constraint(foundKind, message) {
                #expect(foundKind == kind, "\(statement)")
                // SQLite's messages are its own; PostgreSQL's name the constraint and the key.
                if backend == .sqlite { #expect(message == sqliteMessage) }
                if backend == .postgresql && kind == .unique { #expect(message.contains("item_name_key") && message.contains("(name)=(a)")) }
            }
        }
        #expect(try await db.count("item") == 1)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func writeBodyThatThrowsLeavesNoTrace(_ backend: StoreBackend) async throws {
        struct Refused: Error, Equatable {}
        let store = try await TestStore(backend)
        let db = try await store.open()
        await #expect(throws: Refused()) {
            try await db.write { tx in
                try tx.execute("INSERT INTO item (name) VALUES ('gone')")
                throw Refused()
            }
        }
        #expect(try await db.count("item") == 0)
        let changed = try await db.write { tx in
            try tx.execute("INSERT INTO item (name) VALUES ('a'), ('b')")
        }
        #expect(changed == 2)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func transactionsCannotBeEndedOrKeptByTheirBody(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        for statement in ["COMMIT", "ROLLBACK", "SAVEPOINT mine", "BEGIN"] {
            await #expect(throws: StoreError.self, "\(statement)") {
                try await db.write { tx in try tx.execute(statement) }
            }
        }
        // A transaction kept past its body cannot reach the connection any more.
        final class Escaped: @unchecked Sendable { var tx: (any SQLReadTransaction)? }
        let escaped = Escaped()
        try await db.read { tx in escaped.tx = tx }
        #expect(throws: StoreError.misuse("a transaction was used after its body returned")) {
            try escaped.tx!.query("SELECT 1")
        }
        // Reads are read-only.
        await #expect(throws: StoreError.self) {
            try await db.read { tx in try (tx as! any SQLWriteTransaction).execute("INSERT INTO item (name) VALUES ('x')") }
        }
        try await db.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('still fine')") }
        #expect(try await db.count("item") == 1)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func forEachRowStopsEarlyAndRethrowsTheBodysError(_ backend: StoreBackend) async throws {
        struct Stop: Error, Equatable {}
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in
            for i in 1...10 { try tx.execute("INSERT INTO item (id, name) VALUES ($1, $2)", [i, "n\(i)"]) }
        }
        let firstThree = try await db.read { tx in
            var seen: [Int64] = []
            try tx.forEachRow("SELECT id FROM item ORDER BY id", []) { row in
                seen.append(try row.get(0))
                return seen.count < 3
            }
            return seen
        }
        #expect(firstThree == [1, 2, 3])
        await #expect(throws: Stop()) {
            try await db.read { tx in try tx.forEachRow("SELECT id FROM item", []) { _ in throw Stop() } }
        }
        // The same SQL nested inside its own iteration gets a statement of its own.
        let pairs = try await db.read { tx in
            var count = 0
            try tx.forEachRow("SELECT id FROM item WHERE id <= $1", [3]) { _ in
                try tx.forEachRow("SELECT id FROM item WHERE id <= $1", [3]) { _ in
                    count += 1
                    return true
                }
                return true
            }
            return count
        }
        #expect(pairs == 9)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func theStatementCacheStaysBoundedWithoutDisturbingAStatementInUse(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        try await db.write { tx in
            for i in 1...3 { try tx.execute("INSERT INTO item (id, name) VALUES ($1, $2)", [i, "n\(i)"]) }
        }
        // While one statement is being stepped, hundreds of distinct statements (more than the
        // cache holds) come and go; the outer iteration carries on undisturbed.
        let (ids, sums) = try await db.read { tx in
            var ids: [Int64] = []
            var sums: [Int64] = []
            try tx.forEachRow("SELECT id FROM item ORDER BY id", []) { row in
                ids.append(try row.get(0))
                for k in 0..<200 {
                    let sum = try tx.scalar("SELECT \(k) + $1", [ids.last!], as: Int64.self)!
                    if k == 199 { sums.append(sum) }
                }
                return true
            }
            return (ids, sums)
        }
        #expect(ids == [1, 2, 3])
        #expect(sums == [200, 201, 202])
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func closedDatabaseRefusesWork(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let db = try await store.open()
        await db.close()
        await #expect(throws: StoreError.closed) { try await db.read { tx in try tx.query("SELECT 1") } }
        await #expect(throws: StoreError.closed) { try await db.write { tx in try tx.execute("SELECT 1") } }
    }
}
