import Foundation
import ProtocCore
import Testing

/// With `ProtocCompatibility.grpcioTools`, output equals the protoc bundled with grpcio-tools
/// (`make venv`), which differs from Debian's 3.21 in option encoding and one comment rule.
@Suite struct GrpcioToolsCompatibilityTests {
    static let python = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".venv/bin/python").path

    /// Schemas protoc 3.21 accepts and the newer protoc refuses (it checks more); the
    /// compatibility mode does not add those checks.
    static let refusedByNewerProtoc: Set<String> = [
        "accepted_bad_json_name_conflict.proto", "accepted_explicit_map_entry.proto",
        "accepted_enum_prefix_clash2.proto", "accepted_reserved_backwards.proto",
    ]

    static func grpcToolsDescriptorSet(_ file: String) throws -> [UInt8]? {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("grpc-tools-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        // Debian's include directory first, so both compilers read the same descriptor.proto.
        process.arguments = ["-m", "grpc_tools.protoc", "-I", Corpus.directory, "-I", "/usr/include", "--include_imports",
                             "--include_source_info", "--descriptor_set_out=\(out.path)", Corpus.directory + "/" + file]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return [UInt8](try Data(contentsOf: out))
    }

    @Test(arguments: Corpus.files())
    func matchesGrpcioTools(_ file: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "the test venv is missing: run `make venv`")
        guard let expected = try Self.grpcToolsDescriptorSet(file) else {
            #expect(Self.refusedByNewerProtoc.contains(file), "grpc_tools.protoc refused \(file)")
            return
        }
        #expect(!Self.refusedByNewerProtoc.contains(file))
        let compiled = try Compiler(importPaths: [Corpus.directory], compatibility: .grpcioTools)
            .compile(files: [Corpus.directory + "/" + file])
        let ours = compiled.descriptorSet(includeImports: true, includeSourceInfo: true)
        #expect(ours == expected, "\(StockProtoc.diff(StockProtoc.decode(expected), StockProtoc.decode(ours)))")
    }

    /// The corpus has files where the two protocs really disagree, so the mode is exercised.
    @Test func theProtocsDisagreeOnSomeFiles() throws {
        let differing = try ["aggregate_options.proto", "comments.proto", "options_imported.proto", "options_proto3.proto"].filter {
            let set321 = try Compiler(importPaths: [Corpus.directory]).compile(files: [Corpus.directory + "/" + $0])
            let setNew = try Compiler(importPaths: [Corpus.directory], compatibility: .grpcioTools).compile(files: [Corpus.directory + "/" + $0])
            return set321.descriptorSet(includeImports: false, includeSourceInfo: true) != setNew.descriptorSet(includeImports: false, includeSourceInfo: true)
        }
        #expect(differing.count == 4)
    }
}
