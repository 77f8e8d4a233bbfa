import Synchronization

/// One watcher's bounded queue of live events, filled by `TaskEventFeed` and drained by the
/// watcher. When the watcher falls `capacity` events behind, the queue is dropped and marked
/// overflowed instead of growing: the watcher then ends its stream with the seq to resume from.
final class TaskEventSubscription: Sendable {
    enum Next: Sendable {
        case event(TaskFeedEntry)
        case overflowed
        case cancelled
    }

    let id: Int
    let capacity: Int
    let accepts: @Sendable (TaskFeedEntry) -> Bool

    private struct State {
        var buffer: [TaskFeedEntry] = []
        var head = 0
        var overflowed = false
        var cancelled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    init(id: Int, capacity: Int, accepts: @escaping @Sendable (TaskFeedEntry) -> Bool) {
        self.id = id
        self.capacity = capacity
        self.accepts = accepts
    }

    var isOverflowed: Bool { state.withLock { $0.overflowed } }

    /// Queues an event the watcher wants (the feed calls this in seq order).
    func push(_ entry: TaskFeedEntry) {
        guard accepts(entry) else { return }
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.overflowed, !state.cancelled else { return nil }
            if state.buffer.count - state.head >= capacity {
                state.overflowed = true
                state.buffer = []
                state.head = 0
            } else {
                state.buffer.append(entry)
            }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The next queued event, waiting for one; `.overflowed` once the queue was dropped,
    /// `.cancelled` when the watcher's task is cancelled.
    func next() async -> Next {
        while true {
            if let ready = take() { return ready }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state -> Bool in
                        if state.overflowed || state.cancelled || state.head < state.buffer.count { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                cancel()
            }
        }
    }

    private func take() -> Next? {
        state.withLock { state in
            if state.cancelled { return .cancelled }
            if state.overflowed { return .overflowed }
            guard state.head < state.buffer.count else { return nil }
            let entry = state.buffer[state.head]
            state.head += 1
            if state.head == state.buffer.count {
                state.buffer.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return .event(entry)
        }
    }

    /// Ends the subscription: a waiting `next()` returns `.cancelled`.
    func cancel() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.cancelled = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
