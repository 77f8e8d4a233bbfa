import CSQLite

/// One SQLite connection: the C bridge for opening, statements, scripts and backup.
///
/// A connection belongs to the one thread that opened it and is never shared (it is opened with
/// `SQLITE_OPEN_NOMUTEX`), so it holds no locks of its own.
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer
    /// Prepared statements by SQL text. Bounded: SQL is meant to be constant text, but a caller
    /// that builds SQL from data must not grow this without limit.
    private var statements: [String: SQLiteStatement] = [:]
    private static let statementCacheLimit = 256
    /// Read by the authorizer callback: nonzero while BEGIN, COMMIT, SAVEPOINT and the like are
    /// allowed. Transaction bodies run with it cleared, so they cannot end the transaction (and a
    /// whole group commit) behind the store's back.
    private let transactionControlAllowed: UnsafeMutablePointer<Int32>

    init(path: String) throws(StoreError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &opened, flags, nil)
        guard rc == SQLITE_OK, let opened else {
            let reason = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(opened)
            throw .cannotOpen(path: path, reason: reason)
        }
        self.path = path
        self.handle = opened
        transactionControlAllowed = .allocate(capacity: 1)
        transactionControlAllowed.initialize(to: 1)
        sqlite3_extended_result_codes(opened, 1)
        sqlite3_set_authorizer(opened, { flag, action, _, _, _, _ in
            guard action == SQLITE_TRANSACTION || action == SQLITE_SAVEPOINT else { return SQLITE_OK }
            return flag!.assumingMemoryBound(to: Int32.self).pointee != 0 ? SQLITE_OK : SQLITE_DENY
        }, transactionControlAllowed)
    }

    deinit {
        statements.removeAll()
        // Statements are finalized above, so close_v2 frees the connection now.
        sqlite3_close_v2(handle)
        transactionControlAllowed.deallocate()
    }

    /// Allows or forbids transaction-control statements to be *prepared* from now on (statements
    /// already prepared keep working, which is how the store's own BEGIN and COMMIT stay usable).
    func setTransactionControlAllowed(_ allowed: Bool) {
        transactionControlAllowed.pointee = allowed ? 1 : 0
    }

    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs `sql`, which may hold several statements and takes no parameters.
    func executeScript(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        guard rc == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw StoreError(sqliteCode: rc, message: text, statement: sql)
        }
    }

    /// Runs `body` with the prepared statement for `sql`, reset again afterwards.
    func withStatement<R>(
        _ sql: String, _ body: (SQLiteStatement) throws(StoreError) -> R
    ) throws(StoreError) -> R {
        let statement: SQLiteStatement
        if let cached = statements[sql], !cached.isInUse {
            statement = cached
        } else if statements[sql] != nil {
            // The same SQL is being stepped further up the stack: use a one-off statement.
            statement = try SQLiteStatement(database: handle, sql: sql, persistent: false)
        } else {
            statement = try SQLiteStatement(database: handle, sql: sql, persistent: true)
            if statements.count >= Self.statementCacheLimit {
                statements = statements.filter { $0.value.isInUse }
            }
            statements[sql] = statement
        }
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        return try body(statement)
    }

    /// Runs one parameterless statement to the end (the store's own BEGIN, COMMIT, PRAGMA …).
    func run(_ sql: String) throws(StoreError) {
        try withStatement(sql) { statement throws(StoreError) in
            while try statement.step() {}
        }
    }

    /// True when no transaction is open (SQLite rolls a transaction back by itself after some
    /// errors, such as a full disk; the group-commit writer checks this).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while the open transaction holds deferred foreign-key violations, which would make its
    /// COMMIT fail.
    var hasDeferredForeignKeyViolations: Bool {
        var current: Int32 = 0
        var highest: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0)
        return current > 0
    }

    /// Copies the whole database, as of one snapshot, into `destination`'s main database.
    func backup(into destination: SQLiteConnection) throws(StoreError) {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw StoreError(sqliteCode: sqlite3_errcode(destination.handle), database: destination.handle)
        }
        // One step copies every page under one read transaction, so the copy is a snapshot; in WAL
        // mode writers carry on meanwhile.
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else {
            throw StoreError(sqliteCode: stepCode, message: String(cString: sqlite3_errstr(stepCode)))
        }
        guard finishCode == SQLITE_OK else {
            throw StoreError(sqliteCode: finishCode, database: destination.handle)
        }
    }
}
