/// Reads protobuf wire format from a borrowed buffer, checking every bound.
///
/// A decoder only lives inside `ProtoMessage.init(serializedBytes:)` (or a test's
/// `withUnsafeBytes`), which keeps the buffer alive; generated code receives it `inout` and never
/// stores it. Nested messages narrow `end` to their length and restore it afterwards, so a
/// malformed inner length can never read past its parent.
public struct BinaryDecoder {
    @usableFromInline var cursor: UnsafeRawPointer
    @usableFromInline var end: UnsafeRawPointer
    @usableFromInline var depth: Int = 0
    /// The field number of the tag most recently read at the current nesting level.
    @usableFromInline var currentFieldNumber: Int = 0
    /// The group whose end tag terminates the current level (0: none).
    @usableFromInline var groupFieldNumber: Int = 0
    public let options: DecodingOptions

    @inlinable
    public init(unsafeBuffer buffer: UnsafeRawBufferPointer, options: DecodingOptions = .default) {
        // An empty buffer may have no base address; any non-null pointer works for zero bytes.
        let base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        self.cursor = base
        self.end = base + buffer.count
        self.options = options
    }

    /// Bytes left at the current nesting level.
    @inlinable
    public var remaining: Int { end - cursor }

    @inlinable
    public var isAtEnd: Bool { cursor >= end }

    // MARK: Tags

    /// The next field's tag, or nil at the end of the current message (or group).
    @inlinable
    public mutating func nextTag() throws(ProtoDecodingError) -> FieldTag? {
        currentFieldNumber = 0
        if cursor >= end {
            if groupFieldNumber != 0 { throw ProtoDecodingError(.truncated) }
            return nil
        }
        let raw = try readVarint()
        guard raw <= UInt64(UInt32.max) else { throw ProtoDecodingError(.invalidFieldNumber) }
        let number = Int(raw >> 3)
        guard number > 0 else { throw ProtoDecodingError(.invalidFieldNumber) }
        guard let wireType = WireType(rawValue: UInt8(raw & 7)) else {
            throw ProtoDecodingError(.invalidWireType)
        }
        if wireType == .endGroup {
            guard number == groupFieldNumber else { throw ProtoDecodingError(.unmatchedEndGroup) }
            return nil
        }
        currentFieldNumber = number
        return FieldTag(fieldNumber: number, wireType: wireType)
    }

    // MARK: Scalars

    @inlinable
    public mutating func readVarint() throws(ProtoDecodingError) -> UInt64 {
        // Fast path: one byte.
        if cursor < end {
            let b = cursor.load(as: UInt8.self)
            if b < 0x80 {
                cursor += 1
                return UInt64(b)
            }
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < end else { throw ProtoDecodingError(.truncated) }
            let b = cursor.load(as: UInt8.self)
            cursor += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 70 else { throw ProtoDecodingError(.malformedVarint) }
        }
    }

    @inlinable public mutating func readInt32() throws(ProtoDecodingError) -> Int32 { Int32(truncatingIfNeeded: try readVarint()) }
    @inlinable public mutating func readInt64() throws(ProtoDecodingError) -> Int64 { Int64(bitPattern: try readVarint()) }
    @inlinable public mutating func readUInt32() throws(ProtoDecodingError) -> UInt32 { UInt32(truncatingIfNeeded: try readVarint()) }
    @inlinable public mutating func readUInt64() throws(ProtoDecodingError) -> UInt64 { try readVarint() }
    @inlinable public mutating func readSInt32() throws(ProtoDecodingError) -> Int32 { ZigZag.decode(UInt32(truncatingIfNeeded: try readVarint())) }
    @inlinable public mutating func readSInt64() throws(ProtoDecodingError) -> Int64 { ZigZag.decode(try readVarint()) }
    @inlinable public mutating func readBool() throws(ProtoDecodingError) -> Bool { try readVarint() != 0 }
    @inlinable public mutating func readEnum() throws(ProtoDecodingError) -> Int32 { try readInt32() }

    @inlinable
    public mutating func readFixed32() throws(ProtoDecodingError) -> UInt32 {
        guard end - cursor >= 4 else { throw ProtoDecodingError(.truncated) }
        let v = cursor.loadUnaligned(as: UInt32.self)
        cursor += 4
        return UInt32(littleEndian: v)
    }

    @inlinable
    public mutating func readFixed64() throws(ProtoDecodingError) -> UInt64 {
        guard end - cursor >= 8 else { throw ProtoDecodingError(.truncated) }
        let v = cursor.loadUnaligned(as: UInt64.self)
        cursor += 8
        return UInt64(littleEndian: v)
    }

    @inlinable public mutating func readSFixed32() throws(ProtoDecodingError) -> Int32 { Int32(bitPattern: try readFixed32()) }
    @inlinable public mutating func readSFixed64() throws(ProtoDecodingError) -> Int64 { Int64(bitPattern: try readFixed64()) }
    @inlinable public mutating func readFloat() throws(ProtoDecodingError) -> Float { Float(bitPattern: try readFixed32()) }
    @inlinable public mutating func readDouble() throws(ProtoDecodingError) -> Double { Double(bitPattern: try readFixed64()) }

    // MARK: Length-delimited

    /// Reads a length prefix and returns the bytes it covers, advancing past them.
    @inlinable
    public mutating func readLengthDelimited() throws(ProtoDecodingError) -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(end - cursor) else { throw ProtoDecodingError(.lengthTooLarge) }
        let slice = UnsafeRawBufferPointer(start: cursor, count: Int(length))
        cursor += Int(length)
        return slice
    }

    /// A UTF-8 string. proto3 (and `utf8_validation = VERIFY`) strings must be valid UTF-8.
    @inlinable
    public mutating func readString(validateUTF8: Bool = true) throws(ProtoDecodingError) -> String {
        let raw = try readLengthDelimited()
        let bytes = raw.bindMemory(to: UInt8.self)
        if validateUTF8 {
            guard let s = String(validating: bytes, as: UTF8.self) else { throw ProtoDecodingError(.invalidUTF8) }
            return s
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inlinable
    public mutating func readBytes() throws(ProtoDecodingError) -> [UInt8] {
        [UInt8](try readLengthDelimited())
    }

    /// Runs `body` with the decoder narrowed to the next length-delimited block (a packed field or
    /// a map entry), then checks the block was consumed exactly.
    @inlinable
    public mutating func withLengthDelimited<R>(
        _ body: (inout BinaryDecoder) throws(ProtoDecodingError) -> R
    ) throws(ProtoDecodingError) -> R {
        let length = try readVarint()
        guard length <= UInt64(end - cursor) else { throw ProtoDecodingError(.lengthTooLarge) }
        let outerEnd = end
        let outerField = currentFieldNumber
        let outerGroup = groupFieldNumber
        end = cursor + Int(length)
        groupFieldNumber = 0
        defer {
            end = outerEnd
            currentFieldNumber = outerField
            groupFieldNumber = outerGroup
        }
        let result = try body(&self)
        guard cursor == end else { throw ProtoDecodingError(.truncated) }
        return result
    }

    /// Reads packed repeated values (or one unpacked value, when the field arrived unpacked).
    @inlinable
    public mutating func readRepeated<T>(
        _ tag: FieldTag, into values: inout [T],
        _ readOne: (inout BinaryDecoder) throws(ProtoDecodingError) -> T
    ) throws(ProtoDecodingError) {
        if tag.wireType == .lengthDelimited {
            try withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                while d.cursor < d.end { values.append(try readOne(&d)) }
            }
        } else {
            values.append(try readOne(&self))
        }
    }

    // MARK: Messages

    /// Merges a length-delimited nested message into `message` (fields already set are kept
    /// unless the wire overrides them, as protobuf's merge semantics require).
    @inlinable
    public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws(ProtoDecodingError) {
        guard depth < options.maxDepth else { throw ProtoDecodingError(.recursionLimitExceeded) }
        let length = try readVarint()
        guard length <= UInt64(end - cursor) else { throw ProtoDecodingError(.lengthTooLarge) }
        let outerEnd = end
        let outerField = currentFieldNumber
        let outerGroup = groupFieldNumber
        end = cursor + Int(length)
        groupFieldNumber = 0
        depth += 1
        do {
            try message.decodeMessage(from: &self)
        } catch {
            let e = error.inside(M.self, field: currentFieldNumber)
            currentFieldNumber = outerField
            throw e
        }
        depth -= 1
        guard cursor == end else { throw ProtoDecodingError(.truncated) }
        end = outerEnd
        currentFieldNumber = outerField
        groupFieldNumber = outerGroup
    }

    /// Merges a proto2 group (fields up to the matching end-group tag) into `message`.
    @inlinable
    public mutating func readGroup<M: ProtoMessage>(into message: inout M, fieldNumber: Int) throws(ProtoDecodingError) {
        guard depth < options.maxDepth else { throw ProtoDecodingError(.recursionLimitExceeded) }
        let outerField = currentFieldNumber
        let outerGroup = groupFieldNumber
        groupFieldNumber = fieldNumber
        depth += 1
        do {
            try message.decodeMessage(from: &self)
        } catch {
            let e = error.inside(M.self, field: currentFieldNumber)
            currentFieldNumber = outerField
            throw e
        }
        depth -= 1
        currentFieldNumber = outerField
        groupFieldNumber = outerGroup
    }

    // MARK: Unknown fields

    /// Skips the value of `tag`, returning the raw bytes of the value (without the tag).
    @inlinable
    public mutating func skipValue(_ tag: FieldTag) throws(ProtoDecodingError) -> UnsafeRawBufferPointer {
        let start = cursor
        switch tag.wireType {
        case .varint: _ = try readVarint()
        case .fixed32:
            guard end - cursor >= 4 else { throw ProtoDecodingError(.truncated) }
            cursor += 4
        case .fixed64:
            guard end - cursor >= 8 else { throw ProtoDecodingError(.truncated) }
            cursor += 8
        case .lengthDelimited: _ = try readLengthDelimited()
        case .startGroup: try skipGroup(fieldNumber: tag.fieldNumber)
        case .endGroup: throw ProtoDecodingError(.unmatchedEndGroup)
        }
        return UnsafeRawBufferPointer(start: start, count: cursor - start)
    }

    @usableFromInline
    mutating func skipGroup(fieldNumber: Int) throws(ProtoDecodingError) {
        guard depth < options.maxDepth else { throw ProtoDecodingError(.recursionLimitExceeded) }
        let outerGroup = groupFieldNumber
        let outerField = currentFieldNumber
        groupFieldNumber = fieldNumber
        depth += 1
        do {
            while let inner = try nextTag() {
                _ = try skipValue(inner)
            }
        } catch {
            // The error belongs to the unknown group, not to whichever field of the enclosing
            // message happens to share the inner field's number.
            currentFieldNumber = outerField
            throw error
        }
        depth -= 1
        groupFieldNumber = outerGroup
        currentFieldNumber = outerField
    }

    /// Skips a field this message does not know (or knows with another wire type), keeping its
    /// exact bytes in `unknownFields` unless the options discard them.
    @inlinable
    public mutating func skipField(_ tag: FieldTag, into unknownFields: inout UnknownFields) throws(ProtoDecodingError) {
        let value = try skipValue(tag)
        if !options.discardUnknownFields {
            unknownFields.append(tag: tag, rawValue: value)
        }
    }
}

extension ProtoDecodingError {
    /// Adds the enclosing message's field to the path (and the message name at the top level).
    @usableFromInline
    func inside<M: ProtoMessage>(_: M.Type, field: Int) -> ProtoDecodingError {
        var e = self
        if field != 0 {
            e.fieldPath.insert(M.protoFieldName(field) ?? "#\(field)", at: 0)
        }
        return e
    }
}
