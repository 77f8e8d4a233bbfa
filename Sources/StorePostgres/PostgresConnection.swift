import CPQ
import Store

#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection: the C bridge for connecting, preparing and running statements.
///
/// A connection belongs to the one pool thread that opened it. libpq calls block until the server
/// answers, which is why they are made only on the pool's own threads and never on a Swift
/// concurrency thread.
final class PostgresConnection {
    private let handle: OpaquePointer
    /// The URL with any password blanked out, for error messages.
    let displayURL: String
    /// Statements prepared on this connection, by SQL text. Prepared statements outlive the
    /// transaction that prepared them (PostgreSQL does not roll them back), so the cache stays
    /// valid across rollbacks. Bounded: SQL built from data must not grow it without limit.
    private var statements: [String: PreparedStatement] = [:]
    private var preparedSoFar = 0
    private static let statementCacheLimit = 256

    /// The first failure since `beginTracking()`: PostgreSQL aborts a transaction at its first
    /// error, so this (not a later "transaction is aborted") is what the transaction failed of,
    /// and its SQLSTATE decides whether the transaction is retried.
    private(set) var firstFailure: PostgresFailure?

    private struct PreparedStatement {
        let name: String
        let parameterCount: Int
    }

    /// Connects and sets the session up for the store: durable commits, UTF-8 text, and a bound on
    /// how long a statement waits for another transaction's lock.
    init(url: String, displayURL: String, lockTimeout: Duration) throws(StoreError) {
        guard let handle = PQconnectdb(url) else {
            throw .cannotOpen(path: displayURL, reason: "libpq could not allocate a connection")
        }
        self.handle = handle
        self.displayURL = displayURL
        guard PQstatus(handle) == CONNECTION_OK else {
            throw .cannotOpen(path: displayURL, reason: errorMessage)
        }
        do {
            try configureSession(lockTimeout: lockTimeout)
        } catch {
            throw .cannotOpen(path: displayURL, reason: error.description)
        }
        firstFailure = nil
    }

    /// Session settings the store relies on, whatever the server's defaults: every commit durable
    /// before it is acknowledged, UTF-8 text, floats printed exactly, lock waits bounded, and
    /// notices (such as IF NOT EXISTS skipping) kept off stderr.
    private func configureSession(lockTimeout: Duration) throws(StoreError) {
        let milliseconds = lockTimeout.components.seconds * 1000 + lockTimeout.components.attoseconds / 1_000_000_000_000_000
        try executeScript("""
            SET synchronous_commit = on;
            SET client_encoding = 'UTF8';
            SET extra_float_digits = 1;
            SET lock_timeout = \(max(0, milliseconds));
            SET client_min_messages = warning
            """)
    }

    deinit {
        PQfinish(handle)
    }

    /// The connection's latest error text, without libpq's trailing newline.
    private var errorMessage: String {
        guard let text = PQerrorMessage(handle) else { return "unknown error" }
        var message = String(cString: text)
        while message.last?.isNewline == true { message.removeLast() }
        return message.isEmpty ? "unknown error" : message
    }

    /// False once the server or the network has dropped the connection.
    var isUsable: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Reconnects with the same settings after the connection was lost; prepared statements are
    /// gone with the old session.
    func reconnect(lockTimeout: Duration) throws(StoreError) {
        statements.removeAll()
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else { throw .io("cannot reach PostgreSQL at \(displayURL): \(errorMessage)") }
        try configureSession(lockTimeout: lockTimeout)
    }

    /// True while a transaction is open (in progress or aborted by an error).
    var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// True when the open transaction has been aborted by an error: COMMIT would only roll it back.
    var isTransactionAborted: Bool { PQtransactionStatus(handle) == PQTRANS_INERROR }

    /// Forgets the previous transaction's failure.
    func beginTracking() {
        firstFailure = nil
    }

    /// Runs `sql`, which may hold several `;`-separated statements and takes no parameters.
    func executeScript(_ sql: String) throws(StoreError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, statement: sql)
    }

    /// Runs one statement with `parameters` (prepared on first use) and returns its result.
    func execute(_ sql: String, _ parameters: [any SQLValueConvertible]) throws(StoreError) -> PostgresResult {
        let statement = try prepared(sql)
        guard parameters.count == statement.parameterCount else {
            throw .misuse("statement takes \(statement.parameterCount) parameters, \(parameters.count) given: \(sql)")
        }
        let values = parameters.map(\.sqlValue)
        let result = try PostgresParameters.withEncoded(values, sql: sql) { count, pointers, lengths, formats in
            // Text results: every type has a text form, so any column reads back (see PostgresResult).
            PQexecPrepared(handle, statement.name, count, pointers, lengths, formats, 0)
        }
        do {
            try check(result, statement: sql)
        } catch {
            PQclear(result)
            throw error
        }
        return PostgresResult(result!)
    }

    private func prepared(_ sql: String) throws(StoreError) -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementCacheLimit {
            try executeScript("DEALLOCATE ALL")
            statements.removeAll()
        }
        preparedSoFar += 1
        let name = "jiceng_\(preparedSoFar)"
        // No parameter types: the server infers each from where it is used, as SQLite accepts any.
        let prepareResult = PQprepare(handle, name, sql, 0, nil)
        defer { PQclear(prepareResult) }
        try check(prepareResult, statement: sql)
        let description = PQdescribePrepared(handle, name)
        defer { PQclear(description) }
        try check(description, statement: sql)
        let statement = PreparedStatement(name: name, parameterCount: Int(PQnparams(description)))
        statements[sql] = statement
        return statement
    }

    /// Waits up to `milliseconds` for the server to send something, then returns the payloads of
    /// the notifications that arrived on LISTENed channels (none on timeout). Throws `io` once the
    /// connection is lost.
    func awaitNotifications(milliseconds: Int32) throws(StoreError) -> [String] {
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw .io("PostgreSQL at \(displayURL): the connection is closed") }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
        guard PQconsumeInput(handle) == 1 else { throw .io("PostgreSQL at \(displayURL): \(errorMessage)") }
        var payloads: [String] = []
        while let notification = PQnotifies(handle) {
            payloads.append(String(cString: notification.pointee.extra))
            PQfreemem(notification)
        }
        return payloads
    }

    /// Throws the error `result` reports, if any, remembering the transaction's first failure.
    private func check(_ result: OpaquePointer?, statement: String) throws(StoreError) {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            let failure: PostgresFailure
            if let result, let code = Self.field(result, "C") {
                var message = Self.field(result, "M") ?? errorMessage
                if let detail = Self.field(result, "D") { message += " (\(detail))" }
                failure = PostgresFailure(
                    sqlState: code, message: message, constraint: Self.field(result, "n"), statement: statement)
            } else {
                // No SQLSTATE: libpq itself failed, almost always because the connection is gone.
                failure = PostgresFailure(connectionLost: "PostgreSQL at \(displayURL): \(errorMessage)")
            }
            if firstFailure == nil { firstFailure = failure }
            throw failure.error
        }
    }

    /// One field of an error result (`PG_DIAG_*`, which are character codes).
    private static func field(_ result: OpaquePointer, _ code: Character) -> String? {
        PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
    }
}
