import Foundation
import Testing
import Store

@Suite struct BackupTests {
    static func dump(_ db: SQLiteDatabase) async throws -> [[SQLValue]] {
        try await db.read { tx in
            try tx.query("SELECT id, name, note, data, score FROM item ORDER BY id").map(\.values)
                + tx.query("SELECT id, item_id, label, NULL, NULL FROM part ORDER BY id").map(\.values)
        }
    }

    @Test func aBackupTakenDuringWritesRestoresToAnIdenticalCheckedCopy() async throws {
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.appending("live"))
        try await db.write { tx in
            for i in 1...500 {
                try tx.execute(
                    "INSERT INTO item (id, name, note, data, score) VALUES ($1, $2, $3, $4, $5)",
                    [i, "名称 \(i)", i % 3 == 0 ? nil : "note \(i)", [UInt8](repeating: UInt8(i % 256), count: i), Double(i) / 7])
                try tx.execute("INSERT INTO part (item_id, label) VALUES ($1, $2)", [i, "part of \(i)"])
            }
        }
        // Writers keep going while the backup runs; the copy is one consistent moment.
        let writers = Task {
            for i in 501...700 {
                try await db.write { tx in try tx.execute("INSERT INTO item (id, name) VALUES ($1, $2)", [i, "late \(i)"]) }
            }
        }
        let backupFile = directory.appending("backup.sqlite")
        try await db.backup(to: backupFile)
        try await writers.value
        #expect(try await SQLiteDatabase.checkIntegrity(ofFile: backupFile).isOK)

        // Restore, then compare with what the live database held at the backup's moment: the
        // first 500 items and parts exactly, plus some prefix of the late ones.
        try await SQLiteDatabase.restore(backup: backupFile, intoDirectory: directory.appending("restored"))
        let restored = try await SQLiteDatabase.openForTest(directory.appending("restored"))
        #expect(try await restored.checkIntegrity().isOK)
        let restoredItems = try await restored.count("item")
        let live = try await Self.dump(db)
        let copy = try await Self.dump(restored)
        let late = Int(restoredItems) - 500
        #expect(late >= 0 && late <= 200)
        let expected = Array(live[0..<(500 + late)]) + Array(live[700...])
        #expect(copy == expected)

        // The restored store is a working store.
        try await restored.write { tx in try tx.execute("INSERT INTO item (name) VALUES ('after restore')") }
        await restored.close()
        await db.close()
    }

    @Test func restoreRefusesToOverwriteAndRefusesADamagedBackup() async throws {
        let directory = try TemporaryDirectory()
        let db = try await SQLiteDatabase.openForTest(directory.appending("live"))
        try await db.write { tx in
            for i in 1...2000 { try tx.execute("INSERT INTO item (id, name, note) VALUES ($1, $2, $3)", [i, "n\(i)", String(repeating: "x", count: 100)]) }
        }
        let backupFile = directory.appending("backup.sqlite")
        try await db.backup(to: backupFile)
        await db.close()

        // Into a directory that already holds a database: refused, naming the file.
        await #expect(throws: StoreError.cannotOpen(
            path: directory.appending("live/\(SQLiteDatabase.fileName)"),
            reason: "a database already exists here; restore only into an empty data directory")
        ) {
            try await SQLiteDatabase.restore(backup: backupFile, intoDirectory: directory.appending("live"))
        }

        // Damage the backup's table pages (past the header and schema page): the check finds it.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: backupFile))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 8192))
        try handle.close()
        await #expect(throws: StoreError.self) {
            try await SQLiteDatabase.restore(backup: backupFile, intoDirectory: directory.appending("restored"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appending("restored/\(SQLiteDatabase.fileName)")))
    }
}
