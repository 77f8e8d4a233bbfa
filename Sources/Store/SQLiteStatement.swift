import CSQLite

/// One prepared SQLite statement: the C bridge for binding, stepping and reading columns.
///
/// Parameters are spelled `$1 … $n` in the SQL. SQLite treats `$1` as a *named* parameter and
/// numbers parameters in order of first appearance, so the statement keeps a map from SQLite's
/// parameter index to the argument position the name denotes.
final class SQLiteStatement {
    let sql: String
    private let handle: OpaquePointer
    private let database: OpaquePointer
    /// For SQLite parameter index `i + 1`, the position in the argument list (the `n - 1` of `$n`).
    private let argumentPositions: [Int]
    /// How many arguments the statement takes: the highest `$n`.
    let argumentCount: Int
    /// Set while a caller is stepping through it, so that a nested use of the same SQL text gets a
    /// statement of its own instead of resetting this one underneath the caller.
    var isInUse = false

    init(database: OpaquePointer, sql: String, persistent: Bool) throws(StoreError) {
        var prepared: OpaquePointer?
        var trailing = ""
        let flags = UInt32(persistent ? SQLITE_PREPARE_PERSISTENT : 0)
        let rc = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(database, text, -1, flags, &prepared, &tail)
            if rc == SQLITE_OK, let tail { trailing = String(cString: tail) }
            return rc
        }
        guard rc == SQLITE_OK, let prepared else {
            throw StoreError(sqliteCode: rc, database: database, statement: sql)
        }
        guard trailing.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            sqlite3_finalize(prepared)
            throw .misuse("one statement per call (use executeScript for several): \(sql)")
        }
        self.sql = sql
        self.handle = prepared
        self.database = database
        do {
            (argumentPositions, argumentCount) = try Self.parameterMap(prepared, sql: sql)
        } catch {
            sqlite3_finalize(prepared)
            throw error
        }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private static func parameterMap(_ handle: OpaquePointer, sql: String) throws(StoreError) -> ([Int], Int) {
        let count = Int(sqlite3_bind_parameter_count(handle))
        var positions: [Int] = []
        positions.reserveCapacity(count)
        for index in 0..<count {
            let name = sqlite3_bind_parameter_name(handle, Int32(index + 1)).map { String(cString: $0) } ?? "?"
            guard name.first == "$", let n = Int(name.dropFirst()), n >= 1, String(n) == name.dropFirst() else {
                throw .misuse("unsupported parameter \(name); write parameters as $1, $2, …: \(sql)")
            }
            positions.append(n - 1)
        }
        let highest = (positions.max() ?? -1) + 1
        // PostgreSQL cannot type a parameter the text never mentions, so a gap is a portability bug.
        if highest != positions.count {
            let missing = (0..<highest).first { !positions.contains($0) }! + 1
            throw .misuse("parameter $\(missing) is never used: \(sql)")
        }
        return (positions, highest)
    }

    /// Binds `arguments` (exactly `argumentCount` of them) to the statement's parameters.
    func bind(_ arguments: [any SQLValueConvertible]) throws(StoreError) {
        guard arguments.count == argumentCount else {
            throw .misuse("statement takes \(argumentCount) parameters, \(arguments.count) given: \(sql)")
        }
        for (index, position) in argumentPositions.enumerated() {
            try bind(arguments[position].sqlValue, at: Int32(index + 1))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws(StoreError) {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so Swift's buffers need live only for the call.
        let transient = unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
        let rc: Int32
        switch value {
        case .null:
            rc = sqlite3_bind_null(handle, index)
        case .integer(let v):
            rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v):
            rc = sqlite3_bind_double(handle, index, v)
        case .text(var v):
            rc = v.withUTF8 { bytes in
                // An empty buffer may have no address, and a null pointer would bind NULL, not ''.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, transient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let v):
            rc = v.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), transient)
            }
        }
        guard rc == SQLITE_OK else { throw StoreError(sqliteCode: rc, database: database, statement: sql) }
    }

    /// Advances to the next row: true if there is one, false when the statement is done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc: throw StoreError(sqliteCode: rc, database: database, statement: sql)
        }
    }

    /// Makes the statement ready to run again, with no arguments bound.
    func reset() {
        // sqlite3_reset repeats the last step's error, which the step already reported.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func columnNames() -> ColumnNames {
        let count = sqlite3_column_count(handle)
        return ColumnNames((0..<count).map { String(cString: sqlite3_column_name(handle, $0)) })
    }

    /// The current row's values, after `step()` returned true.
    func currentRow(_ columns: ColumnNames) -> Row {
        Row(columns: columns, values: (0..<Int32(columns.count)).map(value(at:)))
    }

    private func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // Ask for the text before its length: the length is of the representation last asked for.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: length)))
        default:
            return .null
        }
    }
}
