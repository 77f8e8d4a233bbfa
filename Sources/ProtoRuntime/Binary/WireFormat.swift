/// The six protobuf wire types (the low three bits of every tag).
public enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}

/// A decoded field key: the field number and the wire type it was written with.
public struct FieldTag: Sendable, Hashable {
    public let fieldNumber: Int
    public let wireType: WireType

    @inlinable
    public init(fieldNumber: Int, wireType: WireType) {
        self.fieldNumber = fieldNumber
        self.wireType = wireType
    }

    /// The tag as it appears on the wire (`number << 3 | wireType`).
    @inlinable
    public var rawValue: UInt32 { UInt32(truncatingIfNeeded: fieldNumber) << 3 | UInt32(wireType.rawValue) }
}

/// Field numbers are 1 ... 2^29 - 1.
public enum FieldNumbers {
    public static let max = (1 << 29) - 1
    /// Reserved for the protobuf implementation itself.
    public static let reservedRange = 19000...19999
}

/// ZigZag maps signed integers onto unsigned ones so that small magnitudes stay short.
public enum ZigZag {
    @inlinable public static func encode(_ v: Int32) -> UInt32 { UInt32(bitPattern: (v << 1) ^ (v >> 31)) }
    @inlinable public static func encode(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    @inlinable public static func decode(_ v: UInt32) -> Int32 { Int32(bitPattern: (v >> 1) ^ (0 &- (v & 1))) }
    @inlinable public static func decode(_ v: UInt64) -> Int64 { Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))) }
}

/// Exact encoded sizes, used by the size pass of size-first encoding.
public enum WireSize {
    @inlinable
    public static func varint(_ v: UInt64) -> Int {
        // One byte per started group of seven bits; zero still takes one byte.
        let bits = 64 - (v | 1).leadingZeroBitCount
        return (bits + 6) / 7
    }

    @inlinable public static func varint(_ v: UInt32) -> Int { varint(UInt64(v)) }
    /// int32 values are sign-extended to 64 bits, so negatives always take ten bytes.
    @inlinable public static func int32(_ v: Int32) -> Int { varint(UInt64(bitPattern: Int64(v))) }
    @inlinable public static func int64(_ v: Int64) -> Int { varint(UInt64(bitPattern: v)) }
    @inlinable public static func sint32(_ v: Int32) -> Int { varint(UInt64(ZigZag.encode(v))) }
    @inlinable public static func sint64(_ v: Int64) -> Int { varint(ZigZag.encode(v)) }
    @inlinable public static func tag(_ fieldNumber: Int) -> Int { varint(UInt64(fieldNumber) << 3) }

    /// A length-delimited string: its length prefix plus its UTF-8 bytes.
    @inlinable
    public static func string(_ s: String) -> Int {
        let n = s.utf8.count
        return varint(UInt64(n)) + n
    }

    @inlinable
    public static func bytes(_ b: [UInt8]) -> Int { varint(UInt64(b.count)) + b.count }

    /// A length-delimited nested message: its length prefix plus its body.
    @inlinable
    public static func message<M: ProtoMessage>(_ m: M) -> Int {
        let n = m.encodedSize()
        return varint(UInt64(n)) + n
    }

    /// A length-delimited block whose body is `n` bytes (packed fields, map entries).
    @inlinable
    public static func delimited(_ n: Int) -> Int { varint(UInt64(n)) + n }
}
