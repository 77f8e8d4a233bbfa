/// Per-call client settings.
public struct CallOptions: Sendable {
    /// Sent as `grpc-timeout`; the transport also enforces it locally.
    public var timeout: Duration?
    /// How request messages are compressed (`grpc-encoding`).
    public var compression: CompressionAlgorithm
    /// The largest response message accepted (decompressed).
    public var maxReceiveMessageSize: Int

    public init(timeout: Duration? = nil, compression: CompressionAlgorithm = .identity, maxReceiveMessageSize: Int = 4 << 20) {
        self.timeout = timeout
        self.compression = compression
        self.maxReceiveMessageSize = maxReceiveMessageSize
    }

    public static let `default` = CallOptions()
}

/// What a client needs from a connection: the ability to open one call. Implemented over
/// nghttp2 by HTTP2Transport; generated clients and `RPCClient` are written against it.
public protocol ClientTransport: Sendable {
    /// Starts a call by sending its request headers.
    func openCall(method: MethodDescriptor, metadata: Metadata, options: CallOptions) async throws -> any ClientCallStream
}

/// One call in flight on a client transport, at the bytes level.
public protocol ClientCallStream: Sendable {
    /// Sends one request message (unframed; the transport frames and compresses it).
    func send(_ message: [UInt8]) async throws
    /// Half-closes the request side.
    func finishSending() async throws
    /// The response headers (initial metadata); throws the call's status for a Trailers-Only reply.
    func responseMetadata() async throws -> Metadata
    /// The next response message, or nil when the server finished (then `status()` is ready).
    func receive() async throws -> [UInt8]?
    /// The final status and trailing metadata.
    func status() async throws -> (Status, Metadata)
    /// Cancels the call (RST_STREAM CANCEL).
    func cancel()
}
