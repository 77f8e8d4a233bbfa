/// A SQL database the domain reads and writes through transactions.
///
/// The domain writes portable SQL (the subset SQLite and PostgreSQL share) with parameters spelled
/// `$1`, `$2`, … (PostgreSQL's own spelling; the SQLite implementation maps them). Each `write`
/// body runs in one transaction: it commits as a whole when the body returns and rolls back as a
/// whole when it throws, and `write` returns only once the commit is durable. Each `read` body sees
/// one consistent snapshot and never waits for writers.
///
/// Bodies are synchronous and run on the database's own threads, so they must not block on
/// anything but the database; keep them to SQL and plain computation. Write bodies run one after
/// another on one writer, so keep them short and do heavy reading in `read`.
///
/// Portable SQL, as this module's users write it:
/// - parameters `$1 … $n`, every one used, none left over;
/// - generated keys with `INSERT … RETURNING id` (through `query`), upserts with
///   `INSERT … ON CONFLICT (…) DO NOTHING | DO UPDATE SET …`;
/// - column names in lower-case snake_case (PostgreSQL folds unquoted names to lower case);
/// - times as BIGINT (the schema names the unit), booleans as INTEGER 0/1, bytes as
///   BLOB/BYTEA per dialect in migrations only (`dialect` tells which);
/// - no transaction control in bodies: the store owns BEGIN, COMMIT and SAVEPOINT (a body that
///   tries gets `StoreError.misuse`).
public protocol Database: Sendable {
    /// Which SQL dialect the rare non-portable statement should be written in.
    var dialect: SQLDialect { get }

    /// Runs `body` in a read-only transaction over one snapshot and returns its result.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLReadTransaction) throws -> T) async throws -> T

    /// Runs `body` in a read-write transaction and returns its result once the transaction is
    /// durably committed. If `body` throws, none of its changes are kept and its error is rethrown
    /// as it is; a store failure throws `StoreError`. Once queued, a write is not cancelled with
    /// its task: it commits or fails as a whole, and the outcome is what `write` reports.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLWriteTransaction) throws -> T) async throws -> T

    /// Finishes queued work, then closes. Later calls throw `StoreError.closed`.
    func close() async
}

/// The SQL dialects a `Database` can speak.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgresql
}

/// Queries inside a transaction. Valid only while the transaction body runs; using it afterwards
/// throws `StoreError.misuse`.
///
/// Parameters are `$1 … $n`, and exactly `n` values must be given. Every statement is prepared
/// once per connection and cached by its SQL text, so write SQL as constant strings and pass every
/// variable as a parameter.
public protocol SQLReadTransaction {
    var dialect: SQLDialect { get }

    /// Every row of the result.
    func query(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> [Row]

    /// Calls `body` with each row in turn, without collecting them; stops early when `body`
    /// returns false. Errors thrown by `body` are rethrown as they are.
    func forEachRow(
        _ sql: String, _ parameters: [any SQLValueConvertible], _ body: (Row) throws -> Bool
    ) throws
}

/// Queries and changes inside a read-write transaction.
public protocol SQLWriteTransaction: SQLReadTransaction {
    /// Runs one statement and returns how many rows it changed (meaningful for INSERT, UPDATE and
    /// DELETE). A statement with `RETURNING` belongs in `query`, which returns the rows: it is the
    /// portable way to learn a generated key.
    @discardableResult
    func execute(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> Int

    /// Runs several `;`-separated statements without parameters (schema changes in migrations).
    func executeScript(_ sql: String) throws(StoreError)
}

extension SQLReadTransaction {
    public func query(_ sql: String) throws(StoreError) -> [Row] {
        try query(sql, [])
    }

    /// The first row of the result, or nil if there is none.
    public func queryFirst(_ sql: String, _ parameters: [any SQLValueConvertible] = []) throws(StoreError) -> Row? {
        var first: Row?
        do {
            try forEachRow(sql, parameters) { row in
                first = row
                return false
            }
        } catch let error as StoreError {
            throw error
        } catch {
            preconditionFailure("the row body above cannot throw")
        }
        return first
    }

    /// The first column of the first row as `T`, or nil if there is no row.
    public func scalar<T: SQLColumnDecodable>(
        _ sql: String, _ parameters: [any SQLValueConvertible] = [], as type: T.Type = T.self
    ) throws(StoreError) -> T? {
        guard let row = try queryFirst(sql, parameters) else { return nil }
        return try row.get(0, as: type)
    }
}

extension SQLWriteTransaction {
    @discardableResult
    public func execute(_ sql: String) throws(StoreError) -> Int {
        try execute(sql, [])
    }
}
