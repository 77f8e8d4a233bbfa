import Testing
import ProtoRuntime

/// A hand-written message in the shape generated code takes, to exercise the runtime alone.
private struct Sample: ProtoMessage {
    static let protoMessageName = "test.Sample"
    var id: String = ""
    var count: Int32 = 0
    var ids: [Int64] = []
    var child: Child? = nil
    var unknownFields = UnknownFields()

    struct Child: ProtoMessage {
        static let protoMessageName = "test.Sample.Child"
        var name: String = ""
        var unknownFields = UnknownFields()
        static func protoFieldName(_ number: Int) -> String? { number == 1 ? "name" : nil }
        func encodedSize() -> Int { (name.isEmpty ? 0 : 1 + WireSize.string(name)) + unknownFields.bytes.count }
        func encode(to e: inout BinaryEncoder) {
            if !name.isEmpty { e.writeTag(1, .lengthDelimited); e.writeString(name) }
            e.writeRaw(unknownFields.bytes)
        }
        mutating func decodeMessage(from d: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try d.nextTag() {
                switch (tag.fieldNumber, tag.wireType) {
                case (1, .lengthDelimited): name = try d.readString()
                default: try d.skipField(tag, into: &unknownFields)
                }
            }
        }
    }

    static func protoFieldName(_ number: Int) -> String? {
        switch number { case 1: "id"; case 2: "count"; case 3: "ids"; case 4: "child"; default: nil }
    }

    func encodedSize() -> Int {
        var n = 0
        if !id.isEmpty { n += 1 + WireSize.string(id) }
        if count != 0 { n += 1 + WireSize.int32(count) }
        if !ids.isEmpty {
            var body = 0
            for v in ids { body += WireSize.int64(v) }
            n += 1 + WireSize.delimited(body)
        }
        if let child { n += 1 + WireSize.message(child) }
        return n + unknownFields.bytes.count
    }

    func encode(to e: inout BinaryEncoder) {
        if !id.isEmpty { e.writeTag(1, .lengthDelimited); e.writeString(id) }
        if count != 0 { e.writeTag(2, .varint); e.writeInt32(count) }
        if !ids.isEmpty {
            e.writeTag(3, .lengthDelimited)
            var body = 0
            for v in ids { body += WireSize.int64(v) }
            e.writeVarint(UInt64(body))
            for v in ids { e.writeInt64(v) }
        }
        if let child { e.writeTag(4, .lengthDelimited); e.writeMessage(child) }
        e.writeRaw(unknownFields.bytes)
    }

    mutating func decodeMessage(from d: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try d.nextTag() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): id = try d.readString()
            case (2, .varint): count = try d.readInt32()
            case (3, .varint), (3, .lengthDelimited):
                try d.readRepeated(tag, into: &ids) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt64() }
            case (4, .lengthDelimited):
                var c = child ?? Child()
                try d.readMessage(into: &c)
                child = c
            default: try d.skipField(tag, into: &unknownFields)
            }
        }
    }
}

@Test func roundTripKeepsEveryField() throws {
    var m = Sample()
    m.id = "网格-001"
    m.count = -5
    m.ids = [1, 300, -1]
    m.child = .init(name: "路灯")
    let bytes = m.serializedBytes()
    #expect(bytes.count == m.encodedSize())
    let back = try Sample(serializedBytes: bytes)
    #expect(back == m)
}

@Test func knownEncodingMatchesTheSpec() {
    var m = Sample()
    m.count = 150
    // Field 2, varint 150: 0x10 0x96 0x01 (the protobuf encoding guide's example).
    #expect(m.serializedBytes() == [0x10, 0x96, 0x01])
}

@Test func unknownFieldsSurviveARoundTrip() throws {
    // Field 9 (fixed32) and field 10 (a group holding a varint) are unknown to Sample.
    let input: [UInt8] = [0x08 | 0x02, 0x01, 0x41, 0x4D, 0x01, 0x02, 0x03, 0x04, 0x53, 0x08, 0x01, 0x54]
    let m = try Sample(serializedBytes: input)
    #expect(m.unknownFields.bytes == Array(input[3...]))
    #expect(m.serializedBytes() == input)
}

@Test func invalidUTF8NamesTheNestedField() {
    // child { name: 0xFF }
    let input: [UInt8] = [0x22, 0x03, 0x0A, 0x01, 0xFF]
    #expect {
        _ = try Sample(serializedBytes: input)
    } throws: { error in
        guard let e = error as? ProtoDecodingError else { return false }
        return e.kind == .invalidUTF8 && e.field == "child.name" && e.messageName == "test.Sample"
    }
}

@Test func truncatedAndOverlongInputIsRefused() {
    #expect(throws: ProtoDecodingError.self) { _ = try Sample(serializedBytes: [0x0A, 0x05, 0x61]) }
    #expect(throws: ProtoDecodingError.self) {
        _ = try Sample(serializedBytes: [0x10] + [UInt8](repeating: 0xFF, count: 10) + [0x01])
    }
    #expect(throws: ProtoDecodingError.self) { _ = try Sample(serializedBytes: [0x00, 0x01]) }
}
