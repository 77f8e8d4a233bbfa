import Foundation
import ProtoRuntime
import Testing

/// Paths inside the package, found from this file's location.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus = root.appendingPathComponent("codegen/Tests/ProtocCoreTests/RenderCorpus")

    /// The newest well-known .proto files on this machine: those bundled with grpcio-tools in the
    /// test venv (`make venv`). Debian's /usr/include copies predate descriptor.proto's current
    /// fields (editions, option_dependency, visibility), which the compiler's model needs.
    static func wellKnownProtos() throws -> URL {
        let lib = root.appendingPathComponent(".venv/lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        for python in pythons.sorted() {
            let dir = lib.appendingPathComponent(python).appendingPathComponent("site-packages/grpc_tools/_proto")
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("google/protobuf/descriptor.proto").path) {
                return dir
            }
        }
        throw SetupError("grpcio-tools' .proto files are missing: run `make venv` in \(root.path)")
    }
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
