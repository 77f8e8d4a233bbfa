// Hand-written in the shape jiceng-protoc generates, for proto/bench_task.proto: the renderer was
// not on main when this benchmark was written. Replace with the generated file once it is.
import ProtoRuntime

public struct Benchcodec_Timestamp: ProtoMessage {
    public var seconds: Int64 = 0
    public var nanos: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "benchcodec.Timestamp"

    public func encodedSize() -> Int {
        var size = 0
        if seconds != 0 { size += 1 + WireSize.int64(seconds) }
        if nanos != 0 { size += 1 + WireSize.int32(nanos) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if seconds != 0 {
            encoder.writeTag(1, .varint)
            encoder.writeInt64(seconds)
        }
        if nanos != 0 {
            encoder.writeTag(2, .varint)
            encoder.writeInt32(nanos)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .varint: seconds = try decoder.readInt64()
            case 2 where tag.wireType == .varint: nanos = try decoder.readInt32()
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public enum Benchcodec_Urgency: ProtoEnum {
    case unspecified
    case routine
    case urgent
    case unrecognized(Int32)

    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .routine
        case 2: self = .urgent
        default: self = .unrecognized(rawValue)
        }
    }

    public var rawValue: Int32 {
        switch self {
        case .unspecified: 0
        case .routine: 1
        case .urgent: 2
        case .unrecognized(let v): v
        }
    }

    public static let protoEnumName = "benchcodec.Urgency"
}

public struct Benchcodec_Task: ProtoMessage {
    public var id: String = ""
    public var title: String = ""
    public var description_p: String = ""
    public var townID: String = ""
    public var gridID: String = ""
    public var urgency: Benchcodec_Urgency = .unspecified
    public var cooperatingDepartmentIds: [String] = []
    public var createTime: Benchcodec_Timestamp {
        get { _createTime ?? Benchcodec_Timestamp() }
        set { _createTime = newValue }
    }
    public var acceptDeadline: Benchcodec_Timestamp {
        get { _acceptDeadline ?? Benchcodec_Timestamp() }
        set { _acceptDeadline = newValue }
    }
    public var resolveDeadline: Benchcodec_Timestamp {
        get { _resolveDeadline ?? Benchcodec_Timestamp() }
        set { _resolveDeadline = newValue }
    }
    public var labels: [String: String] = [:]
    public var attachmentIds: [Int64] = []
    public var reworkCount: Int32 = 0
    public var latitude: Double = 0
    public var longitude: Double = 0
    public var etag: String = ""
    public var unknownFields = UnknownFields()
    var _createTime: Benchcodec_Timestamp? = nil
    var _acceptDeadline: Benchcodec_Timestamp? = nil
    var _resolveDeadline: Benchcodec_Timestamp? = nil

    public init() {}

    public static let protoMessageName = "benchcodec.Task"

    public func encodedSize() -> Int {
        var size = 0
        if !id.isEmpty { size += 1 + WireSize.string(id) }
        if !title.isEmpty { size += 1 + WireSize.string(title) }
        if !description_p.isEmpty { size += 1 + WireSize.string(description_p) }
        if !townID.isEmpty { size += 1 + WireSize.string(townID) }
        if !gridID.isEmpty { size += 1 + WireSize.string(gridID) }
        if urgency.rawValue != 0 { size += 1 + WireSize.int32(urgency.rawValue) }
        size += WireSize.repeatedField(7, cooperatingDepartmentIds, as: ProtoString.self)
        if let v = _createTime { size += 1 + WireSize.message(v) }
        if let v = _acceptDeadline { size += 1 + WireSize.message(v) }
        if let v = _resolveDeadline { size += 1 + WireSize.message(v) }
        size += WireSize.mapField(11, labels, key: ProtoString.self, value: ProtoString.self)
        size += WireSize.packedField(12, attachmentIds, as: ProtoInt64.self)
        if reworkCount != 0 { size += 1 + WireSize.int32(reworkCount) }
        if latitude.bitPattern != 0 { size += 9 }
        if longitude.bitPattern != 0 { size += 9 }
        if !etag.isEmpty { size += 2 + WireSize.string(etag) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if !id.isEmpty {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(id)
        }
        if !title.isEmpty {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(title)
        }
        if !description_p.isEmpty {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeString(description_p)
        }
        if !townID.isEmpty {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeString(townID)
        }
        if !gridID.isEmpty {
            encoder.writeTag(5, .lengthDelimited)
            encoder.writeString(gridID)
        }
        if urgency.rawValue != 0 {
            encoder.writeTag(6, .varint)
            encoder.writeEnum(urgency.rawValue)
        }
        encoder.writeRepeatedField(7, cooperatingDepartmentIds, as: ProtoString.self)
        if let v = _createTime {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _acceptDeadline {
            encoder.writeTag(9, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _resolveDeadline {
            encoder.writeTag(10, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeMapField(11, labels, key: ProtoString.self, value: ProtoString.self)
        encoder.writePackedField(12, attachmentIds, as: ProtoInt64.self)
        if reworkCount != 0 {
            encoder.writeTag(13, .varint)
            encoder.writeInt32(reworkCount)
        }
        if latitude.bitPattern != 0 {
            encoder.writeTag(14, .fixed64)
            encoder.writeDouble(latitude)
        }
        if longitude.bitPattern != 0 {
            encoder.writeTag(15, .fixed64)
            encoder.writeDouble(longitude)
        }
        if !etag.isEmpty {
            encoder.writeTag(16, .lengthDelimited)
            encoder.writeString(etag)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited: id = try decoder.readString()
            case 2 where tag.wireType == .lengthDelimited: title = try decoder.readString()
            case 3 where tag.wireType == .lengthDelimited: description_p = try decoder.readString()
            case 4 where tag.wireType == .lengthDelimited: townID = try decoder.readString()
            case 5 where tag.wireType == .lengthDelimited: gridID = try decoder.readString()
            case 6 where tag.wireType == .varint: urgency = Benchcodec_Urgency(rawValue: try decoder.readEnum())
            case 7 where tag.wireType == .lengthDelimited:
                try decoder.readRepeated(into: &cooperatingDepartmentIds, as: ProtoString.self)
            case 8 where tag.wireType == .lengthDelimited:
                var v = _createTime ?? Benchcodec_Timestamp()
                try decoder.readMessage(into: &v)
                _createTime = v
            case 9 where tag.wireType == .lengthDelimited:
                var v = _acceptDeadline ?? Benchcodec_Timestamp()
                try decoder.readMessage(into: &v)
                _acceptDeadline = v
            case 10 where tag.wireType == .lengthDelimited:
                var v = _resolveDeadline ?? Benchcodec_Timestamp()
                try decoder.readMessage(into: &v)
                _resolveDeadline = v
            case 11 where tag.wireType == .lengthDelimited:
                try decoder.readMapEntry(into: &labels, key: ProtoString.self, value: ProtoString.self)
            case 12 where tag.wireType == .lengthDelimited || tag.wireType == .varint:
                try decoder.readRepeated(tag, into: &attachmentIds, as: ProtoInt64.self)
            case 13 where tag.wireType == .varint: reworkCount = try decoder.readInt32()
            case 14 where tag.wireType == .fixed64: latitude = try decoder.readDouble()
            case 15 where tag.wireType == .fixed64: longitude = try decoder.readDouble()
            case 16 where tag.wireType == .lengthDelimited: etag = try decoder.readString()
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Benchcodec_TaskList: ProtoMessage {
    public var tasks: [Benchcodec_Task] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "benchcodec.TaskList"

    public func encodedSize() -> Int {
        var size = WireSize.repeatedField(1, tasks, as: ProtoMessageCodec<Benchcodec_Task>.self)
        if !nextPageToken.isEmpty { size += 1 + WireSize.string(nextPageToken) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        encoder.writeRepeatedField(1, tasks, as: ProtoMessageCodec<Benchcodec_Task>.self)
        if !nextPageToken.isEmpty {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(nextPageToken)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                try decoder.readRepeated(into: &tasks, as: ProtoMessageCodec<Benchcodec_Task>.self)
            case 2 where tag.wireType == .lengthDelimited: nextPageToken = try decoder.readString()
            default: try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}
