import Foundation
import Testing
import ProtoRuntime

/// Runs Debian's protoc (a test dependency) and returns the descriptor set it writes.
func protocDescriptorSet(_ files: [String], includeSourceInfo: Bool) throws -> [UInt8] {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/protoc")
    p.arguments = ["-I/usr/include", "--include_imports", "--descriptor_set_out=\(out.path)"]
        + (includeSourceInfo ? ["--include_source_info"] : []) + files
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return [UInt8](try Data(contentsOf: out))
}

@Test(arguments: [false, true])
func protocDescriptorSetsRoundTripByteForByte(includeSourceInfo: Bool) throws {
    let bytes = try protocDescriptorSet(
        ["google/protobuf/descriptor.proto", "google/protobuf/struct.proto", "google/protobuf/any.proto"],
        includeSourceInfo: includeSourceInfo)
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
    #expect(set.file.map(\.name).contains("google/protobuf/descriptor.proto"))
    // Everything protoc wrote must be understood: no field of the model left unknown.
    for file in set.file {
        #expect(file.unknownFields.isEmpty)
        for message in file.messageType { #expect(message.unknownFields.isEmpty) }
    }
    #expect(set.serializedBytes() == bytes)

    let descriptorFile = try #require(set.file.first { $0.name == "google/protobuf/descriptor.proto" })
    let field = try #require(descriptorFile.messageType.first { $0.name == "FieldDescriptorProto" })
    let type = try #require(field.field.first { $0.name == "type" })
    #expect(type.label == .optional)
    #expect(type.type == .enum)
    #expect(type.typeName == ".google.protobuf.FieldDescriptorProto.Type")
    #expect(descriptorFile.options.javaPackage == "com.google.protobuf")
    #expect(descriptorFile.options.optimizeFor == .speed)
    #expect(!descriptorFile.options.hasCcEnableArenas || descriptorFile.options.ccEnableArenas)
}

@Test func unknownClosedEnumValuesGoToUnknownFields() throws {
    // FieldDescriptorProto { label: 9 (no such Label) }
    let bytes: [UInt8] = [0x20, 0x09]
    let field = try Google_Protobuf_FieldDescriptorProto(serializedBytes: bytes)
    #expect(!field.hasLabel)
    #expect(field.label == .optional)
    #expect(field.serializedBytes() == bytes)
}
