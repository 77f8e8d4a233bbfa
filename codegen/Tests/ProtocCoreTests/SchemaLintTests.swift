import Foundation
import ProtocCore
import Testing

/// The schema lint (`jiceng-protoc --lint`): clean on the real contract, and each rule firing
/// exactly where the corpus in LintCorpus/ says it should.
struct SchemaLintTests {
    static let lintCorpus = PackagePaths.root.appendingPathComponent("codegen/Tests/ProtocCoreTests/LintCorpus")

    /// The corpus files, relative to LintCorpus/.
    static func corpusFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: lintCorpus.path).filter { $0.hasSuffix(".proto") }.sorted()
    }

    /// What a corpus file expects: `(1-based line, rule id)` for every rule named in a trailing
    /// `// expect: a, b` comment, once per mention.
    static func expectations(in file: String) throws -> [Expectation] {
        let text = try String(contentsOf: lintCorpus.appendingPathComponent(file), encoding: .utf8)
        var result: [Expectation] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "// expect: ") else { continue }
            for id in line[range.upperBound...].split(separator: ",") {
                result.append(Expectation(line: i + 1, rule: id.trimmingCharacters(in: .whitespaces)))
            }
        }
        return result
    }

    /// The contract's files (proto/jiceng/v1), relative to proto/.
    static func contractFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PackagePaths.proto.appendingPathComponent("jiceng/v1").path)
            .filter { $0.hasSuffix(".proto") }.sorted().map { "jiceng/v1/" + $0 }
    }

    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        let line: Int
        let rule: String
        static func < (a: Self, b: Self) -> Bool { (a.line, a.rule) < (b.line, b.rule) }
        var description: String { "\(line): [\(rule)]" }
    }

    @Test("The jiceng.v1 contract in proto/ passes every lint rule")
    func contractIsClean() throws {
        let files = try Self.contractFiles()
        #expect(files.count >= 5)
        let compiled = try Compiler(importPaths: [PackagePaths.proto.path]).compile(files: files)
        let findings = compiled.lint()
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test("Each corpus file gets exactly the findings its expect comments list", arguments: try corpusFiles())
    func corpusFindings(file: String) throws {
        let expected = try Self.expectations(in: file).sorted()
        #expect(!expected.isEmpty)
        let compiled = try Compiler(importPaths: [Self.lintCorpus.path, PackagePaths.proto.path]).compile(files: [file])
        let findings = compiled.lint()
        let actual = findings.map { Expectation(line: ($0.line ?? -1) + 1, rule: $0.rule.rawValue) }.sorted()
        #expect(actual == expected, "\(findings.map(\.description).joined(separator: "\n"))")
        for finding in findings {
            #expect(finding.description.hasPrefix("\(file):\(finding.line! + 1):\(finding.column! + 1): [\(finding.rule.rawValue)] "))
        }
    }

    @Test("The corpus shows every rule firing")
    func corpusCoversEveryRule() throws {
        let mentioned = Set(try Self.corpusFiles().flatMap { try Self.expectations(in: $0).map(\.rule) })
        #expect(mentioned == Set(LintRule.allCases.map(\.rawValue)))
    }

    @Test("Files outside the scope are not judged")
    func scope() throws {
        let compiled = try Compiler(importPaths: [Self.lintCorpus.path, PackagePaths.proto.path]).compile(files: ["naming.proto"])
        #expect(compiled.lint(scope: "other.").isEmpty)
        #expect(!compiled.lint(scope: "").isEmpty)
    }
}
