// Wire format for descriptor-typed messages, with the same rules as generated code: merge on
// decode, known fields in number order then unknown fields on encode, proto3 repeated scalars
// packed, map entries sorted by key.

extension DynamicMessage {
    /// Decodes `bytes` as a message of type `descriptor`.
    public init(
        descriptor: MessageDescriptor, serializedBytes bytes: some ContiguousBytesProvider,
        pool: DescriptorPool, options: DecodingOptions = .default
    ) throws(ProtoDecodingError) {
        self.init(descriptor: descriptor)
        let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeRawBytes { raw in
            var decoder = BinaryDecoder(unsafeBuffer: raw, options: options)
            do throws(ProtoDecodingError) {
                try self.decode(from: &decoder, pool: pool)
                return .success(())
            } catch {
                var e = error
                e.messageName = descriptor.fullName
                return .failure(e)
            }
        }
        try result.get()
    }

    /// Reads fields until the decoder's limit (or the end of the current group), merging them in.
    mutating func decode(from d: inout BinaryDecoder, pool: DescriptorPool) throws(ProtoDecodingError) {
        while let tag = try d.nextTag() {
            guard let field = descriptor.field(number: tag.fieldNumber) else {
                try d.skipField(tag, into: &unknownFields)
                continue
            }
            do {
                if !(try decodeField(field, tag: tag, from: &d, pool: pool)) {
                    try d.skipField(tag, into: &unknownFields)
                }
            } catch {
                var e = error
                e.fieldPath.insert(field.name, at: 0)
                throw e
            }
        }
    }

    /// Decodes one occurrence of a known field; false when its wire type does not fit the field
    /// (the caller then keeps it as an unknown field, as protobuf requires).
    private mutating func decodeField(_ field: FieldDescriptor, tag: FieldTag, from d: inout BinaryDecoder, pool: DescriptorPool) throws(ProtoDecodingError) -> Bool {
        let wire = Self.wireType(of: field.type)
        if field.isMap {
            guard tag.wireType == .lengthDelimited else { return false }
            let entryType = pool.messageType(of: field)
            var entry = DynamicMessage(descriptor: entryType)
            try d.descend { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                try d.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                    try entry.decode(from: &d, pool: pool)
                }
            }
            let keyField = entryType.field(number: 1)!
            let valueField = entryType.field(number: 2)!
            let key = entry.singleValue(keyField) ?? ProtoValue.defaultValue(of: keyField, pool: pool)
            let value = entry.singleValue(valueField) ?? ProtoValue.defaultValue(of: valueField, pool: pool)
            var map: [ProtoValue: ProtoValue] = [:]
            if case .map(let existing) = fields[field.number] { map = existing }
            map[key] = value
            fields[field.number] = .map(map)
            return true
        }
        if field.isRepeated {
            var values: [ProtoValue] = []
            if case .repeated(let existing) = fields[field.number] { values = existing }
            if tag.wireType == .lengthDelimited && field.type != .string && field.type != .bytes && field.type != .message {
                try d.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                    while !d.isAtEnd {
                        let v = try Self.readValue(field, tag: FieldTag(fieldNumber: field.number, wireType: wire), from: &d, pool: pool, merging: nil)
                        if let v = keepEnum(field, v, pool: pool) { values.append(v) }
                    }
                }
            } else {
                guard tag.wireType == wire else { return false }
                let v = try Self.readValue(field, tag: tag, from: &d, pool: pool, merging: nil)
                if let v = keepEnum(field, v, pool: pool) { values.append(v) }
            }
            set(field, .repeated(values))
            return true
        }
        guard tag.wireType == wire else { return false }
        let v = try Self.readValue(field, tag: tag, from: &d, pool: pool, merging: singleValue(field))
        if let v = keepEnum(field, v, pool: pool) { set(field, .single(v)) }
        return true
    }

    /// Closed enums keep numbers they do not declare as unknown fields, not as values.
    private mutating func keepEnum(_ field: FieldDescriptor, _ v: ProtoValue, pool: DescriptorPool) -> ProtoValue? {
        guard case .enumNumber(let n) = v, field.type == .enum else { return v }
        let e = pool.enumType(of: field)
        if e.isClosed && e.name(of: n) == nil {
            unknownFields.append(fieldNumber: field.number, varint: UInt64(bitPattern: Int64(n)))
            return nil
        }
        return v
    }

    func singleValue(_ field: FieldDescriptor) -> ProtoValue? {
        if case .single(let v) = fields[field.number] { return v }
        return nil
    }

    static func wireType(of type: Google_Protobuf_FieldDescriptorProto.TypeEnum) -> WireType {
        switch type {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enum: .varint
        case .fixed32, .sfixed32, .float: .fixed32
        case .fixed64, .sfixed64, .double: .fixed64
        case .string, .bytes, .message: .lengthDelimited
        case .group: .startGroup
        }
    }

    private static func readValue(_ field: FieldDescriptor, tag: FieldTag, from d: inout BinaryDecoder, pool: DescriptorPool, merging existing: ProtoValue?) throws(ProtoDecodingError) -> ProtoValue {
        switch field.type {
        case .int32: return .int32(try d.readInt32())
        case .sint32: return .int32(try d.readSInt32())
        case .sfixed32: return .int32(try d.readSFixed32())
        case .int64: return .int64(try d.readInt64())
        case .sint64: return .int64(try d.readSInt64())
        case .sfixed64: return .int64(try d.readSFixed64())
        case .uint32: return .uint32(try d.readUInt32())
        case .fixed32: return .uint32(try d.readFixed32())
        case .uint64: return .uint64(try d.readUInt64())
        case .fixed64: return .uint64(try d.readFixed64())
        case .float: return .float(try d.readFloat())
        case .double: return .double(try d.readDouble())
        case .bool: return .bool(try d.readBool())
        case .enum: return .enumNumber(try d.readEnum())
        case .string: return .string(try d.readString(validateUTF8: field.validatesUTF8))
        case .bytes: return .bytes(try d.readBytes())
        case .message, .group:
            var m: DynamicMessage
            if case .message(let old)? = existing { m = old } else { m = DynamicMessage(descriptor: pool.messageType(of: field)) }
            if field.type == .group {
                try d.descend { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                    try d.withinGroup(fieldNumber: tag.fieldNumber) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                        try m.decode(from: &d, pool: pool)
                    }
                }
            } else {
                try d.descend { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                    try d.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in
                        try m.decode(from: &d, pool: pool)
                    }
                }
            }
            return .message(m)
        }
    }

    // MARK: Encoding

    /// The message in wire format.
    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    func encode(into out: inout [UInt8]) {
        for field in descriptor.fieldsInNumberOrder {
            guard let value = fields[field.number] else { continue }
            switch value {
            case .single(let v):
                Self.write(field, v, into: &out)
            case .repeated(let values):
                if field.isPacked {
                    var body: [UInt8] = []
                    for v in values { Self.writeBare(v, type: field.type, into: &body) }
                    out.appendVarint(UInt64(field.number) << 3 | 2)
                    out.appendVarint(UInt64(body.count))
                    out += body
                } else {
                    for v in values { Self.write(field, v, into: &out) }
                }
            case .map(let entries):
                let keyType = field.mapKeyType
                let valueType = field.mapValueType
                for (k, v) in entries.sorted(by: { $0.key.precedes($1.key) }) {
                    var body: [UInt8] = []
                    body.appendVarint(UInt64(1 << 3 | Self.wireType(of: keyType).rawValue))
                    Self.writeBare(k, type: keyType, into: &body)
                    body.appendVarint(UInt64(2 << 3 | Self.wireType(of: valueType).rawValue))
                    Self.writeBare(v, type: valueType, into: &body)
                    out.appendVarint(UInt64(field.number) << 3 | 2)
                    out.appendVarint(UInt64(body.count))
                    out += body
                }
            }
        }
        out += unknownFields.bytes
    }

    private static func write(_ field: FieldDescriptor, _ v: ProtoValue, into out: inout [UInt8]) {
        if field.type == .group {
            out.appendVarint(UInt64(field.number) << 3 | 3)
            if case .message(let m) = v { m.encode(into: &out) }
            out.appendVarint(UInt64(field.number) << 3 | 4)
            return
        }
        out.appendVarint(UInt64(field.number) << 3 | UInt64(wireType(of: field.type).rawValue))
        writeBare(v, type: field.type, into: &out)
    }

    /// Writes a value without its tag.
    static func writeBare(_ v: ProtoValue, type: Google_Protobuf_FieldDescriptorProto.TypeEnum, into out: inout [UInt8]) {
        switch (v, type) {
        case (.int32(let x), .sint32): out.appendVarint(UInt64(ZigZag.encode(x)))
        case (.int32(let x), .sfixed32): out.appendFixed32(UInt32(bitPattern: x))
        case (.int32(let x), _): out.appendVarint(UInt64(bitPattern: Int64(x)))
        case (.int64(let x), .sint64): out.appendVarint(ZigZag.encode(x))
        case (.int64(let x), .sfixed64): out.appendFixed64(UInt64(bitPattern: x))
        case (.int64(let x), _): out.appendVarint(UInt64(bitPattern: x))
        case (.uint32(let x), .fixed32): out.appendFixed32(x)
        case (.uint32(let x), _): out.appendVarint(UInt64(x))
        case (.uint64(let x), .fixed64): out.appendFixed64(x)
        case (.uint64(let x), _): out.appendVarint(x)
        case (.float(let x), _): out.appendFixed32(x.bitPattern)
        case (.double(let x), _): out.appendFixed64(x.bitPattern)
        case (.bool(let x), _): out.append(x ? 1 : 0)
        case (.enumNumber(let x), _): out.appendVarint(UInt64(bitPattern: Int64(x)))
        case (.string(let s), _):
            out.appendVarint(UInt64(s.utf8.count))
            out += s.utf8
        case (.bytes(let b), _):
            out.appendVarint(UInt64(b.count))
            out += b
        case (.message(let m), _):
            var body: [UInt8] = []
            m.encode(into: &body)
            out.appendVarint(UInt64(body.count))
            out += body
        }
    }
}

extension ProtoValue {
    /// Map-key order: false before true, numbers ascending, strings by code point.
    func precedes(_ other: ProtoValue) -> Bool {
        switch (self, other) {
        case (.int32(let a), .int32(let b)): a < b
        case (.int64(let a), .int64(let b)): a < b
        case (.uint32(let a), .uint32(let b)): a < b
        case (.uint64(let a), .uint64(let b)): a < b
        case (.bool(let a), .bool(let b)): !a && b
        case (.string(let a), .string(let b)): a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        default: false
        }
    }
}

extension BinaryDecoder {
    /// Runs `body` one nesting level deeper, refusing to go past `options.maxDepth`.
    mutating func descend<R>(_ body: (inout BinaryDecoder) throws(ProtoDecodingError) -> R) throws(ProtoDecodingError) -> R {
        guard depth < options.maxDepth else { throw ProtoDecodingError(.recursionLimitExceeded) }
        depth += 1
        let r = try body(&self)
        depth -= 1
        return r
    }

    /// Runs `body` over the fields of a group whose start tag was just read; `body` must read
    /// until `nextTag()` returns nil (the matching end tag).
    mutating func withinGroup<R>(fieldNumber: Int, _ body: (inout BinaryDecoder) throws(ProtoDecodingError) -> R) throws(ProtoDecodingError) -> R {
        let outerGroup = groupFieldNumber
        let outerField = currentFieldNumber
        groupFieldNumber = fieldNumber
        let r = try body(&self)
        groupFieldNumber = outerGroup
        currentFieldNumber = outerField
        return r
    }
}

extension [UInt8] {
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }

    mutating func appendFixed32(_ v: UInt32) {
        for i in 0..<4 { append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }

    mutating func appendFixed64(_ v: UInt64) {
        for i in 0..<8 { append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }
}
