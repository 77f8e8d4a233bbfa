import Foundation
import ProtoRuntime
import ProtocCore
import Testing

/// The repository's own schemas (proto/: jiceng/v1, well-known types, google/rpc, gRPC health
/// and reflection) compile to exactly what protoc produces.
@Suite struct RepositoryProtoTests {
    static let protoDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proto").path

    static var files: [String] {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: protoDirectory)) ?? []
        return names.filter { $0.hasSuffix(".proto") }.sorted()
    }

    @Test func repositoryHasSchemas() {
        #expect(Self.files.contains("jiceng/v1/task.proto"))
    }

    @Test(arguments: files)
    func matchesProtoc(_ file: String) throws {
        try #require(StockProtoc.path != nil, "protoc is not installed (apt-get install protobuf-compiler)")
        let compiled = try Compiler(importPaths: [Self.protoDirectory]).compile(files: [Self.protoDirectory + "/" + file])
        for sourceInfo in [false, true] {
            var arguments = ["-I", Self.protoDirectory, "--include_imports", Self.protoDirectory + "/" + file]
            if sourceInfo { arguments.append("--include_source_info") }
            let expected = try StockProtoc.run(arguments)
            try #require(expected.status == 0, "protoc rejected \(file): \(expected.stderr)")
            let ours = compiled.descriptorSet(includeImports: true, includeSourceInfo: sourceInfo)
            #expect(ours == expected.descriptorSet,
                    "\(file) sourceInfo=\(sourceInfo)\n\(StockProtoc.diff(StockProtoc.decode(expected.descriptorSet), StockProtoc.decode(ours)))")
        }
    }

    /// The typed descriptors re-encode to the same bytes (our output survives the runtime's
    /// descriptor model), and come in dependency order.
    @Test func typedDescriptorsRoundTrip() throws {
        let compiled = try Compiler(importPaths: [Self.protoDirectory]).compile(files: Self.files.map { Self.protoDirectory + "/" + $0 })
        let set = try compiled.fileDescriptorSet(includeImports: true, includeSourceInfo: true)
        #expect(set.serializedBytes() == compiled.descriptorSet(includeImports: true, includeSourceInfo: true))
        let protos = try compiled.fileDescriptorProtos()
        var seen = Set<String>()
        for proto in protos {
            for dependency in proto.dependency {
                #expect(seen.contains(dependency), "\(proto.name) comes before its import \(dependency)")
            }
            seen.insert(proto.name)
        }
        #expect(protos.map(\.name) == compiled.fileNamesInDependencyOrder)
        #expect(seen.isSuperset(of: Self.files))
    }
}
