import Store
import Synchronization

/// The in-process broadcaster of committed task events to live watchers.
///
/// Writers call `committed()` after their transaction commits; the feed then reads the events
/// after the last one it published from the table, in seq order, and hands each to every
/// subscription. Reading back from the table (rather than passing events along from the writer)
/// keeps the order the commit order, and a wake-up that coalesces several commits loses none.
/// One drain runs at a time; a wake-up during a drain makes it go round once more.
///
/// With several server instances on PostgreSQL, `committed()` would be driven by the store's
/// LISTEN/NOTIFY stream as well; with SQLite one process owns the file.
public final class TaskEventFeed: Sendable {
    /// Events read per query while draining.
    static let pageSize = 256

    private struct State {
        /// The last seq handed to subscribers; nil until the feed first reads the table.
        var published: Int64?
        var subscribers: [Int: TaskEventSubscription] = [:]
        var nextID = 0
        var draining = false
        var again = false
    }

    private let database: any Database
    private let state = Mutex(State())

    public init(database: any Database) {
        self.database = database
    }

    /// Tells the feed that events may have been committed; returns at once.
    public func committed() {
        let start = state.withLock { state -> Bool in
            if state.draining {
                state.again = true
                return false
            }
            state.draining = true
            return true
        }
        guard start else { return }
        Task { await drain() }
    }

    /// The last seq published to subscribers (nil before the feed first read the table).
    public var publishedSeq: Int64? { state.withLock { $0.published } }

    /// Registers a watcher. Every event committed after this returns reaches the subscription
    /// (if `accepts` it), so a watcher that subscribes and then replays the table misses nothing.
    func subscribe(capacity: Int, accepts: @escaping @Sendable (TaskFeedEntry) -> Bool) async throws -> TaskEventSubscription {
        if state.withLock({ $0.published == nil }) {
            // Fix the starting point before registering: events up to here are in the table for
            // the watcher's replay, later ones will be drained to it.
            let last = try await lastSeq()
            state.withLock { state in
                if state.published == nil { state.published = last }
            }
        }
        return state.withLock { state in
            state.nextID += 1
            let subscription = TaskEventSubscription(id: state.nextID, capacity: capacity, accepts: accepts)
            state.subscribers[subscription.id] = subscription
            return subscription
        }
    }

    func unsubscribe(_ subscription: TaskEventSubscription) {
        subscription.cancel()
        _ = state.withLock { $0.subscribers.removeValue(forKey: subscription.id) }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    private func lastSeq() async throws -> Int64 {
        try await database.read { tx in try tx.scalar("SELECT COALESCE(MAX(seq), 0) FROM task_events", [], as: Int64.self) ?? 0 }
    }

    private func drain() async {
        while true {
            do {
                try await publishPending()
            } catch {
                // The store is failing; the next commit's wake-up tries again, and watchers that
                // miss nothing in the meantime are unaffected (nothing was published).
            }
            let more = state.withLock { state -> Bool in
                if state.again {
                    state.again = false
                    return true
                }
                state.draining = false
                return false
            }
            if !more { return }
        }
    }

    private func publishPending() async throws {
        guard let start = state.withLock({ $0.published }) else {
            // No watcher has fixed a starting point, so nobody is listening: just note the end.
            let last = try await lastSeq()
            state.withLock { state in if state.published == nil { state.published = last } }
            return
        }
        var after = start
        while true {
            let from = after
            let entries = try await database.read { tx in
                try tx.query("SELECT \(TaskFeedEntry.columns) FROM task_events WHERE seq > $1 ORDER BY seq LIMIT \(Self.pageSize)",
                             [from]).map(TaskFeedEntry.init(row:))
            }
            guard let last = entries.last else { return }
            let subscribers = state.withLock { Array($0.subscribers.values) }
            for entry in entries {
                for subscriber in subscribers { subscriber.push(entry) }
            }
            after = last.seq
            state.withLock { $0.published = after }
            if entries.count < Self.pageSize { return }
        }
    }
}
