import ProtoRuntime

/// Renders a `service` for the RPC layer: method descriptors, a server protocol whose methods
/// default to UNIMPLEMENTED, and a typed client.
///
/// For `service Health { rpc Check(Req) returns (Res); rpc Watch(Req) returns (stream Res); }`:
///
/// ```swift
/// public enum Grpc_Health_V1_Health {                    // names
///     public static let serviceName = "grpc.health.v1.Health"
///     public enum Method { public static let check = MethodDescriptor(…); …; public static let all = […] }
/// }
/// public protocol Grpc_Health_V1_HealthService: RPCService {   // implement these
///     func check(request: Req, context: ServerContext) async throws -> Res
///     func watch(request: Req, responses: ResponseWriter<Res>, context: ServerContext) async throws
/// }
/// public struct Grpc_Health_V1_HealthClient: Sendable { … }     // call these
/// ```
/// Unimplemented methods answer UNIMPLEMENTED (like grpc-java's `ImplBase`), so a service can be
/// served while it grows; `methods` registers every method of the service.
public struct ServiceGenerator: ServiceRendering {
    public init() {}

    public var imports: [String] { ["RPC"] }

    /// One method, with the Swift spellings the templates need.
    private struct Method {
        var protoName: String
        var swiftName: String
        var request: String
        var response: String
        var clientStreaming: Bool
        var serverStreaming: Bool
        var comments: [String]

        var kind: String {
            switch (clientStreaming, serverStreaming) {
            case (false, false): ".unary"
            case (false, true): ".serverStreaming"
            case (true, false): ".clientStreaming"
            case (true, true): ".bidirectionalStreaming"
            }
        }

        /// The server-side requirement's parameters.
        var serverParameters: String {
            let input = clientStreaming ? "requests: RequestStream<\(request)>" : "request: \(request)"
            let output = serverStreaming ? ", responses: ResponseWriter<\(response)>" : ""
            return "\(input)\(output), context: ServerContext"
        }

        var serverResult: String { serverStreaming ? "" : " -> \(response)" }
    }

    public func render(
        serviceIndex: Int, file: Google_Protobuf_FileDescriptorProto,
        swiftTypeName: (String) -> String, visibility: String
    ) -> String {
        let service = file.service[serviceIndex]
        let comments = DocComments(file: file)
        let path: [Int32] = [6, Int32(serviceIndex)]
        let prefix = SwiftNaming.typePrefix(
            package: file.package, swiftPrefix: file.options.hasSwiftPrefix ? file.options.swiftPrefix : nil)
        let names = prefix + service.name
        let fullName = file.package.isEmpty ? service.name : "\(file.package).\(service.name)"
        let methods = service.method.enumerated().map { i, m in
            Method(
                protoName: m.name, swiftName: SwiftNaming.escaped(SwiftNaming.lowerCamel(m.name)),
                request: swiftTypeName(m.inputType), response: swiftTypeName(m.outputType),
                clientStreaming: m.clientStreaming, serverStreaming: m.serverStreaming,
                comments: comments.lines(path + [2, Int32(i)]))
        }
        var w = SourceWriter()
        let v = visibility

        comments.emit(path, into: &w)
        w.block("\(v)enum \(names)") { w in
            w.line("\(v)static let serviceName = \(SwiftNaming.stringLiteral(fullName))")
            w.line()
            w.block("\(v)enum Method") { w in
                for m in methods {
                    for line in m.comments { w.line(line) }
                    w.line("\(v)static let \(m.swiftName) = MethodDescriptor(service: serviceName, method: \(SwiftNaming.stringLiteral(m.protoName)), kind: \(m.kind))")
                }
                w.line()
                w.line("/// Every method of the service, in declaration order.")
                w.line("\(v)static let all: [MethodDescriptor] = [\(methods.map(\.swiftName).joined(separator: ", "))]")
            }
        }
        w.line()

        w.line("/// The server side of `\(fullName)`: implement the methods and register the value with the")
        w.line("/// server. A method left out answers UNIMPLEMENTED.")
        w.block("\(v)protocol \(names)Service: RPCService") { w in
            for m in methods {
                for line in m.comments { w.line(line) }
                w.line("func \(m.swiftName)(\(m.serverParameters)) async throws\(m.serverResult)")
            }
        }
        w.line()
        w.block("extension \(names)Service") { w in
            for m in methods {
                w.block("\(v)func \(m.swiftName)(\(m.serverParameters)) async throws\(m.serverResult)") { w in
                    w.line("throw Status(.unimplemented, \(SwiftNaming.stringLiteral("\(fullName)/\(m.protoName) is not implemented")))")
                }
                w.line()
            }
            w.line("/// Every method with its handler, for the server's router.")
            w.block("\(v)var methods: [ServerMethod]") { w in
                w.line("[")
                w.indent()
                for m in methods {
                    let call: String
                    switch (m.clientStreaming, m.serverStreaming) {
                    case (false, false):
                        call = ".unary { [self] (request: \(m.request), context) in try await \(m.swiftName)(request: request, context: context) }"
                    case (false, true):
                        call = ".serverStreaming { [self] (request: \(m.request), responses: ResponseWriter<\(m.response)>, context) in try await \(m.swiftName)(request: request, responses: responses, context: context) }"
                    case (true, false):
                        call = ".clientStreaming { [self] (requests: RequestStream<\(m.request)>, context) in try await \(m.swiftName)(requests: requests, context: context) }"
                    case (true, true):
                        call = ".bidirectionalStreaming { [self] (requests: RequestStream<\(m.request)>, responses: ResponseWriter<\(m.response)>, context) in try await \(m.swiftName)(requests: requests, responses: responses, context: context) }"
                    }
                    w.line("ServerMethod(\(names).Method.\(m.swiftName), \(call)),")
                }
                w.outdent()
                w.line("]")
            }
        }
        w.line()

        w.line("/// A typed client of `\(fullName)` over any `ClientTransport`.")
        w.block("\(v)struct \(names)Client: Sendable") { w in
            w.line("\(v)let rpc: RPCClient")
            w.line()
            w.block("\(v)init(_ rpc: RPCClient)") { w in w.line("self.rpc = rpc") }
            w.line()
            w.block("\(v)init(transport: any ClientTransport, interceptors: [any ClientInterceptor] = [])") { w in
                w.line("self.rpc = RPCClient(transport: transport, interceptors: interceptors)")
            }
            for m in methods {
                w.line()
                for line in m.comments { w.line(line) }
                let common = "metadata: Metadata = Metadata(), options: CallOptions = .default"
                let d = "\(names).Method.\(m.swiftName)"
                switch (m.clientStreaming, m.serverStreaming) {
                case (false, false):
                    w.block("\(v)func \(m.swiftName)(_ request: \(m.request), \(common)) async throws -> \(m.response)") { w in
                        w.line("try await rpc.unary(\(d), request: request, metadata: metadata, options: options)")
                    }
                case (false, true):
                    w.block("\(v)func \(m.swiftName)(_ request: \(m.request), \(common), onResponse: (\(m.response)) async throws -> Void) async throws") { w in
                        w.line("try await rpc.serverStreaming(\(d), request: request, metadata: metadata, options: options, onResponse: onResponse)")
                    }
                case (true, false):
                    w.block("\(v)func \(m.swiftName)(_ requests: some Sequence<\(m.request)>, \(common)) async throws -> \(m.response)") { w in
                        w.line("try await rpc.clientStreaming(\(d), requests: requests, metadata: metadata, options: options)")
                    }
                case (true, true):
                    w.block("\(v)func \(m.swiftName)(_ requests: some Sequence<\(m.request)> & Sendable, \(common), onResponse: (\(m.response)) async throws -> Void) async throws") { w in
                        w.line("try await rpc.bidirectionalStreaming(\(d), requests: requests, metadata: metadata, options: options, onResponse: onResponse)")
                    }
                }
            }
        }
        var text = w.text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
