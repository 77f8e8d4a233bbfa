import Foundation
import Platform
import Store

/// A fresh data directory with the platform schema, removed when the test is done.
final class ScratchDataDirectory {
    let path: String
    private(set) var database: SQLiteDatabase!

    static func open() async throws -> ScratchDataDirectory {
        let scratch = ScratchDataDirectory()
        try await scratch.reopen()
        return scratch
    }

    private init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("platform-tests-\(UUID().uuidString)")
    }

    /// Closes the database (if open) and opens the same file again.
    func reopen() async throws {
        await database?.close()
        var configuration = SQLiteDatabase.Configuration()
        configuration.readerCount = 1
        database = try await SQLiteDatabase.open(directory: path, schemas: [PlatformSchema.schema(.sqlite)], configuration: configuration)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Deletes the directory. The database's threads finish on their own once it is released
    /// (SQLite keeps an unlinked file readable), so a synchronous `defer` can call this.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
