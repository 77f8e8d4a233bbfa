/// A command that cannot go on: its message (Chinese, with English in brackets where it helps) is
/// printed to stderr and the process exits with `exitCode`.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// 64 (EX_USAGE) for a mistake on the command line, 1 for anything else.
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A mistake on the command line.
    public static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message, exitCode: 64)
    }

    public var description: String { message }
}
