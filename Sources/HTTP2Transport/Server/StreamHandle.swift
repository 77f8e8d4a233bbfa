import RPC
import Synchronization

/// The part of a server stream shared between the loop that owns it and the handler task serving
/// it: response messages and the final status travel loop-wards, request messages task-wards.
///
/// Everything else about the stream stays on the loop (`ServerStream`). The handle's lock guards
/// only queue hand-offs, never I/O. A unary call touches it twice: the response is stored without
/// waking the loop, and `finish` wakes it once.
final class StreamHandle: ServerResponseSink, ServerRequestSource, LoopWork, @unchecked Sendable {
    // `connection` is only dereferenced in `runOnLoop`, i.e. on its own loop; that is what makes
    // the unchecked Sendable sound.
    let streamID: Int32
    let connection: ServerConnection
    let loop: EventLoop
    /// Single-response calls queue their one message silently; `finish` delivers it.
    let singleResponse: Bool

    private let state = Mutex(State())

    private struct State {
        var outbound = OutboundMessages()
        var finish: (Status, Metadata)?
        var scheduled = false
        /// Set when the stream is over from the task's point of view (cancelled, deadline, reset).
        var closed: Status?

        var inbound = InboundMessages()
        var inboundEnd: Status?  // .ok: clean half-close
        var creditReady = false
    }

    init(streamID: Int32, connection: ServerConnection, loop: EventLoop, singleResponse: Bool) {
        self.streamID = streamID
        self.connection = connection
        self.loop = loop
        self.singleResponse = singleResponse
    }

    // MARK: Task side

    func write(framed message: [UInt8]) async throws {
        enum Next { case done, schedule, wait, scheduleAndWait }
        let next: Next = try state.withLock { s throws(Status) -> Next in
            if let closed = s.closed { throw closed }
            let wait = s.outbound.enqueue(message, counted: !singleResponse)
            if singleResponse { return .done }
            if !s.scheduled {
                s.scheduled = true
                return wait ? .scheduleAndWait : .schedule
            }
            return wait ? .wait : .done
        }
        if next == .schedule || next == .scheduleAndWait { loop.execute(self) }
        if next == .wait || next == .scheduleAndWait {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let resume: Result<Void, Status>? = state.withLock { s in
                    if let closed = s.closed { return .failure(closed) }
                    if !s.outbound.mustWait { return .success(()) }
                    s.outbound.writer = c
                    return nil
                }
                if let resume { c.resume(with: resume) }
            }
        }
    }

    /// Called once when the handler returned or threw.
    func finish(_ status: Status, trailers: Metadata) {
        let schedule = state.withLock { s -> Bool in
            guard s.closed == nil, s.finish == nil else { return false }
            s.finish = (status, trailers)
            if s.scheduled { return false }
            s.scheduled = true
            return true
        }
        if schedule { loop.execute(self) }
    }

    func next() async throws -> [UInt8]? {
        let outcome = state.withLock { s -> ReadOutcome in
            if !s.inbound.isEmpty { return Self.pop(&s) }
            if let closed = s.closed { return .failed(closed) }
            if let end = s.inboundEnd { return end.isOK ? .end : .failed(end) }
            return .wait
        }
        switch outcome {
        case .message(let m, let schedule):
            if schedule { loop.execute(self) }
            return m
        case .end: return nil
        case .failed(let status): throw status
        case .wait:
            return try await withCheckedThrowingContinuation { (c: CheckedContinuation<[UInt8]?, any Error>) in
                let now = state.withLock { s -> ReadOutcome in
                    if !s.inbound.isEmpty { return Self.pop(&s) }
                    if let closed = s.closed { return .failed(closed) }
                    if let end = s.inboundEnd { return end.isOK ? .end : .failed(end) }
                    s.inbound.reader = c
                    return .wait
                }
                switch now {
                case .message(let m, let schedule):
                    if schedule { loop.execute(self) }
                    c.resume(returning: m)
                case .end: c.resume(returning: nil)
                case .failed(let status): c.resume(throwing: status)
                case .wait: break
                }
            }
        }
    }

    private enum ReadOutcome { case message([UInt8], schedule: Bool), end, failed(Status), wait }

    private static func pop(_ s: inout State) -> ReadOutcome {
        let m = s.inbound.pop()!
        var schedule = false
        if s.inbound.releaseCredit() {
            s.creditReady = true
            if !s.scheduled {
                s.scheduled = true
                schedule = true
            }
        }
        return .message(m, schedule: schedule)
    }

    // MARK: Loop side

    func runOnLoop() {
        let (messages, finish, credit) = state.withLock { s -> ([[UInt8]], (Status, Metadata)?, Bool) in
            s.scheduled = false
            let taken = s.outbound.take()
            let finish = s.finish
            s.finish = nil
            let credit = s.creditReady
            s.creditReady = false
            return (taken, finish, credit)
        }
        connection.deliverOutput(streamID: streamID, messages: messages, finish: finish, returnCredit: credit)
    }

    /// The loop handed `count` response bytes to nghttp2.
    func acknowledgeSent(_ count: Int) {
        state.withLock { $0.outbound.acknowledge(count) }?.resume()
    }

    /// A request message arrived for a streaming handler.
    func deliver(_ message: [UInt8]) {
        state.withLock { $0.inbound.push(message) }?.resume(returning: message)
    }

    /// Whether the loop should hold back flow-control credit because the handler is behind.
    func shouldDeferCredit() -> Bool {
        state.withLock { $0.inbound.shouldWithholdCredit() }
    }

    /// The client half-closed (`.ok`) or the request failed.
    func endInbound(_ status: Status) {
        let reader = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
            guard s.inboundEnd == nil else { return nil }
            s.inboundEnd = status
            guard s.inbound.isEmpty, let r = s.inbound.reader else { return nil }
            s.inbound.reader = nil
            return r
        }
        if status.isOK { reader?.resume(returning: nil) } else { reader?.resume(throwing: status) }
    }

    /// The stream is over for the handler: pending and future reads and writes fail with `status`.
    func close(_ status: Status) {
        let (writer, reader) = state.withLock { s -> (CheckedContinuation<Void, any Error>?, CheckedContinuation<[UInt8]?, any Error>?) in
            if s.closed == nil { s.closed = status }
            defer {
                s.outbound.writer = nil
                s.inbound.reader = nil
            }
            return (s.outbound.writer, s.inbound.reader)
        }
        writer?.resume(throwing: status)
        reader?.resume(throwing: status)
    }
}
