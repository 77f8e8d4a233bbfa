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

        static let descriptor = Target(
            name: "descriptor", files: { ["google/protobuf/descriptor.proto"] },
            includePaths: { [try PackagePaths.wellKnownProtos()] },
            options: try! SwiftRenderOptions(parameter: "FileNaming=DropPath"),
            directory: "Sources/ProtoRuntime/Descriptor", testDescription: "ProtoRuntime's descriptor.pb.swift")

        static let corpus = Target(
            name: "corpus", files: { try corpusFiles() },
            includePaths: { [PackagePaths.corpus, try PackagePaths.wellKnownProtos()] },
            options: try! SwiftRenderOptions(parameter: "DefaultModule=GeneratedCodeTests,FileNaming=PathToUnderscores"),
            directory: "Tests/GeneratedCodeTests/Generated", testDescription: "the render corpus")
    }

    @Test(arguments: [Target.descriptor, Target.corpus])
    func committedGeneratedCodeIsCurrent(_ target: Target) throws {
        let files = try target.files()
        let set = try protocDescriptorSet(files, includePaths: try target.includePaths())
        let rendered = try SwiftRenderer(target.options).render(files: set.file, generate: Set(files))
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
            #expect(committed == file.contents, "\(target.directory)/\(file.path) is stale: run JICENG_REGENERATE=1 swift test --filter Freshness")
        }
    }
}
