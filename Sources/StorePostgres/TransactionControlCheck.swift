import Store

/// Refuses SQL that would take the transaction, or the pooled session's settings, away from the
/// store: BEGIN, COMMIT, ROLLBACK, SAVEPOINT and the like would end or split the store's own
/// transaction behind its back, and a session-wide SET would outlive the transaction and reach the
/// next caller of the pooled connection (`SET synchronous_commit = off` would quietly make later
/// commits non-durable).
///
/// PostgreSQL has no hook for this (SQLite's authorizer plays this part there), so each statement's
/// leading words are read with a small lexer that skips comments, string literals, quoted
/// identifiers and dollar-quoted bodies. `SET LOCAL` and `SET CONSTRAINTS`, which last only as long
/// as the transaction, are allowed.
enum TransactionControlCheck {
    private static let forbidden: Set<String> = [
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "DISCARD",
    ]
    private static let transactionScopedSet: Set<String> = ["LOCAL", "CONSTRAINTS"]

    static func check(_ sql: String) throws(StoreError) {
        for words in leadingWords(of: sql) {
            guard let first = words.first else { continue }
            let second = words.count > 1 ? words[1] : ""
            let refused =
                forbidden.contains(first)
                || (first == "PREPARE" && second == "TRANSACTION")
                || ((first == "SET" || first == "RESET") && !transactionScopedSet.contains(second))
            if refused {
                throw .misuse(
                    "transaction control and session settings (BEGIN, COMMIT, SAVEPOINT, SET, …) belong to the store, not to a transaction body: \(sql)")
            }
        }
    }

    /// The first two words of each `;`-separated statement, upper-cased.
    static func leadingWords(of sql: String) -> [[String]] {
        let text = Array(sql.utf8)
        var statements: [[String]] = [[]]
        var index = 0
        func isWordByte(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "_") || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c >= 0x80
        }
        /// Skips to just past the next `terminator`; within E'…' strings a backslash escapes.
        func skipQuoted(_ terminator: UInt8, backslashEscapes: Bool) {
            index += 1
            while index < text.count {
                if backslashEscapes && text[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if text[index] == terminator {
                    index += 1
                    return
                }
                index += 1
            }
        }
        while index < text.count {
            let c = text[index]
            let next: UInt8 = index + 1 < text.count ? text[index + 1] : 0
            switch c {
            case UInt8(ascii: ";"):
                statements.append([])
                index += 1
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                while index < text.count && text[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                // Block comments nest in PostgreSQL.
                var depth = 0
                repeat {
                    if text[index] == UInt8(ascii: "/") && index + 1 < text.count && text[index + 1] == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if text[index] == UInt8(ascii: "*") && index + 1 < text.count && text[index + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                    } else {
                        index += 1
                    }
                } while depth > 0 && index < text.count
            case UInt8(ascii: "'"):
                let escaped = index > 0 && (text[index - 1] | 0x20) == UInt8(ascii: "e")
                    && (index < 2 || !isWordByte(text[index - 2]))
                skipQuoted(UInt8(ascii: "'"), backslashEscapes: escaped)
            case UInt8(ascii: "\""):
                skipQuoted(UInt8(ascii: "\""), backslashEscapes: false)
            case UInt8(ascii: "$") where !(next >= 0x30 && next <= 0x39):
                // A dollar quote `$tag$ … $tag$` (a `$1` parameter starts with a digit instead).
                var end = index + 1
                while end < text.count && isWordByte(text[end]) && text[end] != UInt8(ascii: "$") { end += 1 }
                guard end < text.count && text[end] == UInt8(ascii: "$") else {
                    index += 1
                    continue
                }
                let tag = text[index...end]
                index = end + 1
                while index < text.count && !text[index...].starts(with: tag) { index += 1 }
                index = min(text.count, index + tag.count)
            default:
                if isWordByte(c) {
                    let start = index
                    while index < text.count && isWordByte(text[index]) { index += 1 }
                    if statements[statements.count - 1].count < 2 {
                        statements[statements.count - 1].append(String(decoding: text[start..<index], as: UTF8.self).uppercased())
                    }
                } else {
                    index += 1
                }
            }
        }
        return statements.filter { !$0.isEmpty }
    }
}
