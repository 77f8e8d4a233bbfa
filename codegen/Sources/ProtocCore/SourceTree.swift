import Foundation

/// Maps virtual .proto paths (as written in `import` statements) to files on disk through the
/// import paths (`-I`), the way protoc's `DiskSourceTree` does.
public struct SourceTree: Sendable {
    /// The import paths in search order ("" stands for the current directory).
    public let importPaths: [String]

    public init(importPaths: [String]) {
        let cleaned = importPaths.map(Self.canonical)
        self.importPaths = cleaned.isEmpty ? [""] : cleaned
    }

    /// Removes `./` components and duplicate or trailing slashes.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    private func join(_ base: String, _ path: String) -> String {
        base.isEmpty ? path : (base == "/" ? "/" + path : base + "/" + path)
    }

    /// The disk path of a virtual file, or nil when no import path has it.
    public func diskPath(forVirtual name: String) -> String? {
        for base in importPaths {
            let candidate = join(base, name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.isEmpty ? "." : candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// The virtual name of a command-line input: a disk file under an import path, or already a
    /// virtual path. Throws protoc's message when it is neither.
    public func virtualName(forInput input: String) throws(CompileErrors) -> String {
        if !FileManager.default.fileExists(atPath: input) {
            if diskPath(forVirtual: input) != nil { return input }
            throw CompileErrors([Diagnostic(file: input, line: nil, column: nil, message: "No such file or directory")])
        }
        let path = Self.canonical(input)
        for base in importPaths {
            if base.isEmpty {
                if !path.hasPrefix("/") { return path }
            } else if path.hasPrefix(base + "/") {
                return String(path.dropFirst(base.count + 1))
            }
        }
        if diskPath(forVirtual: input) != nil { return input }
        throw CompileErrors([Diagnostic(file: input, line: nil, column: nil, message: "File does not reside within any path specified using --proto_path (or -I).  You must specify a --proto_path which encompasses this file.  Note that the proto_path must be an exact prefix of the .proto file names -- protoc is too dumb to figure out when two paths (e.g. absolute and relative) are equivalent (it's harder than you think).")])
    }
}
