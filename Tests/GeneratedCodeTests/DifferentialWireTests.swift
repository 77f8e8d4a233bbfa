import Foundation
import ProtoRuntime
import Testing

/// One message built in Swift together with its text-format description for Python.
struct WireCase: Sendable, CustomTestStringConvertible {
    let type: String
    let text: String
    let bytes: [UInt8]
    /// Whether `bytes` decode (with our generated code) to the Swift value.
    let matches: @Sendable ([UInt8]) -> Bool
    /// Whether Python must write exactly our bytes. Not where maps or extensions are involved:
    /// the upb runtime's "deterministic" mode orders integer map keys descending (unsigned),
    /// string keys of message-valued maps by length first, and extensions descending, where
    /// protobuf C++ and we sort map keys ascending (strings by UTF-8 bytes).
    let byteExact: Bool
    var testDescription: String { type }

    /// `extensions` renders the extension values a message holds: they live in `unknownFields`,
    /// whose bytes depend on the writer's order, so they are compared through their accessors.
    init<M: ProtoMessage>(_ message: M, _ text: String, byteExact: Bool = true, extensions: (@Sendable (M) -> String)? = nil) {
        type = M.protoMessageName
        self.text = text
        self.byteExact = byteExact
        bytes = message.serializedBytes()
        matches = { bytes in
            guard var decoded = try? M(serializedBytes: bytes) else { return false }
            guard let extensions else { return decoded == message }
            var expected = message
            guard extensions(decoded) == extensions(expected) else { return false }
            decoded.unknownFields = UnknownFields()
            expected.unknownFields = UnknownFields()
            return decoded == expected
        }
    }
}

/// Our generated code against Python's protobuf runtime, both directions.
struct DifferentialWireTests {
    static var cases: [WireCase] {
        var s = Render_V3_Scalars()
        s.fDouble = -0.0
        s.fFloat = 1.5
        s.fInt64 = .min
        s.fUint64 = .max
        s.fInt32 = -1
        s.fFixed64 = 1 << 63
        s.fFixed32 = .max
        s.fBool = true
        s.fString = "héllo 中文 🙂"
        s.fBytes = [0, 255, 10]
        s.fUint32 = 300
        s.fEnum = .infrared
        s.fSfixed32 = .min
        s.fSfixed64 = -2
        s.fSint32 = .min
        s.fSint64 = .max
        s.fMessage.a = 7
        s.oInt32 = 0
        s.oString = ""
        s.oEnum = .unspecified
        s.rDouble = [1, -0.0]
        s.rInt32 = [-1, 0, 1]
        s.rEnum = [.red, .unrecognized(77)]
        s.rString = ["a", ""]
        var nested = Render_V3_Scalars.Nested()
        nested.b = "x"
        s.rMessage = [Render_V3_Scalars.Nested(), nested]
        s.rUnpacked = [1, 2]
        s.rSint64 = [.min]
        s.type = "t"
        s.default = "d"
        s.unknownFields_p = 5
        s.kind = .large
        s.bigFieldNumber = 1
        let scalarsText = #"""
            f_double: -0.0 f_float: 1.5 f_int64: -9223372036854775808 f_uint64: 18446744073709551615
            f_int32: -1 f_fixed64: 9223372036854775808 f_fixed32: 4294967295 f_bool: true
            f_string: "héllo 中文 🙂" f_bytes: "\000\377\n" f_uint32: 300 f_enum: COLOR_INFRARED
            f_sfixed32: -2147483648 f_sfixed64: -2 f_sint32: -2147483648 f_sint64: 9223372036854775807
            f_message { a: 7 } o_int32: 0 o_string: "" o_enum: COLOR_UNSPECIFIED
            r_double: [1, -0.0] r_int32: [-1, 0, 1] r_enum: [COLOR_RED, 77] r_string: ["a", ""]
            r_message {} r_message { b: "x" } r_unpacked: [1, 2] r_sint64: [-9223372036854775808]
            type: "t" default: "d" unknown_fields: 5 kind: TYPE_LARGE big_field_number: 1
            """#

        var m = Render_V3_Maps()
        m.stringToInt32 = ["b": 2, "a": 1, "é": 3, "z": 0, "Z": 4]
        m.int32ToString = [-1: "neg", 5: ""]
        m.sint32ToColor = [-3: .green, 2: .unrecognized(99)]
        var one = Render_V3_Scalars.Nested()
        one.a = 1
        m.boolToMessage = [true: one, false: Render_V3_Scalars.Nested()]
        m.fixed32ToSfixed64 = [1: -1, 0: 0]
        var inner = Render_V3_Scalars()
        inner.fInt32 = 3
        m.stringToScalars = ["x": inner]
        let mapsText = #"""
            string_to_int32 { key: "b" value: 2 } string_to_int32 { key: "a" value: 1 }
            string_to_int32 { key: "é" value: 3 } string_to_int32 { key: "z" value: 0 }
            string_to_int32 { key: "Z" value: 4 }
            int32_to_string { key: -1 value: "neg" } int32_to_string { key: 5 value: "" }
            sint32_to_color { key: -3 value: COLOR_GREEN } sint32_to_color { key: 2 value: 99 }
            bool_to_message { key: true value { a: 1 } } bool_to_message { key: false value {} }
            fixed32_to_sfixed64 { key: 1 value: -1 } fixed32_to_sfixed64 { key: 0 value: 0 }
            string_to_scalars { key: "x" value { f_int32: 3 } }
            """#

        var c = Render_V3_Choice()
        c.before = 1
        c.nested = one
        c.middle = 3
        c.delta = -5
        var zero = Render_V3_Choice()
        zero.number = 0

        var tree = Render_V3_Tree()
        tree.label = "root"
        var left = Render_V3_Tree()
        left.label = "l"
        left.weight = 0
        tree.left = left
        var leaf = Render_V3_Tree()
        leaf.leaf = 3
        tree.children = [leaf, Render_V3_Tree()]
        var named = Render_V3_Tree()
        named.label = "n"
        tree.named = ["k": named]
        var alternative = Render_V3_Tree()
        alternative.label = "alt"
        tree.alternative = alternative

        var ping = Render_V3_Ping()
        ping.n = 1
        ping.pong.s = "pong"
        ping.pong.ping.n = 2

        var p = Render_V2_Proto2()
        p.id = 1
        p.name = "n"
        p.unpacked = [1, -1]
        p.packed = [3, 4]
        p.level = .high
        p.levels = [.low, .max]
        p.packedLevels = [.high]
        p.item.x = 5
        p.item.y = "y"
        var entry = Render_V2_Proto2.Entry()
        entry.key = "k"
        entry.value = 1
        p.entry = [entry]
        p.child.a = 1
        var r2 = Render_V2_Required()
        r2.a = 2
        p.children = [r2]
        var r3 = Render_V2_Required()
        r3.a = 3
        p.byName = ["q": r3]
        p.aliasMap = [1: .one, 2: .zero]
        p.pLevel = .max
        p.raw = [1, 2]
        p.s64 = -1
        p.f32 = 7
        p.fl = 0.5
        p.renderV2ExtInt = 5
        p.renderV2ExtStrings = ["a", "b"]
        var r9 = Render_V2_Required()
        r9.a = 9
        p.renderV2ExtMsg = r9
        p.renderV2ExtLevel = .low
        p.renderV2ExtPacked = [-1, 1]
        p.renderV2ScopeScoped = "s"
        let proto2Text = #"""
            id: 1 name: "n" unpacked: [1, -1] packed: [3, 4] level: LEVEL_HIGH levels: [LEVEL_LOW, LEVEL_MAX]
            packed_levels: LEVEL_HIGH Item { x: 5 y: "y" } Entry { key: "k" value: 1 } child { a: 1 }
            children { a: 2 } by_name { key: "q" value { a: 3 } }
            alias_map { key: 1 value: WITH_ALIAS_ONE } alias_map { key: 2 value: WITH_ALIAS_ZERO }
            p_level: LEVEL_MAX raw: "\001\002" s64: -1 f32: 7 fl: 0.5
            [render.v2.ext_int]: 5 [render.v2.ext_strings]: ["a", "b"] [render.v2.ext_msg] { a: 9 }
            [render.v2.ext_level]: LEVEL_LOW [render.v2.ext_packed]: [-1, 1] [render.v2.Scope.scoped]: "s"
            """#

        var d = Render_V2_Defaults()
        d.i = -42
        d.unsetLevel = .low

        return [
            WireCase(s, scalarsText),
            WireCase(m, mapsText, byteExact: false),
            WireCase(c, "before: 1 nested { a: 1 } middle: 3 delta: -5"),
            WireCase(zero, "number: 0"),
            WireCase(tree, #"label: "root" left { label: "l" weight: 0 } children { leaf: 3 } children {} named { key: "k" value { label: "n" } } alternative { label: "alt" }"#),
            WireCase(ping, #"pong { ping { n: 2 } s: "pong" } n: 1"#),
            WireCase(p, proto2Text, byteExact: false) { p in
                "\(p.renderV2ExtInt) \(p.renderV2ExtStrings) \(p.renderV2ExtMsg) \(p.renderV2ExtLevel) \(p.renderV2ExtPacked) \(p.renderV2ScopeScoped)"
            },
            WireCase(d, "i: -42 unset_level: LEVEL_LOW"),
            WireCase(Render_V3_Empty(), ""),
        ]
    }

    @Test func handWrittenValuesAgreeWithPythonBothWays() throws {
        let cases = Self.cases
        let answer = try WireOracle.ask([
            "check": cases.map { ["type": $0.type, "text": $0.text, "hex": WireOracle.hex($0.bytes)] }
        ])
        let results = try #require(answer["check"] as? [[String: Any]])
        #expect(results.count == cases.count)
        for (c, result) in zip(cases, results) {
            // Python decodes our bytes to the message the text describes.
            #expect(result["equal"] as? Bool == true, "\(c.type): \(result["error"] ?? "")")
            // We decode Python's bytes to our value, and both runtimes write the same bytes.
            let expected = WireOracle.bytes(hex: try #require(result["expected_hex"] as? String))
            #expect(c.matches(expected), "\(c.type): Python's encoding decodes to a different value")
            if c.byteExact {
                #expect(WireOracle.hex(c.bytes) == WireOracle.hex(expected), "\(c.type): encodings differ")
            }
        }
    }

    static let randomTypes: [any ProtoMessage.Type] = [
        Render_V3_Scalars.self, Render_V3_Maps.self, Render_V3_Choice.self, Render_V3_Tree.self,
        Render_V3_Ping.self, Render_V2_Proto2.self, Render_V2_Defaults.self, Render_V3_Empty.self,
        Render_Opts_AccessRule.self,
    ]

    /// Python fills random messages (edge values, unicode, unknown open-enum numbers, nesting);
    /// we decode each, must know every field, and must re-encode the very same bytes.
    @Test func randomPythonMessagesDecodeAndReencodeIdentically() throws {
        let answer = try WireOracle.ask([
            "random": Self.randomTypes.enumerated().map { i, t in
                ["type": t.protoMessageName, "count": 150, "seed": 1000 + i] as [String: Any]
            }
        ])
        let results = try #require(answer["random"] as? [[String: Any]])
        var comparisons: [[String: Any]] = []
        for (type, result) in zip(Self.randomTypes, results) {
            let encoded = try #require(result["hex"] as? [String])
            #expect(encoded.count == 150)
            for hex in encoded {
                let ours = try Self.reencode(type, hex)
                comparisons.append(["type": type.protoMessageName, "hex": ours, "text": hex])
            }
        }
        // Python decodes our re-encoding to the message it generated (compared as messages, so
        // that map order does not matter).
        let verdicts = try #require(try WireOracle.ask(["same": comparisons])["same"] as? [[String: Any]])
        #expect(verdicts.count == comparisons.count)
        for (c, verdict) in zip(comparisons, verdicts) where verdict["equal"] as? Bool != true {
            Issue.record("\(c["type"]!): our re-encoding of \(c["text"]!) means something else: \(verdict["error"] ?? "")")
        }
    }

    /// Decodes Python's bytes, checks nothing was left unknown, and returns our encoding (hex);
    /// where no map is involved it must equal Python's byte for byte.
    static func reencode<M: ProtoMessage>(_: M.Type, _ hex: String) throws -> String {
        let message = try M(serializedBytes: WireOracle.bytes(hex: hex))
        #expect(message.unknownFields.isEmpty, "\(M.protoMessageName): fields left unknown in \(hex)")
        let ours = message.serializedBytes()
        #expect(try M(serializedBytes: ours) == message)
        // Byte equality only without maps: upb's deterministic map order is not sorted by key.
        if ![Render_V3_Maps.protoMessageName, Render_V2_Proto2.protoMessageName, Render_V3_Tree.protoMessageName].contains(M.protoMessageName) {
            #expect(WireOracle.hex(ours) == hex, "\(M.protoMessageName): re-encoding differs")
        }
        return WireOracle.hex(ours)
    }
}
