import Foundation
import ProtoRuntime

/// Paths of the repository, found from this file's location.
enum RepoPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let proto = root.appendingPathComponent("proto")
    static let fixtures = root.appendingPathComponent("Tests/ProtoRuntimeTests/Fixtures")
    static let python = root.appendingPathComponent(".venv/bin/python")
}

/// Every .proto of the repository plus the test fixtures, compiled by Debian's protoc (an
/// independent compiler) into one descriptor set.
enum TestSchemas {
    static let protoFiles: [String] = {
        let e = FileManager.default.enumerator(atPath: RepoPaths.proto.path)!
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }.sorted()
    }()
    static let fixtureFiles = ["jicengtest/everything.proto", "jicengtest/legacy.proto", "c_interop.proto"]

    /// The serialized FileDescriptorSet, compiled once per test process.
    static let descriptorSetBytes: [UInt8] = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-schemas-\(UUID().uuidString).binpb")
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/protoc")
        p.arguments = ["-I\(RepoPaths.proto.path)", "-I\(RepoPaths.fixtures.path)", "--include_imports",
                       "--descriptor_set_out=\(out.path)"] + protoFiles + fixtureFiles
        try! p.run()
        p.waitUntilExit()
        precondition(p.terminationStatus == 0, "protoc failed")
        return [UInt8](try! Data(contentsOf: out))
    }()

    static let pool: DescriptorPool = try! DescriptorPool(serializedFileDescriptorSet: descriptorSetBytes)
}
