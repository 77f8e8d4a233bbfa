/// One error found while compiling, reported the way protoc reports it:
/// `path/file.proto:LINE:COL: message` (1-based line and column), or `path/file.proto: message`
/// when the problem has no position.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's virtual path (relative to its import path), as protoc prints it.
    public var file: String
    /// 0-based line, or nil when the error has no position.
    public var line: Int?
    /// 0-based column (bytes, tabs advancing to the next multiple of 8, as protoc counts).
    public var column: Int?
    public var message: String
    /// Warnings (e.g. an unused import) are reported but do not fail the compilation.
    public var isWarning: Bool

    public init(file: String, line: Int?, column: Int?, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String {
        let text = isWarning ? "warning: " + message : message
        if let line, let column {
            return "\(file):\(line + 1):\(column + 1): \(text)"
        }
        return "\(file): \(text)"
    }
}

/// All the errors of a failed compilation, in the order protoc would report them.
public struct CompileErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// A 0-based position in a source file.
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}
