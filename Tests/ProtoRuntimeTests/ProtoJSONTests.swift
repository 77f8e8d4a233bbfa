import Testing
import ProtoRuntime

private let pool = TestSchemas.pool
private let everything = pool.message(named: "jicengtest.Everything")!

/// JSON → binary → JSON with default options.
private func roundTrip(_ json: String, type: String = "jicengtest.Everything", options: ProtoJSONOptions = ProtoJSONOptions()) throws -> String {
    let t = ProtoJSONTranscoder(pool: pool, options: options)
    let bytes = try t.binary(fromJSONString: json, messageName: type)
    return try t.jsonString(fromBinary: bytes, messageName: type)
}

private func jsonError(_ json: String, type: String = "jicengtest.Everything", options: ProtoJSONOptions = ProtoJSONOptions()) -> ProtoJSONError? {
    do {
        _ = try ProtoJSONTranscoder(pool: pool, options: options).binary(fromJSONString: json, messageName: type)
        return nil
    } catch {
        return error
    }
}

@Test func poolResolvesTypesFromProtocDescriptors() throws {
    let task = try #require(pool.message(named: "jiceng.v1.Task"))
    #expect(task.fileName == "jiceng/v1/task.proto")
    let deadline = try #require(task.field(named: "accept_deadline"))
    #expect(deadline.jsonName == "acceptDeadline")
    #expect(task.field(named: "acceptDeadline")?.number == deadline.number)
    #expect(deadline.typeName == "google.protobuf.Timestamp")
    #expect(pool.message(named: ".google.protobuf.Timestamp") != nil)
    #expect(pool.message(forTypeURL: "type.googleapis.com/jiceng.v1.Task") === task)
    #expect(pool.enumType(named: "jicengtest.Color")?.name(of: -3) == "COLOR_NEGATIVE")
    #expect(pool.enumType(named: "jicengtest.Level")?.isClosed == true)
    #expect(pool.enumType(named: "jicengtest.Color")?.isClosed == false)
    let labels = try #require(everything.field(named: "labels"))
    #expect(labels.isMap)
    #expect(everything.field(named: "r_i32")?.isPacked == true)
    #expect(everything.field(named: "unpacked_i32")?.isPacked == false)
    #expect(everything.field(named: "maybe")?.hasPresence == true)
    #expect(everything.field(named: "snake_case_name")?.hasPresence == false)
    #expect(everything.field(named: "customName")?.name == "custom")
    #expect(pool.message(named: "jicengtest.Legacy")?.field(named: "numbers")?.isPacked == false)
}

@Test func poolResolvesServicesMethodsAndFieldsByFullName() throws {
    #expect(pool.serviceNames.contains("jiceng.v1.TaskService"))
    let create = try #require(pool.method(named: "/jiceng.v1.TaskService/CreateTask"))
    #expect(create.input.fullName == "jiceng.v1.CreateTaskRequest")
    #expect(create.output.fullName == "jiceng.v1.Task")
    #expect(create.path == "/jiceng.v1.TaskService/CreateTask")
    #expect(pool.method(named: "jiceng.v1.TaskService.CreateTask")?.name == "CreateTask")
    #expect(pool.method(named: "jiceng.v1.TaskService/NoSuch") == nil)
    let watch = try #require(pool.methods(ofService: "grpc.health.v1.Health")?.first { $0.name == "Watch" })
    #expect(watch.serverStreaming && !watch.clientStreaming)
    #expect(pool.field(named: "jiceng.v1.Task.accept_deadline")?.number == pool.message(named: "jiceng.v1.Task")?.field(named: "acceptDeadline")?.number)
    #expect(pool.field(named: "jiceng.v1.Task.nope") == nil)
}

@Test func poolRejectsUnresolvableFiles() throws {
    var file = Google_Protobuf_FileDescriptorProto()
    file.name = "broken.proto"
    file.package = "broken"
    file.syntax = "proto3"
    var message = Google_Protobuf_DescriptorProto()
    message.name = "M"
    var field = Google_Protobuf_FieldDescriptorProto()
    field.name = "x"
    field.number = 1
    field.type = .message
    field.typeName = ".broken.Missing"
    message.field = [field]
    file.messageType = [message]
    #expect(throws: DescriptorPool.Error.self) { _ = try DescriptorPool(files: [file]) }
}

@Test func scalarsFollowTheCanonicalMapping() throws {
    let json = """
    {"scalars":{"i32":-5,"i64":"-9223372036854775808","u32":4294967295,"u64":"18446744073709551615",
    "s32":-2147483648,"s64":"9223372036854775807","f32":7,"f64":"8","sf32":-9,"sf64":"-10","fl":1.5,"db":-0.25,
    "b":true,"s":"网格 \\"员\\"\\n","by":"AP8=","color":"COLOR_GREEN"},
    "rI64":["1","-1"],"rFl":["NaN","Infinity","-Infinity"],"rColor":["COLOR_RED",7],"snakeCaseName":"x","customName":"y"}
    """
    let out = try roundTrip(json)
    #expect(out == #"{"scalars":{"i32":-5,"i64":"-9223372036854775808","u32":4294967295,"u64":"18446744073709551615","s32":-2147483648,"s64":"9223372036854775807","f32":7,"f64":"8","sf32":-9,"sf64":"-10","fl":1.5,"db":-0.25,"b":true,"s":"网格 \"员\"\n","by":"AP8=","color":"COLOR_GREEN"},"rI64":["1","-1"],"rFl":["NaN","Infinity","-Infinity"],"rColor":["COLOR_RED",7],"snakeCaseName":"x","customName":"y"}"#)
}

@Test func inputAcceptsProtoNamesQuotedNumbersEnumNumbersAndAllBase64Forms() throws {
    let a = try roundTrip(#"{"scalars":{"i32":"12","i64":34,"u64":1e3,"fl":"2.5","color":2,"by":"-_8"}, "snake_case_name":"n", "r_i32":[1.0, "2"]}"#)
    #expect(a == #"{"scalars":{"i32":12,"i64":"34","u64":"1000","fl":2.5,"by":"+/8=","color":"COLOR_GREEN"},"rI32":[1,2],"snakeCaseName":"n"}"#)
    #expect(try roundTrip(#"{"scalars":{"by":"AQID"}}"#) == #"{"scalars":{"by":"AQID"}}"#)
    #expect(try roundTrip(#"{"scalars":{"by":"AQ"}}"#) == #"{"scalars":{"by":"AQ=="}}"#)
    // Unknown open-enum numbers survive as numbers.
    #expect(try roundTrip(#"{"scalars":{"color":99}}"#) == #"{"scalars":{"color":99}}"#)
}

@Test func defaultsAreOmittedUnlessPresenceSaysOtherwise() throws {
    #expect(try roundTrip(#"{"scalars":{"i32":0,"s":"","b":false}}"#) == #"{"scalars":{}}"#)
    #expect(try roundTrip(#"{"maybe":0,"maybeText":"","maybeColor":"COLOR_UNSPECIFIED"}"#)
        == #"{"maybe":0,"maybeText":"","maybeColor":"COLOR_UNSPECIFIED"}"#)
    #expect(try roundTrip(#"{"number":"0"}"#) == #"{"number":"0"}"#)
    #expect(try roundTrip(#"{"wI32":0,"wString":""}"#) == #"{"wI32":0,"wString":""}"#)
}

@Test func nullMeansUnsetExceptForValueAndNullValue() throws {
    #expect(try roundTrip(#"{"scalars":null,"rI32":null,"labels":null,"at":null,"name":null,"wI32":null}"#) == "{}")
    // A NullValue field without presence holds its only value, the default, so it is omitted.
    #expect(try roundTrip(#"{"value":null,"nullValue":null}"#) == #"{"value":null}"#)
    #expect(try roundTrip(#"{"nothingChosen":null}"#) == #"{"nothingChosen":null}"#)
    #expect(try roundTrip(#"{"values":[null,1,"a",true,{"k":[null]},[]]}"#) == #"{"values":[null,1.0,"a",true,{"k":[null]},[]]}"#)
    #expect(jsonError(#"{"rI32":[1,null]}"#)?.description == "r_i32[1]: null is not allowed in a repeated field")
}

@Test func mapsAreObjectsWithStringKeys() throws {
    let json = #"{"labels":{"b":"2","a":"1"},"byId":{"-1":{"i32":3},"7":{}},"flags":{"true":"1","false":"0"},"colors":{"18446744073709551615":"COLOR_RED"},"blobs":{"-5":"AA=="},"weights":{"4294967295":0.5},"stamps":{"t":"1970-01-01T00:00:01Z"}}"#
    #expect(try roundTrip(json) == #"{"labels":{"a":"1","b":"2"},"byId":{"-1":{"i32":3},"7":{}},"flags":{"false":"0","true":"1"},"colors":{"18446744073709551615":"COLOR_RED"},"blobs":{"-5":"AA=="},"weights":{"4294967295":0.5},"stamps":{"t":"1970-01-01T00:00:01Z"}}"#)
    #expect(jsonError(#"{"flags":{"yes":"1"}}"#)?.description == #"flags["yes"]: map key "yes" is not a bool"#)
    #expect(jsonError(#"{"byId":{"x":{}}}"#)?.path == #"by_id["x"]"#)
}

@Test func oneofsTakeOneMember() throws {
    #expect(try roundTrip(#"{"detail":{"i32":1}}"#) == #"{"detail":{"i32":1}}"#)
    #expect(try roundTrip(#"{"name":null,"number":"5"}"#) == #"{"number":"5"}"#)
    #expect(jsonError(#"{"name":"a","number":"5"}"#)?.description == "number: oneof choice already set by name")
}

@Test func timestampsUseRFC3339WithZeroThreeSixOrNineDigits() throws {
    func ts(_ s: String) throws -> String { try roundTrip(#"{"at":"\#(s)"}"#) }
    #expect(try ts("1970-01-01T00:00:00Z") == #"{"at":"1970-01-01T00:00:00Z"}"#)
    #expect(try ts("2026-11-30T12:34:56.5Z") == #"{"at":"2026-11-30T12:34:56.500Z"}"#)
    #expect(try ts("2026-11-30T12:34:56.0001Z") == #"{"at":"2026-11-30T12:34:56.000100Z"}"#)
    #expect(try ts("2026-11-30T12:34:56.123456789Z") == #"{"at":"2026-11-30T12:34:56.123456789Z"}"#)
    #expect(try ts("2026-11-30T20:34:56+08:00") == #"{"at":"2026-11-30T12:34:56Z"}"#)
    #expect(try ts("2026-11-30T00:00:00-01:30") == #"{"at":"2026-11-30T01:30:00Z"}"#)
    #expect(try ts("0001-01-01T00:00:00Z") == #"{"at":"0001-01-01T00:00:00Z"}"#)
    #expect(try ts("9999-12-31T23:59:59.999999999Z") == #"{"at":"9999-12-31T23:59:59.999999999Z"}"#)
    #expect(try ts("1969-12-31T23:59:59.999Z") == #"{"at":"1969-12-31T23:59:59.999Z"}"#)
    #expect(try ts("2024-02-29T00:00:00Z") == #"{"at":"2024-02-29T00:00:00Z"}"#)
    for bad in ["2023-02-29T00:00:00Z", "2026-11-30 12:00:00Z", "2026-11-30T12:00:00", "2026-11-30T12:00:00.Z",
                "2026-11-30T12:00:00.1234567890Z", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "tomorrow"] {
        #expect(jsonError(#"{"at":"\#(bad)"}"#)?.path == "at", "\(bad)")
    }
    // Out-of-range seconds in binary cannot be written as JSON.
    var m = DynamicMessage(descriptor: pool.message(named: "google.protobuf.Timestamp")!)
    m.set(m.descriptor.field(number: 1)!, .single(.int64(TimestampOutOfRange.seconds)))
    #expect(throws: ProtoJSONError.self) { _ = try ProtoJSONTranscoder(pool: pool).jsonString(from: m) }
}

private enum TimestampOutOfRange { static let seconds: Int64 = 253_402_300_800 }

@Test func errorsNameTheFieldPath() throws {
    let e = jsonError(#"{"task":{"acceptDeadline":"tomorrow"}}"#, type: "jiceng.v1.CreateTaskRequest")
    #expect(e?.path == "task.accept_deadline")
    #expect(e?.description.hasPrefix("task.accept_deadline: invalid timestamp \"tomorrow\"") == true)
    #expect(jsonError(#"{"child":{"children":[{},{"scalars":{"i32":2147483648}}]}}"#)?.description
        == "child.children[1].scalars.i32: 2147483648 is out of range")
    #expect(jsonError(#"{"scalars":{"i32":1.5}}"#)?.path == "scalars.i32")
    #expect(jsonError(#"{"scalars":{"u32":-1}}"#)?.path == "scalars.u32")
    #expect(jsonError(#"{"scalars":{"fl":1e39}}"#)?.description == "scalars.fl: 1e39 is out of range for float")
    #expect(jsonError(#"{"scalars":{"b":"true"}}"#)?.path == "scalars.b")
    #expect(jsonError(#"{"scalars":{"color":"COLOR_BLUE"}}"#)?.description == #"scalars.color: "COLOR_BLUE" is not a value of jicengtest.Color"#)
    #expect(jsonError(#"{"scalars":{"by":"a$"}}"#)?.path == "scalars.by")
    #expect(jsonError(#"{"scalars":{"i64":" 1"}}"#)?.path == "scalars.i64")
    #expect(jsonError(#"{"bogus":1}"#)?.description == #"unknown field "bogus" in jicengtest.Everything"#)
    #expect(jsonError(#"{"custom":"a","customName":"b"}"#)?.description == "custom: field given more than once")
    #expect(jsonError(#"{"scalars":[]}"#)?.description == "scalars: expected an object for jicengtest.Scalars, got an array")
    #expect(jsonError(#"{"a":1,}"#)?.description.hasPrefix("invalid JSON at byte 7") == true)
    #expect(jsonError(#"{"took":"1.5"}"#)?.path == "took")
    #expect(jsonError(#"{"labels":{"a":"1","a":"2"}}"#)?.description == #"labels["a"]: map key given more than once"#)
}

@Test func ignoreUnknownFieldsSkipsUnknownMembersAndEnumNames() throws {
    let options = ProtoJSONOptions(ignoreUnknownFields: true)
    #expect(try roundTrip(#"{"bogus":{"x":[1]},"scalars":{"color":"COLOR_BLUE","i32":1},"rColor":["COLOR_RED","NOPE"]}"#, options: options)
        == #"{"scalars":{"i32":1},"rColor":["COLOR_RED"]}"#)
}

@Test func outputOptionsPreserveNamesAndEmitDefaults() throws {
    let t = ProtoJSONTranscoder(pool: pool, options: ProtoJSONOptions(preserveProtoFieldNames: true))
    let out = try t.jsonString(fromBinary: try t.binary(fromJSONString: #"{"snakeCaseName":"s","rI32":[1],"customName":"c"}"#, messageName: "jicengtest.Everything"), messageName: "jicengtest.Everything")
    #expect(out == #"{"r_i32":[1],"snake_case_name":"s","custom":"c"}"#)
    let d = ProtoJSONTranscoder(pool: pool, options: ProtoJSONOptions(emitDefaultValues: true))
    let scalars = try d.jsonString(fromBinary: [], messageName: "jicengtest.Scalars")
    #expect(scalars == #"{"i32":0,"i64":"0","u32":0,"u64":"0","s32":0,"s64":"0","f32":0,"f64":"0","sf32":0,"sf64":"0","fl":0.0,"db":0.0,"b":false,"s":"","by":"","color":"COLOR_UNSPECIFIED"}"#)
    let all = try d.jsonValue(from: DynamicMessage(descriptor: everything))
    guard case .object(let members) = all else { Issue.record("not an object"); return }
    let keys = Set(members.map(\.key))
    // Repeated and map fields appear empty; fields with presence (messages, oneofs, optional) do not.
    #expect(keys.contains("rI32") && keys.contains("labels") && keys.contains("snakeCaseName") && keys.contains("nullValue"))
    #expect(!keys.contains("scalars") && !keys.contains("maybe") && !keys.contains("name") && !keys.contains("at"))
}

@Test func durationsFieldMasksStructsWrappersAndEmpty() throws {
    #expect(try roundTrip(#"{"took":"1.5s"}"#) == #"{"took":"1.500s"}"#)
    #expect(try roundTrip(#"{"took":"-0.000000001s"}"#) == #"{"took":"-0.000000001s"}"#)
    #expect(try roundTrip(#"{"took":"315576000000s"}"#) == #"{"took":"315576000000s"}"#)
    #expect(jsonError(#"{"took":"315576000001s"}"#)?.path == "took")
    // Out of range or mixed signs in binary: an error, never a trap (abs(Int64.min) would trap).
    let duration = pool.message(named: "google.protobuf.Duration")!
    for (seconds, nanos) in [(Int64.min, Int32(0)), (0, Int32.min), (1, Int32(-1)), (315_576_000_001, Int32(0))] {
        var d = DynamicMessage(descriptor: duration)
        d.set(duration.field(number: 1)!, .single(.int64(seconds)))
        d.set(duration.field(number: 2)!, .single(.int32(nanos)))
        #expect(throws: ProtoJSONError.self, "\(seconds)s \(nanos)ns") { _ = try ProtoJSONTranscoder(pool: pool).jsonString(from: d) }
    }
    #expect(try roundTrip(#"{"mask":"title,acceptDeadline,a.bC"}"#) == #"{"mask":"title,acceptDeadline,a.bC"}"#)
    #expect(try roundTrip(#"{"mask":""}"#) == #"{"mask":""}"#)
    #expect(jsonError(#"{"mask":"a_b"}"#)?.path == "mask")
    #expect(try roundTrip(#"{"meta":{"z":1,"a":{"b":[true,null,"s"]}},"list":[1,"x"],"value":{"k":2.5}}"#)
        == #"{"meta":{"a":{"b":[true,null,"s"]},"z":1.0},"value":{"k":2.5},"list":[1.0,"x"]}"#)
    #expect(try roundTrip(#"{"wDouble":"NaN","wFloat":1.5,"wI64":"-1","wU64":"2","wU32":3,"wBool":false,"wBytes":"AA=="}"#)
        == #"{"wDouble":"NaN","wFloat":1.5,"wI64":"-1","wU64":"2","wU32":3,"wBool":false,"wBytes":"AA=="}"#)
    #expect(try roundTrip(#"{"empty":{}}"#) == #"{"empty":{}}"#)
    // A Value with no kind (field 44 present but empty) prints as null.
    #expect(try ProtoJSONTranscoder(pool: pool).jsonString(fromBinary: [0xE2, 0x02, 0x00], messageName: "jicengtest.Everything") == #"{"value":null}"#)
    #expect(jsonError(#"{"empty":{"x":1}}"#)?.path == "empty")
}

@Test func anyCarriesItsTypeThroughThePool() throws {
    let json = #"{"payload":{"@type":"type.googleapis.com/jicengtest.Scalars","i32":1,"s":"任务"},"payloads":[{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2026-01-01T00:00:00Z"},{"@type":"type.googleapis.com/google.protobuf.Struct","value":{"a":1}},{}]}"#
    #expect(try roundTrip(json) == json.replacingOccurrences(of: #"{"a":1}"#, with: #"{"a":1.0}"#))
    // Any nested in Any.
    let nested = #"{"payload":{"@type":"type.googleapis.com/google.protobuf.Any","value":{"@type":"type.googleapis.com/jicengtest.Scalars","b":true}}}"#
    #expect(try roundTrip(nested) == nested)
    #expect(jsonError(#"{"payload":{"@type":"type.googleapis.com/no.Such"}}"#)?.description == #"payload: Any names unknown type "type.googleapis.com/no.Such""#)
    #expect(jsonError(#"{"payload":{"i32":1}}"#)?.path == "payload")
    #expect(jsonError(#"{"payload":{"@type":"type.googleapis.com/jicengtest.Scalars","nope":1}}"#)?.description == #"payload: unknown field "nope" in jicengtest.Scalars"#)
}

@Test func deepNestingIsRefusedNotRecursedInto() throws {
    let deep = String(repeating: #"{"child":"#, count: 150) + "{}" + String(repeating: "}", count: 150)
    #expect(jsonError(deep)?.reason == "messages nested too deeply")
    let deeper = String(repeating: "[", count: 100_000)
    #expect(jsonError(#"{"list":\#(deeper)}"#) != nil)
}

@Test func jsonParserIsStrict() throws {
    for bad in ["", "{", "{\"a\" 1}", "[1,]", "01", "1.", "-", "\"\\x\"", "\"\\ud800\"", "\"a\u{01}\"", "{} {}", "nul", "[1 2]", "1e", ".5"] {
        #expect(throws: JSONSyntaxError.self, "\(bad)") { _ = try JSONValue.parse(bad) }
    }
    #expect(try JSONValue.parse(#" {"a":[1,-0.5e+3,"\u00e9\ud83d\ude00\/"], "b":null} "#)
        == .object([("a", .array([.number("1"), .number("-0.5e+3"), .string("é😀/")])), ("b", .null)]))
    #expect(throws: JSONSyntaxError.self) { _ = try JSONValue.parse(utf8: [0x22, 0xFF, 0x22]) }
}

@Test func messagesConvertThroughTheirDescriptor() throws {
    // The generated-type convenience, over the descriptor types themselves.
    var file = Google_Protobuf_FileDescriptorProto()
    file.name = "a.proto"
    file.dependency = ["b.proto"]
    file.syntax = "proto3"
    let json = try file.jsonString(pool: pool)
    #expect(json == #"{"name":"a.proto","dependency":["b.proto"],"syntax":"proto3"}"#)
    let back = try Google_Protobuf_FileDescriptorProto(jsonString: json, pool: pool)
    #expect(back == file)
    #expect(throws: ProtoJSONError.self) { _ = try Google_Protobuf_FileDescriptorProto(jsonString: #"{"name":1}"#, pool: pool) }
}

@Test func anEmptyPackedRunLeavesTheFieldUnset() throws {
    // Found by the fuzzer: r_b (field 14) as a zero-length packed run, then an unknown group.
    let m = try DynamicMessage(descriptor: everything, serializedBytes: [0x72, 0x00, 0x73, 0x74], pool: pool)
    #expect(m[14] == nil)
    #expect(m.unknownFields.bytes == [0x73, 0x74])
    #expect(try ProtoJSONTranscoder(pool: pool).jsonString(from: m) == "{}")
}

@Test func prettyPrintingIndentsTwoSpacesALevel() throws {
    let t = ProtoJSONTranscoder(pool: pool, options: ProtoJSONOptions(prettyPrinted: true))
    let bytes = try t.binary(fromJSONString: #"{"scalars":{"i32":1},"rI32":[1,2],"labels":{},"empty":{}}"#, messageName: "jicengtest.Everything")
    let text = try t.jsonString(fromBinary: bytes, messageName: "jicengtest.Everything")
    #expect(text == """
    {
      "scalars": {
        "i32": 1
      },
      "rI32": [
        1,
        2
      ],
      "empty": {}
    }
    """)
    #expect(try JSONValue.parse(text) == JSONValue.parse(try ProtoJSONTranscoder(pool: pool).jsonString(fromBinary: bytes, messageName: "jicengtest.Everything")))
}

@Test func embeddedWellKnownTypesFormAPoolForTheirOwnJSON() throws {
    let wkt = DescriptorPool.wellKnownTypes
    #expect(wkt.message(named: "google.protobuf.Timestamp") != nil)
    #expect(wkt.message(named: "google.protobuf.FileDescriptorProto") != nil)
    var stamp = Google_Protobuf_Timestamp()
    stamp.seconds = 1_764_460_800
    stamp.nanos = 5_000_000
    let json = try stamp.jsonString(pool: wkt)
    #expect(json == #""2025-11-30T00:00:00.005Z""#)
    #expect(try Google_Protobuf_Timestamp(jsonString: json, pool: wkt) == stamp)
    // Adding files keeps the embedded ones and resolves imports across the two.
    let fixtures = try Google_Protobuf_FileDescriptorSet(serializedBytes: TestSchemas.descriptorSetBytes).file
        .filter { $0.name.hasPrefix("jicengtest/") }
    let bigger = try wkt.adding(fixtures)
    #expect(bigger.message(named: "jicengtest.Everything") != nil)
    #expect(bigger.message(named: "google.protobuf.Any") != nil)
}

@Test func fieldMaskPathsWithoutAJSONFormAreRefused() throws {
    // Found by the fuzzer: a path holding the JSON separator re-parsed as two paths.
    let wkt = DescriptorPool.wellKnownTypes
    for bad in ["title,", "a,b", "", "Title", "a__b"] {
        var mask = Google_Protobuf_FieldMask()
        mask.paths = ["accept_deadline", bad]
        #expect(throws: ProtoJSONError.self) { _ = try mask.jsonString(pool: wkt) }
    }
    var good = Google_Protobuf_FieldMask()
    good.paths = ["accept_deadline", "task.title"]
    #expect(try good.jsonString(pool: wkt) == "\"acceptDeadline,task.title\"")
}
