import Foundation
import JicengAPI
import Store
import Synchronization

/// Escalates tasks whose accept or resolve deadline has passed (DESIGN.md §4): one level up
/// (TOWN → DISTRICT → CITY), with an ESCALATED event by the server itself and an audit record.
///
/// Each deadline escalates once: the task row remembers which deadline it escalated for
/// (`escalated_for`) and leaves the sweep index (`sweep_due`), so a restart, a second sweeper or
/// an overlapping sweep never escalates the same deadline twice; a moved deadline (an approved
/// extension, a re-dispatch) can escalate again when it too passes.
public final class TaskSweeper: Sendable {
    /// Tasks escalated per write transaction.
    static let batchSize = 100

    public let environment: PlatformEnvironment
    public let feed: TaskEventFeed
    private let loop = Mutex<Task<Void, Never>?>(nil)

    public init(environment: PlatformEnvironment, feed: TaskEventFeed) {
        self.environment = environment
        self.feed = feed
    }

    deinit { loop.withLock { $0?.cancel() } }

    /// Starts sweeping every `interval` on the environment's clock until `stop()`.
    public static func start(_ environment: PlatformEnvironment, feed: TaskEventFeed,
                             interval: Duration = .seconds(30)) -> TaskSweeper {
        let sweeper = TaskSweeper(environment: environment, feed: feed)
        let task = Task { [weak sweeper] in
            while !Task.isCancelled {
                guard let sweeper else { return }
                // A failing store is retried at the next tick; the state to do so is in the table.
                _ = try? await sweeper.sweep(now: sweeper.environment.clock.now())
                try? await Task.sleep(for: interval)
            }
        }
        sweeper.loop.withLock { $0 = task }
        return sweeper
    }

    /// Stops the loop started by `start`.
    public func stop() {
        loop.withLock { $0?.cancel() }
    }

    /// Escalates every task whose pending deadline is at or before `now` and was not escalated
    /// yet; returns how many it escalated.
    @discardableResult
    public func sweep(now: Date) async throws -> Int {
        var total = 0
        while true {
            let count = try await environment.database.write { tx in try Self.escalateBatch(now: now, in: tx) }
            total += count
            if count > 0 { feed.committed() }
            if count < Self.batchSize { return total }
        }
    }

    private static func escalateBatch(now: Date, in tx: any SQLWriteTransaction) throws -> Int {
        let nowMicros = StoredTime.micros(now)
        let rows = try tx.query("""
            SELECT id, district_id FROM tasks WHERE sweep_due IS NOT NULL AND sweep_due <= $1 ORDER BY sweep_due, id LIMIT \(batchSize)
            """, [nowMicros])
        var actor = Jiceng_V1_Actor()
        actor.role = .unspecified
        for row in rows {
            let id: String = try row.get("id")
            guard var stored = try TaskRecords.load(id, in: tx), let due = TaskRecords.pendingDeadline(stored.task) else { continue }
            let which = stored.task.state == .dispatched ? "受理期限" : "办结期限"
            let note = "\(which)已过，自动升级 (\(stored.task.state == .dispatched ? "accept" : "resolve") deadline passed)"
            let (next, drafts) = try TaskStateMachine.apply(.escalateForDeadline(note: note), to: stored.task, at: now)
            stored.task = next
            stored.task.etag = Etag.next()
            stored.escalatedFor = due.key
            try TaskRecords.save(stored, districtID: try row.get("district_id"), isNew: false, in: tx)
            _ = try TaskRecords.append(drafts, of: stored.task, actor: actor, at: now, in: tx)
            // The server acts alone here: an audit record with no token and no org.
            try tx.execute("""
                INSERT INTO audit_events (seq, actor_org_id, actor_role, token_id, method, resource, request_id, result, message, time)
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events), '', 0, '', $1, $2, '', 'OK', $3, $4)
                """, ["TaskSweeper/Escalate", "tasks/\(id)", note, nowMicros])
        }
        return rows.count
    }
}
