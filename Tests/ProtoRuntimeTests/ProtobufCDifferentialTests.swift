import Foundation
import Testing
import ProtoRuntime
import ProtobufCFixtures

/// libprotobuf-c's unpack-then-pack of `bytes`, or nil when it refuses them.
private func protobufCRepack(_ bytes: [UInt8], type: String) -> [UInt8]? {
    var out: UnsafeMutablePointer<UInt8>? = nil
    let n = bytes.withUnsafeBufferPointer { jiceng_protobuf_c_repack(type, $0.baseAddress, $0.count, &out) }
    defer { free(out) }
    guard n >= 0, let out else { return nil }
    return Array(UnsafeBufferPointer(start: out, count: n))
}

@Test(arguments: ["jicengtest.c.Leaf", "jicengtest.c.Flat", "jicengtest.c.WithMaps"])
func libprotobufCReadsAndRepacksOurBytes(typeName: String) throws {
    let pool = TestSchemas.pool
    let type = try #require(pool.message(named: typeName))
    for seed in UInt64(1)...60 {
        var random = RandomMessages(pool: pool, rng: SeededGenerator(seed: seed))
        random.negativeZero = false
        let ours = random.message(type).serializedBytes()
        let theirs = try #require(protobufCRepack(ours, type: typeName), "\(typeName) seed \(seed): libprotobuf-c refused our bytes")
        // Maps: protobuf-c omits an entry's default key or value, which we always write, so
        // there the check is that the same message comes back.
        let back = try DynamicMessage(descriptor: type, serializedBytes: theirs, pool: pool)
        let t = ProtoJSONTranscoder(pool: pool)
        let oursJSON = (try? t.jsonString(fromBinary: ours, messageName: typeName)) ?? "?"
        let theirJSON = (try? t.jsonString(from: back)) ?? "?"
        #expect(back.serializedBytes() == ours, "\(typeName) seed \(seed)\nours   \(oursJSON)\ntheirs \(theirJSON)")
        if typeName != "jicengtest.c.WithMaps" {
            #expect(theirs == ours, "\(typeName) seed \(seed): repacked bytes differ")
        }
    }
    #expect(protobufCRepack([0x0A, 0x05, 0x61], type: typeName) == nil)
}
