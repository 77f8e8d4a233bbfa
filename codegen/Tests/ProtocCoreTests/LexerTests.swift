@testable import ProtocCore
import Testing

@Suite struct LexerTests {
    private func tokens(_ text: String) -> [Token] {
        var lexer = Lexer(bytes: Array(text.utf8))
        var result: [Token] = []
        while lexer.next() { result.append(lexer.current) }
        return result
    }

    @Test func kindsAndPositions() {
        let t = tokens("message Foo {\n\tint32 x = 0x1F; // c\n  float f = 1.5e3 ; 'str' \"s\\\"q\"\n}")
        #expect(t.map(\.text) == ["message", "Foo", "{", "int32", "x", "=", "0x1F", ";", "float", "f", "=", "1.5e3", ";", "'str'", "\"s\\\"q\"", "}"])
        #expect(t.map(\.kind) == [.identifier, .identifier, .symbol, .identifier, .identifier, .symbol, .integer, .symbol,
                                  .identifier, .identifier, .symbol, .float, .symbol, .string, .string, .symbol])
        // A tab advances to the next multiple of 8.
        #expect((t[3].line, t[3].column, t[3].endColumn) == (1, 8, 13))
        #expect((t[11].line, t[11].column) == (2, 12))
    }

    @Test func columnsCountBytes() {
        let t = tokens("// 中文\n\"中\" x")
        #expect(t[0].endColumn == 5)  // quote + 3 bytes + quote
        #expect(t[1].column == 6)
    }

    @Test func errorsLikeProtoc() {
        var lexer = Lexer(bytes: Array("a = 0x; b = 1e; c = 08; \"open\n".utf8))
        while lexer.next() {}
        #expect(lexer.errors.map(\.message) == [
            "\"0x\" must be followed by hex digits.",
            "\"e\" must be followed by exponent.",
            "Numbers starting with leading zero must be in octal.",
            "String literals cannot cross line boundaries.",
        ])
        #expect(lexer.errors.map(\.column) == [6, 14, 21, 29])
    }

    @Test func commentsAroundDeclarations() {
        var lexer = Lexer(bytes: Array("a; // trailing\n// detached\n\n// leading\nb".utf8))
        _ = lexer.nextWithComments()
        #expect(lexer.current.text == "a")
        lexer.next()
        #expect(lexer.current.text == ";")
        let comments = lexer.nextWithComments()
        #expect(lexer.current.text == "b")
        #expect(comments.trailing == " trailing\n")
        #expect(comments.detached == [" detached\n"])
        #expect(comments.leading == " leading\n")
    }

    @Test func blockCommentsStripStars() {
        var lexer = Lexer(bytes: Array("x;\n/* one\n * two\n */\ny".utf8))
        _ = lexer.nextWithComments()
        lexer.next()
        let comments = lexer.nextWithComments()
        #expect(comments.leading == " one\n two\n")
    }

    @Test func stringEscapes() {
        var out: [UInt8] = []
        TextLiterals.appendString(token: "\"a\\n\\x41\\101\\u00e9\\'\"", to: &out)
        #expect(out == Array("a\nAA\u{e9}'".utf8))
        #expect(TextLiterals.cEscape([0, 1, 0xFF, 0x22, 0x41, 0x0A]) == "\\000\\001\\377\\\"A\\n")
    }

    @Test func numbersFormattedLikeProtoc() {
        #expect(TextLiterals.formatDouble(0.1) == "0.1")
        #expect(TextLiterals.formatDouble(1e10) == "10000000000")
        #expect(TextLiterals.formatDouble(-.infinity) == "-inf")
        #expect(TextLiterals.formatFloat(Float(0.1)) == "0.1")
        #expect(TextLiterals.formatFloat(Float(1.1)) == "1.1")
        #expect(TextLiterals.parseInteger("0x7fffffff", maxValue: UInt64(Int32.max)) == 0x7FFF_FFFF)
        #expect(TextLiterals.parseInteger("2147483648", maxValue: UInt64(Int32.max)) == nil)
        #expect(TextLiterals.parseInteger("017", maxValue: 100) == 15)
    }
}
