import Foundation
import ProtoRuntime
import RPC

/// `jiceng describe SYMBOL`: a message, enum, service or method as `.proto` source, learnt
/// through server reflection.
public enum DescribeCommand {
    public static func run(_ arguments: ArraySlice<String>) async throws {
        guard let commandLine = try RemoteCommandLine.parse(arguments, usage: CallCommand.usage) else { return }
        guard let given = commandLine.positional else { throw CommandFailure.usage(CallCommand.usage) }
        // `Service/Method` as `call` takes it is accepted too.
        let symbol = given.hasPrefix("/") ? String(given.dropFirst()).replacingOccurrences(of: "/", with: ".") : given.replacingOccurrences(of: "/", with: ".")
        try await RemoteFailure.reporting(sentToken: commandLine.remote.token != nil) {
            let pool = try await commandLine.reflection().pool(defining: symbol, unknownExitCode: CallExitStatus.notFound)
            guard let text = ProtoSourceRenderer(files: pool.files).render(symbol) else {
                throw CommandFailure("服务器上没有符号 (unknown symbol) \(symbol)", exitCode: CallExitStatus.notFound)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
