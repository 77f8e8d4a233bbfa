/// One value of a field, typed by the field's protobuf type.
public indirect enum ProtoValue: Sendable, Hashable {
    /// int32, sint32, sfixed32
    case int32(Int32)
    /// int64, sint64, sfixed64
    case int64(Int64)
    /// uint32, fixed32
    case uint32(UInt32)
    /// uint64, fixed64
    case uint64(UInt64)
    case float(Float)
    case double(Double)
    case bool(Bool)
    case string(String)
    case bytes([UInt8])
    /// An enum number (known to the enum or not).
    case enumNumber(Int32)
    case message(DynamicMessage)
}

/// What a message holds for one field.
public enum FieldValue: Sendable, Hashable {
    case single(ProtoValue)
    case repeated([ProtoValue])
    /// Map fields; keys are never floats or messages.
    case map([ProtoValue: ProtoValue])
}

/// A message of a type known only by its descriptor: what `jiceng call` builds from JSON and the
/// proto3 JSON transcoder works on.
///
/// Only present fields are stored: fields without presence hold no entry when they have their
/// default value, so `==` compares messages the way their encodings compare.
public struct DynamicMessage: Sendable, Hashable {
    public let descriptor: MessageDescriptor
    /// Present fields by number.
    public internal(set) var fields: [Int: FieldValue] = [:]
    public var unknownFields = UnknownFields()

    public init(descriptor: MessageDescriptor) {
        self.descriptor = descriptor
    }

    public subscript(number: Int) -> FieldValue? { fields[number] }

    /// Sets a field, clearing the other members of its oneof, and dropping default values of
    /// fields without presence.
    public mutating func set(_ field: FieldDescriptor, _ value: FieldValue) {
        if let index = field.oneofIndex, index < descriptor.oneofs.count {
            for other in descriptor.oneofs[index].fieldNumbers where other != field.number {
                fields[other] = nil
            }
        }
        switch value {
        case .repeated(let values) where values.isEmpty: fields[field.number] = nil
        case .map(let entries) where entries.isEmpty: fields[field.number] = nil
        case .single(let v) where !field.hasPresence && v.isDefault: fields[field.number] = nil
        default: fields[field.number] = value
        }
    }

    public mutating func clear(_ field: FieldDescriptor) { fields[field.number] = nil }
}

extension ProtoValue {
    /// Whether this is the zero value of its type (what a proto3 field without presence omits).
    public var isDefault: Bool {
        switch self {
        case .int32(let v): v == 0
        case .int64(let v): v == 0
        case .uint32(let v): v == 0
        case .uint64(let v): v == 0
        // -0.0 is not the default: its bits differ, and proto3 serializers keep it.
        case .float(let v): v.bitPattern == 0
        case .double(let v): v.bitPattern == 0
        case .bool(let v): !v
        case .string(let v): v.isEmpty
        case .bytes(let v): v.isEmpty
        case .enumNumber(let v): v == 0
        case .message: false
        }
    }

    /// The zero value of `field`'s type (messages: an empty message).
    static func defaultValue(of field: FieldDescriptor, pool: DescriptorPool) -> ProtoValue {
        switch field.type {
        case .int32, .sint32, .sfixed32: .int32(0)
        case .int64, .sint64, .sfixed64: .int64(0)
        case .uint32, .fixed32: .uint32(0)
        case .uint64, .fixed64: .uint64(0)
        case .float: .float(0)
        case .double: .double(0)
        case .bool: .bool(false)
        case .string: .string("")
        case .bytes: .bytes([])
        case .enum: .enumNumber(0)
        case .message, .group: .message(DynamicMessage(descriptor: pool.messageType(of: field)))
        }
    }
}
