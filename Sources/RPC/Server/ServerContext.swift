import Synchronization

/// Everything a server handler (or interceptor) knows about the call it serves.
///
/// One context per call. Request-side facts are immutable; the response metadata a handler sets
/// is guarded by a lock because interceptors and the handler may run on different threads.
public final class ServerContext: Sendable {
    public let method: MethodDescriptor
    /// The request headers that are user metadata (reserved HTTP/2 and gRPC headers removed).
    public let metadata: Metadata
    /// When the client's `grpc-timeout` (if any) runs out.
    public let deadline: Deadline?
    /// The client's address, e.g. `ipv4:127.0.0.1:53412`.
    public let peer: String
    /// The `grpc-encoding` the request used.
    public let requestEncoding: CompressionAlgorithm
    /// The encodings the client said it can read (`grpc-accept-encoding`; identity always).
    public let acceptedEncodings: Set<CompressionAlgorithm>

    private let response = Mutex(ResponseMetadata())

    private struct ResponseMetadata {
        var initial = Metadata()
        var trailing = Metadata()
        var compression = CompressionAlgorithm.identity
    }

    public init(
        method: MethodDescriptor, metadata: Metadata, deadline: Deadline?, peer: String,
        requestEncoding: CompressionAlgorithm = .identity, acceptedEncodings: Set<CompressionAlgorithm> = [.identity]
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.requestEncoding = requestEncoding
        self.acceptedEncodings = acceptedEncodings.union([.identity])
    }

    /// True once the client cancelled, the deadline passed, or the server is stopping the call.
    /// The transport cancels the handler's task, so this is `Task.isCancelled`.
    public var isCancelled: Bool { Task.isCancelled }

    /// Throws CANCELLED (or DEADLINE_EXCEEDED when the deadline passed) if the call is over.
    public func checkCancellation() throws(Status) {
        if let deadline, deadline.hasPassed { throw Status(.deadlineExceeded, "deadline exceeded") }
        if Task.isCancelled { throw Status(.cancelled, "call cancelled") }
    }

    /// How response messages are compressed (sent as `grpc-encoding`); identity by default.
    public var responseCompression: CompressionAlgorithm { response.withLock { $0.compression } }

    /// Compresses the responses with `algorithm` if the client accepts it (returns whether it
    /// does); only effective before the first response message.
    @discardableResult
    public func compressResponses(with algorithm: CompressionAlgorithm) -> Bool {
        guard acceptedEncodings.contains(algorithm) else { return false }
        response.withLock { $0.compression = algorithm }
        return true
    }

    /// Metadata sent with the response headers; only effective before the first response message.
    public var initialResponseMetadata: Metadata {
        get { response.withLock { $0.initial } }
        set { response.withLock { $0.initial = newValue } }
    }

    /// Metadata sent with the trailers, next to `grpc-status`.
    public var trailingResponseMetadata: Metadata {
        get { response.withLock { $0.trailing } }
        set { response.withLock { $0.trailing = newValue } }
    }

    public func addInitialResponseMetadata(_ key: String, _ value: String) {
        response.withLock { $0.initial.add(key, value) }
    }

    public func addTrailingResponseMetadata(_ key: String, _ value: String) {
        response.withLock { $0.trailing.add(key, value) }
    }
}
