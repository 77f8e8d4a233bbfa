import Foundation
import ProtocCore
import Testing

/// Every corpus file compiled by our compiler must give the exact bytes stock protoc gives, with
/// and without imports and source info.
@Suite struct CorpusTests {
    static let flagSets: [(imports: Bool, sourceInfo: Bool)] = [(false, false), (true, false), (false, true), (true, true)]

    @Test(arguments: Corpus.files())
    func matchesProtoc(_ file: String) throws {
        try #require(StockProtoc.path != nil, "protoc is not installed (apt-get install protobuf-compiler)")
        let compiled = try Compiler(importPaths: [Corpus.directory]).compile(files: [Corpus.directory + "/" + file])
        for flags in Self.flagSets {
            var arguments = ["-I", Corpus.directory, Corpus.directory + "/" + file]
            if flags.imports { arguments.append("--include_imports") }
            if flags.sourceInfo { arguments.append("--include_source_info") }
            let expected = try StockProtoc.run(arguments)
            try #require(expected.status == 0, "protoc rejected \(file): \(expected.stderr)")
            let warnings = expected.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }.map(String.init)
            #expect(compiled.warnings.map(\.description) == warnings, "warnings differ for \(file)")
            let ours = compiled.descriptorSet(includeImports: flags.imports, includeSourceInfo: flags.sourceInfo)
            if ours != expected.descriptorSet {
                let diff = StockProtoc.diff(StockProtoc.decode(expected.descriptorSet), StockProtoc.decode(ours))
                Issue.record("\(file) \(flags): descriptor sets differ (\(expected.descriptorSet.count) vs \(ours.count) bytes)\n\(diff)")
            }
        }
    }

    @Test func corpusIsLargeEnough() {
        #expect(Corpus.files().count >= 40)
        #expect(Corpus.files(under: "Errors").count >= 30)
    }
}

/// Malformed schemas must be refused with protoc's errors: same file, line and column, and the
/// same message.
@Suite struct ErrorCorpusTests {
    /// protoc's diagnostics (its own log lines dropped).
    static func errorLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("[libprotobuf WARNING") && !$0.isEmpty }
    }

    @Test(arguments: Corpus.files(under: "Errors"))
    func refusedLikeProtoc(_ file: String) throws {
        try #require(StockProtoc.path != nil, "protoc is not installed (apt-get install protobuf-compiler)")
        let expected = try StockProtoc.run(["-I", Corpus.directory, Corpus.directory + "/" + file])
        try #require(expected.status != 0, "protoc accepted \(file); it belongs in the main corpus")
        do {
            _ = try Compiler(importPaths: [Corpus.directory]).compile(files: [Corpus.directory + "/" + file])
            Issue.record("\(file) was accepted; protoc says:\n\(expected.stderr)")
        } catch {
            let ours = error.diagnostics.map(\.description)
            let theirs = Self.errorLines(expected.stderr)
            if file.hasPrefix("Errors/edition") {
                // protoc 3.21 predates editions and just fails to parse; we say why, at the same place.
                let place = theirs.first.map { String($0.prefix(while: { $0 != " " })) }
                #expect(ours.count == 1 && place != nil && ours[0].hasPrefix(place!))
                #expect(ours.first?.contains("editions are not supported yet") == true)
                return
            }
            #expect(ours.first == theirs.first, "first error differs")
            #expect(ours == theirs)
        }
    }
}
