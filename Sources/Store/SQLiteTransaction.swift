/// The transaction handed to a `read` or `write` body on SQLite: queries run on the connection of
/// the thread running the body, and only while the body runs.
final class SQLiteTransaction: SQLWriteTransaction {
    var dialect: SQLDialect { .sqlite }
    private let connection: SQLiteConnection
    private var isOpen = true

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Called when the body has returned: a transaction kept past its body must not reach the
    /// connection, which by then serves somebody else's transaction.
    func end() {
        isOpen = false
    }

    private func checkOpen() throws(StoreError) {
        guard isOpen else { throw .misuse("a transaction was used after its body returned") }
    }

    func query(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> [Row] {
        try checkOpen()
        return try connection.withStatement(sql) { statement throws(StoreError) in
            try statement.bind(parameters)
            let columns = statement.columnNames()
            var rows: [Row] = []
            while try statement.step() {
                rows.append(statement.currentRow(columns))
            }
            return rows
        }
    }

    func forEachRow(
        _ sql: String, _ parameters: [any SQLValueConvertible], _ body: (Row) throws -> Bool
    ) throws {
        try checkOpen()
        var bodyError: (any Error)?
        try connection.withStatement(sql) { statement throws(StoreError) in
            try statement.bind(parameters)
            let columns = statement.columnNames()
            while try statement.step() {
                do {
                    guard try body(statement.currentRow(columns)) else { return }
                } catch {
                    bodyError = error
                    return
                }
            }
        }
        if let bodyError { throw bodyError }
    }

    @discardableResult
    func execute(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> Int {
        try checkOpen()
        return try connection.withStatement(sql) { statement throws(StoreError) in
            try statement.bind(parameters)
            // Step to the end: a RETURNING clause's rows are produced (and discarded) on the way.
            while try statement.step() {}
            return connection.changes
        }
    }

    func executeScript(_ sql: String) throws(StoreError) {
        try checkOpen()
        try connection.executeScript(sql)
    }
}
