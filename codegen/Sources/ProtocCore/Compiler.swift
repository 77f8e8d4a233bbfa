import Foundation

/// Compiles .proto files to descriptors: the front end of `jiceng-protoc`.
///
/// ```swift
/// let result = try Compiler(importPaths: ["proto"]).compile(files: ["jiceng/v1/task.proto"])
/// let bytes = result.descriptorSet(includeImports: true, includeSourceInfo: false)
/// ```
public struct Compiler: Sendable {
    public let sourceTree: SourceTree
    public let compatibility: ProtocCompatibility

    public init(importPaths: [String], compatibility: ProtocCompatibility = .protoc321) {
        self.compatibility = compatibility
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
        var session = CompileSession(sourceTree: sourceTree, compatibility: compatibility)
        session.warnUnusedImports = Set(names)
        for name in names {
            if session.build(name, importedFrom: nil) == nil {
                throw CompileErrors(session.errors)
            }
        }
        return CompiledFiles(requested: names, session: session)
    }

    /// Compiles sources held in memory (virtual path → contents), e.g. for tests.
    public static func compile(sources: [String: String], files: [String],
                               compatibility: ProtocCompatibility = .protoc321) throws(CompileErrors) -> CompiledFiles {
        var session = CompileSession(sourceTree: SourceTree(importPaths: []), compatibility: compatibility, sources: sources)
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
    /// protoc's warnings (unused imports of the requested files), in the order protoc prints them.
    public let warnings: [Diagnostic]
    private let byName: [String: FileNode]

    fileprivate init(requested: [String], session: CompileSession) {
        self.requested = requested
        self.files = session.order
        self.warnings = session.warnings
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
    let compatibility: ProtocCompatibility
    var sources: [String: String]?
    let table = SymbolTable()
    var built: [String: FileNode] = [:]
    var failed: Set<String> = []
    var order: [FileNode] = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    /// Files whose unused imports get a warning (protoc tracks the command-line inputs).
    var warnUnusedImports = Set<String>()
    /// Files being built, for detecting import cycles.
    private var pending: [String] = []
    private var pendingNodes: [FileNode] = []
    /// Files found importing themselves: they fail without further errors of their own.
    private var cycleStarters = Set<String>()

    init(sourceTree: SourceTree, compatibility: ProtocCompatibility, sources: [String: String]? = nil) {
        self.sourceTree = sourceTree
        self.compatibility = compatibility
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
        // protoc's rule: the name must already be canonical (no empty or "." segments, no
        // trailing slash) and must not climb with "..".
        let components = name.split(separator: "/", omittingEmptySubsequences: true)
        let canonical = (name.hasPrefix("/") ? "/" : "") + components.filter { $0 != "." }.joined(separator: "/")
            + (name.hasSuffix("/") && name.count > 1 ? "/" : "")
        if name != canonical || components.contains("..") {
            errors.append(Diagnostic(file: name, line: nil, column: nil, message: "Backslashes, consecutive slashes, \".\", or \"..\" are not allowed in the virtual path"))
            failed.insert(name)
            return nil
        }
        guard let bytes = read(name) else {
            errors.append(Diagnostic(file: name, line: nil, column: nil, message: "File not found."))
            failed.insert(name)
            return nil
        }
        let (file, parseErrors) = Parser.parse(fileName: name, bytes: bytes, compatibility: compatibility)
        if !parseErrors.isEmpty {
            errors += parseErrors
            failed.insert(name)
            return nil
        }
        pending.append(name)
        pendingNodes.append(file)
        defer {
            pending.removeLast()
            pendingNodes.removeLast()
        }

        var linkErrors: [Diagnostic] = []
        var direct: [FileNode?] = []
        var seenImports = Set<String>()
        for dependency in file.dependencies {
            let position = file.importPosition(of: dependency)
            if !seenImports.insert(dependency).inserted {
                // Reported, and then looked up again like any import (as protoc does).
                linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "Import \"\(dependency)\" was listed twice."))
            }
            if let cycleStart = pending.firstIndex(of: dependency) {
                // protoc reports a cycle in the file that starts it, at its import of the next file
                // in the chain; the files in between then see a failed import.
                let chain = (pending[cycleStart...] + [dependency]).joined(separator: " -> ")
                let starter = pendingNodes[cycleStart]
                let next = cycleStart + 1 < pending.count ? pending[cycleStart + 1] : dependency
                let at = starter.importPosition(of: next)
                errors.append(Diagnostic(file: starter.name, line: at.line, column: at.column, message: "File recursively imports itself: \(chain)"))
                if dependency == name {
                    // A file importing itself fails with just that error.
                    cycleStarters.insert(name)
                } else {
                    linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "Import \"\(dependency)\" was not found or had errors."))
                }
                direct.append(nil)
                continue
            }
            let node = build(dependency, importedFrom: file)
            if node == nil {
                linkErrors.append(Diagnostic(file: name, line: position.line, column: position.column, message: "Import \"\(dependency)\" was not found or had errors."))
            }
            direct.append(node)
        }

        if cycleStarters.contains(name) {
            errors += linkErrors
            failed.insert(name)
            return nil
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

        // Like protoc, link even when an import failed: the missing file's names are simply
        // not there, and every error found is reported.
        let checkpoint = table.checkpoint()
        var linker = Linker(file: file, table: table, visibleFiles: visible, compatibility: compatibility)
        linker.link(afterErrors: !linkErrors.isEmpty)
        if !linkErrors.isEmpty || linker.hasErrors {
            errors += linkErrors + linker.errors
            table.rollback(to: checkpoint)
            failed.insert(name)
            return nil
        }
        warnings += linker.errors
        if warnUnusedImports.contains(name) {
            // Imports that re-export others publicly are never reported, as in protoc.
            for (i, dependency) in file.dependencies.enumerated() where !file.publicDependencies.contains(Int32(i)) {
                guard let node = direct[i], node.publicDependencies.isEmpty,
                      !linker.usage.used.contains(ObjectIdentifier(node)) else { continue }
                let position = file.importPosition(of: dependency)
                warnings.append(Diagnostic(file: name, line: position.line, column: position.column,
                                           message: "Import \(dependency) is unused.", isWarning: true))
            }
        }
        built[name] = file
        order.append(file)
        return file
    }
}
