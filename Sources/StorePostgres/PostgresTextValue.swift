import Store

/// PostgreSQL's text forms of values, to and from `SQLValue`.
///
/// Results arrive in text format, which every type has; the column's type OID says which storage
/// class the text stands for. Integer-like types (int2, int4, int8, oid, bool) become `integer`,
/// floating and numeric types `real`, bytea `blob`, and everything else (text, varchar, char, json,
/// dates, …) `text`.
enum PostgresTextValue {
    // Type OIDs from PostgreSQL's catalog (pg_type.dat); fixed since PostgreSQL 7.
    static let bool: UInt32 = 16
    static let bytea: UInt32 = 17
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let oid: UInt32 = 26
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let numeric: UInt32 = 1700

    static func decode(_ text: UnsafeBufferPointer<UInt8>, type: UInt32) -> SQLValue {
        switch type {
        case int8, int4, int2, oid:
            if let value = Int64(String(decoding: text, as: UTF8.self)) { return .integer(value) }
        case bool:
            if text.count == 1 { return .integer(text[0] == UInt8(ascii: "t") ? 1 : 0) }
        case float8, float4, numeric:
            // Text is "Infinity", "-Infinity", "NaN" or a decimal, all of which Double parses.
            if let value = Double(String(decoding: text, as: UTF8.self)) { return .real(value) }
        case bytea:
            if let bytes = decodeHexBytea(text) { return .blob(bytes) }
        default:
            break
        }
        return .text(String(decoding: text, as: UTF8.self))
    }

    /// bytea's hex output (`\x` then two hex digits a byte), the server's default since 9.0.
    private static func decodeHexBytea(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"), text.count % 2 == 0 else {
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = hexDigit(text[index]), let low = hexDigit(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The text a number is sent as: PostgreSQL parses it into whatever numeric type it inferred
    /// for the parameter (int2 … int8, numeric, float8).
    static func encode(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        // Swift prints the shortest text that reads back as the same Double.
        return String(value)
    }
}
