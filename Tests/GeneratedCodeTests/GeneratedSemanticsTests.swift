import ProtoRuntime
import Testing

/// Behaviour of generated code that the wire comparison with Python does not show.
struct GeneratedSemanticsTests {
    @Test func proto2DefaultsReadBackWhenUnset() {
        let d = Render_V2_Defaults()
        #expect(!d.hasI && d.i == -42)
        #expect(d.s == "hé \"quoted\"\n")
        #expect(d.b == [1, 2, 0x61, 0x62, 0x63, 0x5C])
        #expect(d.d == .infinity && d.f == -.infinity && d.n.isNaN)
        #expect(d.t && d.l == .high && d.u == .max && d.i64 == .min && d.e == 1500)
        #expect(d.a == .one && d.a == Render_V2_WithAlias.uno)
        #expect(d.unsetLevel == .low)  // a closed enum's default is its first value
        #expect(d.serializedBytes().isEmpty)
    }

    @Test func explicitPresenceWritesZeroAndClears() throws {
        var s = Render_V3_Scalars()
        s.oInt32 = 0
        #expect(s.hasOInt32)
        #expect(s.serializedBytes() == [0xA8, 0x01, 0x00])
        s.clearOInt32()
        #expect(!s.hasOInt32 && s.serializedBytes().isEmpty)
        s.fInt32 = 0  // implicit presence: zero is not written
        #expect(s.serializedBytes().isEmpty)
    }

    @Test func closedEnumUnknownNumbersStayInUnknownFields() throws {
        // level (5) = 9, levels (6) = [1, 7] unpacked, packed_levels (7) = [2, 8]
        let bytes: [UInt8] = [0x28, 0x09, 0x30, 0x01, 0x30, 0x07, 0x3A, 0x02, 0x02, 0x08]
        let p = try Render_V2_Proto2(serializedBytes: bytes)
        #expect(!p.hasLevel)
        #expect(p.levels == [.low])
        #expect(p.packedLevels == [.high])
        #expect(p.unknownFields.bytes == [0x28, 0x09, 0x30, 0x07, 0x38, 0x08])
    }

    @Test func closedEnumMapEntryWithUnknownValueIsKeptWhole() throws {
        // alias_map (17) { key: 1 value: 5 } — 5 is not a WithAlias value.
        let bytes: [UInt8] = [0x8A, 0x01, 0x04, 0x08, 0x01, 0x10, 0x05]
        let p = try Render_V2_Proto2(serializedBytes: bytes)
        #expect(p.aliasMap.isEmpty)
        #expect(p.serializedBytes() == bytes)
    }

    @Test func openEnumUnknownNumbersRoundTrip() throws {
        let bytes: [UInt8] = [0x70, 0x4D]  // f_enum (14) = 77
        let s = try Render_V3_Scalars(serializedBytes: bytes)
        #expect(s.fEnum == .unrecognized(77))
        #expect(s.fEnum.rawValue == 77)
        #expect(Render_V3_Color(rawValue: -3) == .infrared)
        #expect(Render_V3_Color.allCases == [.unspecified, .red, .green, .infrared])
        #expect(s.serializedBytes() == bytes)
    }

    @Test func packedAndUnpackedEncodingsAreBothAccepted() throws {
        // r_int32 (35): one unpacked 5, then packed [6, 7]; r_unpacked (48): packed [1, 2].
        let bytes: [UInt8] = [0x98, 0x02, 0x05, 0x9A, 0x02, 0x02, 0x06, 0x07, 0x82, 0x03, 0x02, 0x01, 0x02]
        let s = try Render_V3_Scalars(serializedBytes: bytes)
        #expect(s.rInt32 == [5, 6, 7])
        #expect(s.rUnpacked == [1, 2])
        #expect(s.unknownFields.isEmpty)
    }

    @Test func aWrongWireTypeIsKeptAsAnUnknownField() throws {
        let bytes: [UInt8] = [0x2D, 1, 0, 0, 0]  // f_int32 (5) as fixed32
        let s = try Render_V3_Scalars(serializedBytes: bytes)
        #expect(s.fInt32 == 0)
        #expect(s.unknownFields.bytes == bytes)
    }

    @Test func stringsAreValidatedInProto3Only() throws {
        let invalid: [UInt8] = [0xFF, 0xFE]
        let proto3 = [0x4A, 0x02] + invalid  // f_string (9)
        #expect(throws: ProtoDecodingError.self) { try Render_V3_Scalars(serializedBytes: proto3) }
        do {
            _ = try Render_V3_Scalars(serializedBytes: [0x9A, 0x01, 0x04, 0x12, 0x02] + invalid)  // f_message.b
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.field == "f_message.b")
        }
        let proto2 = try Render_V2_Proto2(serializedBytes: [0x12, 0x02] + invalid)  // name (2)
        #expect(proto2.hasName)
    }

    @Test func requiredFieldsAreCheckedThroughNesting() {
        var p = Render_V2_Proto2()
        #expect(!p.isInitialized)
        p.id = 1
        #expect(p.isInitialized)
        p.byName["x"] = Render_V2_Required()
        #expect(!p.isInitialized)
        p.byName["x"]?.a = 1
        p.pMsg = Render_V2_Required()
        #expect(!p.isInitialized)
        p.pMsg.a = 2
        var entry = Render_V2_Proto2.Entry()
        p.entry = [entry]
        #expect(!p.isInitialized)
        entry.key = "k"
        p.entry = [entry]
        #expect(p.isInitialized)
    }

    @Test func recursiveMessagesAreValuesWithCopyOnWrite() throws {
        var a = Render_V3_Tree()
        a.label = "a"
        a.left.label = "left"
        var b = a
        b.left.label = "changed"
        #expect(a.left.label == "left" && b.left.label == "changed")
        #expect(a != b)
        b.left.label = "left"
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Render_V3_Tree() == Render_V3_Tree())
        #expect(!Render_V3_Tree().hasLeft)

        // Deep nesting decodes up to the limit and is refused beyond it, without crashing.
        var deep = Render_V3_Tree()
        for i in 0..<150 {
            var parent = Render_V3_Tree()
            parent.weight = Int32(i)
            parent.left = deep
            deep = parent
        }
        let bytes = deep.serializedBytes()
        #expect(try Render_V3_Tree(serializedBytes: bytes, options: DecodingOptions(maxDepth: 200)) == deep)
        #expect(throws: ProtoDecodingError.self) { try Render_V3_Tree(serializedBytes: bytes) }
    }

    @Test func oneofAccessorsSwitchTheCase() {
        var c = Render_V3_Choice()
        #expect(c.value == nil && c.number == 0 && c.text == "")
        c.number = 5
        #expect(c.value == .number(5))
        c.text = "t"
        #expect(c.value == .text("t") && c.number == 0)
        c.value = nil
        #expect(c.serializedBytes().isEmpty)
    }

    @Test func customOptionsReadFromEmbeddedDescriptors() throws {
        let file = try Google_Protobuf_FileDescriptorProto(serializedBytes: Render_Opts_Options_Proto.serializedFileDescriptor)
        #expect(file.name == "render/options.proto")
        #expect(Render_Opts_Options_Proto.dependencies.map { $0.protoFileName } == ["google/protobuf/descriptor.proto"])
        #expect(!file.hasSourceCodeInfo)
        let method = try #require(file.service.first?.method.first)
        #expect(method.options.hasRenderOptsMethodAccess)
        #expect(method.options.renderOptsMethodAccess == .admin)
        #expect(method.options.renderOptsMethodRule.access == .public)
        #expect(method.options.renderOptsMethodRule.roles == ["clerk", "auditor"])
        let annotated = try #require(file.messageType.first { $0.name == "Annotated" })
        #expect(annotated.options.renderOptsTable == "annotated")
        #expect(!file.service[0].options.hasDeprecated && file.messageType[0].options.hasRenderOptsTable == false)
    }

    @Test func extensionAccessorsWriteReplaceAndClear() throws {
        var p = Render_V2_Proto2()
        p.id = 1
        p.renderV2ExtInt = 5
        p.renderV2ExtInt = 6  // replaces, does not append
        p.renderV2ExtPacked = [-1, 2]
        p.renderV2ExtLevel = .max
        let decoded = try Render_V2_Proto2(serializedBytes: p.serializedBytes())
        #expect(decoded.renderV2ExtInt == 6)
        #expect(decoded.renderV2ExtPacked == [-1, 2])
        #expect(decoded.renderV2ExtLevel == .max)
        #expect(!decoded.hasRenderV2ExtMsg && decoded.renderV2ExtMsg == Render_V2_Required())
        p.clearRenderV2ExtInt()
        #expect(!p.hasRenderV2ExtInt && p.renderV2ExtInt == 0 && p.hasRenderV2ExtPacked)
    }
}
