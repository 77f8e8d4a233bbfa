import ProtoRuntime

/// Typed calls over any `ClientTransport`; generated clients are thin wrappers around this.
///
/// Every call throws a `Status` when the server's status is not OK.
public struct RPCClient: Sendable {
    public let transport: any ClientTransport
    public let interceptors: [any ClientInterceptor]

    public init(transport: any ClientTransport, interceptors: [any ClientInterceptor] = []) {
        self.transport = transport
        self.interceptors = interceptors
    }

    /// One request, one response.
    public func unary<Req: ProtoMessage, Res: ProtoMessage>(
        _ method: MethodDescriptor, request: Req, metadata: Metadata = Metadata(), options: CallOptions = .default
    ) async throws -> Res {
        let call = try await open(method, metadata: metadata, options: options)
        try await call.send(request.serializedBytes())
        try await call.finishSending()
        return try await Self.singleResponse(call)
    }

    /// One request, a stream of responses handed to `onResponse` as they arrive.
    public func serverStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ method: MethodDescriptor, request: Req, metadata: Metadata = Metadata(), options: CallOptions = .default,
        onResponse: (Res) async throws -> Void
    ) async throws {
        let call = try await open(method, metadata: metadata, options: options)
        try await call.send(request.serializedBytes())
        try await call.finishSending()
        try await Self.eachResponse(call, onResponse)
    }

    /// A stream of requests, one response.
    public func clientStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ method: MethodDescriptor, requests: some Sequence<Req>, metadata: Metadata = Metadata(), options: CallOptions = .default
    ) async throws -> Res {
        let call = try await open(method, metadata: metadata, options: options)
        for request in requests { try await call.send(request.serializedBytes()) }
        try await call.finishSending()
        return try await Self.singleResponse(call)
    }

    /// Streams both ways: `requests` are sent while responses are handed to `onResponse`.
    public func bidirectionalStreaming<Req: ProtoMessage, Res: ProtoMessage>(
        _ method: MethodDescriptor, requests: some Sequence<Req> & Sendable, metadata: Metadata = Metadata(),
        options: CallOptions = .default, onResponse: (Res) async throws -> Void
    ) async throws {
        let call = try await open(method, metadata: metadata, options: options)
        let sender = Task {
            for request in requests { try await call.send(request.serializedBytes()) }
            try await call.finishSending()
        }
        defer { sender.cancel() }
        try await Self.eachResponse(call, onResponse)
        try await sender.value
    }

    private func open(_ method: MethodDescriptor, metadata: Metadata, options: CallOptions) async throws -> any ClientCallStream {
        var request = ClientRequestHead(method: method, metadata: metadata, options: options)
        for interceptor in interceptors { try await interceptor.prepare(&request) }
        return try await transport.openCall(method: request.method, metadata: request.metadata, options: request.options)
    }

    private static func singleResponse<Res: ProtoMessage>(_ call: any ClientCallStream) async throws -> Res {
        _ = try await call.responseMetadata()
        let first = try await call.receive()
        let extra = first == nil ? nil : try await call.receive()
        let (status, _) = try await call.status()
        guard status.isOK else { throw status }
        guard let bytes = first, extra == nil else {
            throw Status(.internal, "expected exactly one response message")
        }
        return try decodeResponse(bytes)
    }

    private static func eachResponse<Res: ProtoMessage>(
        _ call: any ClientCallStream, _ onResponse: (Res) async throws -> Void
    ) async throws {
        _ = try await call.responseMetadata()
        while let bytes = try await call.receive() {
            try await onResponse(try decodeResponse(bytes))
        }
        let (status, _) = try await call.status()
        guard status.isOK else { throw status }
    }

    private static func decodeResponse<Res: ProtoMessage>(_ bytes: [UInt8]) throws(Status) -> Res {
        do {
            return try Res(serializedBytes: bytes)
        } catch {
            throw Status(.internal, "invalid response: \(error.description)")
        }
    }
}

/// What a client interceptor may change before a call starts.
public struct ClientRequestHead: Sendable {
    public var method: MethodDescriptor
    public var metadata: Metadata
    public var options: CallOptions
}

/// Runs before each client call: adds credentials (`authorization`), sets deadlines, logs.
public protocol ClientInterceptor: Sendable {
    func prepare(_ request: inout ClientRequestHead) async throws
}
