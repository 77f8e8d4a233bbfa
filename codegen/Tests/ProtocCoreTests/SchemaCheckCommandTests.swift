import Foundation
import Testing

/// `jiceng-protoc --lint` and `--against` as the Makefile runs them: one line per problem on
/// stderr, exit status 1 when there is any, 0 and silence otherwise.
struct SchemaCheckCommandTests {
    /// The jiceng-protoc `swift build --build-tests` builds with the tests (where the Makefile
    /// runs it from too).
    static let protoc = PackagePaths.root.appendingPathComponent(".build/debug/jiceng-protoc")

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: [String]) {
        let process = Process()
        process.executableURL = protoc
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, lines)
    }

    @Test("--lint prints each finding and exits 1; a clean contract exits 0")
    func lint() throws {
        let corpus = try Self.run(["--lint", "-I", SchemaLintTests.lintCorpus.path, "-I", PackagePaths.proto.path, "naming.proto"])
        #expect(corpus.status == 1)
        #expect(corpus.stderr.count == (try SchemaLintTests.expectations(in: "naming.proto").count))
        #expect(corpus.stderr.first == "naming.proto:8:1: [type-name-case] Message jiceng.lintcorpus.Snake_Message should be named in UpperCamelCase.")

        let contract = try Self.run(["--lint", "-I", PackagePaths.proto.path] + (try SchemaLintTests.contractFiles()))
        #expect(contract.status == 0)
        #expect(contract.stderr.isEmpty)
    }

    @Test("--against refuses a breaking change against a descriptor set written by --include_imports")
    func against() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("shop.proto")
        let released = directory.appendingPathComponent("released.binpb")
        try BreakingChangeTests.base.write(to: source, atomically: true, encoding: .utf8)
        let release = try Self.run(["-I", directory.path, "--include_imports", "--descriptor_set_out=\(released.path)", "shop.proto"])
        #expect(release.status == 0)

        let same = try Self.run(["-I", directory.path, "--against=\(released.path)", "shop.proto"])
        #expect(same.status == 0 && same.stderr.isEmpty)

        let edited = BreakingChangeTests.base
            .replacingOccurrences(of: "  int32 quantity = 2;", with: "  int32 count = 2;")
            .replacingOccurrences(of: "  STATUS_CLOSED = 2;\n", with: "")
        try edited.write(to: source, atomically: true, encoding: .utf8)
        let broken = try Self.run(["-I", directory.path, "--against", released.path, "shop.proto"])
        #expect(broken.status == 1)
        #expect(broken.stderr == [
            "shop.proto:7:3: [field-renamed] Field 2 of shop.v1.Order was renamed from quantity to count, which changes its JSON name.",
            "shop.proto:26:1: [enum-value-removed] Enum value shop.v1.Status.STATUS_CLOSED (2) was removed; to retire it, reserve both its number and its name.",
        ])

        let missing = directory.appendingPathComponent("missing.binpb").path
        let unreadable = try Self.run(["-I", directory.path, "--against", missing, "shop.proto"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr == ["\(missing): Could not read a FileDescriptorSet."])
    }
}
