import ProtoRuntime

/// How one value of a field's type is named, sized, written and read in generated Swift.
struct ValueCoding {
    enum Category {
        case scalar
        case enumeration(DescriptorIndex.EnumInfo)
        case message(DescriptorIndex.MessageInfo)
        case group(DescriptorIndex.MessageInfo)
    }

    let category: Category
    let protoType: Google_Protobuf_FieldDescriptorProto.TypeEnum
    /// The Swift type of one value (`Int32`, `[UInt8]`, `Jiceng_V1_Task`).
    let swiftType: String
    /// The wire type of one unpacked value, as a Swift expression (`.varint`).
    let wireType: String
    /// The runtime's method suffix for scalars (`SInt32` for `writeSInt32`/`readSInt32`).
    private let method: String
    /// Bytes one value takes when the size does not depend on the value.
    let fixedSize: Int?
    /// strings: whether reading validates UTF-8 (proto3) or not (proto2).
    let validatesUTF8: Bool

    init(_ field: Google_Protobuf_FieldDescriptorProto, index: DescriptorIndex, isProto3: Bool) throws(SwiftRenderError) {
        protoType = field.type
        validatesUTF8 = isProto3
        switch field.type {
        case .double: (swiftType, wireType, method, fixedSize) = ("Double", ".fixed64", "Double", 8)
        case .float: (swiftType, wireType, method, fixedSize) = ("Float", ".fixed32", "Float", 4)
        case .int64: (swiftType, wireType, method, fixedSize) = ("Int64", ".varint", "Int64", nil)
        case .uint64: (swiftType, wireType, method, fixedSize) = ("UInt64", ".varint", "UInt64", nil)
        case .int32: (swiftType, wireType, method, fixedSize) = ("Int32", ".varint", "Int32", nil)
        case .fixed64: (swiftType, wireType, method, fixedSize) = ("UInt64", ".fixed64", "Fixed64", 8)
        case .fixed32: (swiftType, wireType, method, fixedSize) = ("UInt32", ".fixed32", "Fixed32", 4)
        case .bool: (swiftType, wireType, method, fixedSize) = ("Bool", ".varint", "Bool", 1)
        case .string: (swiftType, wireType, method, fixedSize) = ("String", ".lengthDelimited", "String", nil)
        case .bytes: (swiftType, wireType, method, fixedSize) = ("[UInt8]", ".lengthDelimited", "Bytes", nil)
        case .uint32: (swiftType, wireType, method, fixedSize) = ("UInt32", ".varint", "UInt32", nil)
        case .sfixed32: (swiftType, wireType, method, fixedSize) = ("Int32", ".fixed32", "SFixed32", 4)
        case .sfixed64: (swiftType, wireType, method, fixedSize) = ("Int64", ".fixed64", "SFixed64", 8)
        case .sint32: (swiftType, wireType, method, fixedSize) = ("Int32", ".varint", "SInt32", nil)
        case .sint64: (swiftType, wireType, method, fixedSize) = ("Int64", ".varint", "SInt64", nil)
        case .enum:
            let e = try index.enumeration(field.typeName)
            category = .enumeration(e)
            (swiftType, wireType, method, fixedSize) = (e.swiftName, ".varint", "Enum", nil)
            return
        case .message:
            let m = try index.message(field.typeName)
            category = .message(m)
            (swiftType, wireType, method, fixedSize) = (m.swiftName, ".lengthDelimited", "Message", nil)
            return
        case .group:
            let m = try index.message(field.typeName)
            category = .group(m)
            (swiftType, wireType, method, fixedSize) = (m.swiftName, ".startGroup", "Group", nil)
            return
        }
        category = .scalar
    }

    var isMessageLike: Bool {
        switch category {
        case .message, .group: true
        default: false
        }
    }

    var closedEnum: DescriptorIndex.EnumInfo? {
        if case .enumeration(let e) = category, e.isClosed { return e }
        return nil
    }

    /// Only numeric scalars and enums can be packed.
    var isPackable: Bool {
        switch category {
        case .scalar: protoType != .string && protoType != .bytes
        case .enumeration: true
        default: false
        }
    }

    /// The encoded size of value `v` without its tag (for groups: the body between the tags).
    func size(_ v: String) -> String {
        if let fixedSize { return String(fixedSize) }
        switch protoType {
        case .int64: return "WireSize.int64(\(v))"
        case .int32: return "WireSize.int32(\(v))"
        case .uint32, .uint64: return "WireSize.varint(\(v))"
        case .sint32: return "WireSize.sint32(\(v))"
        case .sint64: return "WireSize.sint64(\(v))"
        case .string: return "WireSize.string(\(v))"
        case .bytes: return "WireSize.bytes(\(v))"
        case .enum: return "WireSize.int32(\(v).rawValue)"
        case .message: return "WireSize.message(\(v))"
        case .group: return "\(v).encodedSize()"
        default: return "0"
        }
    }

    /// The size of value `v` with its tag(s), for field `number`.
    func sizeWithTag(_ v: String, number: Int) -> String {
        let tag = tagSize(number)
        if case .group = category { return "\(2 * tag) + \(v).encodedSize()" }
        if let fixedSize { return String(tag + fixedSize) }
        return "\(tag) + \(size(v))"
    }

    /// Statements writing value `v` without a tag.
    func write(_ v: String) -> String {
        switch category {
        case .enumeration: "encoder.writeEnum(\(v).rawValue)"
        case .message: "encoder.writeMessage(\(v))"
        case .group: "encoder.writeGroup(\(v))"  // not used: groups write their own tags
        case .scalar: "encoder.write\(method)(\(v))"
        }
    }

    /// Statements writing field `number` with value `v`, tag included.
    func writeWithTag(_ v: String, number: Int) -> [String] {
        if case .group = category { return ["encoder.writeGroup(\(v), fieldNumber: \(number))"] }
        return ["encoder.writeTag(\(number), \(wireType))", write(v)]
    }

    /// An expression reading one scalar value from decoder `d`.
    func readScalar(_ d: String) -> String {
        if protoType == .string && !validatesUTF8 { return "try \(d).readString(validateUTF8: false)" }
        return "try \(d).read\(method)()"
    }

    /// The value a field holds when unset.
    var zeroValue: String {
        switch category {
        case .message(let m), .group(let m): return "\(m.swiftName)()"
        case .enumeration(let e): return "." + e.defaultCaseName
        case .scalar:
            switch protoType {
            case .bool: return "false"
            case .string: return "\"\""
            case .bytes: return "[]"
            default: return "0"
            }
        }
    }

    /// A condition true when `v` differs from the zero value (implicit presence: written only then).
    func isNonZero(_ v: String) -> String {
        switch category {
        case .enumeration: return "\(v).rawValue != 0"
        case .message, .group: return "true"
        case .scalar:
            switch protoType {
            case .bool: return v
            case .string, .bytes: return "!\(v).isEmpty"
            // -0.0 must be written: compare bits, not values.
            case .float, .double: return "\(v).bitPattern != 0"
            default: return "\(v) != 0"
            }
        }
    }

    /// Statements that read one value with `decoder` and hand it to `store` (a template
    /// producing a statement from a value expression). For messages, `existing` is an expression
    /// of type `T?` to merge into; unknown numbers of closed enums go to `unknownFields`.
    func readStatements(
        decoder d: String, number: Int, existing: String?, unknownFields: String, store: (String) -> String
    ) -> [String] {
        switch category {
        case .message(let m), .group(let m):
            let read = if case .group = category {
                "try \(d).readGroup(into: &v, fieldNumber: \(number))"
            } else {
                "try \(d).readMessage(into: &v)"
            }
            return [
                existing.map { "var v = \($0) ?? \(m.swiftName)()" } ?? "var v = \(m.swiftName)()",
                read,
                store("v"),
            ]
        case .enumeration(let e):
            if e.isClosed {
                return [
                    "let raw = try \(d).readEnum()",
                    "if let v = \(e.swiftName)(rawValue: raw) { \(store("v")) }",
                    "else { \(unknownFields).append(fieldNumber: \(number), varint: UInt64(bitPattern: Int64(raw))) }",
                ]
            }
            return [store("\(e.swiftName)(rawValue: try \(d).readEnum())")]
        case .scalar:
            return [store(readScalar(d))]
        }
    }
}

/// Bytes taken by the tag of field `number`.
func tagSize(_ number: Int) -> Int {
    var v = UInt64(number) << 3
    var n = 1
    while v >= 0x80 { v >>= 7; n += 1 }
    return n
}
