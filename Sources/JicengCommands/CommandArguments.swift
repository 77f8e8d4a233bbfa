/// The arguments of one subcommand: `--name value` options, bare `--flag`s and positionals, in
/// any order. Each is taken once; whatever nobody took is reported by `finish()`. An option given
/// more than once keeps every value (see `values(_:)`); `option(_:)` takes the last.
public struct CommandArguments: Sendable {
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var positionals: [String] = []

    /// Splits `arguments`; every name in `flagNames` stands alone, every other `--name` takes the
    /// next argument as its value (or `--name=value`). `aliases` maps short spellings to long
    /// ones (`-H` → `--header`).
    public init(_ arguments: some Sequence<String>, flagNames: Set<String> = [], aliases: [String: String] = [:]) throws(CommandFailure) {
        var iterator = arguments.makeIterator()
        while var argument = iterator.next() {
            if let long = aliases[argument] { argument = long }
            guard argument.hasPrefix("--") else {
                positionals.append(argument)
                continue
            }
            if let equals = argument.firstIndex(of: "=") {
                options[String(argument[..<equals]), default: []].append(String(argument[argument.index(after: equals)...]))
            } else if flagNames.contains(argument) {
                flags.insert(argument)
            } else {
                guard let value = iterator.next() else { throw .usage("\(argument) 需要一个值 (needs a value)") }
                options[argument, default: []].append(value)
            }
        }
    }

    /// The value of `--name`, if given (the last one when given more than once).
    public mutating func option(_ name: String) -> String? {
        options.removeValue(forKey: name)?.last
    }

    /// Every value of a repeatable `--name`, in order.
    public mutating func values(_ name: String) -> [String] {
        options.removeValue(forKey: name) ?? []
    }

    /// The value of `--name`, which must be given.
    public mutating func required(_ name: String, _ what: String) throws(CommandFailure) -> String {
        guard let value = option(name), !value.isEmpty else { throw .usage("缺少 \(name) \(what) (missing \(name))") }
        return value
    }

    /// True when `--flag` was given.
    public mutating func flag(_ name: String) -> Bool {
        flags.remove(name) != nil
    }

    /// The next positional argument, if any.
    public mutating func positional() -> String? {
        positionals.isEmpty ? nil : positionals.removeFirst()
    }

    /// Refuses anything left over: a misspelt option must not be silently ignored.
    public func finish() throws(CommandFailure) {
        let unknown = options.keys.sorted() + flags.sorted() + positionals
        guard unknown.isEmpty else { throw .usage("未知参数 (unknown arguments): \(unknown.joined(separator: " "))") }
    }
}
