/// Why a store operation failed, in cases the RPC layer can map to a status.
///
/// Suggested mapping: `busy`, `full`, `io`, `closed` → UNAVAILABLE (the client may retry);
/// `constraint(.unique | .primaryKey)` → ALREADY_EXISTS; other `constraint` → FAILED_PRECONDITION;
/// `corrupt`, `cannotOpen`, `schemaTooNew`, `migrationFailed`, `readOnly`, `sql`, `misuse`,
/// `typeMismatch`, `noSuchColumn` → INTERNAL (a defect or a damaged deployment, not the caller's
/// fault). Every case carries the database engine's own message where there is one.
public enum StoreError: Error, Sendable, Equatable {
    /// The database is locked by another connection or process and stayed so past the busy timeout.
    case busy(String)
    /// A constraint refused the change; `message` names the table and columns
    /// (`UNIQUE constraint failed: org_unit.id`).
    case constraint(ConstraintKind, message: String)
    /// The disk (or the database's size limit) is full; nothing of the failed transaction was kept.
    case full(String)
    /// An I/O error reading or writing the database files.
    case io(String)
    /// The database file is damaged or is not a database.
    case corrupt(String)
    /// The database file could not be opened; `path` says which file.
    case cannotOpen(path: String, reason: String)
    /// The database (or its directory) is read-only, or a write was attempted in a read transaction.
    case readOnly(String)
    /// The SQL text was rejected: a syntax error, an unknown table or column, and the like.
    case sql(message: String, statement: String)
    /// The store was used against its rules (wrong parameter count, an unsupported placeholder,
    /// transaction control inside a transaction body, a transaction used after its body returned).
    case misuse(String)
    /// A column held another type than the one asked for.
    case typeMismatch(column: String, expected: String, found: String)
    /// A row has no column of that name or index.
    case noSuchColumn(String)
    /// The database was written by newer code: `component`'s schema is at `found`, this code knows
    /// up to `supported`. Refusing to open keeps old code from damaging new data.
    case schemaTooNew(component: String, found: Int, supported: Int)
    /// A migration failed, or the database records a migration under another name than this code.
    case migrationFailed(component: String, version: Int, name: String, message: String)
    /// The database has been closed.
    case closed
    /// Any other engine error, with its numeric code.
    case engine(code: Int32, message: String)

    /// What kind of constraint refused a change.
    public enum ConstraintKind: String, Sendable, Equatable {
        case unique, primaryKey, foreignKey, notNull, check, other
    }

    /// True for failures a client may retry as they are (the RPC layer's UNAVAILABLE).
    public var isTransient: Bool {
        switch self {
        case .busy, .full, .io, .closed: true
        default: false
        }
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .busy(let m): "database busy: \(m)"
        case .constraint(let kind, let m): "\(kind) constraint failed: \(m)"
        case .full(let m): "disk or database full: \(m)"
        case .io(let m): "database I/O error: \(m)"
        case .corrupt(let m): "database corrupt: \(m)"
        case .cannotOpen(let path, let reason): "cannot open database file \(path): \(reason)"
        case .readOnly(let m): "database is read-only: \(m)"
        case .sql(let m, let statement): "SQL error: \(m) in: \(statement)"
        case .misuse(let m): "store misuse: \(m)"
        case .typeMismatch(let column, let expected, let found):
            "column \(column): expected \(expected), found \(found)"
        case .noSuchColumn(let c): "no such column: \(c)"
        case .schemaTooNew(let component, let found, let supported):
            "the database's \(component) schema is at version \(found) but this program knows only up to \(supported); use a newer program"
        case .migrationFailed(let component, let version, let name, let m):
            "migration \(component) \(version) (\(name)) failed: \(m)"
        case .closed: "database is closed"
        case .engine(let code, let m): "database error \(code): \(m)"
        }
    }
}
