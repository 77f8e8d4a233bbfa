// Helpers for the field shapes that take more than one call in generated code: repeated fields
// (packed or not) and maps. Each comes as a size / write / read triple over a `ProtoFieldCodec`, so
// the size pass and the write pass cannot disagree.

/// A codec whose values may be map keys (integers, bool, string), with the order maps are written
/// in. Maps are written sorted by key so that equal messages always encode to equal bytes (etags,
/// idempotency checks and tests compare bytes).
public protocol ProtoMapKeyCodec: ProtoFieldCodec where Value: Hashable {
    static func precedes(_ a: Value, _ b: Value) -> Bool
}

extension ProtoMapKeyCodec where Value: Comparable {
    @inlinable public static func precedes(_ a: Value, _ b: Value) -> Bool { a < b }
}

extension ProtoInt32: ProtoMapKeyCodec {}
extension ProtoInt64: ProtoMapKeyCodec {}
extension ProtoUInt32: ProtoMapKeyCodec {}
extension ProtoUInt64: ProtoMapKeyCodec {}
extension ProtoSInt32: ProtoMapKeyCodec {}
extension ProtoSInt64: ProtoMapKeyCodec {}
extension ProtoFixed32: ProtoMapKeyCodec {}
extension ProtoFixed64: ProtoMapKeyCodec {}
extension ProtoSFixed32: ProtoMapKeyCodec {}
extension ProtoSFixed64: ProtoMapKeyCodec {}
extension ProtoString: ProtoMapKeyCodec {
    /// UTF-8 byte order (= code point order), as the generated code and other runtimes sort;
    /// Swift's `<` on String compares canonical equivalents and can differ.
    @inlinable public static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
extension ProtoBool: ProtoMapKeyCodec {
    @inlinable public static func precedes(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

extension WireSize {
    /// A packed repeated field, tag included; zero when `values` is empty (nothing is written).
    @inlinable
    public static func packedField<C: ProtoPackableCodec>(_ fieldNumber: Int, _ values: [C.Value], as _: C.Type) -> Int {
        if values.isEmpty { return 0 }
        return tag(fieldNumber) + delimited(packedBody(values, as: C.self))
    }

    /// The bytes of a packed field's values, without tag or length prefix.
    @inlinable
    public static func packedBody<C: ProtoPackableCodec>(_ values: [C.Value], as _: C.Type) -> Int {
        var body = 0
        for v in values { body += C.size(of: v) }
        return body
    }

    /// An unpacked repeated field: one tag per value.
    @inlinable
    public static func repeatedField<C: ProtoFieldCodec>(_ fieldNumber: Int, _ values: [C.Value], as _: C.Type) -> Int {
        var size = values.count * tag(fieldNumber)
        for v in values { size += C.size(of: v) }
        return size
    }

    /// A map entry's body: key (field 1) and value (field 2), both always written.
    @inlinable
    public static func mapEntry<K: ProtoMapKeyCodec, V: ProtoFieldCodec>(_ key: K.Value, _ value: V.Value, key _: K.Type, value _: V.Type) -> Int {
        2 + K.size(of: key) + V.size(of: value)
    }

    /// A whole map field: one tagged, length-prefixed entry per key.
    @inlinable
    public static func mapField<K: ProtoMapKeyCodec, V: ProtoFieldCodec>(_ fieldNumber: Int, _ map: [K.Value: V.Value], key _: K.Type, value _: V.Type) -> Int {
        var size = map.count * tag(fieldNumber)
        for (k, v) in map { size += delimited(mapEntry(k, v, key: K.self, value: V.self)) }
        return size
    }
}

extension BinaryEncoder {
    /// Writes a packed repeated field (nothing when `values` is empty).
    @inlinable
    public mutating func writePackedField<C: ProtoPackableCodec>(_ fieldNumber: Int, _ values: [C.Value], as _: C.Type) {
        if values.isEmpty { return }
        writeTag(fieldNumber, .lengthDelimited)
        writeVarint(UInt64(WireSize.packedBody(values, as: C.self)))
        for v in values { C.write(v, to: &self) }
    }

    /// Writes an unpacked repeated field: a tag before every value.
    @inlinable
    public mutating func writeRepeatedField<C: ProtoFieldCodec>(_ fieldNumber: Int, _ values: [C.Value], as _: C.Type) {
        for v in values {
            writeTag(fieldNumber, C.wireType)
            C.write(v, to: &self)
        }
    }

    /// Writes one map entry (tag, length, key, value).
    @inlinable
    public mutating func writeMapEntry<K: ProtoMapKeyCodec, V: ProtoFieldCodec>(_ fieldNumber: Int, _ key: K.Value, _ value: V.Value, key _: K.Type, value _: V.Type) {
        writeTag(fieldNumber, .lengthDelimited)
        writeVarint(UInt64(WireSize.mapEntry(key, value, key: K.self, value: V.self)))
        writeTag(1, K.wireType)
        K.write(key, to: &self)
        writeTag(2, V.wireType)
        V.write(value, to: &self)
    }

    /// Writes a map field, entries sorted by key so equal maps give equal bytes.
    @inlinable
    public mutating func writeMapField<K: ProtoMapKeyCodec, V: ProtoFieldCodec>(_ fieldNumber: Int, _ map: [K.Value: V.Value], key _: K.Type, value _: V.Type) {
        switch map.count {
        case 0: return
        case 1:
            let (k, v) = map.first!
            writeMapEntry(fieldNumber, k, v, key: K.self, value: V.self)
        default:
            for k in map.keys.sorted(by: K.precedes) {
                writeMapEntry(fieldNumber, k, map[k]!, key: K.self, value: V.self)
            }
        }
    }
}

extension BinaryDecoder {
    /// Reads a repeated field's values whether they arrived packed (one length-delimited block) or
    /// unpacked (one value per tag); parsers must accept both for every packable type.
    @inlinable
    public mutating func readRepeated<C: ProtoPackableCodec>(_ tag: FieldTag, into values: inout [C.Value], as _: C.Type) throws(ProtoDecodingError) {
        if tag.wireType == .lengthDelimited {
            try withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                // Fixed-width values tell the exact count up front.
                switch C.wireType {
                case .fixed32: values.reserveCapacity(values.count + d.remaining / 4)
                case .fixed64: values.reserveCapacity(values.count + d.remaining / 8)
                default: break
                }
                while !d.isAtEnd {
                    var v = C.defaultValue
                    try C.read(from: &d, into: &v)
                    values.append(v)
                }
            }
        } else if tag.wireType == C.wireType {
            var v = C.defaultValue
            try C.read(from: &self, into: &v)
            values.append(v)
        } else {
            throw ProtoDecodingError(.invalidWireType)
        }
    }

    /// Reads a repeated closed (proto2) enum, packed or not: declared numbers become values,
    /// others go to `unknownFields` as varints of this field, as protobuf requires.
    @inlinable
    public mutating func readRepeatedClosedEnum<E: ProtoEnum>(_ tag: FieldTag, into values: inout [E], unknownFields: inout UnknownFields) throws(ProtoDecodingError) {
        var numbers: [Int32] = []
        try readRepeated(tag, into: &numbers, as: ProtoInt32.self)
        for n in numbers {
            if let known = E(rawValue: n) {
                values.append(known)
            } else if !options.discardUnknownFields {
                unknownFields.append(fieldNumber: tag.fieldNumber, varint: UInt64(bitPattern: Int64(n)))
            }
        }
    }

    /// Reads one repeated non-packable value (string, bytes, message) and appends it.
    @inlinable
    public mutating func readRepeated<C: ProtoFieldCodec>(into values: inout [C.Value], as _: C.Type) throws(ProtoDecodingError) {
        var v = C.defaultValue
        try C.read(from: &self, into: &v)
        values.append(v)
    }

    /// Reads one map entry (the length-delimited value of a map field) and stores it in `map`.
    ///
    /// A missing key or value takes its type's default; fields of the entry other than 1 and 2, or
    /// with the wrong wire type, are skipped; a repeated key or value field in one entry follows
    /// the usual rules (last scalar wins, messages merge). A later entry with an equal key replaces
    /// an earlier one.
    @inlinable
    public mutating func readMapEntry<K: ProtoMapKeyCodec, V: ProtoFieldCodec>(
        into map: inout [K.Value: V.Value], key _: K.Type, value _: V.Type
    ) throws(ProtoDecodingError) {
        guard depth < options.maxDepth else { throw ProtoDecodingError(.recursionLimitExceeded) }
        depth += 1
        var key = K.defaultValue
        var value = V.defaultValue
        try withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
            while let tag = try d.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == K.wireType:
                    try K.read(from: &d, into: &key)
                case 2 where tag.wireType == V.wireType:
                    try V.read(from: &d, into: &value)
                default:
                    _ = try d.skipValue(tag)
                }
            }
        }
        depth -= 1
        map[key] = value
    }
}
