import Dispatch
import Foundation

/// The embedded store: one SQLite file, one writer thread doing group commit, and a pool of
/// reader threads.
///
/// The file is in WAL mode with `synchronous=FULL` (every commit is on disk before `write`
/// returns), foreign keys enforced, and a busy timeout for other processes (an admin command)
/// holding the write lock. Async callers only queue work and wait on a continuation; all disk work
/// happens on the store's own threads.
public final class SQLiteDatabase: Database {
    /// Tuning knobs; the defaults suit a server.
    public struct Configuration: Sendable {
        /// Reader threads, each with its own connection.
        public var readerCount: Int = 4
        /// How long to wait for another process's lock before failing with `StoreError.busy`.
        public var busyTimeout: Duration = .seconds(5)
        /// The most writes committed together in one transaction.
        public var maxBatchSize: Int = 256

        public init() {}
    }

    /// The file name used inside a data directory.
    public static let fileName = "jiceng.sqlite"

    /// The database file.
    public let path: String
    public var dialect: SQLDialect { .sqlite }
    let configuration: Configuration
    private let writes = JobQueue<any PendingTransaction>()
    private let reads = JobQueue<any PendingTransaction>()
    private let threads = DispatchGroup()
    private let statisticsCounter = WriteStatisticsCounter()

    private init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    deinit {
        // The threads hold only the queues, so they drain and exit even if close() was never called.
        writes.close()
        reads.close()
    }

    /// Opens (creating if need be) the database in data directory `directory`, then applies the
    /// store's own schema and `schemas`' pending migrations.
    ///
    /// Throws `StoreError.cannotOpen` naming the file if it cannot be opened or set up (missing
    /// permissions, a file that is not a database, another process holding it locked), and
    /// `StoreError.schemaTooNew` if newer code has migrated it.
    public static func open(
        directory: String, schemas: [Schema], configuration: Configuration = Configuration()
    ) async throws -> SQLiteDatabase {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: directory, reason: "cannot create the data directory: \(error.localizedDescription)")
        }
        return try await open(file: (directory as NSString).appendingPathComponent(fileName), schemas: schemas, configuration: configuration)
    }

    /// Opens (creating if need be) the database file at `path`; see `open(directory:schemas:configuration:)`.
    public static func open(
        file path: String, schemas: [Schema], configuration: Configuration = Configuration()
    ) async throws -> SQLiteDatabase {
        precondition(configuration.readerCount >= 1 && configuration.maxBatchSize >= 1)
        let database = SQLiteDatabase(path: path, configuration: configuration)
        do {
            // The writer goes first: it turns on WAL, which the readers then find in the file.
            let writes = database.writes
            let maxBatchSize = configuration.maxBatchSize
            let statistics = database.statisticsCounter
            try await database.startThread(name: "store-writer", role: .writer) { connection in
                GroupCommitWriter(connection: connection, maxBatchSize: maxBatchSize, statistics: statistics).serve(writes)
            }
            let reads = database.reads
            for index in 0..<configuration.readerCount {
                try await database.startThread(name: "store-reader-\(index)", role: .reader) { connection in
                    SnapshotReader(connection: connection).serve(reads)
                }
            }
            try await SchemaMigrator.migrate(database, schemas: [Schema.store(.sqlite)] + schemas)
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLReadTransaction) throws -> T) async throws -> T {
        try await PendingTransactionOf.submit({ tx in try body(tx) }, to: reads.push)
    }

    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLWriteTransaction) throws -> T) async throws -> T {
        try await PendingTransactionOf.submit(body, to: writes.push)
    }

    /// Commits and committed writes so far: their ratio is the mean group-commit batch size.
    public var writeStatistics: WriteStatistics { statisticsCounter.snapshot }

    /// Writes queued and not yet taken by the writer.
    var queuedWriteCount: Int { writes.count }

    /// Serves every queued read and write, then closes the connections (the last one to close
    /// checkpoints the WAL into the database file).
    public func close() async {
        writes.close()
        reads.close()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            threads.notify(queue: .global()) { done.resume() }
        }
    }

    enum ConnectionRole {
        case writer, reader
    }

    /// Starts a thread that opens its own connection, reports whether that worked, then runs
    /// `serve` with it until its queue closes. The connection never leaves that thread.
    private func startThread(
        name: String, role: ConnectionRole, serve: @escaping @Sendable (SQLiteConnection) -> Void
    ) async throws {
        let path = path
        let busyTimeout = configuration.busyTimeout
        let threads = threads
        threads.enter()
        try await withCheckedThrowingContinuation { (ready: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                defer { threads.leave() }
                let connection: SQLiteConnection
                do {
                    connection = try Self.connect(path: path, role: role, busyTimeout: busyTimeout)
                } catch {
                    ready.resume(throwing: error)
                    return
                }
                ready.resume()
                serve(connection)
            }
            thread.name = name
            thread.start()
        }
    }

    /// Opens and configures a connection, turning any failure into `cannotOpen` naming the file.
    static func connect(path: String, role: ConnectionRole, busyTimeout: Duration) throws(StoreError) -> SQLiteConnection {
        do throws(StoreError) {
            let connection = try SQLiteConnection(path: path)
            let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
            connection.setBusyTimeout(milliseconds: Int32(clamping: milliseconds))
            let settings = SQLiteTransaction(connection: connection)
            if role == .writer {
                let mode = try settings.scalar("PRAGMA journal_mode = WAL", as: String.self)
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.cannotOpen(path: path, reason: "cannot switch to WAL mode (journal mode is \(mode ?? "unknown"))")
                }
            }
            try connection.run("PRAGMA synchronous = FULL")
            try connection.run("PRAGMA foreign_keys = ON")
            if role == .reader {
                try connection.run("PRAGMA query_only = ON")
            }
            // Reading the schema proves the file is a database (sqlite3_open alone does not).
            _ = try settings.scalar("SELECT count(*) FROM sqlite_schema", as: Int64.self)
            settings.end()
            return connection
        } catch .cannotOpen(_, let reason) {
            throw .cannotOpen(path: path, reason: reason)
        } catch {
            throw .cannotOpen(path: path, reason: error.description)
        }
    }
}
