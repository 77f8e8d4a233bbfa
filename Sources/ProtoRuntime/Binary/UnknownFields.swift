/// Fields a message did not recognise, kept byte for byte (tag and value) in arrival order so that
/// re-encoding a message passes them through unchanged.
public struct UnknownFields: Sendable, Hashable {
    /// The raw wire bytes: a sequence of complete fields.
    public var bytes: [UInt8]

    @inlinable
    public init() { bytes = [] }

    @inlinable
    public init(bytes: [UInt8]) { self.bytes = bytes }

    @inlinable
    public var isEmpty: Bool { bytes.isEmpty }

    /// Appends one field: its tag and the raw bytes of its value exactly as they were read.
    @inlinable
    public mutating func append(tag: FieldTag, rawValue: UnsafeRawBufferPointer) {
        appendVarint(UInt64(tag.rawValue))
        bytes.append(contentsOf: rawValue)
    }

    /// Appends a varint field, used for unknown values of closed (proto2) enums.
    @inlinable
    public mutating func append(fieldNumber: Int, varint value: UInt64) {
        appendVarint(UInt64(fieldNumber) << 3)
        appendVarint(value)
    }

    @usableFromInline
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
