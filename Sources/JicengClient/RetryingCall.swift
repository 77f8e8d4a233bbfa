import RPC
import Synchronization

/// One single-request call that may be attempted more than once. The request is held until the
/// caller asks for the response headers; then attempts run until one is not UNAVAILABLE, or one
/// has delivered a message (from then on a failure is the caller's to see), or attempts run out.
final class RetryingCall: ClientCallStream {
    private let transport: any ClientTransport
    private let method: MethodDescriptor
    private let metadata: Metadata
    private let options: CallOptions
    private let policy: RetryPolicy
    private let stamp: RequestIDStamp?
    private let deadline: Deadline?

    private struct State {
        var request: [UInt8]?
        var current: (any ClientCallStream)?
        var attempts = 0
        var delivered = false
        var cancelled = false
    }
    private let state = Mutex(State())

    init(transport: any ClientTransport, method: MethodDescriptor, metadata: Metadata, options: CallOptions, policy: RetryPolicy, stamp: RequestIDStamp?) {
        self.transport = transport
        self.method = method
        self.metadata = metadata
        self.options = options
        self.policy = policy
        self.stamp = stamp
        self.deadline = options.timeout.map { Deadline(fromNow: $0) }
    }

    func send(_ message: [UInt8]) async throws {
        // Stamped once, so every attempt carries the same request id.
        let bytes = stamp?.stamped(message) ?? message
        try state.withLock { s throws(Status) in
            guard s.request == nil else { throw Status(.internal, "\(method) takes one request message") }
            s.request = bytes
        }
    }

    func finishSending() async throws {}

    func responseMetadata() async throws -> Metadata {
        while true {
            let call = try await attempt()
            do {
                return try await call.responseMetadata()
            } catch let status as Status where status.code == .unavailable {
                try await pauseBeforeRetry(after: status)
            }
        }
    }

    func receive() async throws -> [UInt8]? {
        while true {
            guard let call = state.withLock({ $0.current }) else { _ = try await responseMetadata(); continue }
            if let message = try await call.receive() {
                state.withLock { $0.delivered = true }
                return message
            }
            // The stream ended without a message: a trailing UNAVAILABLE may still be retried.
            let (status, _) = try await call.status()
            guard status.code == .unavailable, !state.withLock({ $0.delivered }) else { return nil }
            try await pauseBeforeRetry(after: status)
            _ = try await responseMetadata()
        }
    }

    func status() async throws -> (Status, Metadata) {
        guard let call = state.withLock({ $0.current }) else { return (Status(.cancelled, "call never started"), Metadata()) }
        return try await call.status()
    }

    func cancel() {
        let call = state.withLock { s -> (any ClientCallStream)? in
            s.cancelled = true
            return s.current
        }
        call?.cancel()
    }

    /// Opens a call and sends the request; a connect failure counts as UNAVAILABLE.
    private func attempt() async throws -> any ClientCallStream {
        while true {
            let request = try state.withLock { s throws(Status) -> [UInt8] in
                guard !s.cancelled else { throw Status(.cancelled, "call cancelled") }
                guard let request = s.request else { throw Status(.internal, "\(method): no request was sent") }
                s.attempts += 1
                return request
            }
            var attemptOptions = options
            if let deadline {
                guard !deadline.hasPassed else { throw Status(.deadlineExceeded, "deadline passed while retrying \(method)") }
                attemptOptions.timeout = deadline.timeRemaining
            }
            do {
                let call = try await transport.openCall(method: method, metadata: metadata, options: attemptOptions)
                state.withLock { $0.current = call }
                try await call.send(request)
                try await call.finishSending()
                return call
            } catch let status as Status where status.code == .unavailable {
                try await pauseBeforeRetry(after: status)
            }
        }
    }

    /// Sleeps the backoff, or rethrows `status` when no attempt is left or the pause would
    /// outlast the deadline.
    private func pauseBeforeRetry(after status: Status) async throws {
        let attempts = state.withLock { $0.attempts }
        guard attempts < policy.maxAttempts else { throw status }
        let pause = policy.backoff(beforeRetry: attempts)
        if let deadline, deadline.timeRemaining <= pause { throw status }
        try await Task.sleep(for: pause)
    }
}
