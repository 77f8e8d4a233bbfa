import ProtoRuntime

// How generated code plugs in
// ---------------------------
// A service is anything conforming to `RPCService`: a list of `ServerMethod`s, each pairing a
// `MethodDescriptor` with a `ServerMethodHandler`. Generated code for `service Health { rpc
// Check(Req) returns (Res); rpc Watch(Req) returns (stream Res); }` looks like:
//
//     public protocol Grpc_Health_V1_HealthService: RPCService {
//         func check(request: Req, context: ServerContext) async throws -> Res
//         func watch(request: Req, responses: ResponseWriter<Res>, context: ServerContext) async throws
//     }
//     extension Grpc_Health_V1_HealthService {
//         public var methods: [ServerMethod] {[
//             ServerMethod(Grpc_Health_V1_Health.Method.check, .unary { [self] in try await check(request: $0, context: $1) }),
//             ServerMethod(Grpc_Health_V1_Health.Method.watch, .serverStreaming { [self] in
//                 try await watch(request: $0, responses: $1, context: $2) }),
//         ]}
//     }
//
// The typed constructors below erase `Req`/`Res` into a bytes-level closure; the message types'
// `ProtoMessage` conformance does all (de)serialization. The transport only ever sees bytes:
// it hands the handler a `ServerCallRequests` and a `ServerResponseSink`, and maps whatever the
// closure throws to a status (`Status` as is, anything else UNKNOWN).

/// Where a call's request messages come from. For unary and server-streaming calls the transport
/// waits for the one request and passes it directly; streaming requests arrive through a source.
public enum ServerCallRequests: Sendable {
    case single([UInt8])
    case stream(any ServerRequestSource)
}

/// Transport side of a streaming request: the next message's bytes (deframed, decompressed),
/// or nil when the client half-closed. Reading a message grants the peer flow-control credit
/// for it, so a handler that stops reading stops the client.
public protocol ServerRequestSource: AnyObject, Sendable {
    func next() async throws -> [UInt8]?
}

/// Transport side of a call's responses. `write` takes one framed message (see
/// `MessageFraming`) and suspends while too much is queued for the peer (backpressure).
public protocol ServerResponseSink: AnyObject, Sendable {
    func write(framed message: [UInt8]) async throws
}

/// A type-erased, bytes-level method handler built from a typed closure.
public struct ServerMethodHandler: Sendable {
    public let kind: CallKind
    /// Runs the call to completion: returning means OK, throwing sets the status.
    public let run: @Sendable (ServerCallRequests, any ServerResponseSink, ServerContext) async throws -> Void

    public init(
        kind: CallKind,
        run: @escaping @Sendable (ServerCallRequests, any ServerResponseSink, ServerContext) async throws -> Void
    ) {
        self.kind = kind
        self.run = run
    }

    public static func unary<Req: ProtoMessage, Res: ProtoMessage>(
        _ body: @escaping @Sendable (Req, ServerContext) async throws -> Res
    ) -> ServerMethodHandler {
        ServerMethodHandler(kind: .unary) { requests, sink, context in
            let request: Req = try await RequestDecoding.decodeSingle(requests)
            let response = try await body(request, context)
            try await sink.write(framed: MessageFraming.frame(message: response, compression: context.responseCompression))
        }
    }

    public static func serverStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ body: @escaping @Sendable (Req, ResponseWriter<Res>, ServerContext) async throws -> Void
    ) -> ServerMethodHandler {
        ServerMethodHandler(kind: .serverStreaming) { requests, sink, context in
            let request: Req = try await RequestDecoding.decodeSingle(requests)
            try await body(request, ResponseWriter(sink: sink, context: context), context)
        }
    }

    public static func clientStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ body: @escaping @Sendable (RequestStream<Req>, ServerContext) async throws -> Res
    ) -> ServerMethodHandler {
        ServerMethodHandler(kind: .clientStreaming) { requests, sink, context in
            let response = try await body(RequestStream(requests), context)
            try await sink.write(framed: MessageFraming.frame(message: response, compression: context.responseCompression))
        }
    }

    public static func bidirectionalStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ body: @escaping @Sendable (RequestStream<Req>, ResponseWriter<Res>, ServerContext) async throws -> Void
    ) -> ServerMethodHandler {
        ServerMethodHandler(kind: .bidirectionalStreaming) { requests, sink, context in
            try await body(RequestStream(requests), ResponseWriter(sink: sink, context: context), context)
        }
    }
}

/// One method of a service: what it is called and how it is served.
public struct ServerMethod: Sendable {
    public let descriptor: MethodDescriptor
    public let handler: ServerMethodHandler

    public init(_ descriptor: MethodDescriptor, _ handler: ServerMethodHandler) {
        precondition(descriptor.kind == handler.kind, "\(descriptor): handler kind \(handler.kind) does not match")
        self.descriptor = descriptor
        self.handler = handler
    }
}

/// A service the server can host: generated service protocols conform to this and supply
/// `methods` in an extension.
public protocol RPCService: Sendable {
    var methods: [ServerMethod] { get }
}

/// Turns request bytes into typed messages, mapping decoding failures to INVALID_ARGUMENT with
/// the decoder's description (which names the field).
enum RequestDecoding {
    static func decode<Req: ProtoMessage>(_ bytes: [UInt8]) throws(Status) -> Req {
        do {
            return try Req(serializedBytes: bytes)
        } catch {
            throw Status(.invalidArgument, "invalid request: \(error.description)")
        }
    }

    static func decodeSingle<Req: ProtoMessage>(_ requests: ServerCallRequests) async throws -> Req {
        switch requests {
        case .single(let bytes):
            return try decode(bytes)
        case .stream(let source):
            guard let bytes = try await source.next() else {
                throw Status(.unimplemented, "expected one request message, got none")
            }
            guard try await source.next() == nil else {
                throw Status(.unimplemented, "expected one request message, got more")
            }
            return try decode(bytes)
        }
    }
}

/// The typed stream of request messages a client- or bidirectional-streaming handler reads.
public struct RequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    let requests: ServerCallRequests

    public init(_ requests: ServerCallRequests) {
        self.requests = requests
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var requests: ServerCallRequests?

        public mutating func next() async throws -> Message? {
            switch requests {
            case nil:
                return nil
            case .single(let bytes):
                requests = nil
                return try RequestDecoding.decode(bytes)
            case .stream(let source):
                guard let bytes = try await source.next() else {
                    requests = nil
                    return nil
                }
                return try RequestDecoding.decode(bytes)
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(requests: requests) }
}

/// Sends typed response messages of a streaming call.
public struct ResponseWriter<Message: ProtoMessage>: Sendable {
    let sink: any ServerResponseSink
    /// The call's context, for its response compression; nil writes uncompressed.
    let context: ServerContext?

    public init(sink: any ServerResponseSink, context: ServerContext? = nil) {
        self.sink = sink
        self.context = context
    }

    /// Sends one message; suspends while the peer is not keeping up.
    public func write(_ message: Message) async throws {
        try await sink.write(framed: MessageFraming.frame(message: message, compression: context?.responseCompression ?? .identity))
    }
}
