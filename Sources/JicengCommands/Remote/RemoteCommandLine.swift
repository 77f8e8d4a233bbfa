import RPC

/// The command line of `call`, `list` or `describe`, split: an optional `--help`, one positional
/// (the method, service or symbol), the shared `RemoteServerOptions`, and whatever `extra` takes.
struct RemoteCommandLine {
    let positional: String?
    let remote: RemoteServerOptions

    /// Nil when `--help` was asked for (the usage is then printed).
    static func parse(
        _ arguments: ArraySlice<String>, usage: String,
        extra: (inout CommandArguments) throws(CommandFailure) -> Void = { _ in }
    ) throws(CommandFailure) -> RemoteCommandLine? {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return nil
        }
        var options = try CommandArguments(arguments, flagNames: RemoteServerOptions.flagNames, aliases: RemoteServerOptions.aliases)
        let positional = options.positional()
        let remote = try RemoteServerOptions(&options)
        try extra(&options)
        try options.finish()
        return RemoteCommandLine(positional: positional, remote: remote)
    }

    /// A reflection client for the server, carrying the call metadata and timeout.
    func reflection() throws(CommandFailure) -> ReflectionClient {
        ReflectionClient(rpc: RPCClient(transport: try remote.makeTransport()), metadata: remote.metadata, options: remote.callOptions)
    }
}
