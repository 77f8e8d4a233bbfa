import ProtoRuntime

/// `google.rpc.Status` — `{int32 code = 1; string message = 2; repeated google.protobuf.Any
/// details = 3}` — encoded by hand so that the RPC layer needs no generated code. Its bytes are the
/// value of `grpc-status-details-bin`.
public struct RichStatus: ProtoMessage {
    public static let protoMessageName = "google.rpc.Status"

    public var code: Int32 = 0
    public var message: String = ""
    public var details: [Detail] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(code: Int32, message: String, details: [Detail] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "code"
        case 2: "message"
        case 3: "details"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if code != 0 { size += 1 + WireSize.int32(code) }
        if !message.isEmpty { size += 1 + WireSize.string(message) }
        for detail in details { size += 1 + WireSize.message(detail) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if code != 0 {
            encoder.writeTag(1, .varint)
            encoder.writeInt32(code)
        }
        if !message.isEmpty {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(message)
        }
        for detail in details {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeMessage(detail)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): code = try decoder.readInt32()
            case (2, .lengthDelimited): message = try decoder.readString()
            case (3, .lengthDelimited):
                var detail = Detail()
                try decoder.readMessage(into: &detail)
                details.append(detail)
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    /// `google.protobuf.Any`: a type URL (`type.googleapis.com/google.rpc.BadRequest`) and the
    /// serialized message it names.
    public struct Detail: ProtoMessage {
        public static let protoMessageName = "google.protobuf.Any"

        public var typeURL: String = ""
        public var value: [UInt8] = []
        public var unknownFields = UnknownFields()

        public init() {}

        public init(typeURL: String, value: [UInt8]) {
            self.typeURL = typeURL
            self.value = value
        }

        /// Packs a message under `type.googleapis.com/<full name>`.
        public init<M: ProtoMessage>(packing message: M) {
            self.init(typeURL: "type.googleapis.com/" + M.protoMessageName, value: message.serializedBytes())
        }

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "type_url"
            case 2: "value"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if !typeURL.isEmpty { size += 1 + WireSize.string(typeURL) }
            if !value.isEmpty { size += 1 + WireSize.bytes(value) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if !typeURL.isEmpty {
                encoder.writeTag(1, .lengthDelimited)
                encoder.writeString(typeURL)
            }
            if !value.isEmpty {
                encoder.writeTag(2, .lengthDelimited)
                encoder.writeBytes(value)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch (tag.fieldNumber, tag.wireType) {
                case (1, .lengthDelimited): typeURL = try decoder.readString()
                case (2, .lengthDelimited): value = try decoder.readBytes()
                default: try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }

        /// Unpacks the detail as `M` when the type URL names it.
        public func unpack<M: ProtoMessage>(_: M.Type) throws -> M? {
            guard typeURL.hasSuffix("/" + M.protoMessageName) else { return nil }
            return try M(serializedBytes: value)
        }
    }
}
