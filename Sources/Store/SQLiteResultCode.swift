import CSQLite

// The extended constraint codes are function-like macros in sqlite3.h, which Swift does not import.
private let constraintCheck = SQLITE_CONSTRAINT | (1 << 8)
private let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
private let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
private let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
private let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
private let constraintRowID = SQLITE_CONSTRAINT | (10 << 8)

extension StoreError {
    /// The error for a failed SQLite call, with the connection's message.
    init(sqliteCode code: Int32, database: OpaquePointer, statement: String? = nil) {
        self.init(sqliteCode: code, message: String(cString: sqlite3_errmsg(database)), statement: statement)
    }

    /// The error for SQLite result `code` (extended codes are understood).
    init(sqliteCode code: Int32, message: String, statement: String? = nil) {
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            self = .busy(message)
        case SQLITE_CONSTRAINT:
            let kind: ConstraintKind =
                switch code {
                case constraintUnique: .unique
                case constraintPrimaryKey, constraintRowID: .primaryKey
                case constraintForeignKey: .foreignKey
                case constraintNotNull: .notNull
                case constraintCheck: .check
                default: .other
                }
            self = .constraint(kind, message: message)
        case SQLITE_FULL:
            self = .full(message)
        case SQLITE_IOERR:
            self = .io(message)
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            self = .corrupt(message)
        case SQLITE_CANTOPEN:
            self = .cannotOpen(path: "", reason: message)
        case SQLITE_READONLY:
            self = .readOnly(message)
        case SQLITE_AUTH:
            self = .misuse("transaction control (BEGIN, COMMIT, SAVEPOINT, …) belongs to the store, not to a transaction body: \(message)")
        case SQLITE_MISUSE, SQLITE_RANGE:
            self = .misuse(message)
        case SQLITE_ERROR:
            self = .sql(message: message, statement: statement ?? "")
        default:
            self = .engine(code: code, message: message)
        }
    }
}
