import Foundation

extension SQLiteDatabase {
    /// Checks the live database (a read, so writers carry on).
    public func checkIntegrity() async throws -> IntegrityReport {
        try await read { tx in try IntegrityReport.check(tx) }
    }

    /// Writes a consistent copy of the database, as of one moment, to `destination` while reads
    /// and writes carry on. The copy is a self-contained file (no WAL), checked before it is
    /// moved into place, and synced to disk; an existing file at `destination` is replaced only
    /// by a good copy.
    public func backup(to destination: String) async throws {
        let source = path
        let busyTimeout = configuration.busyTimeout
        try await Self.onDedicatedThread {
            let from = try Self.connect(path: source, role: .reader, busyTimeout: busyTimeout)
            try Self.copyChecked(from: from, to: destination)
        }
    }

    /// Restores a backup into data directory `directory`, which must not hold a database yet.
    /// The backup is checked before it is copied and the copy after; nothing is left behind on
    /// failure. Open the directory afterwards as usual.
    public static func restore(backup: String, intoDirectory directory: String) async throws {
        try await onDedicatedThread {
            let target = (directory as NSString).appendingPathComponent(fileName)
            guard !FileManager.default.fileExists(atPath: target) else {
                throw StoreError.cannotOpen(
                    path: target, reason: "a database already exists here; restore only into an empty data directory")
            }
            // Without their database, a WAL and its index are stale leftovers that must not be
            // replayed onto the restored file.
            for leftover in [target + "-wal", target + "-shm", target + "-journal"] {
                try? FileManager.default.removeItem(atPath: leftover)
            }
            guard FileManager.default.fileExists(atPath: backup) else {
                throw StoreError.cannotOpen(path: backup, reason: "no such file")
            }
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(path: directory, reason: "cannot create the data directory: \(error.localizedDescription)")
            }
            let from = try connect(path: backup, role: .reader, busyTimeout: .seconds(5))
            let report = try check(from)
            guard report.isOK else {
                throw StoreError.corrupt("the backup \(backup) fails its check: \(report.problems.joined(separator: "; "))")
            }
            try copyChecked(from: from, to: target)
        }
    }

    /// Checks the database file at `path` without opening it for service.
    public static func checkIntegrity(ofFile path: String) async throws -> IntegrityReport {
        try await onDedicatedThread {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError.cannotOpen(path: path, reason: "no such file")
            }
            return try check(try connect(path: path, role: .reader, busyTimeout: .seconds(5)))
        }
    }

    private static func check(_ connection: SQLiteConnection) throws(StoreError) -> IntegrityReport {
        let transaction = SQLiteTransaction(connection: connection)
        defer { transaction.end() }
        return try IntegrityReport.check(transaction)
    }

    /// Copies `source` into a temporary file beside `destination`, makes it self-contained,
    /// checks it, syncs it and renames it into place.
    private static func copyChecked(from source: SQLiteConnection, to destination: String) throws {
        let temporary = destination + ".partial"
        let files = FileManager.default
        for leftover in [temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"] {
            try? files.removeItem(atPath: leftover)
        }
        do {
            do {
                let copy = try SQLiteConnection(path: temporary)
                try source.backup(into: copy)
                // The copy inherits WAL mode from its source; a backup file should stand alone.
                try copy.run("PRAGMA journal_mode = DELETE")
                let report = try check(copy)
                guard report.isOK else {
                    throw StoreError.corrupt("the copy fails its check: \(report.problems.joined(separator: "; "))")
                }
            }  // The copy's connection closes here, before the file is synced and renamed.
            try syncFile(atPath: temporary)
            if files.fileExists(atPath: destination) { try files.removeItem(atPath: destination) }
            try files.moveItem(atPath: temporary, toPath: destination)
            try syncFile(atPath: (destination as NSString).deletingLastPathComponent)
        } catch {
            try? files.removeItem(atPath: temporary)
            if error is StoreError { throw error }
            throw StoreError.io("cannot write \(destination): \(error.localizedDescription)")
        }
    }

    private static func syncFile(atPath path: String) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path.isEmpty ? "." : path))
        defer { try? handle.close() }
        try handle.synchronize()
    }

    /// Runs `body` on a new thread of its own (backup and checks read whole files, which must not
    /// hold up a Swift concurrency thread) and returns its result.
    private static func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = "store-maintenance"
            thread.start()
        }
    }
}
