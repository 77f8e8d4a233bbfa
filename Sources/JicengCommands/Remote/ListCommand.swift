import Foundation
import ProtoRuntime
import RPC

/// `jiceng list [SERVICE]`: the services a server offers, or one service's methods with their
/// kinds and message types, all learnt through server reflection.
public enum ListCommand {
    public static func run(_ arguments: ArraySlice<String>) async throws {
        guard let commandLine = try RemoteCommandLine.parse(arguments, usage: CallCommand.usage) else { return }
        let service = commandLine.positional
        try await RemoteFailure.reporting(sentToken: commandLine.remote.token != nil) {
            let reflection = try commandLine.reflection()
            guard let service else {
                let names = try await reflection.serviceNames()
                FileHandle.standardOutput.write(Data(names.map { $0 + "\n" }.joined().utf8))
                return
            }
            let pool = try await reflection.pool(defining: service, unknownExitCode: CallExitStatus.notFound)
            guard let methods = pool.methods(ofService: service) else {
                throw CommandFailure("\(service) 不是服务 (not a service)", exitCode: CallExitStatus.notFound)
            }
            var table = TextTable(columns: [.init("方法 (method)", maxWidth: 60), .init("类型 (kind)"), .init("请求 (request)", maxWidth: 60), .init("回复 (response)", maxWidth: 60)])
            for method in methods {
                table.append([method.name, kindName(method), method.input.fullName, method.output.fullName])
            }
            FileHandle.standardOutput.write(Data(table.render().utf8))
        }
    }

    static func kindName(_ method: ServiceMethodDescriptor) -> String {
        switch (method.clientStreaming, method.serverStreaming) {
        case (false, false): "unary"
        case (false, true): "server-streaming"
        case (true, false): "client-streaming"
        case (true, true): "bidi-streaming"
        }
    }
}
