/// Every named thing of the files compiled so far, by fully qualified name (no leading dot),
/// with protoc's lookup rules on top.
final class SymbolTable {
    enum Kind {
        case package
        case message(MessageNode)
        case `enum`(EnumNode)
        case enumValue(EnumValueNode, EnumNode)
        case field(FieldNode)
        case oneof(OneofNode)
        case service(ServiceNode)
        case method(MethodNode)

        /// Messages, enums, packages and services can contain other names.
        var isAggregate: Bool {
            switch self {
            case .package, .message, .enum, .service: true
            default: false
            }
        }

        var isType: Bool {
            switch self {
            case .message, .enum: true
            default: false
            }
        }
    }

    struct Symbol {
        var kind: Kind
        var file: FileNode
    }

    private var symbols: [String: Symbol] = [:]
    /// Extensions by extendee full name and number.
    private(set) var extensions: [String: [Int32: FieldNode]] = [:]
    private var extensionFiles: [ObjectIdentifier: FileNode] = [:]

    subscript(name: String) -> Symbol? { symbols[name] }

    /// Adds a symbol; returns the existing one instead when the name is taken.
    func add(_ name: String, _ symbol: Symbol) -> Symbol? {
        if let existing = symbols[name] { return existing }
        symbols[name] = symbol
        return nil
    }

    func addExtension(_ field: FieldNode, extendee: String, file: FileNode) -> FieldNode? {
        if let existing = extensions[extendee]?[field.number] { return existing }
        extensions[extendee, default: [:]][field.number] = field
        extensionFiles[ObjectIdentifier(field)] = file
        return nil
    }

    func file(ofExtension field: FieldNode) -> FileNode? { extensionFiles[ObjectIdentifier(field)] }

    /// A checkpoint to roll back to when a file fails to build (protoc drops its symbols).
    struct Checkpoint {
        fileprivate var symbols: [String: Symbol]
        fileprivate var extensions: [String: [Int32: FieldNode]]
    }

    func checkpoint() -> Checkpoint { Checkpoint(symbols: symbols, extensions: extensions) }

    func rollback(to checkpoint: Checkpoint) {
        symbols = checkpoint.symbols
        extensions = checkpoint.extensions
    }
}

/// The imported files a file actually took names from (for protoc's unused-import warning).
final class DependencyUsage {
    var used = Set<ObjectIdentifier>()
}

/// Resolves names as seen from one file: only that file and what it imports (directly, or
/// publicly through an import) are visible, as protoc enforces.
struct NameResolver {
    let table: SymbolTable
    let file: FileNode
    let usage = DependencyUsage()
    /// The files this one may use: itself, its imports, and their public imports (recursively).
    let visibleFiles: Set<ObjectIdentifier>
    let visiblePackages: [String]

    /// What a failed lookup learned, for protoc's more helpful error messages.
    struct Failure {
        var undeclaredDependency: (file: String, name: String)?
        var resolvedButUndefined: String?
    }

    private(set) var failure = Failure()

    init(table: SymbolTable, file: FileNode, visibleFiles: [FileNode]) {
        self.table = table
        self.file = file
        self.visibleFiles = Set(visibleFiles.map(ObjectIdentifier.init) + [ObjectIdentifier(file)])
        self.visiblePackages = ([file] + visibleFiles).map { $0.package ?? "" }
    }

    private func isInPackage(_ package: String, _ name: String) -> Bool {
        package == name || package.hasPrefix(name + ".")
    }

    /// Finds a symbol by full name without checking that its file is imported.
    func findAnywhere(_ name: String) -> SymbolTable.Symbol? { table[name] }

    /// Finds a symbol by full name among the visible files.
    mutating func find(_ name: String) -> SymbolTable.Symbol? {
        guard let symbol = table[name] else { return nil }
        if visibleFiles.contains(ObjectIdentifier(symbol.file)) {
            usage.used.insert(ObjectIdentifier(symbol.file))
            return symbol
        }
        if case .package = symbol.kind, visiblePackages.contains(where: { isInPackage($0, name) }) {
            return symbol
        }
        failure.undeclaredDependency = (symbol.file.name, name)
        return nil
    }

    /// protoc's scoped lookup: `name` relative to `scope` (a full name whose last component
    /// is dropped first), innermost scope first; a leading dot means fully qualified.
    mutating func lookup(_ name: String, relativeTo scope: String, typesOnly: Bool = false) -> SymbolTable.Symbol? {
        failure = Failure()
        if name.hasPrefix(".") {
            return find(String(name.dropFirst()))
        }
        let firstPart = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        var scopeToTry = scope
        while true {
            guard let dot = scopeToTry.lastIndex(of: ".") else {
                return find(name)
            }
            scopeToTry = String(scopeToTry[..<dot])
            let candidate = scopeToTry + "." + firstPart
            if let result = find(candidate) {
                if firstPart.count < name.count {
                    if result.kind.isAggregate {
                        let full = scopeToTry + "." + name
                        let found = find(full)
                        if found == nil { failure.resolvedButUndefined = full }
                        return found
                    }
                } else if !typesOnly || result.kind.isType {
                    return result
                }
            }
        }
    }

    /// The error protoc gives for a name that did not resolve.
    func notDefinedMessages(_ name: String) -> [String] {
        if failure.undeclaredDependency == nil && failure.resolvedButUndefined == nil {
            return ["\"\(name)\" is not defined."]
        }
        var messages: [String] = []
        if let (file, symbol) = failure.undeclaredDependency {
            messages.append("\"\(symbol)\" seems to be defined in \"\(file)\", which is not imported by \"\(self.file.name)\".  To use it here, please add the necessary import.")
        }
        if let resolved = failure.resolvedButUndefined {
            messages.append("\"\(name)\" is resolved to \"\(resolved)\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \".\(name)\") to start from the outermost scope.")
        }
        return messages
    }
}
