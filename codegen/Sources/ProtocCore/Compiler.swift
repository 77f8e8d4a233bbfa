import Foundation

/// Compiles .proto files to descriptors: the front end of `jiceng-protoc`.
///
/// ```swift
/// let result = try Compiler(importPaths: ["proto"]).compile(files: ["jiceng/v1/task.proto"])
/// let bytes = result.descriptorSet(includeImports: true, includeSourceInfo: false)
/// ```
public struct Compiler: Sendable {
    public let sourceTree: SourceTree

    public init(importPaths: [String]) {
        var paths = importPaths
        // protoc finds google/protobuf/*.proto next to its binary (/usr/bin/../include); search
        // the same place after the given paths.
        if FileManager.default.fileExists(atPath: "/usr/include/google/protobuf/descriptor.proto") {
            paths.append("/usr/include")
        }
        self.sourceTree = SourceTree(importPaths: importPaths.isEmpty ? ["."] + paths : paths)
    }

    /// Compiles `files` (disk paths under an import path, or virtual paths) and everything they
    /// import. Throws every error found, protoc-style, when any file fails.
    public func compile(files: [String]) throws(CompileErrors) -> CompiledFiles {
        var names: [String] = []
        for file in files {
            names.append(try sourceTree.virtualName(forInput: file))
        }
        var session = CompileSession(sourceTree: sourceTree)
        for name in names {
            if session.build(name, importedFrom: nil) == nil {
                throw CompileErrors(session.errors)
            }
        }
        return CompiledFiles(requested: names, session: session)
    }

    /// Compiles sources held in memory (virtual path → contents), e.g. for tests.
    public static func compile(sources: [String: String], files: [String]) throws(CompileErrors) -> CompiledFiles {
        var session = CompileSession(sourceTree: SourceTree(importPaths: []), sources: sources)
        for name in files where session.build(name, importedFrom: nil) == nil {
            throw CompileErrors(session.errors)
        }
        return CompiledFiles(requested: files, session: session)
    }
}

/// The result of a successful compilation.
public struct CompiledFiles: @unchecked Sendable {
    /// The virtual names of the files asked for, in command-line order.
    public let requested: [String]
    /// Every file compiled (requested and imported), dependencies before dependents.
    let files: [FileNode]
    private let byName: [String: FileNode]

    fileprivate init(requested: [String], session: CompileSession) {
        self.requested = requested
        self.files = session.order
        self.byName = session.built
    }

    /// Virtual names of all compiled files, each after the files it imports.
    public var fileNamesInDependencyOrder: [String] { files.map(\.name) }

    /// One file's serialized `FileDescriptorProto`.
    public func fileDescriptorBytes(_ name: String, includeSourceInfo: Bool = false) -> [UInt8]? {
        byName[name].map { DescriptorWriter.fileDescriptor($0, includeSourceInfo: includeSourceInfo) }
    }

    /// The serialized `FileDescriptorSet` protoc's `--descriptor_set_out` writes: the requested
    /// files, or (with `includeImports`) them and their imports, each after its dependencies.
    public func descriptorSet(includeImports: Bool, includeSourceInfo: Bool) -> [UInt8] {
        var seen = Set<String>()
        var output: [FileNode] = []
        func add(_ file: FileNode) {
            guard seen.insert(file.name).inserted else { return }
            if includeImports {
                for dependency in file.dependencies {
                    if let node = byName[dependency] { add(node) }
                }
            }
            output.append(file)
        }
        for name in requested {
            if let file = byName[name] { add(file) }
        }
        return DescriptorWriter.fileDescriptorSet(output, includeSourceInfo: includeSourceInfo)
    }
}

/// Loads, parses and links files on demand, dependencies first, as protoc's descriptor pool
/// does with its source-tree database.
struct CompileSession {
    let sourceTree: SourceTree
    var sources: [String: String]?
    let table = SymbolTable()
    var built: [String: FileNode] = [:]
    var failed: Set<String> = []
    var order: [FileNode] = []
    var errors: [Diagnostic] = []
    /// Files being built, for detecting import cycles.
    private var pending: [String] = []

    init(sourceTree: SourceTree, sources: [String: String]? = nil) {
        self.sourceTree = sourceTree
        self.sources = sources
    }

    private func read(_ name: String) -> [UInt8]? {
        if let sources { return sources[name].map { Array($0.utf8) } }
        guard let path = sourceTree.diskPath(forVirtual: name),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Builds `name` (and its imports); nil if it is missing or has errors.
    mutating func build(_ name: String, importedFrom: FileNode?) -> FileNode? {
        if let file = built[name] { return file }
        if failed.contains(name) { return nil }
        guard let bytes = read(name) else {
            errors.append(Diagnostic(file: name, line: nil, column: nil, message: "File not found."))
            failed.insert(name)
            return nil
        }
        let (file, parseErrors) = Parser.parse(fileName: name, bytes: bytes)
        if !parseErrors.isEmpty {
            errors += parseErrors
            failed.insert(name)
            return nil
        }
        pending.append(name)
        defer { pending.removeLast() }

        var linkErrors: [Diagnostic] = []
        var direct: [FileNode?] = []
        var seenImports = Set<String>()
        for (i, dependency) in file.dependencies.enumerated() {
            let position = file.importPositions[i]
            if !seenImports.insert(dependency).inserted {
                linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "Import \"\(dependency)\" was listed twice."))
                direct.append(nil)
                continue
            }
            if let cycleStart = pending.firstIndex(of: dependency) {
                let chain = (pending[cycleStart...] + [dependency]).joined(separator: " -> ")
                linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "File recursively imports itself: \(chain)"))
                direct.append(nil)
                continue
            }
            let node = build(dependency, importedFrom: file)
            if node == nil {
                linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "Import \"\(dependency)\" was not found or had errors."))
            }
            direct.append(node)
        }

        var visible: [FileNode] = []
        var visibleNames = Set<String>()
        func addVisible(_ f: FileNode) {
            guard visibleNames.insert(f.name).inserted else { return }
            visible.append(f)
            for index in f.publicDependencies {
                if let dep = built[f.dependencies[Int(index)]] { addVisible(dep) }
            }
        }
        for case let dep? in direct { addVisible(dep) }

        if !linkErrors.isEmpty {
            errors += linkErrors
            failed.insert(name)
            return nil
        }
        let checkpoint = table.checkpoint()
        var linker = Linker(file: file, table: table, visibleFiles: visible)
        linker.link()
        if !linker.errors.isEmpty {
            errors += linker.errors
            table.rollback(to: checkpoint)
            failed.insert(name)
            return nil
        }
        built[name] = file
        order.append(file)
        return file
    }
}
