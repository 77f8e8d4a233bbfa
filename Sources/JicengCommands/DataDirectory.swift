import Foundation
import Platform
import Store

/// A data directory: the SQLite file inside it, opened with every component's schema.
public enum DataDirectory {
    /// The schemas of every component, applied in this order when a directory is opened. Each
    /// domain area adds its own here.
    public static let schemas: [Schema] = [PlatformSchema.schema(.sqlite), .catalogue(.sqlite), TaskSchema.schema(.sqlite),
                                          AppraisalSchema.schema(.sqlite)]

    /// Opens (creating the directory and the database if missing) and migrates.
    public static func open(_ path: String, readers: Int = 4) async throws -> SQLiteDatabase {
        var configuration = SQLiteDatabase.Configuration()
        configuration.readerCount = readers
        do {
            return try await SQLiteDatabase.open(directory: path, schemas: schemas, configuration: configuration)
        } catch {
            throw CommandFailure("无法打开数据目录 \(path): \(error)")
        }
    }

    /// Opens a directory that must already hold a database (admin commands never create one).
    public static func openExisting(_ path: String) async throws -> SQLiteDatabase {
        guard FileManager.default.fileExists(atPath: databaseFile(path)) else {
            throw CommandFailure("数据目录 \(path) 中没有数据库 (no \(SQLiteDatabase.fileName) there); 先运行 jiceng serve --data \(path)")
        }
        return try await open(path, readers: 1)
    }

    /// The database file inside `path`.
    public static func databaseFile(_ path: String) -> String {
        (path as NSString).appendingPathComponent(SQLiteDatabase.fileName)
    }
}
