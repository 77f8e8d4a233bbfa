import Foundation
import Testing
import ProtoRuntime

/// Every message type of our schemas that proto3 JSON covers (descriptor.proto's own types are
/// proto2 option carriers and left out), map entries excluded.
private func differentialTypes() -> [MessageDescriptor] {
    let prefixes = ["jicengtest.", "jiceng.v1.", "google.rpc.", "grpc.health.", "grpc.reflection.v1.", "bench."]
    let wkts = ["google.protobuf.Any", "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
                "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue", "google.protobuf.Empty",
                "google.protobuf.Int64Value", "google.protobuf.BytesValue"]
    return TestSchemas.pool.messageNames
        .filter { name in wkts.contains(name) || prefixes.contains { name.hasPrefix($0) } }
        .compactMap { TestSchemas.pool.message(named: $0) }
        .filter { !$0.isMapEntry }
}

/// Our canonical encoding of `bytes`: maps sorted ascending, also inside `Any` payloads (Python
/// writes map entries in another order, which the wire format leaves open).
private func canonical(_ bytes: [UInt8], type: MessageDescriptor) throws -> [UInt8] {
    try canonical(DynamicMessage(descriptor: type, serializedBytes: bytes, pool: TestSchemas.pool)).serializedBytes()
}

private func canonical(_ m: DynamicMessage) throws -> DynamicMessage {
    var out = m
    for field in m.descriptor.fields {
        guard let value = m[field.number] else { continue }
        func fix(_ v: ProtoValue) throws -> ProtoValue {
            guard case .message(let inner) = v else { return v }
            if inner.descriptor.fullName == "google.protobuf.Any", case .single(.string(let url))? = inner[1],
               case .single(.bytes(let payload))? = inner[2], let payloadType = TestSchemas.pool.message(forTypeURL: url) {
                var any = inner
                any.set(inner.descriptor.field(number: 2)!, .single(.bytes(try canonical(payload, type: payloadType))))
                return .message(any)
            }
            return .message(try canonical(inner))
        }
        switch value {
        case .single(let v): out.set(field, .single(try fix(v)))
        case .repeated(let vs): out.set(field, .repeated(try vs.map(fix)))
        case .map(let entries):
            var fixed: [ProtoValue: ProtoValue] = [:]
            for (k, v) in entries { fixed[k] = try fix(v) }
            out.set(field, .map(fixed))
        }
    }
    return out
}

private struct OracleCase {
    let type: MessageDescriptor
    let seed: UInt64
    let binary: [UInt8]
    let json: String
}

/// Runs the Python oracle once over all cases; one answer per case, in order.
private func askPython(_ cases: [OracleCase]) throws -> [[String: String]] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let setFile = dir.appendingPathComponent("set.binpb")
    try Data(TestSchemas.descriptorSetBytes).write(to: setFile)
    var lines = ""
    for c in cases {
        let object: [String: String] = ["type": c.type.fullName, "binary": Data(c.binary).base64EncodedString(), "json": c.json]
        lines += String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
    }
    let casesFile = dir.appendingPathComponent("cases.jsonl")
    try lines.write(to: casesFile, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = RepoPaths.python
    p.arguments = [RepoPaths.fixtures.appendingPathComponent("protobuf_python_oracle.py").path, setFile.path, casesFile.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: String] ?? [:]
    }
}

@Test func randomMessagesAgreeWithPythonProtobufBothWays() throws {
    guard FileManager.default.isExecutableFile(atPath: RepoPaths.python.path) else {
        Issue.record("Python venv missing: run `make venv` (the oracle needs google.protobuf)")
        return
    }
    let pool = TestSchemas.pool
    let transcoder = ProtoJSONTranscoder(pool: pool)
    let types = differentialTypes()
    #expect(types.count > 50)
    var cases: [OracleCase] = []
    for type in types {
        for seed in UInt64(1)...12 {
            var random = RandomMessages(pool: pool, rng: SeededGenerator(seed: seed &* 7919 &+ UInt64(type.fullName.utf8.count)))
            let m = random.message(type)
            // Our own round trip first: binary → DynamicMessage → binary, JSON → binary.
            let binary = m.serializedBytes()
            let decoded = try DynamicMessage(descriptor: type, serializedBytes: binary, pool: pool)
            #expect(decoded.serializedBytes() == binary, "\(type.fullName) seed \(seed)")
            let json = try transcoder.jsonString(from: m)
            #expect(try transcoder.binary(fromJSONString: json, messageName: type.fullName) == binary, "\(type.fullName) seed \(seed): \(json)")
            cases.append(OracleCase(type: type, seed: seed, binary: binary, json: json))
        }
    }
    let answers = try askPython(cases)
    try #require(answers.count == cases.count)
    var checked = 0
    for (c, answer) in zip(cases, answers) {
        let label = "\(c.type.fullName) seed \(c.seed)"
        if let error = answer["error"] {
            Issue.record("\(label): Python refused: \(error)\nour JSON: \(c.json)")
            continue
        }
        let reserialized = try #require(answer["reserialized"].flatMap { Data(base64Encoded: $0) })
        #expect(try canonical([UInt8](reserialized), type: c.type) == c.binary, "\(label): Python re-encodes our binary differently")
        let fromOurJSON = try #require(answer["from_our_json"].flatMap { Data(base64Encoded: $0) })
        #expect(try canonical([UInt8](fromOurJSON), type: c.type) == c.binary, "\(label): Python reads our JSON differently: \(c.json)")
        let pythonJSON = try #require(answer["python_json"])
        let fromPython = try transcoder.binary(fromJSONString: pythonJSON, messageName: c.type.fullName)
        #expect(fromPython == c.binary, "\(label): we read Python's JSON differently: \(pythonJSON)")
        checked += 1
    }
    #expect(checked == cases.count)
}
