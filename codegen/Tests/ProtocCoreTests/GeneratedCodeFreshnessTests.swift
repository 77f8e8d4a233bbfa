import Foundation
import ProtoRuntime
import ProtocCore
import Testing

/// The generated Swift committed in the repository must be exactly what the renderer produces
/// now. On a difference the test fails; `JICENG_REGENERATE=1 swift test --filter Freshness`
/// rewrites the files instead (then review the diff and commit it).
struct GeneratedCodeFreshnessTests {
    /// One group of committed generated files: what to compile and where the output lives.
    struct Target: CustomTestStringConvertible, Sendable {
        let name: String
        let files: @Sendable () throws -> [String]
        let includePaths: @Sendable () throws -> [URL]
        let options: SwiftRenderOptions
        /// Output directory relative to the package root.
        let directory: String
        let testDescription: String
        /// Who compiles the .proto files: our own compiler for the committed product code (that is
        /// the real pipeline, `make generate`), Debian's protoc for the render corpus.
        var compiler: CompilerChoice = .protoc

        enum CompilerChoice: Sendable { case ours, protoc }

        /// The well-known types and descriptor.proto, generated into the runtime module.
        static let runtime = Target(
            name: "runtime", files: { try protoFiles(under: ["google/protobuf"]) },
            includePaths: { [PackagePaths.proto] },
            options: try! SwiftRenderOptions(parameter: "FileNaming=PathToUnderscores"),
            directory: "Sources/ProtoRuntime/Generated", testDescription: "ProtoRuntime's generated files",
            compiler: .ours)

        /// The contract: everything else in proto/, generated into JicengAPI.
        static let api = Target(
            name: "api", files: { try protoFiles(under: ["jiceng", "grpc", "google/rpc", "bench"]) },
            includePaths: { [PackagePaths.proto] },
            options: try! SwiftRenderOptions(parameter: "FileNaming=PathToUnderscores"),
            directory: "Sources/JicengAPI/Generated", testDescription: "JicengAPI's generated files",
            compiler: .ours)

        static let corpus = Target(
            name: "corpus", files: { try corpusFiles() },
            includePaths: { [PackagePaths.corpus, PackagePaths.proto] },
            options: try! SwiftRenderOptions(parameter: "DefaultModule=GeneratedCodeTests,FileNaming=PathToUnderscores"),
            directory: "Tests/GeneratedCodeTests/Generated", testDescription: "the render corpus")

        /// Every .proto below the given folders of proto/, relative to proto/, sorted.
        static func protoFiles(under folders: [String]) throws -> [String] {
            var result: [String] = []
            for folder in folders {
                let base = PackagePaths.proto.appendingPathComponent(folder)
                guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
                for case let path as String in walker where path.hasSuffix(".proto") {
                    result.append(folder + "/" + path)
                }
            }
            return result.sorted()
        }
    }

    @Test(arguments: [Target.runtime, Target.api, Target.corpus])
    func committedGeneratedCodeIsCurrent(_ target: Target) throws {
        let files = try target.files()
        let set: Google_Protobuf_FileDescriptorSet
        switch target.compiler {
        case .protoc:
            set = try protocDescriptorSet(files, includePaths: try target.includePaths())
        case .ours:
            let compiled = try Compiler(importPaths: try target.includePaths().map(\.path)).compile(files: files)
            set = try Google_Protobuf_FileDescriptorSet(
                serializedBytes: compiled.descriptorSet(includeImports: true, includeSourceInfo: true))
        }
        let rendered = try SwiftRenderer(target.options, serviceRenderer: ServiceGenerator())
            .render(files: set.file, generate: Set(files))
        #expect(rendered.count == files.count)
        let regenerate = ProcessInfo.processInfo.environment["JICENG_REGENERATE"] == "1"
        for file in rendered {
            let url = PackagePaths.root.appendingPathComponent(target.directory).appendingPathComponent(file.path)
            if regenerate {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let committed = try? String(contentsOf: url, encoding: .utf8)
            #expect(committed == file.contents, "\(target.directory)/\(file.path) is stale: run `make generate` (or JICENG_REGENERATE=1 swift test --filter Freshness)")
        }
    }
}
