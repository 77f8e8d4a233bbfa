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

    /// Writers wait above this many queued response bytes, and resume below `lowWater`.
    static let highWater = 256 * 1024
    static let lowWater = 64 * 1024
    /// Past this many unread request bytes the loop stops granting the peer flow-control credit.
    static let inboundLimit = 256 * 1024

    private let state = Mutex(State())

    private struct State {
        var outbound: [[UInt8]] = []
        var outstandingBytes = 0
        var writer: CheckedContinuation<Void, any Error>?
        var finish: (Status, Metadata)?
        var scheduled = false
        /// Set when the stream is over from the task's point of view (cancelled, deadline, reset).
        var closed: Status?

        var inbound: [[UInt8]] = []
        var inboundHead = 0
        var inboundBytes = 0
        var inboundEnd: Status?  // .ok: clean half-close
        var reader: CheckedContinuation<[UInt8]?, any Error>?
        var creditWanted = false
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
            s.outbound.append(message)
            if singleResponse { return .done }
            s.outstandingBytes += message.count
            let wait = s.outstandingBytes > Self.highWater
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
                    if s.outstandingBytes <= Self.highWater { return .success(()) }
                    s.writer = c
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
            if s.inboundHead < s.inbound.count { return Self.pop(&s) }
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
                    if s.inboundHead < s.inbound.count { return Self.pop(&s) }
                    if let closed = s.closed { return .failed(closed) }
                    if let end = s.inboundEnd { return end.isOK ? .end : .failed(end) }
                    s.reader = c
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
        let m = s.inbound[s.inboundHead]
        s.inboundHead += 1
        if s.inboundHead == s.inbound.count {
            s.inbound.removeAll(keepingCapacity: true)
            s.inboundHead = 0
        }
        s.inboundBytes -= m.count
        var schedule = false
        if s.creditWanted && s.inboundBytes < inboundLimit {
            s.creditWanted = false
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
            let taken = s.outbound
            s.outbound.removeAll()
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
        let writer = state.withLock { s -> CheckedContinuation<Void, any Error>? in
            s.outstandingBytes -= count
            guard s.outstandingBytes <= Self.lowWater, let w = s.writer else { return nil }
            s.writer = nil
            return w
        }
        writer?.resume()
    }

    /// A request message arrived for a streaming handler.
    func deliver(_ message: [UInt8]) {
        let reader = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
            if let r = s.reader {
                s.reader = nil
                return r
            }
            s.inbound.append(message)
            s.inboundBytes += message.count
            return nil
        }
        reader?.resume(returning: message)
    }

    /// Whether the loop should hold back flow-control credit because the handler is behind.
    func shouldDeferCredit() -> Bool {
        state.withLock { s in
            guard s.inboundBytes >= Self.inboundLimit else { return false }
            s.creditWanted = true
            return true
        }
    }

    /// The client half-closed (`.ok`) or the request failed.
    func endInbound(_ status: Status) {
        let reader = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
            guard s.inboundEnd == nil else { return nil }
            s.inboundEnd = status
            guard s.inboundHead >= s.inbound.count, let r = s.reader else { return nil }
            s.reader = nil
            return r
        }
        if status.isOK { reader?.resume(returning: nil) } else { reader?.resume(throwing: status) }
    }

    /// The stream is over for the handler: pending and future reads and writes fail with `status`.
    func close(_ status: Status) {
        let (writer, reader) = state.withLock { s -> (CheckedContinuation<Void, any Error>?, CheckedContinuation<[UInt8]?, any Error>?) in
            if s.closed == nil { s.closed = status }
            defer { s.writer = nil; s.reader = nil }
            return (s.writer, s.reader)
        }
        writer?.resume(throwing: status)
        reader?.resume(throwing: status)
    }
}
