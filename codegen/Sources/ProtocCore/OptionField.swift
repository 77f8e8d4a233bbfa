/// A field an option value can be assigned to: a built-in field of an `…Options` message, or a
/// field (or extension) declared in a .proto file — a custom option or a field inside one.
struct OptionField {
    enum EnumType {
        case builtin(fullName: String, values: [(String, Int32)])
        case declared(EnumNode)

        var fullName: String {
            switch self {
            case .builtin(let name, _): name
            case .declared(let node): node.fullName
            }
        }

        /// The value's number if the enum declares it (by name).
        func number(of name: String) -> Int32? {
            switch self {
            case .builtin(_, let values): values.first { $0.0 == name }?.1
            case .declared(let node): node.values.first { $0.name == name }?.number
            }
        }

        func contains(number: Int32) -> Bool {
            switch self {
            case .builtin(_, let values): values.contains { $0.1 == number }
            case .declared(let node): node.values.contains { $0.number == number }
            }
        }

        var isClosed: Bool {
            switch self {
            case .builtin: true
            case .declared(let node): !node.isInProto3File
            }
        }
    }

    var name: String
    var fullName: String
    var number: Int32
    var type: FieldType
    var isRepeated: Bool
    var isRequired: Bool
    var isPacked: Bool
    var isExtension: Bool
    var enumType: EnumType?
    var messageType: MessageNode?
    /// Full name of the message the field belongs to (an extension's extendee).
    var containingType: String

    init(builtin field: BuiltinOptions.Field, in kind: BuiltinOptions.Kind) {
        name = field.name
        fullName = kind.messageName + "." + field.name
        number = field.number
        type = field.type
        isRepeated = false
        isRequired = false
        isPacked = false
        isExtension = false
        enumType = field.enumName.map { .builtin(fullName: $0, values: field.enumValues) }
        containingType = kind.messageName
    }

    init(declared field: FieldNode) {
        name = field.name
        fullName = field.fullName
        number = field.number
        type = field.type ?? .message
        isRepeated = field.label == .repeated
        isRequired = field.label == .required
        let explicitPacked = field.options?.builtinBools["packed"]
        isPacked = isRepeated && type.isPackable && (explicitPacked ?? field.isInProto3File)
        isExtension = field.extendee != nil
        enumType = field.enumType.map { .declared($0) }
        messageType = field.messageType
        containingType = field.resolvedExtendee.map { String($0.dropFirst()) }
            ?? String(field.fullName[..<(field.fullName.lastIndex(of: ".") ?? field.fullName.startIndex)])
    }

    /// Encodes one scalar value (without tag) for this field's type.
    static func encodeScalar(_ type: FieldType, integer: Int64? = nil, unsigned: UInt64? = nil, double: Double? = nil,
                             into writer: inout WireWriter) {
        switch type {
        case .int32, .int64, .uint32, .uint64, .enum, .bool:
            if let unsigned { writer.varint(unsigned) } else { writer.varint(UInt64(bitPattern: integer ?? 0)) }
        case .sint32:
            let v = Int32(truncatingIfNeeded: integer ?? 0)
            writer.varint(UInt64(UInt32(bitPattern: (v << 1) ^ (v >> 31))))
        case .sint64:
            let v = integer ?? 0
            writer.varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        case .fixed32, .sfixed32:
            writer.fixed32(UInt32(truncatingIfNeeded: unsigned ?? UInt64(bitPattern: integer ?? 0)))
        case .fixed64, .sfixed64:
            writer.fixed64(unsigned ?? UInt64(bitPattern: integer ?? 0))
        case .float:
            writer.fixed32(Float(double ?? 0).bitPattern)
        case .double:
            writer.fixed64((double ?? 0).bitPattern)
        case .string, .bytes, .message, .group:
            break
        }
    }

    var wireType: WireWriter.WireType {
        switch type {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .enum, .bool: .varint
        case .fixed32, .sfixed32, .float: .fixed32
        case .fixed64, .sfixed64, .double: .fixed64
        case .string, .bytes, .message: .lengthDelimited
        case .group: .startGroup
        }
    }
}
