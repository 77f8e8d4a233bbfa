import Foundation
import Store

/// A fresh directory under the system's temporary directory, removed when the test is done.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func appending(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A small schema the tests share: parents and children with a foreign key between them.
let testSchema = Schema(component: "test", migrations: [
    Migration(version: 1, name: "item", sql: """
        CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT, data BLOB, score REAL);
        """),
    Migration(version: 2, name: "part", sql: """
        CREATE TABLE part (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES item (id),
            label TEXT NOT NULL
        );
        """),
])

extension SQLiteDatabase {
    /// Opens `directory` with the test schema and small, test-friendly settings.
    static func openForTest(_ directory: String, schemas: [Schema] = [testSchema]) async throws -> SQLiteDatabase {
        var configuration = Configuration()
        configuration.readerCount = 2
        return try await open(directory: directory, schemas: schemas, configuration: configuration)
    }

    func count(_ table: String) async throws -> Int64 {
        try await read { tx in try tx.scalar("SELECT count(*) FROM \(table)", as: Int64.self) ?? 0 }
    }
}
