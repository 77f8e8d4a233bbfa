import ProtoRuntime

/// A hand-written message in generated shape with a repeated field of every packable type, maps
/// and a recursive child, to test the codec helpers in isolation from the compiler.
struct AllKinds: ProtoMessage {
    static let protoMessageName = "test.AllKinds"
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var uint32s: [UInt32] = []
    var uint64s: [UInt64] = []
    var sint32s: [Int32] = []
    var sint64s: [Int64] = []
    var fixed32s: [UInt32] = []
    var fixed64s: [UInt64] = []
    var sfixed32s: [Int32] = []
    var sfixed64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    var bools: [Bool] = []
    var labels: [String: Int32] = [:]
    var children: [Int64: Node] = [:]
    var single: Int32 = 0
    var node: Node? = nil
    var names: [String] = []
    var colors: [TestColor] = []
    var unknownFields = UnknownFields()

    static func protoFieldName(_ number: Int) -> String? {
        let names = [
            "int32s", "int64s", "uint32s", "uint64s", "sint32s", "sint64s", "fixed32s", "fixed64s",
            "sfixed32s", "sfixed64s", "floats", "doubles", "bools", "labels", "children", "single", "node", "names", "colors",
        ]
        return (1...names.count).contains(number) ? names[number - 1] : nil
    }

    func encodedSize() -> Int {
        var n = WireSize.packedField(1, int32s, as: ProtoInt32.self)
        n += WireSize.packedField(2, int64s, as: ProtoInt64.self)
        n += WireSize.packedField(3, uint32s, as: ProtoUInt32.self)
        n += WireSize.packedField(4, uint64s, as: ProtoUInt64.self)
        n += WireSize.packedField(5, sint32s, as: ProtoSInt32.self)
        n += WireSize.packedField(6, sint64s, as: ProtoSInt64.self)
        n += WireSize.packedField(7, fixed32s, as: ProtoFixed32.self)
        n += WireSize.packedField(8, fixed64s, as: ProtoFixed64.self)
        n += WireSize.packedField(9, sfixed32s, as: ProtoSFixed32.self)
        n += WireSize.packedField(10, sfixed64s, as: ProtoSFixed64.self)
        n += WireSize.packedField(11, floats, as: ProtoFloat.self)
        n += WireSize.packedField(12, doubles, as: ProtoDouble.self)
        n += WireSize.packedField(13, bools, as: ProtoBool.self)
        n += WireSize.mapField(14, labels, key: ProtoString.self, value: ProtoInt32.self)
        n += WireSize.mapField(15, children, key: ProtoInt64.self, value: ProtoMessageCodec<Node>.self)
        if single != 0 { n += 2 + WireSize.int32(single) }
        if let node { n += 2 + WireSize.message(node) }
        n += WireSize.repeatedField(18, names, as: ProtoString.self)
        n += WireSize.packedField(19, colors, as: ProtoEnumCodec<TestColor>.self)
        return n + unknownFields.bytes.count
    }

    func encode(to e: inout BinaryEncoder) {
        e.writePackedField(1, int32s, as: ProtoInt32.self)
        e.writePackedField(2, int64s, as: ProtoInt64.self)
        e.writePackedField(3, uint32s, as: ProtoUInt32.self)
        e.writePackedField(4, uint64s, as: ProtoUInt64.self)
        e.writePackedField(5, sint32s, as: ProtoSInt32.self)
        e.writePackedField(6, sint64s, as: ProtoSInt64.self)
        e.writePackedField(7, fixed32s, as: ProtoFixed32.self)
        e.writePackedField(8, fixed64s, as: ProtoFixed64.self)
        e.writePackedField(9, sfixed32s, as: ProtoSFixed32.self)
        e.writePackedField(10, sfixed64s, as: ProtoSFixed64.self)
        e.writePackedField(11, floats, as: ProtoFloat.self)
        e.writePackedField(12, doubles, as: ProtoDouble.self)
        e.writePackedField(13, bools, as: ProtoBool.self)
        e.writeMapField(14, labels, key: ProtoString.self, value: ProtoInt32.self)
        e.writeMapField(15, children, key: ProtoInt64.self, value: ProtoMessageCodec<Node>.self)
        if single != 0 { e.writeTag(16, .varint); e.writeInt32(single) }
        if let node { e.writeTag(17, .lengthDelimited); e.writeMessage(node) }
        e.writeRepeatedField(18, names, as: ProtoString.self)
        e.writePackedField(19, colors, as: ProtoEnumCodec<TestColor>.self)
        e.writeRaw(unknownFields.bytes)
    }

    mutating func decodeMessage(from d: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try d.nextTag() {
            switch tag.fieldNumber {
            case 1: try d.readRepeated(tag, into: &int32s, as: ProtoInt32.self)
            case 2: try d.readRepeated(tag, into: &int64s, as: ProtoInt64.self)
            case 3: try d.readRepeated(tag, into: &uint32s, as: ProtoUInt32.self)
            case 4: try d.readRepeated(tag, into: &uint64s, as: ProtoUInt64.self)
            case 5: try d.readRepeated(tag, into: &sint32s, as: ProtoSInt32.self)
            case 6: try d.readRepeated(tag, into: &sint64s, as: ProtoSInt64.self)
            case 7: try d.readRepeated(tag, into: &fixed32s, as: ProtoFixed32.self)
            case 8: try d.readRepeated(tag, into: &fixed64s, as: ProtoFixed64.self)
            case 9: try d.readRepeated(tag, into: &sfixed32s, as: ProtoSFixed32.self)
            case 10: try d.readRepeated(tag, into: &sfixed64s, as: ProtoSFixed64.self)
            case 11: try d.readRepeated(tag, into: &floats, as: ProtoFloat.self)
            case 12: try d.readRepeated(tag, into: &doubles, as: ProtoDouble.self)
            case 13: try d.readRepeated(tag, into: &bools, as: ProtoBool.self)
            case 14 where tag.wireType == .lengthDelimited:
                try d.readMapEntry(into: &labels, key: ProtoString.self, value: ProtoInt32.self)
            case 15 where tag.wireType == .lengthDelimited:
                try d.readMapEntry(into: &children, key: ProtoInt64.self, value: ProtoMessageCodec<Node>.self)
            case 16 where tag.wireType == .varint: single = try d.readInt32()
            case 17 where tag.wireType == .lengthDelimited:
                var v = node ?? Node()
                try d.readMessage(into: &v)
                node = v
            case 18 where tag.wireType == .lengthDelimited:
                try d.readRepeated(into: &names, as: ProtoString.self)
            case 19: try d.readRepeated(tag, into: &colors, as: ProtoEnumCodec<TestColor>.self)
            default: try d.skipField(tag, into: &unknownFields)
            }
        }
    }
}

/// An open enum in generated shape: unknown numbers are kept, not dropped.
enum TestColor: ProtoEnum {
    case unspecified, red
    case unrecognized(Int32)
    static let protoEnumName = "test.Color"
    init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .red
        default: self = .unrecognized(rawValue)
        }
    }
    var rawValue: Int32 {
        switch self {
        case .unspecified: 0
        case .red: 1
        case .unrecognized(let v): v
        }
    }
}

/// A recursive message: `message Node { Node child = 1; string name = 2; }`.
final class NodeBox: Hashable, @unchecked Sendable {
    // Immutable after creation, so sharing it across threads is safe.
    let node: Node
    init(_ node: Node) { self.node = node }
    static func == (a: NodeBox, b: NodeBox) -> Bool { a.node == b.node }
    func hash(into h: inout Hasher) { h.combine(node) }
}

struct Node: ProtoMessage {
    static let protoMessageName = "test.Node"
    var childBox: NodeBox? = nil
    var name: String = ""
    var unknownFields = UnknownFields()

    var child: Node? {
        get { childBox?.node }
        set { childBox = newValue.map(NodeBox.init) }
    }

    static func protoFieldName(_ number: Int) -> String? {
        switch number { case 1: "child"; case 2: "name"; default: nil }
    }

    /// A chain of `depth` nodes (depth 1: a single node without child).
    static func chain(depth: Int) -> Node {
        var n = Node()
        n.name = "leaf"
        for _ in 1..<max(depth, 1) {
            var parent = Node()
            parent.child = n
            n = parent
        }
        return n
    }

    func encodedSize() -> Int {
        var n = 0
        if let child { n += 1 + WireSize.message(child) }
        if !name.isEmpty { n += 1 + WireSize.string(name) }
        return n + unknownFields.bytes.count
    }

    func encode(to e: inout BinaryEncoder) {
        if let child { e.writeTag(1, .lengthDelimited); e.writeMessage(child) }
        if !name.isEmpty { e.writeTag(2, .lengthDelimited); e.writeString(name) }
        e.writeRaw(unknownFields.bytes)
    }

    mutating func decodeMessage(from d: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try d.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var c = child ?? Node()
                try d.readMessage(into: &c)
                child = c
            case 2 where tag.wireType == .lengthDelimited: name = try d.readString()
            default: try d.skipField(tag, into: &unknownFields)
            }
        }
    }
}
