/// A problem a schema check found (a lint finding or a breaking change), where it is and which
/// rule it breaks.
public struct SchemaFinding<Rule>: Hashable, Sendable, CustomStringConvertible
where Rule: RawRepresentable & Hashable & Sendable, Rule.RawValue == String {
    public var rule: Rule
    /// The file's virtual path.
    public var file: String
    /// 0-based line and column, nil when unknown (no source info, or the declaration is gone).
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(rule: Rule, file: String, line: Int?, column: Int?, message: String) {
        self.rule = rule
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: [rule-id] message`, with 1-based positions as compilers print them.
    public var description: String {
        Diagnostic(file: file, line: line, column: column, message: "[\(rule.rawValue)] \(message)").description
    }
}
