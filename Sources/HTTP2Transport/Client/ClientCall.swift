import RPC
import Synchronization

/// One client call as the application sees it: sends queue towards the loop that owns the
/// connection, responses queue towards the caller. The loop-side state is `ClientStreamState`.
final class ClientCall: ClientCallStream, LoopWork, @unchecked Sendable {
    // `connection` is dereferenced only in `runOnLoop`, on its own loop.
    let connection: ClientConnection
    let loop: EventLoop
    let method: MethodDescriptor
    let metadata: Metadata
    let options: CallOptions

    /// The HTTP/2 stream once submitted (0 before). Touched only on the connection's loop.
    var streamID: Int32 = 0

    private let state = Mutex(State())

    private struct State {
        var outbound = OutboundMessages()
        var halfClosed = false
        var cancelRequested = false
        var scheduled = false

        var headers: Metadata?
        var headerWaiters: [CheckedContinuation<Metadata, any Error>] = []
        var inbound = InboundMessages()
        var creditReady = false
        var status: (Status, Metadata)?
        var statusWaiters: [CheckedContinuation<(Status, Metadata), Never>] = []
    }

    init(connection: ClientConnection, method: MethodDescriptor, metadata: Metadata, options: CallOptions) {
        self.connection = connection
        self.loop = connection.loop
        self.method = method
        self.metadata = metadata
        self.options = options
    }

    // MARK: Caller side

    func send(_ message: [UInt8]) async throws {
        let payload = options.compression.compress(message)
        let framed = options.compression == .identity
            ? MessageFraming.frame(message)
            : MessageFraming.frame(payload, compressed: true)
        let (schedule, wait) = try state.withLock { s throws(Status) -> (Bool, Bool) in
            if let (status, _) = s.status { throw status.isOK ? Status(.internal, "call already finished") : status }
            guard !s.halfClosed else { throw Status(.internal, "send after finishSending") }
            let wait = s.outbound.enqueue(framed)
            return (markScheduled(&s), wait)
        }
        if schedule { loop.execute(self) }
        if wait {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let ready: Result<Void, Status>? = state.withLock { s in
                    if let (status, _) = s.status { return status.isOK ? .success(()) : .failure(status) }
                    if !s.outbound.mustWait { return .success(()) }
                    s.outbound.writer = c
                    return nil
                }
                if let ready { c.resume(with: ready) }
            }
        }
    }

    func finishSending() async throws {
        let schedule = state.withLock { s -> Bool in
            guard !s.halfClosed else { return false }
            s.halfClosed = true
            return markScheduled(&s)
        }
        if schedule { loop.execute(self) }
    }

    func responseMetadata() async throws -> Metadata {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Metadata, any Error>) in
            let ready: Result<Metadata, Status>? = state.withLock { s in
                if let headers = s.headers { return .success(headers) }
                if let (status, trailers) = s.status { return status.isOK ? .success(trailers) : .failure(status) }
                s.headerWaiters.append(c)
                return nil
            }
            if let ready { c.resume(with: ready) }
        }
    }

    func receive() async throws -> [UInt8]? {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<[UInt8]?, any Error>) in
            var schedule = false
            let ready: Result<[UInt8]?, Status>? = state.withLock { s in
                if let m = s.inbound.pop() {
                    if s.inbound.releaseCredit() {
                        s.creditReady = true
                        schedule = markScheduled(&s)
                    }
                    return .success(m)
                }
                if s.status != nil { return .success(nil) }
                s.inbound.reader = c
                return nil
            }
            if schedule { loop.execute(self) }
            if let ready { c.resume(with: ready) }
        }
    }

    func status() async throws -> (Status, Metadata) {
        await withCheckedContinuation { (c: CheckedContinuation<(Status, Metadata), Never>) in
            let ready = state.withLock { s -> (Status, Metadata)? in
                if let status = s.status { return status }
                s.statusWaiters.append(c)
                return nil
            }
            if let ready { c.resume(returning: ready) }
        }
    }

    func cancel() {
        let schedule = state.withLock { s -> Bool in
            guard s.status == nil, !s.cancelRequested else { return false }
            s.cancelRequested = true
            return markScheduled(&s)
        }
        if schedule { loop.execute(self) }
        complete(Status(.cancelled, "cancelled by the client"), trailers: Metadata())
    }

    private func markScheduled(_ s: inout State) -> Bool {
        if s.scheduled { return false }
        s.scheduled = true
        return true
    }

    // MARK: Loop side

    func runOnLoop() {
        let (messages, halfClose, cancel, credit) = state.withLock { s -> ([[UInt8]], Bool, Bool, Bool) in
            s.scheduled = false
            let taken = s.outbound.take()
            defer { s.creditReady = false }
            return (taken, s.halfClosed, s.cancelRequested, s.creditReady)
        }
        connection.deliverOutput(call: self, messages: messages, halfClose: halfClose, cancel: cancel, returnCredit: credit)
    }

    func acknowledgeSent(_ count: Int) {
        state.withLock { $0.outbound.acknowledge(count) }?.resume()
    }

    func receivedHeaders(_ headers: Metadata) {
        let waiters = state.withLock { s -> [CheckedContinuation<Metadata, any Error>] in
            s.headers = headers
            defer { s.headerWaiters.removeAll() }
            return s.headerWaiters
        }
        for w in waiters { w.resume(returning: headers) }
    }

    /// Whether the loop should hold back credit for arriving bytes because the caller is behind.
    func shouldWithholdCredit() -> Bool {
        state.withLock { $0.inbound.shouldWithholdCredit() }
    }

    func receivedMessage(_ message: [UInt8]) {
        state.withLock { $0.inbound.push(message) }?.resume(returning: message)
    }

    /// The call is over: wakes every waiter. Later completions are ignored.
    func complete(_ status: Status, trailers: Metadata) {
        let (headerWaiters, reader, writer, statusWaiters, headersKnown) = state.withLock { s in
            guard s.status == nil else {
                return ([CheckedContinuation<Metadata, any Error>](), CheckedContinuation<[UInt8]?, any Error>?.none,
                        CheckedContinuation<Void, any Error>?.none, [CheckedContinuation<(Status, Metadata), Never>](), true)
            }
            s.status = (status, trailers)
            defer {
                s.headerWaiters.removeAll()
                s.inbound.reader = nil
                s.outbound.writer = nil
                s.statusWaiters.removeAll()
            }
            return (s.headerWaiters, s.inbound.reader, s.outbound.writer, s.statusWaiters, s.headers != nil)
        }
        for w in headerWaiters {
            if status.isOK || headersKnown { w.resume(returning: trailers) } else { w.resume(throwing: status) }
        }
        reader?.resume(returning: nil)
        if status.isOK { writer?.resume() } else { writer?.resume(throwing: status) }
        for w in statusWaiters { w.resume(returning: (status, trailers)) }
    }
}
