import Foundation
import ProtoRuntime
import ProtocCore
import Testing

/// The `jiceng-protoc` executable itself, run like protoc.
@Suite struct CommandLineTests {
    static let binary: String? = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("jiceng-protoc").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Run {
        var status: Int32
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "jiceng-protoc is not built next to the tests"))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-protoc-\(UUID().uuidString)-\(name)").path
    }

    @Test func writesProtocsDescriptorSet() throws {
        try #require(StockProtoc.path != nil, "protoc is not installed")
        let out = temporaryPath("set.pb")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let file = Corpus.directory + "/custom_options.proto"
        let ours = try Self.run(["-I", Corpus.directory, "--include_imports", "--include_source_info", "--descriptor_set_out=\(out)", file])
        #expect(ours.status == 0, "\(ours.stderr)")
        let expected = try StockProtoc.run(["-I", Corpus.directory, "--include_imports", "--include_source_info", file])
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: out))) == expected.descriptorSet)
    }

    @Test func reportsEveryErrorAndFails() throws {
        let file = Corpus.directory + "/Errors/several_option_errors.proto"
        let ours = try Self.run(["-I", Corpus.directory, "-o", temporaryPath("unused.pb"), file])
        #expect(ours.status == 1)
        let lines = ours.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        // Messages are built before services, so the field's option fails first, as in protoc.
        #expect(lines.first == "Errors/several_option_errors.proto:7:25: Value must be identifier for boolean option \"google.protobuf.FieldOptions.packed\".")
    }

    @Test func rendersSwift() throws {
        let dir = temporaryPath("swift")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ours = try Self.run(["-I", Corpus.directory, "--swift_out=\(dir)", "--swift_opt=Visibility=Internal", Corpus.directory + "/maps.proto"])
        #expect(ours.status == 0, "\(ours.stderr)")
        let generated = try String(contentsOfFile: dir + "/maps.pb.swift", encoding: .utf8)
        let compiled = try Compiler(importPaths: [Corpus.directory]).compile(files: [Corpus.directory + "/maps.proto"])
        var options = SwiftRenderOptions()
        options.visibility = .internal
        let direct = try SwiftRenderer(options).render(files: try compiled.fileDescriptorProtos(includeSourceInfo: true), generate: ["maps.proto"])
        #expect(direct.first?.contents == generated)
        #expect(generated.contains("struct Maps_Maps"))
    }

    @Test func refusesBadCommandLines() throws {
        #expect(try Self.run(["--nonsense", "x.proto"]).status == 1)
        #expect(try Self.run(["-I", Corpus.directory, "-o", temporaryPath("x.pb"), "/nonexistent/dir/x.proto"]).status == 1)
    }
}
