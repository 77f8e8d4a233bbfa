/// Splits a .proto file into tokens and collects the comments around them.
///
/// Positions, error messages and comment attachment follow protoc's tokenizer exactly, because
/// they end up in `SourceCodeInfo` and in error messages that must match protoc byte for byte:
/// columns count bytes, a tab advances to the next multiple of 8, and comments are only gathered
/// by `nextWithComments()` (the parser calls it after the token that ends a declaration).
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 0
    private var column = 0
    /// Where the token being read started (index into `bytes`).
    private var tokenStart = 0

    private(set) var current = Token.start
    private(set) var previous = Token.start
    /// Errors found while tokenizing and not yet taken, with 0-based positions.
    private(set) var errors: [(line: Int, column: Int, message: String)] = []

    /// Hands over the errors found so far (so they interleave with the parser's in time order,
    /// as protoc reports them).
    mutating func takeErrors() -> [(line: Int, column: Int, message: String)] {
        defer { errors.removeAll() }
        return errors
    }

    private let compatibility: ProtocCompatibility

    init(bytes: [UInt8], compatibility: ProtocCompatibility = .protoc321) {
        self.bytes = bytes
        self.compatibility = compatibility
    }

    // MARK: Characters

    private var char: UInt8 { index < bytes.count ? bytes[index] : 0 }
    private var atEOF: Bool { index >= bytes.count }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let c = bytes[index]
        if c == UInt8(ascii: "\n") {
            line += 1
            column = 0
        } else if c == UInt8(ascii: "\t") {
            column += 8 - column % 8
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func tryConsume(_ c: UInt8) -> Bool {
        if !atEOF && char == c {
            advance()
            return true
        }
        return false
    }

    private mutating func tryConsume(_ c: Character) -> Bool { tryConsume(c.asciiValue!) }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }
    static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }
    private static func isAlphanumeric(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }
    private static func isWhitespaceNoNewline(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C
    }
    private static func isUnprintable(_ c: UInt8) -> Bool { c < 0x20 && c > 0 }

    private mutating func consumeWhile(_ predicate: (UInt8) -> Bool) {
        while !atEOF && predicate(char) { advance() }
    }

    private mutating func tryConsumeOne(_ predicate: (UInt8) -> Bool) -> Bool {
        if !atEOF && predicate(char) {
            advance()
            return true
        }
        return false
    }

    private mutating func addError(_ message: String) {
        errors.append((line, column, message))
    }

    // MARK: Tokens

    private mutating func startToken(_ kind: Token.Kind) {
        tokenStart = index
        current = Token(kind: kind, text: "", line: line, column: column, endColumn: column)
    }

    private mutating func endToken() {
        current.text = String(decoding: bytes[tokenStart..<index], as: UTF8.self)
        current.endColumn = column
    }

    /// Advances to the next token, skipping comments. Returns false at the end of input.
    @discardableResult
    mutating func next() -> Bool {
        previous = current
        while !atEOF {
            consumeWhile { Self.isWhitespaceNoNewline($0) || $0 == 0x0A }
            switch tryConsumeCommentStart() {
            case .line:
                consumeLineComment()
                continue
            case .block:
                consumeBlockComment()
                continue
            case .slash:
                return true
            case .none:
                break
            }
            if atEOF { break }
            if Self.isUnprintable(char) || char == 0 {
                addError("Invalid control characters encountered in text.")
                advance()
                while !atEOF && (Self.isUnprintable(char) || char == 0) { advance() }
                continue
            }
            readToken()
            return true
        }
        current = Token(kind: .end, text: "", line: line, column: column, endColumn: column)
        return false
    }

    private mutating func readToken() {
        startToken(.symbol)
        let c = char
        if Self.isLetter(c) {
            advance()
            consumeWhile(Self.isAlphanumeric)
            current.kind = .identifier
        } else if c == UInt8(ascii: "0") {
            advance()
            current.kind = consumeNumber(startedWithZero: true, startedWithDot: false)
        } else if c == UInt8(ascii: ".") {
            advance()
            if tryConsumeOne(Self.isDigit) {
                if previous.kind == .identifier && current.line == previous.line
                    && current.column == previous.endColumn {
                    errors.append((line, column - 2, "Need space between identifier and decimal point."))
                }
                current.kind = consumeNumber(startedWithZero: false, startedWithDot: true)
            } else {
                current.kind = .symbol
            }
        } else if Self.isDigit(c) {
            advance()
            current.kind = consumeNumber(startedWithZero: false, startedWithDot: false)
        } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            advance()
            consumeString(delimiter: c)
            current.kind = .string
        } else {
            if c & 0x80 != 0 {
                addError("Interpreting non ascii codepoint \(c).")
            }
            advance()
            current.kind = .symbol
        }
        endToken()
    }

    private mutating func consumeNumber(startedWithZero: Bool, startedWithDot: Bool) -> Token.Kind {
        var isFloat = false
        if startedWithZero && (tryConsume("x") || tryConsume("X")) {
            if !tryConsumeOne(Self.isHexDigit) {
                addError("\"0x\" must be followed by hex digits.")
            }
            consumeWhile(Self.isHexDigit)
        } else if startedWithZero && !atEOF && Self.isDigit(char) {
            consumeWhile(Self.isOctal)
            if !atEOF && Self.isDigit(char) {
                addError("Numbers starting with leading zero must be in octal.")
                consumeWhile(Self.isDigit)
            }
        } else {
            if startedWithDot {
                isFloat = true
                consumeWhile(Self.isDigit)
            } else {
                consumeWhile(Self.isDigit)
                if tryConsume(".") {
                    isFloat = true
                    consumeWhile(Self.isDigit)
                }
            }
            if tryConsume("e") || tryConsume("E") {
                isFloat = true
                _ = tryConsume("-") || tryConsume("+")
                if !tryConsumeOne(Self.isDigit) {
                    addError("\"e\" must be followed by exponent.")
                }
                consumeWhile(Self.isDigit)
            }
        }
        if !atEOF && Self.isLetter(char) {
            addError("Need space between number and identifier.")
        } else if !atEOF && char == UInt8(ascii: ".") {
            if isFloat {
                addError("Already saw decimal point or exponent; can't have another one.")
            } else {
                addError("Hex and octal numbers must be integers.")
            }
        }
        return isFloat ? .float : .integer
    }

    private mutating func consumeString(delimiter: UInt8) {
        while true {
            if atEOF {
                addError("Unexpected end of string.")
                return
            }
            let c = char
            if c == 0x0A {
                addError("String literals cannot cross line boundaries.")
                return
            } else if c == UInt8(ascii: "\\") {
                advance()
                let escapes: [UInt8] = Array("abfnrtv\\?'\"".utf8)
                if !atEOF && escapes.contains(char) {
                    advance()
                } else if tryConsumeOne(Self.isOctal) {
                } else if tryConsume("x") {
                    if !tryConsumeOne(Self.isHexDigit) {
                        addError("Expected hex digits for escape sequence.")
                    }
                } else if tryConsume("u") {
                    if !(tryConsumeOne(Self.isHexDigit) && tryConsumeOne(Self.isHexDigit)
                        && tryConsumeOne(Self.isHexDigit) && tryConsumeOne(Self.isHexDigit)) {
                        addError("Expected four hex digits for \\u escape sequence.")
                    }
                } else if tryConsume("U") {
                    if !(tryConsume("0") && tryConsume("0") && (tryConsume("0") || tryConsume("1"))
                        && tryConsumeOne(Self.isHexDigit) && tryConsumeOne(Self.isHexDigit)
                        && tryConsumeOne(Self.isHexDigit) && tryConsumeOne(Self.isHexDigit)
                        && tryConsumeOne(Self.isHexDigit)) {
                        addError("Expected eight hex digits up to 10ffff for \\U escape sequence")
                    }
                } else {
                    addError("Invalid escape sequence in string literal.")
                }
            } else if c == delimiter {
                advance()
                return
            } else {
                advance()
            }
        }
    }

    // MARK: Comments

    private enum CommentStart { case line, block, slash, none }

    private mutating func tryConsumeCommentStart() -> CommentStart {
        guard !atEOF, char == UInt8(ascii: "/") else { return .none }
        let slashLine = line, slashColumn = column
        advance()
        if tryConsume("/") { return .line }
        if tryConsume("*") { return .block }
        current = Token(kind: .symbol, text: "/", line: slashLine, column: slashColumn, endColumn: slashColumn + 1)
        return .slash
    }

    /// Consumes a `//` comment (after the slashes) through its newline; returns its text.
    @discardableResult
    private mutating func consumeLineComment() -> ArraySlice<UInt8> {
        let start = index
        while !atEOF && char != 0x0A { advance() }
        _ = tryConsume(0x0A)
        return bytes[start..<index]
    }

    /// Consumes a block comment (after `/*`); returns its text without the leading whitespace and
    /// `*` of continuation lines and without the closing `*/`.
    @discardableResult
    private mutating func consumeBlockComment() -> [UInt8] {
        var content: [UInt8] = []
        let startLine = line, startColumn = column - 2
        var recordFrom: Int? = index
        while true {
            while !atEOF && char != UInt8(ascii: "*") && char != UInt8(ascii: "/") && char != 0x0A {
                advance()
            }
            if tryConsume(0x0A) {
                if let from = recordFrom { content.append(contentsOf: bytes[from..<index]) }
                recordFrom = nil
                consumeWhile(Self.isWhitespaceNoNewline)
                if tryConsume("*") {
                    if tryConsume("/") { break }
                }
                recordFrom = index
            } else if tryConsume("*") && tryConsume("/") {
                if let from = recordFrom { content.append(contentsOf: bytes[from..<(index - 2)]) }
                break
            } else if tryConsume("/") && !atEOF && char == UInt8(ascii: "*") {
                addError("\"/*\" inside block comment.  Block comments cannot be nested.")
            } else if atEOF {
                addError("End-of-file inside block comment.")
                errors.append((startLine, startColumn, "  Comment started here."))
                if let from = recordFrom { content.append(contentsOf: bytes[from..<index]) }
                break
            }
        }
        return content
    }
}

/// The comments found between two tokens, sorted the way protoc sorts them.
struct CollectedComments {
    /// Comment trailing the previous token (same line, or the block right after it).
    var trailing: String?
    /// Comment blocks separated from both neighbours by blank lines.
    var detached: [String] = []
    /// Comment directly before the next token.
    var leading: String?
}

extension Lexer {
    /// Gathers comments in the role protoc's `CommentCollector` gives them.
    private struct CommentCollector {
        var buffer: [UInt8] = []
        var hasComment = false
        var isLineComment = false
        var canAttachToPrevious = true
        var hasTrailingComment = false
        var commentCount = 0
        var result = CollectedComments()

        mutating func startLineComment() {
            if hasComment && !isLineComment { flush() }
            hasComment = true
            isLineComment = true
        }

        mutating func startBlockComment() {
            if hasComment { flush() }
            hasComment = true
            isLineComment = false
        }

        mutating func clearBuffer() {
            buffer.removeAll()
            hasComment = false
        }

        mutating func flush() {
            guard hasComment else { return }
            let text = String(decoding: buffer, as: UTF8.self)
            if canAttachToPrevious {
                result.trailing = (result.trailing ?? "") + text
                hasTrailingComment = true
                canAttachToPrevious = false
            } else {
                result.detached.append(text)
            }
            clearBuffer()
            commentCount += 1
        }

        mutating func detachFromPrevious() { canAttachToPrevious = false }

        mutating func maybeDetachComment() {
            var count = commentCount
            if hasComment { count += 1 }
            if count == 1 {
                if hasTrailingComment, let trailing = result.trailing {
                    result.detached.insert(trailing, at: 0)
                    result.trailing = nil
                }
                canAttachToPrevious = false
                flush()
            }
        }

        mutating func finish() -> CollectedComments {
            if hasComment {
                result.leading = String(decoding: buffer, as: UTF8.self)
            }
            return result
        }
    }

    /// Advances to the next token like `next()`, returning the comments between the previous
    /// token and the new one.
    mutating func nextWithComments() -> CollectedComments {
        var collector = CommentCollector()
        let previousLine = line
        var trailingCommentEndLine = -1

        if current.kind == .start {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                advance(); advance(); advance()
            } else if char == 0xEF {
                addError("Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file.")
                return collector.finish()
            }
            collector.detachFromPrevious()
        } else {
            consumeWhile(Self.isWhitespaceNoNewline)
            switch tryConsumeCommentStart() {
            case .line:
                trailingCommentEndLine = line
                collector.startLineComment()
                collector.buffer.append(contentsOf: consumeLineComment())
                collector.flush()
            case .block:
                collector.startBlockComment()
                collector.buffer.append(contentsOf: consumeBlockComment())
                trailingCommentEndLine = line
                consumeWhile(Self.isWhitespaceNoNewline)
                if compatibility == .grpcioTools && !tryConsume(0x0A) {
                    // Newer protoc reads on with the block still pending: a comment after it makes
                    // it trailing, a token on the same line makes it detached.
                } else if compatibility == .protoc321 && !tryConsume(0x0A) {
                    collector.clearBuffer()
                    next()
                    return collector.finish()
                } else {
                    collector.flush()
                }
            case .slash:
                return collector.finish()
            case .none:
                if !tryConsume(0x0A) {
                    next()
                    return collector.finish()
                }
            }
        }

        while true {
            consumeWhile(Self.isWhitespaceNoNewline)
            switch tryConsumeCommentStart() {
            case .line:
                collector.startLineComment()
                collector.buffer.append(contentsOf: consumeLineComment())
            case .block:
                collector.startBlockComment()
                collector.buffer.append(contentsOf: consumeBlockComment())
                consumeWhile(Self.isWhitespaceNoNewline)
                _ = tryConsume(0x0A)
            case .slash:
                return collector.finish()
            case .none:
                if tryConsume(0x0A) {
                    collector.flush()
                    collector.detachFromPrevious()
                } else {
                    let result = next()
                    if !result || current.text == "}" || current.text == "]" || current.text == ")" {
                        collector.flush()
                    }
                    if result && (previousLine == line || trailingCommentEndLine == line) {
                        collector.maybeDetachComment()
                    }
                    return collector.finish()
                }
            }
        }
    }
}
