/// A message type as a `DescriptorPool` knows it: its fields resolved for fast lookup by number and
/// by name, and its oneofs.
///
/// Descriptors are immutable. Field types refer to other messages and enums by full name, resolved
/// through the pool that made them (so descriptors never form reference cycles).
public final class MessageDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The full name without a leading dot, e.g. `jiceng.v1.Task`.
    public let fullName: String
    /// The file that declares the type (e.g. `jiceng/v1/task.proto`).
    public let fileName: String
    /// Fields in declaration order.
    public let fields: [FieldDescriptor]
    public let oneofs: [OneofDescriptor]
    /// True for the synthetic `XxxEntry` type of a map field.
    public let isMapEntry: Bool
    public let proto: Google_Protobuf_DescriptorProto

    let fieldsByNumber: [Int: FieldDescriptor]
    let fieldsByName: [String: FieldDescriptor]
    /// Fields in field-number order, the order binary encoding writes them.
    let fieldsInNumberOrder: [FieldDescriptor]

    init(fullName: String, fileName: String, proto: Google_Protobuf_DescriptorProto, fields: [FieldDescriptor], oneofs: [OneofDescriptor]) {
        self.fullName = fullName
        self.fileName = fileName
        self.proto = proto
        self.fields = fields
        self.oneofs = oneofs
        self.isMapEntry = proto.options.mapEntry
        var byNumber: [Int: FieldDescriptor] = [:]
        var byName: [String: FieldDescriptor] = [:]
        for f in fields {
            byNumber[f.number] = f
            // JSON input accepts the proto name and the JSON name; the proto name wins a clash.
            if byName[f.jsonName] == nil { byName[f.jsonName] = f }
            byName[f.name] = f
        }
        self.fieldsByNumber = byNumber
        self.fieldsByName = byName
        self.fieldsInNumberOrder = fields.sorted { $0.number < $1.number }
    }

    /// The field with `number`, if the type has one.
    public func field(number: Int) -> FieldDescriptor? { fieldsByNumber[number] }

    /// The field whose proto name or JSON name is `name`.
    public func field(named name: String) -> FieldDescriptor? { fieldsByName[name] }

    public var description: String { fullName }

    public static func == (a: MessageDescriptor, b: MessageDescriptor) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// One field of a message.
public final class FieldDescriptor: Sendable, CustomStringConvertible {
    public let name: String
    /// The lowerCamelCase name proto3 JSON writes (protoc's `json_name`).
    public let jsonName: String
    public let number: Int
    public let type: Google_Protobuf_FieldDescriptorProto.TypeEnum
    public let isRepeated: Bool
    public let isRequired: Bool
    /// Repeated scalars written as one length-delimited block.
    public let isPacked: Bool
    /// Whether "not set" differs from "set to the default" (proto2 fields, proto3 `optional`,
    /// oneof members and message fields).
    public let hasPresence: Bool
    /// The index into the message's `oneofs`, for members of a real or synthetic oneof.
    public let oneofIndex: Int?
    /// For message, group and enum fields: the full type name without a leading dot.
    public let typeName: String
    /// Strings must be valid UTF-8 (proto3); proto2 strings are not checked.
    public let validatesUTF8: Bool
    /// Whether the field is a map (a repeated field of a map-entry type).
    public let isMap: Bool
    /// For maps: the key's and the value's types (the entry's fields 1 and 2).
    public let mapKeyType: Google_Protobuf_FieldDescriptorProto.TypeEnum
    public let mapValueType: Google_Protobuf_FieldDescriptorProto.TypeEnum

    init(proto: Google_Protobuf_FieldDescriptorProto, isProto3: Bool, mapEntry: Google_Protobuf_DescriptorProto?) {
        name = proto.name
        jsonName = proto.hasJsonName ? proto.jsonName : FieldDescriptor.lowerCamel(proto.name)
        number = Int(proto.number)
        type = proto.type
        isRepeated = proto.label == .repeated
        isRequired = proto.label == .required
        let packable = ![.string, .bytes, .message, .group].contains(proto.type)
        isPacked = isRepeated && packable && (proto.options.hasPacked ? proto.options.packed : isProto3)
        oneofIndex = proto.hasOneofIndex ? Int(proto.oneofIndex) : nil
        hasPresence = !isRepeated && (!isProto3 || proto.proto3Optional || proto.hasOneofIndex
            || proto.type == .message || proto.type == .group)
        typeName = proto.typeName.hasPrefix(".") ? String(proto.typeName.dropFirst()) : proto.typeName
        validatesUTF8 = isProto3
        isMap = mapEntry != nil
        mapKeyType = mapEntry?.field.first { $0.number == 1 }?.type ?? .string
        mapValueType = mapEntry?.field.first { $0.number == 2 }?.type ?? .string
    }

    /// protoc's default JSON name: underscores dropped, the letter after each one upper-cased.
    static func lowerCamel(_ name: String) -> String {
        var out = ""
        var upperNext = false
        for c in name {
            if c == "_" {
                upperNext = true
            } else if upperNext {
                out += c.uppercased()
                upperNext = false
            } else {
                out.append(c)
            }
        }
        return out
    }

    public var description: String { name }
}

/// A oneof (real, or the synthetic one protoc makes for a proto3 `optional` field).
public struct OneofDescriptor: Sendable {
    public let name: String
    /// Field numbers of the members.
    public let fieldNumbers: [Int]
    public let isSynthetic: Bool
}

/// An enum type.
public final class EnumDescriptor: Sendable, CustomStringConvertible {
    public let fullName: String
    /// Value names in declaration order with their numbers.
    public let values: [(name: String, number: Int32)]
    /// Closed (proto2) enums reject numbers they do not declare.
    public let isClosed: Bool

    let namesByNumber: [Int32: String]
    let numbersByName: [String: Int32]

    init(fullName: String, proto: Google_Protobuf_EnumDescriptorProto, isClosed: Bool) {
        self.fullName = fullName
        self.values = proto.value.map { ($0.name, $0.number) }
        self.isClosed = isClosed
        var byNumber: [Int32: String] = [:]
        var byName: [String: Int32] = [:]
        // With `allow_alias` the first name declared for a number is the one written.
        for v in proto.value {
            if byNumber[v.number] == nil { byNumber[v.number] = v.name }
            byName[v.name] = v.number
        }
        namesByNumber = byNumber
        numbersByName = byName
    }

    public func name(of number: Int32) -> String? { namesByNumber[number] }
    public func number(of name: String) -> Int32? { numbersByName[name] }

    public var description: String { fullName }
}

/// An RPC method: what a descriptor-driven client (`jiceng call`) needs to encode a request and
/// decode the response.
public struct ServiceMethodDescriptor: Sendable {
    /// The service's full name, e.g. `jiceng.v1.TaskService`.
    public let serviceName: String
    /// The method's simple name, e.g. `CreateTask`.
    public let name: String
    public let input: MessageDescriptor
    public let output: MessageDescriptor
    public let clientStreaming: Bool
    public let serverStreaming: Bool

    /// The HTTP/2 path gRPC uses: `/jiceng.v1.TaskService/CreateTask`.
    public var path: String { "/\(serviceName)/\(name)" }
}
