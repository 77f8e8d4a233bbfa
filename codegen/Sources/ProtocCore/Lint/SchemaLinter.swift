import ProtoRuntime

/// Checks a schema against the API conventions of DESIGN.md §3 (see `LintRule`).
///
/// ```swift
/// let compiled = try Compiler(importPaths: ["proto"]).compile(files: ["jiceng/v1/task.proto"])
/// for finding in compiled.lint() { print(finding) }   // jiceng/v1/task.proto:12:3: [documented] …
/// ```
///
/// Only files whose package starts with `scope` are checked; the types they use from other files
/// (google.protobuf, …) are looked up but never judged.
public struct SchemaLinter: Sendable {
    /// The package prefix of the files to check, e.g. `jiceng.`; empty checks every file.
    public var scope: String

    public init(scope: String = "jiceng.") {
        self.scope = scope
    }

    /// Lints the files of `set` in scope (only those named in `files`, when given). The set should
    /// carry source info (for positions and comments) and the files' imports (to resolve types).
    public func lint(_ set: Google_Protobuf_FileDescriptorSet, files: Set<String>? = nil) -> [LintFinding] {
        var pass = LintPass(index: SchemaIndex(set)) { file in
            file.package.hasPrefix(scope) && (files?.contains(file.name) ?? true)
        }
        pass.checkNames()
        pass.checkDocumentation()
        pass.checkMethods()
        return pass.findings.sorted { a, b in
            (a.file, a.line ?? -1, a.column ?? -1) < (b.file, b.line ?? -1, b.column ?? -1)
        }
    }
}

extension CompiledFiles {
    /// Lints the requested files in `scope` (see `SchemaLinter`).
    public func lint(scope: String = "jiceng.") -> [LintFinding] {
        let bytes = descriptorSet(includeImports: true, includeSourceInfo: true)
        // The bytes were written by DescriptorWriter a moment ago; they always decode.
        guard let set = try? Google_Protobuf_FileDescriptorSet(serializedBytes: bytes) else { return [] }
        return SchemaLinter(scope: scope).lint(set, files: Set(requested))
    }
}

/// One run of the lint: the index, what is in scope, and the findings so far.
struct LintPass {
    let index: SchemaIndex
    let inScope: (Google_Protobuf_FileDescriptorProto) -> Bool
    private(set) var findings: [LintFinding] = []
    private var locations: [String: SourceLocations] = [:]

    init(index: SchemaIndex, inScope: @escaping (Google_Protobuf_FileDescriptorProto) -> Bool) {
        self.index = index
        self.inScope = inScope
        for name in index.fileOrder {
            if let file = index.files[name], inScope(file) { locations[name] = SourceLocations(file) }
        }
    }

    /// Messages, enums and services declared in files in scope.
    var scopedMessages: [SchemaIndex.Message] { index.allMessages.filter { inScope($0.file) } }
    var scopedEnums: [SchemaIndex.Enumeration] { index.allEnums.filter { inScope($0.file) } }
    var scopedServices: [SchemaIndex.Service] { index.allServices.filter { inScope($0.file) } }

    func locations(of file: Google_Protobuf_FileDescriptorProto) -> SourceLocations {
        locations[file.name] ?? SourceLocations(file)
    }

    /// Records a finding at the declaration `path` of `file`.
    mutating func report(_ rule: LintRule, _ file: Google_Protobuf_FileDescriptorProto, _ path: [Int32], _ message: String) {
        let start = locations(of: file).start(of: path)
        findings.append(LintFinding(rule: rule, file: file.name, line: start?.line, column: start?.column, message: message))
    }
}
