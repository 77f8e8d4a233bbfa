/// One token of a .proto file, positioned the way protoc's tokenizer positions it.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case start, end, identifier, integer, float, string, symbol
    }

    var kind: Kind
    /// The exact source text (strings keep their quotes and escapes).
    var text: String
    /// 0-based line.
    var line: Int
    /// 0-based column of the first byte.
    var column: Int
    /// 0-based column just past the last byte.
    var endColumn: Int

    static let start = Token(kind: .start, text: "", line: 0, column: 0, endColumn: 0)

    var position: SourcePosition { SourcePosition(line: line, column: column) }
}
