/// How one protobuf field type travels on the wire: its wire type, exact size, and how to write and
/// read one value.
///
/// The codecs are caseless enums used only as type parameters, so that generic helpers (packed
/// repeated fields, map entries) specialise to straight-line code for each field type, e.g.
/// `decoder.readMapEntry(into: &labels, key: ProtoString.self, value: ProtoString.self)`.
public protocol ProtoFieldCodec {
    associatedtype Value
    /// The wire type of one unpacked value.
    static var wireType: WireType { get }
    /// The value a map entry takes when its key or value field is missing.
    static var defaultValue: Value { get }
    /// The bytes `write` produces for `value` (without any tag).
    static func size(of value: Value) -> Int
    static func write(_ value: Value, to encoder: inout BinaryEncoder)
    /// Reads one value, merging into `value` where the type merges (messages) and replacing it
    /// otherwise.
    static func read(from decoder: inout BinaryDecoder, into value: inout Value) throws(ProtoDecodingError)
}

/// A codec whose values are numbers or booleans, which repeated fields may pack.
public protocol ProtoPackableCodec: ProtoFieldCodec {}

public enum ProtoInt32: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int32 { 0 }
    @inlinable public static func size(of v: Int32) -> Int { WireSize.int32(v) }
    @inlinable public static func write(_ v: Int32, to e: inout BinaryEncoder) { e.writeInt32(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int32) throws(ProtoDecodingError) { v = try d.readInt32() }
}

public enum ProtoInt64: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int64 { 0 }
    @inlinable public static func size(of v: Int64) -> Int { WireSize.int64(v) }
    @inlinable public static func write(_ v: Int64, to e: inout BinaryEncoder) { e.writeInt64(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int64) throws(ProtoDecodingError) { v = try d.readInt64() }
}

public enum ProtoUInt32: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: UInt32 { 0 }
    @inlinable public static func size(of v: UInt32) -> Int { WireSize.varint(v) }
    @inlinable public static func write(_ v: UInt32, to e: inout BinaryEncoder) { e.writeUInt32(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout UInt32) throws(ProtoDecodingError) { v = try d.readUInt32() }
}

public enum ProtoUInt64: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: UInt64 { 0 }
    @inlinable public static func size(of v: UInt64) -> Int { WireSize.varint(v) }
    @inlinable public static func write(_ v: UInt64, to e: inout BinaryEncoder) { e.writeUInt64(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout UInt64) throws(ProtoDecodingError) { v = try d.readUInt64() }
}

public enum ProtoSInt32: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int32 { 0 }
    @inlinable public static func size(of v: Int32) -> Int { WireSize.sint32(v) }
    @inlinable public static func write(_ v: Int32, to e: inout BinaryEncoder) { e.writeSInt32(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int32) throws(ProtoDecodingError) { v = try d.readSInt32() }
}

public enum ProtoSInt64: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int64 { 0 }
    @inlinable public static func size(of v: Int64) -> Int { WireSize.sint64(v) }
    @inlinable public static func write(_ v: Int64, to e: inout BinaryEncoder) { e.writeSInt64(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int64) throws(ProtoDecodingError) { v = try d.readSInt64() }
}

public enum ProtoFixed32: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable public static var defaultValue: UInt32 { 0 }
    @inlinable public static func size(of v: UInt32) -> Int { 4 }
    @inlinable public static func write(_ v: UInt32, to e: inout BinaryEncoder) { e.writeFixed32(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout UInt32) throws(ProtoDecodingError) { v = try d.readFixed32() }
}

public enum ProtoFixed64: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable public static var defaultValue: UInt64 { 0 }
    @inlinable public static func size(of v: UInt64) -> Int { 8 }
    @inlinable public static func write(_ v: UInt64, to e: inout BinaryEncoder) { e.writeFixed64(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout UInt64) throws(ProtoDecodingError) { v = try d.readFixed64() }
}

public enum ProtoSFixed32: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable public static var defaultValue: Int32 { 0 }
    @inlinable public static func size(of v: Int32) -> Int { 4 }
    @inlinable public static func write(_ v: Int32, to e: inout BinaryEncoder) { e.writeSFixed32(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int32) throws(ProtoDecodingError) { v = try d.readSFixed32() }
}

public enum ProtoSFixed64: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable public static var defaultValue: Int64 { 0 }
    @inlinable public static func size(of v: Int64) -> Int { 8 }
    @inlinable public static func write(_ v: Int64, to e: inout BinaryEncoder) { e.writeSFixed64(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Int64) throws(ProtoDecodingError) { v = try d.readSFixed64() }
}

public enum ProtoFloat: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable public static var defaultValue: Float { 0 }
    @inlinable public static func size(of v: Float) -> Int { 4 }
    @inlinable public static func write(_ v: Float, to e: inout BinaryEncoder) { e.writeFloat(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Float) throws(ProtoDecodingError) { v = try d.readFloat() }
}

public enum ProtoDouble: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable public static var defaultValue: Double { 0 }
    @inlinable public static func size(of v: Double) -> Int { 8 }
    @inlinable public static func write(_ v: Double, to e: inout BinaryEncoder) { e.writeDouble(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Double) throws(ProtoDecodingError) { v = try d.readDouble() }
}

public enum ProtoBool: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Bool { false }
    @inlinable public static func size(of v: Bool) -> Int { 1 }
    @inlinable public static func write(_ v: Bool, to e: inout BinaryEncoder) { e.writeBool(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout Bool) throws(ProtoDecodingError) { v = try d.readBool() }
}

/// An open (proto3) enum, carried as an int32 varint. Open enums always declare 0 and keep
/// unknown numbers (`unrecognized`). Closed (proto2) enums must not use this codec: their unknown
/// numbers belong in unknown fields (`BinaryDecoder.readRepeatedClosedEnum`), and they may lack 0.
public enum ProtoEnumCodec<E: ProtoEnum>: ProtoPackableCodec {
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: E {
        guard let zero = E(rawValue: 0) else { preconditionFailure("\(E.protoEnumName) is closed; ProtoEnumCodec is for open enums") }
        return zero
    }
    @inlinable public static func size(of v: E) -> Int { WireSize.int32(v.rawValue) }
    @inlinable public static func write(_ v: E, to e: inout BinaryEncoder) { e.writeEnum(v.rawValue) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout E) throws(ProtoDecodingError) {
        if let known = E(rawValue: try d.readEnum()) { v = known }
    }
}

public enum ProtoString: ProtoFieldCodec {
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: String { "" }
    @inlinable public static func size(of v: String) -> Int { WireSize.string(v) }
    @inlinable public static func write(_ v: String, to e: inout BinaryEncoder) { e.writeString(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout String) throws(ProtoDecodingError) { v = try d.readString() }
}

public enum ProtoBytes: ProtoFieldCodec {
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: [UInt8] { [] }
    @inlinable public static func size(of v: [UInt8]) -> Int { WireSize.bytes(v) }
    @inlinable public static func write(_ v: [UInt8], to e: inout BinaryEncoder) { e.writeBytes(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout [UInt8]) throws(ProtoDecodingError) { v = try d.readBytes() }
}

/// A length-delimited nested message; reading merges into the value already there.
public enum ProtoMessageCodec<M: ProtoMessage>: ProtoFieldCodec {
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: M { M() }
    @inlinable public static func size(of v: M) -> Int { WireSize.message(v) }
    @inlinable public static func write(_ v: M, to e: inout BinaryEncoder) { e.writeMessage(v) }
    @inlinable public static func read(from d: inout BinaryDecoder, into v: inout M) throws(ProtoDecodingError) { try d.readMessage(into: &v) }
}
