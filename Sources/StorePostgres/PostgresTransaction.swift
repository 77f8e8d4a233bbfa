import Store

/// The transaction handed to a `read` or `write` body on PostgreSQL: statements run on the pooled
/// connection of the thread running the body, and only while the body runs.
///
/// Reads get the same type as writes; the server refuses changes in a read, whose transaction is
/// `READ ONLY`.
final class PostgresTransaction: SQLWriteTransaction {
    var dialect: SQLDialect { .postgresql }
    private let connection: PostgresConnection
    private var isOpen = true

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Called when the body has returned: a transaction kept past its body must not reach the
    /// connection, which by then serves somebody else's transaction.
    func end() {
        isOpen = false
    }

    private func checkUsable(_ sql: String) throws(StoreError) {
        guard isOpen else { throw .misuse("a transaction was used after its body returned") }
        try TransactionControlCheck.check(sql)
    }

    func query(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> [Row] {
        try checkUsable(sql)
        let result = try connection.execute(sql, parameters)
        return (0..<result.rowCount).map(result.row)
    }

    func forEachRow(
        _ sql: String, _ parameters: [any SQLValueConvertible], _ body: (Row) throws -> Bool
    ) throws {
        try checkUsable(sql)
        // libpq has the whole result by now; rows are made one at a time as the body asks.
        let result = try connection.execute(sql, parameters)
        for index in 0..<result.rowCount {
            guard try body(result.row(index)) else { return }
        }
    }

    @discardableResult
    func execute(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> Int {
        try checkUsable(sql)
        return try connection.execute(sql, parameters).changedRows
    }

    func executeScript(_ sql: String) throws(StoreError) {
        try checkUsable(sql)
        try connection.executeScript(sql)
    }
}
