/// One result row: its values in column order, and the column names shared by every row of the
/// same result.
///
/// Read a column by index or by name, as the Swift type you expect:
/// `let id: String = try row.get("id")`, `let due: Int64? = try row.get(3)`. A value of another
/// storage class (or NULL where a non-optional type is asked for) throws
/// `StoreError.typeMismatch` naming the column, never a silent conversion. Column names are
/// matched exactly; write them in lower-case snake_case so that PostgreSQL (which folds unquoted
/// names to lower case) returns the same names.
public struct Row: Sendable {
    public let columns: ColumnNames
    public let values: [SQLValue]

    public init(columns: ColumnNames, values: [SQLValue]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    public var count: Int { values.count }

    /// The raw value at `index`, or `.null` past the end.
    public subscript(index: Int) -> SQLValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The raw value of the column called `name`, or nil if the result has no such column.
    public subscript(name: String) -> SQLValue? {
        columns.index(of: name).map { values[$0] }
    }

    /// The value at `index` as `T`.
    public func get<T: SQLColumnDecodable>(_ index: Int, as type: T.Type = T.self) throws(StoreError) -> T {
        guard values.indices.contains(index) else {
            throw .noSuchColumn("#\(index) (the result has \(values.count) columns)")
        }
        return try decode(index, as: type)
    }

    /// The value of the column called `name` as `T`.
    public func get<T: SQLColumnDecodable>(_ name: String, as type: T.Type = T.self) throws(StoreError) -> T {
        guard let index = columns.index(of: name) else {
            throw .noSuchColumn("\(name) (the result has \(columns.names.joined(separator: ", ")))")
        }
        return try decode(index, as: type)
    }

    private func decode<T: SQLColumnDecodable>(_ index: Int, as type: T.Type) throws(StoreError) -> T {
        guard let decoded = T(sqlValue: values[index]) else {
            throw .typeMismatch(
                column: columns.names[index], expected: T.sqlTypeDescription, found: values[index].typeName)
        }
        return decoded
    }
}

/// The column names of a result, with a name-to-index lookup built once per result.
public final class ColumnNames: Sendable {
    public let names: [String]
    private let indexByName: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var lookup: [String: Int] = [:]
        // The first of two equal names wins, as in SQL's own resolution of `SELECT a.x, b.x`.
        for (i, name) in names.enumerated() where lookup[name] == nil { lookup[name] = i }
        indexByName = lookup
    }

    public var count: Int { names.count }

    public func index(of name: String) -> Int? { indexByName[name] }
}
