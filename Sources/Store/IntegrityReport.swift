/// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` found; empty when all is well.
public struct IntegrityReport: Sendable, Equatable {
    public let problems: [String]

    public var isOK: Bool { problems.isEmpty }

    /// Runs both checks in `transaction`.
    static func check(_ transaction: any SQLReadTransaction) throws(StoreError) -> IntegrityReport {
        var problems: [String] = []
        for row in try transaction.query("PRAGMA integrity_check") {
            let line = try row.get(0, as: String.self)
            if line != "ok" { problems.append(line) }
        }
        // Rows: table, rowid of the child row (NULL for WITHOUT ROWID tables), parent table, key index.
        for row in try transaction.query("PRAGMA foreign_key_check") {
            let table = try row.get(0, as: String.self)
            let rowID = try row.get(1, as: Int64?.self).map(String.init) ?? "?"
            let parent = try row.get(2, as: String.self)
            problems.append("\(table) row \(rowID): no matching row in \(parent)")
        }
        return IntegrityReport(problems: problems)
    }
}
