/// Accumulates Swift source text line by line, keeping track of indentation so that generators
/// can emit nested declarations without counting spaces.
struct SourceWriter {
    private(set) var text = ""
    private var indentation = ""

    /// Appends one line at the current indentation (an empty string appends a blank line).
    mutating func line(_ s: String = "") {
        if s.isEmpty {
            text += "\n"
        } else {
            text += indentation + s + "\n"
        }
    }

    /// Appends each line of `lines` (split on newlines) at the current indentation.
    mutating func lines(_ lines: String) {
        for l in lines.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l)) }
    }

    mutating func indent() { indentation += "    " }
    mutating func outdent() { indentation.removeLast(4) }

    /// Emits `header {`, the body one level deeper, then `}`.
    mutating func block<E: Error>(_ header: String, _ body: (inout SourceWriter) throws(E) -> Void) throws(E) {
        line(header + " {")
        indent()
        try body(&self)
        outdent()
        line("}")
    }

    /// Emits `opening` (a line ending in `{ … in`), the closure body one level deeper, then `}`.
    mutating func closureBlock(_ opening: String, _ body: (inout SourceWriter) -> Void) {
        line(opening)
        indent()
        body(&self)
        outdent()
        line("}")
    }

    /// Emits `switch subject {`, the body at the same level (Swift style: `case` lines align with
    /// `switch`), then `}`.
    mutating func switchBlock(_ subject: String, _ body: (inout SourceWriter) -> Void) {
        line("switch \(subject) {")
        body(&self)
        line("}")
    }
}
