/// Writes protobuf wire format into a buffer that was sized exactly beforehand.
///
/// Encoding is size-first: `ProtoMessage.encodedSize()` computes the exact byte count, one buffer
/// of that size is allocated, and the encoder fills it front to back without ever checking for or
/// growing capacity. Only `ProtoMessage.serializedBytes()` and tests create encoders; generated
/// code receives one `inout`.
public struct BinaryEncoder {
    @usableFromInline var cursor: UnsafeMutableRawPointer
    @usableFromInline let start: UnsafeMutableRawPointer

    /// Creates an encoder writing at `buffer`, which must have room for every byte written.
    @inlinable
    public init(unsafeBuffer buffer: UnsafeMutableRawPointer) {
        self.cursor = buffer
        self.start = buffer
    }

    /// Bytes written so far.
    @inlinable
    public var bytesWritten: Int { cursor - start }

    @inlinable
    public mutating func writeByte(_ b: UInt8) {
        cursor.storeBytes(of: b, as: UInt8.self)
        cursor += 1
    }

    @inlinable
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            cursor.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, as: UInt8.self)
            cursor += 1
            v >>= 7
        }
        cursor.storeBytes(of: UInt8(v), as: UInt8.self)
        cursor += 1
    }

    @inlinable
    public mutating func writeTag(_ fieldNumber: Int, _ wireType: WireType) {
        writeVarint(UInt64(fieldNumber) << 3 | UInt64(wireType.rawValue))
    }

    @inlinable public mutating func writeInt32(_ v: Int32) { writeVarint(UInt64(bitPattern: Int64(v))) }
    @inlinable public mutating func writeInt64(_ v: Int64) { writeVarint(UInt64(bitPattern: v)) }
    @inlinable public mutating func writeUInt32(_ v: UInt32) { writeVarint(UInt64(v)) }
    @inlinable public mutating func writeUInt64(_ v: UInt64) { writeVarint(v) }
    @inlinable public mutating func writeSInt32(_ v: Int32) { writeVarint(UInt64(ZigZag.encode(v))) }
    @inlinable public mutating func writeSInt64(_ v: Int64) { writeVarint(ZigZag.encode(v)) }
    @inlinable public mutating func writeBool(_ v: Bool) { writeByte(v ? 1 : 0) }
    @inlinable public mutating func writeEnum(_ raw: Int32) { writeInt32(raw) }

    @inlinable
    public mutating func writeFixed32(_ v: UInt32) {
        cursor.storeBytes(of: v.littleEndian, as: UInt32.self)
        cursor += 4
    }

    @inlinable
    public mutating func writeFixed64(_ v: UInt64) {
        cursor.storeBytes(of: v.littleEndian, as: UInt64.self)
        cursor += 8
    }

    @inlinable public mutating func writeSFixed32(_ v: Int32) { writeFixed32(UInt32(bitPattern: v)) }
    @inlinable public mutating func writeSFixed64(_ v: Int64) { writeFixed64(UInt64(bitPattern: v)) }
    @inlinable public mutating func writeFloat(_ v: Float) { writeFixed32(v.bitPattern) }
    @inlinable public mutating func writeDouble(_ v: Double) { writeFixed64(v.bitPattern) }

    /// Copies raw bytes (already in wire format, e.g. preserved unknown fields).
    @inlinable
    public mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        cursor.copyMemory(from: base, byteCount: bytes.count)
        cursor += bytes.count
    }

    @inlinable
    public mutating func writeRaw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeRaw($0) }
    }

    /// A length-prefixed string (UTF-8).
    @inlinable
    public mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            writeRaw(UnsafeRawBufferPointer(utf8))
        }
    }

    /// Length-prefixed bytes.
    @inlinable
    public mutating func writeBytes(_ b: [UInt8]) {
        writeVarint(UInt64(b.count))
        writeRaw(b)
    }

    /// A length-prefixed nested message.
    @inlinable
    public mutating func writeMessage<M: ProtoMessage>(_ m: M) {
        writeVarint(UInt64(m.encodedSize()))
        m.encode(to: &self)
    }

    /// A proto2 group: start tag, the message's fields, end tag.
    @inlinable
    public mutating func writeGroup<M: ProtoMessage>(_ m: M, fieldNumber: Int) {
        writeTag(fieldNumber, .startGroup)
        m.encode(to: &self)
        writeTag(fieldNumber, .endGroup)
    }
}
