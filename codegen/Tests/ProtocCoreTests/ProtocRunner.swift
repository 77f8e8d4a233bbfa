import Foundation
import ProtoRuntime
import Testing

/// Paths inside the package, found from this file's location.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus = root.appendingPathComponent("codegen/Tests/ProtocCoreTests/RenderCorpus")

    /// The repository's contract, including its own copies of the well-known types.
    static let proto = root.appendingPathComponent("proto")
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs Debian's protoc and returns the `FileDescriptorSet` it writes (with imports).
func protocDescriptorSet(_ files: [String], includePaths: [URL], sourceInfo: Bool = true) throws -> Google_Protobuf_FileDescriptorSet {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-render-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/protoc")
    p.arguments = includePaths.map { "-I\($0.path)" } + ["--include_imports", "--descriptor_set_out=\(out.path)"]
        + (sourceInfo ? ["--include_source_info"] : []) + files
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw SetupError("protoc failed on \(files)") }
    return try Google_Protobuf_FileDescriptorSet(serializedBytes: [UInt8](try Data(contentsOf: out)))
}

/// The .proto files of the render corpus, relative to its directory.
func corpusFiles() throws -> [String] {
    let names = try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.corpus.path)
    return names.filter { $0.hasSuffix(".proto") }.sorted()
}
