/// The four shapes of a gRPC call.
public enum CallKind: Sendable, Hashable {
    /// One request, one response.
    case unary
    /// One request, a stream of responses.
    case serverStreaming
    /// A stream of requests, one response.
    case clientStreaming
    /// Streams both ways.
    case bidirectionalStreaming

    /// True when the client sends exactly one message, so a server may wait for it before running
    /// the handler.
    public var hasSingleRequest: Bool { self == .unary || self == .serverStreaming }
    /// True when the server sends exactly one message.
    public var hasSingleResponse: Bool { self == .unary || self == .clientStreaming }
}

/// Names one RPC method: `grpc.health.v1.Health` / `Check`, sent as `:path`
/// `/grpc.health.v1.Health/Check`.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The fully qualified service name (`package.Service`).
    public let service: String
    /// The method name as written in the .proto file.
    public let method: String
    public let kind: CallKind
    /// `/service/method`, computed once because every call compares it.
    public let path: String

    public init(service: String, method: String, kind: CallKind) {
        self.service = service
        self.method = method
        self.kind = kind
        self.path = "/\(service)/\(method)"
    }

    public var description: String { path }
}
