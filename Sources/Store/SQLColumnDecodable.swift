/// A Swift type a column value can be read as (`Row.get`).
///
/// Conversions are strict: an integer column reads as `Int64`, `Int`, `Int32` (range-checked),
/// `Double` or `Bool` (0 or 1 only); text only as `String`; a blob only as `[UInt8]`. NULL reads
/// only as an `Optional`.
public protocol SQLColumnDecodable {
    /// The value as `Self`, or nil if it has another storage class or is out of range.
    init?(sqlValue: SQLValue)
    /// What was expected, for `StoreError.typeMismatch`.
    static var sqlTypeDescription: String { get }
}

extension SQLValue: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) { self = sqlValue }
    public static var sqlTypeDescription: String { "any value" }
}

extension Int64: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue else { return nil }
        self = v
    }
    public static var sqlTypeDescription: String { "INTEGER" }
}

extension Int: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue, let n = Int(exactly: v) else { return nil }
        self = n
    }
    public static var sqlTypeDescription: String { "INTEGER" }
}

extension Int32: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue, let n = Int32(exactly: v) else { return nil }
        self = n
    }
    public static var sqlTypeDescription: String { "INTEGER (32-bit)" }
}

extension UInt32: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue, let n = UInt32(exactly: v) else { return nil }
        self = n
    }
    public static var sqlTypeDescription: String { "INTEGER (unsigned 32-bit)" }
}

extension Double: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let v): self = v
        // SQLite may hand back a whole-valued REAL as INTEGER; widening it loses nothing.
        case .integer(let v): self = Double(v)
        default: return nil
        }
    }
    public static var sqlTypeDescription: String { "REAL" }
}

extension Bool: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(0): self = false
        case .integer(1): self = true
        default: return nil
        }
    }
    public static var sqlTypeDescription: String { "INTEGER (0 or 1)" }
}

extension String: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        guard case .text(let v) = sqlValue else { return nil }
        self = v
    }
    public static var sqlTypeDescription: String { "TEXT" }
}

extension Array: SQLColumnDecodable where Element == UInt8 {
    public init?(sqlValue: SQLValue) {
        guard case .blob(let v) = sqlValue else { return nil }
        self = v
    }
    public static var sqlTypeDescription: String { "BLOB" }
}

extension Optional: SQLColumnDecodable where Wrapped: SQLColumnDecodable {
    public init?(sqlValue: SQLValue) {
        if case .null = sqlValue {
            self = .none
        } else if let v = Wrapped(sqlValue: sqlValue) {
            self = .some(v)
        } else {
            return nil
        }
    }
    public static var sqlTypeDescription: String { Wrapped.sqlTypeDescription + " or NULL" }
}
