import RPC

/// A `ClientTransport` that makes jiceng.v1 calls safe to repeat and repeats them when the server
/// is UNAVAILABLE.
///
/// - A mutating call's empty `request_id` is filled with a UUID (`RequestIDStamp`), so the
///   server can recognise a repeat.
/// - A call that sends one message — a read, or a mutation with a `request_id` — is retried on
///   UNAVAILABLE (including a failed connect) with `RetryPolicy`'s backoff, as long as no
///   response message has reached the caller yet. Each retry gets what is left of the call's
///   timeout, not a fresh one.
/// - Client-streaming and bidirectional calls, and mutations without a `request_id`, pass
///   straight through: replaying them could do the work twice.
public struct RetryingTransport: ClientTransport {
    /// The transport that carries each attempt.
    public let inner: any ClientTransport
    /// How many attempts, and the pauses between them.
    public let policy: RetryPolicy
    /// Which methods mutate and where their requests keep `request_id`.
    public let traits: MethodTraits

    /// Wraps `inner`; `traits` defaults to the jiceng.v1 API compiled into JicengAPI.
    public init(inner: any ClientTransport, policy: RetryPolicy = RetryPolicy(), traits: MethodTraits = .jicengAPI) {
        self.inner = inner
        self.policy = policy
        self.traits = traits
    }

    /// Opens a call that stamps, retries or passes straight through, as described above.
    public func openCall(method: MethodDescriptor, metadata: Metadata, options: CallOptions) async throws -> any ClientCallStream {
        let entry = traits.entry(forPath: method.path)
        let stamp = entry.flatMap { entry in
            entry.isMutating ? entry.requestIDField.map { RequestIDStamp(field: $0, input: entry.input, pool: traits.pool) } : nil
        }
        let idempotent = method.kind.hasSingleRequest && (entry.map { !$0.isMutating } ?? true || stamp != nil)
        guard idempotent, policy.maxAttempts > 1 else {
            let call = try await inner.openCall(method: method, metadata: metadata, options: options)
            return stamp.map { StampingCall(inner: call, stamp: $0) } ?? call
        }
        return RetryingCall(transport: inner, method: method, metadata: metadata, options: options, policy: policy, stamp: stamp)
    }
}

/// A pass-through call whose one request is stamped with a request id on the way out.
private struct StampingCall: ClientCallStream {
    let inner: any ClientCallStream
    let stamp: RequestIDStamp

    func send(_ message: [UInt8]) async throws { try await inner.send(stamp.stamped(message)) }
    func finishSending() async throws { try await inner.finishSending() }
    func responseMetadata() async throws -> Metadata { try await inner.responseMetadata() }
    func receive() async throws -> [UInt8]? { try await inner.receive() }
    func status() async throws -> (Status, Metadata) { try await inner.status() }
    func cancel() { inner.cancel() }
}
