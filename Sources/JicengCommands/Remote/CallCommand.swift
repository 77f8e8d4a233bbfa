import Foundation
import HTTP2Transport
import ProtoRuntime
import RPC
import Synchronization

/// `jiceng call SERVICE/METHOD`: a grpcurl-like client that learns the method from the server's
/// reflection, takes the request as proto3 JSON and prints the responses as proto3 JSON.
public enum CallCommand {
    public static let usage = """
        用法 (usage):
          jiceng call SERVICE/METHOD [--json '{…}' | --data @FILE | --data -] [选项]
          jiceng list [SERVICE] [选项]
          jiceng describe SYMBOL [选项]
        call 经服务器反射 (v1, 退回 v1alpha) 找到方法, 请求为 proto3 JSON (默认 {}),
        一元与客户端流的回复以缩进 JSON 打印; 服务端流与双向流每条消息一行 JSON。
        客户端流与双向流从标准输入 (或 --data 文件) 逐行读取 JSON 请求。
        选项 (options):
        \(RemoteServerOptions.usage)
        \(CallExitStatus.help)
        """

    public static func run(_ arguments: ArraySlice<String>) async throws {
        var json: String?
        var data: String?
        guard let commandLine = try RemoteCommandLine.parse(arguments, usage: usage, extra: { options in
            json = options.option("--json")
            data = options.option("--data")
        }) else { return }
        guard let target = commandLine.positional else { throw CommandFailure.usage(usage) }
        let remote = commandLine.remote
        guard json == nil || data == nil else { throw CommandFailure.usage("--json 与 --data 只能给一个 (give either --json or --data)") }
        let (serviceName, methodName) = try splitTarget(target)

        try await RemoteFailure.reporting(sentToken: remote.token != nil) {
            let transport = try remote.makeTransport()
            let reflection = ReflectionClient(rpc: RPCClient(transport: transport), metadata: remote.metadata, options: remote.callOptions)
            let pool = try await reflection.pool(defining: serviceName, unknownExitCode: CallExitStatus.unimplemented)
            guard let methods = pool.methods(ofService: serviceName) else {
                throw CommandFailure("未知服务 (unknown service) \(serviceName)", exitCode: CallExitStatus.unimplemented)
            }
            guard let method = methods.first(where: { $0.name == methodName }) else {
                let known = methods.map(\.name).joined(separator: ", ")
                throw CommandFailure("\(serviceName) 没有方法 \(methodName) (unknown method); 可用: \(known)", exitCode: CallExitStatus.unimplemented)
            }
            let requests = try RequestSource(json: json, data: data, streaming: method.clientStreaming)
            var printOptions = ProtoJSONOptions()
            printOptions.prettyPrinted = !method.serverStreaming
            let transcoder = ProtoJSONTranscoder(pool: pool, options: printOptions)
            try await invoke(method, transport: transport, remote: remote, requests: requests, transcoder: transcoder)
        }
    }

    /// `pkg.Service/Method`, `/pkg.Service/Method` or `pkg.Service.Method`.
    static func splitTarget(_ target: String) throws(CommandFailure) -> (service: String, method: String) {
        let trimmed = target.hasPrefix("/") ? String(target.dropFirst()) : target
        guard let split = trimmed.lastIndex(where: { $0 == "/" || $0 == "." }) else {
            throw .usage("方法应写作 SERVICE/METHOD, 如 grpc.health.v1.Health/Check (got \(target))")
        }
        let service = String(trimmed[..<split])
        let method = String(trimmed[trimmed.index(after: split)...])
        guard !service.isEmpty, !method.isEmpty, !service.contains("/") else {
            throw .usage("方法应写作 SERVICE/METHOD, 如 grpc.health.v1.Health/Check (got \(target))")
        }
        return (service, method)
    }

    private static func invoke(
        _ method: ServiceMethodDescriptor, transport: HTTP2ClientTransport, remote: RemoteServerOptions,
        requests: RequestSource, transcoder: ProtoJSONTranscoder
    ) async throws {
        let kind: CallKind = switch (method.clientStreaming, method.serverStreaming) {
        case (false, false): .unary
        case (false, true): .serverStreaming
        case (true, false): .clientStreaming
        case (true, true): .bidirectionalStreaming
        }
        let descriptor = MethodDescriptor(service: method.serviceName, method: method.name, kind: kind)
        let encode: @Sendable (String) throws(CommandFailure) -> [UInt8] = { text throws(CommandFailure) in
            do {
                return try transcoder.binary(fromJSONString: text, messageName: method.input.fullName)
            } catch {
                throw CommandFailure("请求不符合 \(method.input.fullName) (request does not fit the schema): \(error)", exitCode: CallExitStatus.invalidArgument)
            }
        }
        // A single request is encoded before the call opens, so bad JSON never reaches the server.
        let single = try requests.single.map { text throws(CommandFailure) in try encode(text) }
        let options = method.serverStreaming ? remote.streamingCallOptions : remote.callOptions
        let call = try await transport.openCall(method: descriptor, metadata: remote.metadata, options: options)
        let senderFailure = SenderFailure()
        // Streamed requests go out while responses come in: a bidi server may answer each line
        // as it is typed.
        let sender = Task {
            do {
                if let single {
                    try await call.send(single)
                } else {
                    try await requests.forEachLine { text throws in try await call.send(try encode(text)) }
                }
                try await call.finishSending()
            } catch {
                senderFailure.error.withLock { $0 = error }
                call.cancel()
            }
        }
        defer { sender.cancel() }
        do {
            _ = try await call.responseMetadata()
            while let bytes = try await call.receive() {
                let text = try transcoder.jsonString(fromBinary: bytes, messageName: method.output.fullName)
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            }
        } catch {
            // A request the sender refused is the cause; the call's failure is only its echo.
            if let cause = senderFailure.error.withLock({ $0 }) { throw cause }
            throw error
        }
        if let cause = senderFailure.error.withLock({ $0 }) { throw cause }
        let (status, _) = try await call.status()
        guard status.isOK else { throw status }
    }
}

/// The first error the request-sending task met, read by the receiving side once the call ends.
private final class SenderFailure: Sendable {
    let error = Mutex<(any Error)?>(nil)
}
