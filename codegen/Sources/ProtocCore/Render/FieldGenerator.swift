import ProtoRuntime

/// Generates everything one field contributes to its message: the public accessors, the stored
/// slot, and its parts of `encodedSize()`, `encode(to:)`, `decodeMessage(from:)` and
/// `isInitialized`.
struct FieldGenerator {
    enum Kind {
        /// Explicit presence (proto2 `optional`/`required`, proto3 `optional`, any message):
        /// stored as `_x: T?`, with `hasX` and `clearX()`.
        case presence
        /// proto3 implicit presence: a plain `T`, written only when not zero.
        case implicit
        case repeated(packed: Bool)
        case map(key: ValueCoding, value: ValueCoding)
        /// A member of a real `oneof` (index into the message's oneofs).
        case oneofMember(Int)
    }

    let descriptor: Google_Protobuf_FieldDescriptorProto
    let kind: Kind
    let value: ValueCoding
    /// The lowerCamel name without back-ticks (`extension`).
    let name: String
    /// The property name as written in Swift (`` `extension` ``).
    let property: String
    /// `Name` in `hasName` / `clearName`.
    let upperName: String
    let number: Int
    let defaultLiteral: String
    let isRequired: Bool
    let index: DescriptorIndex

    /// Position in the message's `field` list (for doc comment paths).
    let fieldIndex: Int32

    /// `isProto3` is the syntax of the file declaring the field; `realOneofIndex` is set for
    /// members of a real (non-synthetic) oneof; extensions always have explicit presence.
    init(
        _ field: Google_Protobuf_FieldDescriptorProto, fieldIndex: Int32, isProto3: Bool,
        realOneofIndex: Int?, isExtension: Bool = false, index: DescriptorIndex
    ) throws(SwiftRenderError) {
        descriptor = field
        self.fieldIndex = fieldIndex
        self.index = index
        value = try ValueCoding(field, index: index, isProto3: isProto3)
        name = SwiftNaming.fieldName(field.name)
        property = SwiftNaming.escaped(name)
        upperName = SwiftNaming.upperCamel(name)
        number = Int(field.number)
        isRequired = field.label == .required
        defaultLiteral = try DefaultValues.literal(for: field, coding: value)
        if let realOneofIndex {
            kind = .oneofMember(realOneofIndex)
        } else if field.label == .repeated {
            if case .message(let entry) = value.category, entry.isMapEntry {
                let keyField = entry.descriptor.field.first { $0.number == 1 }!
                let valueField = entry.descriptor.field.first { $0.number == 2 }!
                kind = .map(
                    key: try ValueCoding(keyField, index: index, isProto3: isProto3),
                    value: try ValueCoding(valueField, index: index, isProto3: isProto3))
            } else {
                let packed = value.isPackable && (field.options.hasPacked ? field.options.packed : isProto3)
                kind = .repeated(packed: packed)
            }
        } else if isProto3 && !isExtension && !field.proto3Optional && !value.isMessageLike {
            kind = .implicit
        } else {
            kind = .presence
        }
    }

    /// The Swift type of the property.
    var propertyType: String {
        switch kind {
        case .presence, .implicit, .oneofMember: value.swiftType
        case .repeated: "[\(value.swiftType)]"
        case .map(let k, let v): "[\(k.swiftType): \(v.swiftType)]"
        }
    }

    /// The stored property holding the value (oneof members: none, see `OneofGenerator`).
    func slot(usesStorage: Bool) -> String {
        switch kind {
        case .presence: "_" + name
        case .implicit, .repeated, .map: usesStorage ? "_" + name : property
        case .oneofMember: ""
        }
    }

    /// The stored property's declaration (for a storage class or the struct itself).
    func slotDeclaration(usesStorage: Bool) -> String? {
        switch kind {
        case .presence: "var _\(name): \(value.swiftType)? = nil"
        case .implicit: usesStorage ? "var _\(name): \(propertyType) = \(defaultLiteral)" : nil
        case .repeated: usesStorage ? "var _\(name): \(propertyType) = []" : nil
        case .map: usesStorage ? "var _\(name): \(propertyType) = [:]" : nil
        case .oneofMember: nil
        }
    }

    // MARK: Accessors

    func emitAccessors(into w: inout SourceWriter, usesStorage: Bool, visibility v: String, oneof: OneofGenerator?) {
        let read = usesStorage ? "_storage." : ""
        let write = usesStorage ? "_uniqueStorage()." : ""
        switch kind {
        case .presence:
            w.block("\(v)var \(property): \(propertyType)") { w in
                w.line("get { \(read)_\(name) ?? \(defaultLiteral) }")
                w.line("set { \(write)_\(name) = newValue }")
            }
            w.line("/// Whether `\(name)` has been set (explicit presence).")
            w.line("\(v)var has\(upperName): Bool { \(read)_\(name) != nil }")
            w.line("/// Unsets `\(name)`: it reads as its default again and is not encoded.")
            w.line("\(v)mutating func clear\(upperName)() { \(write)_\(name) = nil }")
        case .implicit, .repeated, .map:
            if usesStorage {
                w.block("\(v)var \(property): \(propertyType)") { w in
                    w.line("get { _storage._\(name) }")
                    w.line("set { _uniqueStorage()._\(name) = newValue }")
                }
            } else {
                let initial = switch kind {
                case .repeated: "[]"
                case .map: "[:]"
                default: defaultLiteral
                }
                w.line("\(v)var \(property): \(propertyType) = \(initial)")
            }
        case .oneofMember:
            let oneofProperty = oneof!.property
            w.block("\(v)var \(property): \(propertyType)") { w in
                w.block("get") { w in
                    w.line("if case .\(property)(let v)? = \(oneofProperty) { return v }")
                    w.line("return \(defaultLiteral)")
                }
                w.line("set { \(oneofProperty) = .\(property)(newValue) }")
            }
        }
    }

    // MARK: Size

    /// Statements adding this field's encoded size to `size`; `x` is the stored property.
    func emitSize(into w: inout SourceWriter, x: String) {
        let tag = tagSize(number)
        switch kind {
        case .presence:
            if let fixed = value.fixedSize {
                w.line("if \(x) != nil { size += \(tag + fixed) }")
            } else {
                w.line("if let v = \(x) { size += \(value.sizeWithTag("v", number: number)) }")
            }
        case .implicit:
            w.line("if \(value.isNonZero(x)) { size += \(value.sizeWithTag(x, number: number)) }")
        case .repeated(let packed):
            if packed {
                if let fixed = value.fixedSize {
                    w.line("if !\(x).isEmpty { size += \(tag) + WireSize.delimited(\(x).count * \(fixed)) }")
                } else {
                    w.block("if !\(x).isEmpty") { w in
                        w.line("var body = 0")
                        w.line("for v in \(x) { body += \(value.size("v")) }")
                        w.line("size += \(tag) + WireSize.delimited(body)")
                    }
                }
            } else if let fixed = value.fixedSize {
                w.line("size += \(x).count * \(tag + fixed)")
            } else {
                w.line("for v in \(x) { size += \(value.sizeWithTag("v", number: number)) }")
            }
        case .map(let key, let val):
            let entry = "\(key.sizeWithTag("k", number: 1)) + \(val.sizeWithTag("v", number: 2))"
            switch (key.fixedSize, val.fixedSize) {
            case (.some, .some):
                w.line("size += \(x).count * (\(tag) + WireSize.delimited(\(entry)))")
            default:
                let k = key.fixedSize == nil ? "k" : "_"
                let v = val.fixedSize == nil ? "v" : "_"
                w.block("for (\(k), \(v)) in \(x)") { w in
                    w.line("size += \(tag) + WireSize.delimited(\(entry))")
                }
            }
        case .oneofMember:
            break  // see OneofGenerator
        }
    }

    // MARK: Encode

    func emitEncode(into w: inout SourceWriter, x: String) {
        switch kind {
        case .presence:
            w.block("if let v = \(x)") { w in
                for s in value.writeWithTag("v", number: number) { w.line(s) }
            }
        case .implicit:
            w.block("if \(value.isNonZero(x))") { w in
                for s in value.writeWithTag(x, number: number) { w.line(s) }
            }
        case .repeated(let packed):
            if packed {
                w.block("if !\(x).isEmpty") { w in
                    w.line("encoder.writeTag(\(number), .lengthDelimited)")
                    if let fixed = value.fixedSize {
                        w.line("encoder.writeVarint(UInt64(\(x).count * \(fixed)))")
                    } else {
                        w.line("var body = 0")
                        w.line("for v in \(x) { body += \(value.size("v")) }")
                        w.line("encoder.writeVarint(UInt64(body))")
                    }
                    w.line("for v in \(x) { \(value.write("v")) }")
                }
            } else {
                w.block("for v in \(x)") { w in
                    for s in value.writeWithTag("v", number: number) { w.line(s) }
                }
            }
        case .map(let key, let val):
            // Sorted by key so that equal maps always encode to equal bytes; strings by their UTF-8
            // bytes, as other protobuf runtimes' deterministic mode does (Swift's `<` on String is
            // not byte order).
            let order = switch key.protoType {
            case .bool: "{ !$0.key && $1.key }"
            case .string: "{ $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }"
            default: "{ $0.key < $1.key }"
            }
            w.block("for (k, v) in \(x).sorted(by: \(order))") { w in
                w.line("encoder.writeTag(\(number), .lengthDelimited)")
                w.line("encoder.writeVarint(UInt64(\(key.sizeWithTag("k", number: 1)) + \(val.sizeWithTag("v", number: 2))))")
                for s in key.writeWithTag("k", number: 1) { w.line(s) }
                for s in val.writeWithTag("v", number: 2) { w.line(s) }
            }
        case .oneofMember:
            break
        }
    }

    // MARK: Decode

    /// `case` clauses of the decode loop's `switch tag.fieldNumber`.
    func emitDecodeCases(into w: inout SourceWriter, x: String, unknownFields: String) {
        switch kind {
        case .presence, .implicit:
            w.line("case \(number) where tag.wireType == \(value.wireType):")
            w.indent()
            let existing: String? = value.isMessageLike ? x : nil
            for s in value.readStatements(decoder: "decoder", number: number, existing: existing, unknownFields: unknownFields, store: { "\(x) = \($0)" }) {
                w.line(s)
            }
            w.outdent()
        case .repeated:
            if let closed = value.closedEnum {
                // Unknown numbers of a closed enum are kept as unknown fields, packed or not.
                let keep = "if let v = \(closed.swiftName)(rawValue: raw) { \(x).append(v) } else { \(unknownFields).append(fieldNumber: \(number), varint: UInt64(bitPattern: Int64(raw))) }"
                w.line("case \(number) where tag.wireType == .varint:")
                w.indent()
                w.line("let raw = try decoder.readEnum()")
                w.line(keep)
                w.outdent()
                w.line("case \(number) where tag.wireType == .lengthDelimited:")
                w.indent()
                w.closureBlock("try decoder.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in") { w in
                    w.block("while !d.isAtEnd") { w in
                        w.line("let raw = try d.readEnum()")
                        w.line(keep)
                    }
                }
                w.outdent()
            } else if value.isPackable {
                // Packed and unpacked encodings are both accepted, whatever the declaration says.
                let one = if case .enumeration(let e) = value.category {
                    "\(e.swiftName)(rawValue: try d.readEnum())"
                } else {
                    value.readScalar("d")
                }
                w.line("case \(number) where tag.wireType == \(value.wireType) || tag.wireType == .lengthDelimited:")
                w.indent()
                w.line("try decoder.readRepeated(tag, into: &\(x)) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in \(one) }")
                w.outdent()
            } else {
                w.line("case \(number) where tag.wireType == \(value.wireType):")
                w.indent()
                for s in value.readStatements(decoder: "decoder", number: number, existing: nil, unknownFields: unknownFields, store: { "\(x).append(\($0))" }) {
                    w.line(s)
                }
                w.outdent()
            }
        case .map(let key, let val):
            emitMapDecodeCase(into: &w, x: x, key: key, val: val, unknownFields: unknownFields)
        case .oneofMember:
            break
        }
    }

    private func emitMapDecodeCase(into w: inout SourceWriter, x: String, key: ValueCoding, val: ValueCoding, unknownFields: String) {
        w.line("case \(number) where tag.wireType == .lengthDelimited:")
        w.indent()
        w.line("var key: \(key.swiftType) = \(key.zeroValue)")
        let entryLoop: (inout SourceWriter, String) -> Void = { w, valueRead in
            w.block("while let entryTag = try d.nextTag()") { w in
                w.switchBlock("entryTag.fieldNumber") { w in
                    w.line("case 1 where entryTag.wireType == \(key.wireType): key = \(key.readScalar("d"))")
                    w.line("case 2 where entryTag.wireType == \(val.wireType): \(valueRead)")
                    w.line("default: _ = try d.skipValue(entryTag)")
                }
            }
        }
        if let closed = val.closedEnum {
            // An entry whose value is not a known number of the closed enum is kept whole as an
            // unknown field. Its bytes are taken first, then decoded (scalars only: no nesting).
            w.line("let entry = try decoder.skipValue(tag)")
            w.line("var raw: Int32 = \(closed.descriptor.value.first?.number ?? 0)")
            w.line("var entryDecoder = BinaryDecoder(unsafeBuffer: entry, options: decoder.options)")
            w.closureBlock("try entryDecoder.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in") { w in
                entryLoop(&w, "raw = try d.readEnum()")
            }
            w.line("if let v = \(closed.swiftName)(rawValue: raw) { \(x)[key] = v } else { \(unknownFields).append(tag: tag, rawValue: entry) }")
        } else {
            w.line("var value: \(val.swiftType) = \(val.zeroValue)")
            let valueRead = switch val.category {
            case .message, .group: "try d.readMessage(into: &value)"
            case .enumeration(let e): "value = \(e.swiftName)(rawValue: try d.readEnum())"
            case .scalar: "value = \(val.readScalar("d"))"
            }
            w.closureBlock("try decoder.withLengthDelimited { (d: inout BinaryDecoder) throws(ProtoDecodingError) in") { w in
                entryLoop(&w, valueRead)
            }
            w.line("\(x)[key] = value")
        }
        w.outdent()
    }

    // MARK: Initialization check

    /// Statements returning false when this field (or a message in it) lacks a required field.
    func emitInitializationCheck(into w: inout SourceWriter, x: String) {
        if isRequired { w.line("if \(x) == nil { return false }") }
        let messageNeedsCheck: (ValueCoding) -> Bool = { coding in
            switch coding.category {
            case .message(let m), .group(let m): self.index.messages["." + m.fullName]?.needsInitializationCheck ?? false
            default: false
            }
        }
        switch kind {
        case .presence where messageNeedsCheck(value):
            w.line("if let v = \(x), !v.isInitialized { return false }")
        case .repeated where messageNeedsCheck(value):
            w.line("for v in \(x) where !v.isInitialized { return false }")
        case .map(_, let val) where messageNeedsCheck(val):
            w.line("for v in \(x).values where !v.isInitialized { return false }")
        default:
            break
        }
    }

    var needsInitializationCheck: Bool {
        if isRequired { return true }
        let coding: ValueCoding
        switch kind {
        case .map(_, let val): coding = val
        default: coding = value
        }
        switch coding.category {
        case .message(let m), .group(let m): return index.messages["." + m.fullName]?.needsInitializationCheck ?? false
        default: return false
        }
    }
}
