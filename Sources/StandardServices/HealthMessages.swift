// grpc/health/v1/health.proto, written by hand in the shape jiceng-protoc generates; to be
// replaced by generated code once the code generator lands.
import ProtoRuntime
import RPC

/// `grpc.health.v1.HealthCheckRequest`
public struct Grpc_Health_V1_HealthCheckRequest: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthCheckRequest"

    public var service: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static func protoFieldName(_ number: Int) -> String? {
        number == 1 ? "service" : nil
    }

    public func encodedSize() -> Int {
        (service.isEmpty ? 0 : 1 + WireSize.string(service)) + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if !service.isEmpty {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(service)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): service = try decoder.readString()
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

/// `grpc.health.v1.HealthCheckResponse`
public struct Grpc_Health_V1_HealthCheckResponse: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthCheckResponse"

    public var status: ServingStatus = .unknown
    public var unknownFields = UnknownFields()

    public init() {}

    public static func protoFieldName(_ number: Int) -> String? {
        number == 1 ? "status" : nil
    }

    /// `grpc.health.v1.HealthCheckResponse.ServingStatus`
    public enum ServingStatus: ProtoEnum {
        case unknown
        case serving
        case notServing
        case serviceUnknown
        case unrecognized(Int32)

        public static let protoEnumName = "grpc.health.v1.HealthCheckResponse.ServingStatus"

        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .unknown
            case 1: self = .serving
            case 2: self = .notServing
            case 3: self = .serviceUnknown
            default: self = .unrecognized(rawValue)
            }
        }

        public var rawValue: Int32 {
            switch self {
            case .unknown: 0
            case .serving: 1
            case .notServing: 2
            case .serviceUnknown: 3
            case .unrecognized(let value): value
            }
        }
    }

    public func encodedSize() -> Int {
        (status.rawValue == 0 ? 0 : 1 + WireSize.int32(status.rawValue)) + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if status.rawValue != 0 {
            encoder.writeTag(1, .varint)
            encoder.writeEnum(status.rawValue)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): status = ServingStatus(rawValue: try decoder.readEnum())
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

/// `grpc.health.v1.HealthListRequest` (no fields).
public struct Grpc_Health_V1_HealthListRequest: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthListRequest"
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int { unknownFields.bytes.count }

    public func encode(to encoder: inout BinaryEncoder) {
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            try decoder.skipField(tag, into: &unknownFields)
        }
    }
}

/// `grpc.health.v1.HealthListResponse`: `map<string, HealthCheckResponse> statuses = 1`.
public struct Grpc_Health_V1_HealthListResponse: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthListResponse"

    public var statuses: [String: Grpc_Health_V1_HealthCheckResponse] = [:]
    public var unknownFields = UnknownFields()

    public init() {}

    public static func protoFieldName(_ number: Int) -> String? {
        number == 1 ? "statuses" : nil
    }

    private static func entrySize(_ key: String, _ value: Grpc_Health_V1_HealthCheckResponse) -> Int {
        (key.isEmpty ? 0 : 1 + WireSize.string(key)) + 1 + WireSize.message(value)
    }

    public func encodedSize() -> Int {
        statuses.reduce(unknownFields.bytes.count) { $0 + 1 + WireSize.delimited(Self.entrySize($1.key, $1.value)) }
    }

    public func encode(to encoder: inout BinaryEncoder) {
        // Keys in order, so equal maps encode to equal bytes.
        for key in statuses.keys.sorted() {
            let value = statuses[key]!
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeVarint(UInt64(Self.entrySize(key, value)))
            if !key.isEmpty {
                encoder.writeTag(1, .lengthDelimited)
                encoder.writeString(key)
            }
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(value)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                let (key, value) = try decoder.withLengthDelimited { (entry: inout BinaryDecoder) throws(ProtoDecodingError) in
                    var key = ""
                    var value = Grpc_Health_V1_HealthCheckResponse()
                    while let inner = try entry.nextTag() {
                        switch (inner.fieldNumber, inner.wireType) {
                        case (1, .lengthDelimited): key = try entry.readString()
                        case (2, .lengthDelimited): try entry.readMessage(into: &value)
                        default: _ = try entry.skipValue(inner)
                        }
                    }
                    return (key, value)
                }
                statuses[key] = value
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

/// `grpc.health.v1.Health`: its method descriptors.
public enum Grpc_Health_V1_Health {
    public static let serviceName = "grpc.health.v1.Health"

    public enum Method {
        public static let check = MethodDescriptor(service: serviceName, method: "Check", kind: .unary)
        public static let watch = MethodDescriptor(service: serviceName, method: "Watch", kind: .serverStreaming)
        public static let list = MethodDescriptor(service: serviceName, method: "List", kind: .unary)
    }
}
