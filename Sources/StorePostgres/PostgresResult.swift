import CPQ
import Store

/// A statement's complete result, as libpq received it (text format), read as `Row`s.
final class PostgresResult {
    private let handle: OpaquePointer
    let columns: ColumnNames
    private let columnTypes: [Oid]

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let count = PQnfields(handle)
        columns = ColumnNames((0..<count).map { String(cString: PQfname(handle, $0)) })
        columnTypes = (0..<count).map { PQftype(handle, $0) }
    }

    deinit {
        PQclear(handle)
    }

    var rowCount: Int { Int(PQntuples(handle)) }

    /// Rows changed by an INSERT, UPDATE or DELETE (0 for other statements).
    var changedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    func row(_ index: Int) -> Row {
        let row = Int32(index)
        return Row(columns: columns, values: columnTypes.indices.map { value(row: row, column: Int32($0)) })
    }

    private func value(row: Int32, column: Int32) -> SQLValue {
        if PQgetisnull(handle, row, column) != 0 { return .null }
        let length = Int(PQgetlength(handle, row, column))
        let bytes = UnsafeRawPointer(PQgetvalue(handle, row, column)!).assumingMemoryBound(to: UInt8.self)
        let text = UnsafeBufferPointer(start: bytes, count: length)
        return PostgresTextValue.decode(text, type: columnTypes[Int(column)])
    }
}
