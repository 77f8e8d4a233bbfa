import Store

/// A failed PostgreSQL call: the server's SQLSTATE (when it sent one), the `StoreError` it maps
/// to, and what the pool should do about it.
///
/// SQLSTATE classes, as `StoreError` sees them:
/// - 23505 unique → `constraint(.unique)`, or `.primaryKey` for a constraint with PostgreSQL's
///   default primary-key name (`<table>_pkey`); 23503 and 23001 → `.foreignKey`; 23502
///   `.notNull`; 23514 `.check`; other class 23 → `.other`;
/// - 40001 serialization failure and 40P01 deadlock → `busy`, after the store has retried the
///   transaction a bounded number of times; 55P03 lock timeout and 57014 statement timeout →
///   `busy`;
/// - 53100 disk full and other class 53 (insufficient resources) → `full`, but 53300 too many
///   connections → `busy`;
/// - class 08 (connection), 57P01–57P03 (server shutting down or starting) and 58030 → `io`, after
///   which the pool reconnects; XX001/XX002 → `corrupt`;
/// - 25006 → `readOnly`; 42P18 (a parameter whose type cannot be inferred, such as one never
///   used) and 25P02 (a statement after a failed one) → `misuse`; other class 42, 22 and 0A →
///   `sql`; anything else → `engine`.
struct PostgresFailure: Sendable {
    /// The five-character SQLSTATE, or nil when libpq failed without one (a lost connection).
    let sqlState: String?
    let error: StoreError

    init(sqlState: String, message: String, constraint: String?, statement: String) {
        self.sqlState = sqlState
        error = Self.storeError(sqlState: sqlState, message: message, constraint: constraint, statement: statement)
    }

    init(connectionLost message: String) {
        sqlState = nil
        error = .io(message)
    }

    /// A serialization failure or deadlock: running the whole transaction again may succeed.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// The session is gone (or going): the connection must be re-established before its next use.
    var isConnectionLoss: Bool {
        guard let sqlState else { return true }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    private static func storeError(sqlState: String, message: String, constraint: String?, statement: String) -> StoreError {
        let sqlClass = sqlState.prefix(2)
        switch sqlState {
        case "23505":
            return .constraint(constraint?.hasSuffix("_pkey") == true ? .primaryKey : .unique, message: message)
        case "23503", "23001": return .constraint(.foreignKey, message: message)
        case "23502": return .constraint(.notNull, message: message)
        case "23514": return .constraint(.check, message: message)
        case "40001", "40P01", "55P03", "57014", "53300": return .busy(message)
        case "53100": return .full(message)
        case "57P01", "57P02", "57P03", "58030": return .io(message)
        case "XX001", "XX002": return .corrupt(message)
        case "25006": return .readOnly(message)
        case "42P18": return .misuse("\(message): \(statement)")
        case "25P02":
            return .misuse("on PostgreSQL a transaction cannot go on after one of its statements failed; let the first error end the body")
        default:
            break
        }
        switch sqlClass {
        case "23": return .constraint(.other, message: message)
        case "53": return .full(message)
        case "08": return .io(message)
        case "42", "22", "0A": return .sql(message: message, statement: statement)
        default: return .engine(code: 0, message: "SQLSTATE \(sqlState): \(message)")
        }
    }
}
