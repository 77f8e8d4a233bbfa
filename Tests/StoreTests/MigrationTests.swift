import Testing
import Foundation
import Store

@Suite struct MigrationTests {
    @Test(arguments: StoreBackend.available)
    func migrationsApplyOnceInOrderAndAreRecorded(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let testSchema = store.schema
        var db = try await store.open()
        try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES (1, 'kept')") }
        await db.close()

        // Reopening applies nothing again (a second CREATE TABLE would fail) and keeps the data.
        db = try await store.open()
        let recorded = try await db.read { tx in
            try tx.query("SELECT component, version, name FROM schema_migrations ORDER BY component, version").map {
                "\(try $0.get("component", as: String.self)) \(try $0.get("version", as: Int.self)) \(try $0.get("name", as: String.self))"
            }
        }
        #expect(recorded == ["store 1 idempotency", "test 1 item", "test 2 part"])
        #expect(try await db.count("item") == 1)
        await db.close()

        // A later version of the code adds a migration: only that one runs.
        let extended = Schema(component: "test", migrations: testSchema.migrations + [
            Migration(version: 3, name: "item_rank", sql: "ALTER TABLE item ADD COLUMN rank INTEGER NOT NULL DEFAULT 0"),
        ])
        db = try await store.open(schemas: [extended])
        let rank = try await db.read { tx in try tx.scalar("SELECT rank FROM item WHERE id = 1", as: Int64.self) }
        #expect(rank == 0)
        await db.close()

        // The older code now refuses the newer database instead of working on it.
        await #expect(throws: StoreError.schemaTooNew(component: "test", found: 3, supported: 2)) {
            try await store.open()
        }
        // So does code that does not know a component at all.
        await #expect(throws: StoreError.schemaTooNew(component: "test", found: 3, supported: 0)) {
            try await store.open(schemas: [])
        }
    }

    @Test(arguments: StoreBackend.available)
    func aFailingMigrationLeavesTheSchemaWhereItWas(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let testSchema = store.schema
        let broken = Schema(component: "test", migrations: testSchema.migrations + [
            Migration(version: 3, name: "half", sql: "CREATE TABLE extra (id INTEGER); CREATE TABLE item (id INTEGER)"),
        ])
        await #expect(throws: StoreError.self) {
            try await store.open(schemas: [broken])
        }
        // Versions 1 and 2 went in; version 3 went in not even partly.
        let db = try await store.open()
        let tables = try await db.read { tx in
            switch tx.dialect {
            case .sqlite:
                try tx.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'extra'").count
            case .postgresql:
                try tx.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'extra'").count
            }
        }
        #expect(tables == 0)
        await db.close()
    }

    @Test(arguments: StoreBackend.available)
    func renamedOrMisorderedMigrationsAreRefused(_ backend: StoreBackend) async throws {
        let store = try await TestStore(backend)
        let testSchema = store.schema
        let db = try await store.open()
        await db.close()
        let renamed = Schema(component: "test", migrations: [
            Migration(version: 1, name: "something else", sql: "SELECT 1"), testSchema.migrations[1],
        ])
        await #expect(throws: StoreError.self) { try await store.open(schemas: [renamed]) }
        let misordered = Schema(component: "test", migrations: testSchema.migrations.reversed())
        await #expect(throws: StoreError.self) { try await store.open(schemas: [misordered]) }
    }

    @Test func aFileThatIsNotADatabaseIsNamedInTheError() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.appending(SQLiteDatabase.fileName)
        try Array(repeating: "not a database ", count: 100).joined().write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try await SQLiteDatabase.openForTest(directory.path)
            Issue.record("opened a file that is not a database")
        } catch let StoreError.cannotOpen(path, reason) {
            #expect(path == file)
            #expect(reason.contains("not a database"))
        }
    }
}
