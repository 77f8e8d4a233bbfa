import Testing
import ProtoRuntime

private func decodeError(_ bytes: [UInt8], maxDepth: Int = 100) -> ProtoDecodingError? {
    do {
        _ = try AllKinds(serializedBytes: bytes, options: DecodingOptions(maxDepth: maxDepth))
        return nil
    } catch {
        return error
    }
}

private func varint(_ v: UInt64) -> [UInt8] {
    var out: [UInt8] = []
    var v = v
    while v >= 0x80 { out.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
    out.append(UInt8(v))
    return out
}

private func tag(_ number: Int, _ wire: UInt8) -> [UInt8] { varint(UInt64(number) << 3 | UInt64(wire)) }

private func extremes() -> AllKinds {
    var m = AllKinds()
    m.int32s = [0, 1, -1, .min, .max]
    m.int64s = [0, 1, -1, .min, .max]
    m.uint32s = [0, 1, 127, 128, .max]
    m.uint64s = [0, 1, .max, 1 << 63]
    m.sint32s = [0, -1, 1, .min, .max]
    m.sint64s = [0, -1, 1, .min, .max]
    m.fixed32s = [0, .max, 0x0102_0304]
    m.fixed64s = [0, .max, 0x0102_0304_0506_0708]
    m.sfixed32s = [.min, -1, .max]
    m.sfixed64s = [.min, -1, .max]
    m.floats = [0, -0.0, 1.5, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
    m.doubles = [0, -2.25, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
    m.bools = [true, false, true]
    m.labels = ["街道": 3, "": 0, "b": -1]
    m.children = [7: Node.chain(depth: 3), -1: Node()]
    m.single = -7
    m.node = Node.chain(depth: 4)
    m.names = ["甲", "", "乙"]
    m.colors = [.red, .unspecified, .unrecognized(-2), .unrecognized(99)]
    return m
}

@Test func packedFieldsOfEveryScalarTypeRoundTrip() throws {
    let m = extremes()
    let bytes = m.serializedBytes()
    #expect(bytes.count == m.encodedSize())
    #expect(try AllKinds(serializedBytes: bytes) == m)
}

@Test func unpackedInputIsAcceptedForEveryPackableType() throws {
    // The same values written one tag per value must decode identically, and a packed run
    // followed by unpacked values concatenates.
    let m = extremes()
    func unpacked<C: ProtoPackableCodec>(_ number: Int, _ values: [C.Value], _: C.Type) -> [UInt8] {
        let size = WireSize.repeatedField(number, values, as: C.self)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var e = BinaryEncoder(unsafeBuffer: UnsafeMutableRawPointer(buffer.baseAddress!))
            e.writeRepeatedField(number, values, as: C.self)
            count = e.bytesWritten
        }
    }
    var bytes: [UInt8] = []
    bytes += unpacked(1, m.int32s, ProtoInt32.self)
    bytes += unpacked(2, m.int64s, ProtoInt64.self)
    bytes += unpacked(3, m.uint32s, ProtoUInt32.self)
    bytes += unpacked(4, m.uint64s, ProtoUInt64.self)
    bytes += unpacked(5, m.sint32s, ProtoSInt32.self)
    bytes += unpacked(6, m.sint64s, ProtoSInt64.self)
    bytes += unpacked(7, m.fixed32s, ProtoFixed32.self)
    bytes += unpacked(8, m.fixed64s, ProtoFixed64.self)
    bytes += unpacked(9, m.sfixed32s, ProtoSFixed32.self)
    bytes += unpacked(10, m.sfixed64s, ProtoSFixed64.self)
    bytes += unpacked(11, m.floats, ProtoFloat.self)
    bytes += unpacked(12, m.doubles, ProtoDouble.self)
    bytes += unpacked(13, m.bools, ProtoBool.self)
    bytes += unpacked(19, m.colors, ProtoEnumCodec<TestColor>.self)
    var expected = AllKinds()
    expected.int32s = m.int32s; expected.int64s = m.int64s; expected.uint32s = m.uint32s
    expected.uint64s = m.uint64s; expected.sint32s = m.sint32s; expected.sint64s = m.sint64s
    expected.fixed32s = m.fixed32s; expected.fixed64s = m.fixed64s; expected.sfixed32s = m.sfixed32s
    expected.sfixed64s = m.sfixed64s; expected.floats = m.floats; expected.doubles = m.doubles
    expected.bools = m.bools
    expected.colors = m.colors
    #expect(try AllKinds(serializedBytes: bytes) == expected)

    var mixed = AllKinds()
    mixed.int32s = [1, 2]
    let packedThenUnpacked = mixed.serializedBytes() + unpacked(1, [3], ProtoInt32.self)
    #expect(try AllKinds(serializedBytes: packedThenUnpacked).int32s == [1, 2, 3])
}

@Test func negativeInt32TakesTenBytesAndFiveByteFormsAreAccepted() throws {
    var m = AllKinds()
    m.single = -1
    #expect(m.serializedBytes() == [0x80, 0x01] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
    // Some old encoders wrote negative int32 as five bytes; the value is the low 32 bits.
    let five: [UInt8] = [0x80, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
    #expect(try AllKinds(serializedBytes: five).single == -1)
}

@Test func varintsLongerThanTenBytesAreRefused() {
    let eleven = [0x80, 0x01] + [UInt8](repeating: 0x80, count: 10) + [0x00]
    #expect(decodeError(eleven)?.kind == .malformedVarint)
    let ten = [0x80, 0x01] + [UInt8](repeating: 0x80, count: 9) + [0x00]
    #expect(decodeError(ten) == nil)
    // A tag varint that runs on forever is refused the same way, not read past the input.
    #expect(decodeError([UInt8](repeating: 0xFF, count: 20))?.kind == .malformedVarint)
}

@Test func everyTruncationIsRefusedAndNoneCrashes() throws {
    let bytes = extremes().serializedBytes()
    // Top-level field boundaries, found by walking the tags: cutting there is a valid message.
    var boundaries: Set<Int> = [0]
    try bytes.withUnsafeBytes { raw in
        var d = BinaryDecoder(unsafeBuffer: raw)
        var unknown = UnknownFields()
        while let t = try d.nextTag() {
            try d.skipField(t, into: &unknown)
            boundaries.insert(raw.count - d.remaining)
        }
    }
    #expect(boundaries.count > 20)
    for cut in 0..<bytes.count {
        let error = decodeError(Array(bytes[..<cut]))
        if boundaries.contains(cut) {
            #expect(error == nil, "cut at \(cut)")
        } else {
            let kind = try #require(error, "cut at \(cut) must fail").kind
            #expect([.truncated, .lengthTooLarge].contains(kind), "cut at \(cut): \(kind)")
        }
    }
}

@Test func lengthPrefixesBeyondTheInputAreRefused() {
    // names (field 18) claims 5 bytes, one follows.
    #expect(decodeError(tag(18, 2) + [0x05, 0x61])?.kind == .lengthTooLarge)
    // A length near 2^64 must not overflow pointer arithmetic.
    #expect(decodeError(tag(18, 2) + varint(.max))?.kind == .lengthTooLarge)
    #expect(decodeError(tag(18, 2) + varint(UInt64(Int.max)))?.kind == .lengthTooLarge)
    // Unknown length-delimited field too.
    #expect(decodeError(tag(99, 2) + [0x7F])?.kind == .lengthTooLarge)
    // A packed run whose last value is cut by its own length prefix.
    #expect(decodeError(tag(7, 2) + [0x03, 0x01, 0x02, 0x03])?.kind == .truncated)
}

@Test func nestedLengthsCannotReachPastTheirParent() {
    // node { child { name: "abc" } } where child's length (6) exceeds node's (4).
    let inner: [UInt8] = tag(2, 2) + [0x03] + Array("abc".utf8)
    let bytes = tag(17, 2) + [0x04] + tag(1, 2) + [0x06] + inner
    let e = decodeError(bytes)
    #expect(e?.kind == .lengthTooLarge)
    #expect(e?.field == "node.child")
}

@Test func unknownGroupsAreSkippedAndPreservedIncludingNestedOnes() throws {
    // field 40 group { field 41 group { field 1 varint 5 } field 2 fixed32 }
    let group = tag(40, 3) + tag(41, 3) + tag(1, 0) + [0x05] + tag(41, 4) + tag(2, 5) + [1, 2, 3, 4] + tag(40, 4)
    let bytes = tag(16, 0) + [0x02] + group
    let m = try AllKinds(serializedBytes: bytes)
    #expect(m.single == 2)
    #expect(m.unknownFields.bytes == group)
    #expect(m.serializedBytes() == bytes)
}

@Test func mismatchedAndStrayEndGroupsAreRefused() {
    #expect(decodeError(tag(40, 3) + tag(41, 4))?.kind == .unmatchedEndGroup)
    #expect(decodeError(tag(40, 4))?.kind == .unmatchedEndGroup)
    // An end group inside a length-delimited message cannot end that message early.
    let e = decodeError(tag(17, 2) + [0x02] + tag(40, 4))
    #expect(e?.kind == .unmatchedEndGroup)
    #expect(e?.field == "node")
    // A group never closed runs into the end of the input.
    #expect(decodeError(tag(40, 3) + tag(1, 0) + [0x01])?.kind == .truncated)
}

@Test func recursionStopsAtTheDepthLimitForMessagesMapsAndUnknownGroups() throws {
    // The top-level message is depth 0; 100 nested levels are allowed.
    var ok = AllKinds()
    ok.node = Node.chain(depth: 100)
    #expect(try AllKinds(serializedBytes: ok.serializedBytes()) == ok)
    var deep = AllKinds()
    deep.node = Node.chain(depth: 101)
    #expect(decodeError(deep.serializedBytes())?.kind == .recursionLimitExceeded)

    // Map entries count as a level: node chain of 100 inside a map value is one too many.
    var viaMap = AllKinds()
    viaMap.children = [1: Node.chain(depth: 100)]
    #expect(decodeError(viaMap.serializedBytes())?.kind == .recursionLimitExceeded)

    func groups(_ n: Int) -> [UInt8] { (0..<n).flatMap { _ in tag(50, 3) } + (0..<n).flatMap { _ in tag(50, 4) } }
    #expect(decodeError(groups(100)) == nil)
    #expect(decodeError(groups(101))?.kind == .recursionLimitExceeded)
    // A tight custom limit applies too, and deep input far beyond it neither crashes nor recurses.
    #expect(decodeError(groups(3), maxDepth: 2)?.kind == .recursionLimitExceeded)
    #expect(decodeError(groups(100_000))?.kind == .recursionLimitExceeded)
}

@Test func fieldNumbersOutsideOneThrough2To29AreRefused() throws {
    #expect(decodeError([0x00, 0x01])?.kind == .invalidFieldNumber)
    #expect(decodeError([0x02, 0x00])?.kind == .invalidFieldNumber)
    let maxField = tag(FieldNumbers.max, 0) + [0x01]
    let m = try AllKinds(serializedBytes: maxField)
    #expect(m.unknownFields.bytes == maxField)
    #expect(decodeError(tag(FieldNumbers.max + 1, 0) + [0x01])?.kind == .invalidFieldNumber)
}

@Test(arguments: [UInt8(6), 7])
func wireTypesSixAndSevenAreRefused(wire: UInt8) {
    #expect(decodeError(tag(1, wire) + [0x01])?.kind == .invalidWireType)
    #expect(decodeError(tag(60, wire) + [0x01])?.kind == .invalidWireType)
}

@Test func mapsEncodeSortedWithBothKeyAndValue() {
    var m = AllKinds()
    m.labels = ["b": 2, "a": 0]
    // Entry a: key "a", value 0 (written even though it is the default); then b.
    let a: [UInt8] = [0x72, 0x05, 0x0A, 0x01, 0x61, 0x10, 0x00]
    let b: [UInt8] = [0x72, 0x05, 0x0A, 0x01, 0x62, 0x10, 0x02]
    #expect(m.serializedBytes() == a + b)
}

@Test func mapEntriesToleratePartialReorderedAndExtraFields() throws {
    // Missing value → 0; missing key → "".
    #expect(try AllKinds(serializedBytes: [0x72, 0x03, 0x0A, 0x01, 0x78]).labels == ["x": 0])
    #expect(try AllKinds(serializedBytes: [0x72, 0x02, 0x10, 0x07]).labels == ["": 7])
    // Value before key, an unknown field inside, a repeated key (last wins).
    let entry: [UInt8] = [0x10, 0x09, 0x18, 0x01, 0x0A, 0x01, 0x78, 0x0A, 0x01, 0x79]
    #expect(try AllKinds(serializedBytes: [0x72, UInt8(entry.count)] + entry).labels == ["y": 9])
    // A later entry with the same key replaces the earlier one.
    let twice: [UInt8] = [0x72, 0x05, 0x0A, 0x01, 0x61, 0x10, 0x01, 0x72, 0x05, 0x0A, 0x01, 0x61, 0x10, 0x02]
    #expect(try AllKinds(serializedBytes: twice).labels == ["a": 2])
    // A key with the wrong wire type is skipped rather than misread.
    #expect(try AllKinds(serializedBytes: [0x72, 0x04, 0x08, 0x05, 0x10, 0x03]).labels == ["": 3])
    // Message values merge when the value field repeats within one entry.
    let value1 = tag(2, 2) + [0x01, 0x41]
    let value2 = tag(1, 2) + [0x00]
    let merged: [UInt8] = tag(1, 0) + [0x04] + tag(2, 2) + [UInt8(value1.count)] + value1 + tag(2, 2) + [UInt8(value2.count)] + value2
    let node = try #require(try AllKinds(serializedBytes: tag(15, 2) + [UInt8(merged.count)] + merged).children[4])
    #expect(node.name == "A")
    #expect(node.child == Node())
}

@Test func errorsInsideNestedMessagesNameTheDottedPath() {
    var m = AllKinds()
    m.node = Node.chain(depth: 3)
    var bytes = m.serializedBytes()
    // Corrupt the leaf's name ("leaf" → 0xFF "eaf").
    let leaf = Array("leaf".utf8)
    let at = try! #require((0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == leaf })
    bytes[at] = 0xFF
    let e = decodeError(bytes)
    #expect(e?.kind == .invalidUTF8)
    #expect(e?.field == "node.child.child.name")
    #expect(e?.messageName == "test.AllKinds")
    #expect(e?.description == "test.AllKinds: field node.child.child.name: string is not valid UTF-8")

    // Inside a map value the path goes through the map field.
    var viaMap = AllKinds()
    viaMap.children = [1: Node.chain(depth: 2)]
    var mapBytes = viaMap.serializedBytes()
    let mapAt = try! #require((0...(mapBytes.count - 4)).first { Array(mapBytes[$0..<($0 + 4)]) == leaf })
    mapBytes[mapAt] = 0xFF
    #expect(decodeError(mapBytes)?.field == "children.child.name")

    // An error inside an unknown group is not blamed on a known field sharing an inner number.
    let e2 = decodeError(tag(40, 3) + tag(16, 0) + [0x80])
    #expect(e2?.kind == .truncated)
    #expect(e2?.field == "#40")
}

@Test func closedEnumNumbersItDoesNotDeclareGoToUnknownFields() throws {
    // Field 4 packed [1, 9, 3] then unpacked 7: FieldDescriptorProto.Label declares 1, 2, 3 only.
    let bytes: [UInt8] = [0x22, 0x03, 0x01, 0x09, 0x03, 0x20, 0x07]
    var labels: [Google_Protobuf_FieldDescriptorProto.Label] = []
    var unknown = UnknownFields()
    try bytes.withUnsafeBytes { raw in
        var d = BinaryDecoder(unsafeBuffer: raw)
        while let t = try d.nextTag() { try d.readRepeatedClosedEnum(t, into: &labels, unknownFields: &unknown) }
    }
    #expect(labels == [.optional, .repeated])
    #expect(unknown.bytes == [0x20, 0x09, 0x20, 0x07])
}
