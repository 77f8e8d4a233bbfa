import JicengAPI
import RPC
import Store

/// WatchTasks: the events in the caller's scope (and filter) after `after_seq`, replayed from the
/// table, then live from the feed, none lost and none repeated.
///
/// The watcher subscribes to the feed *before* it reads the table, so every event is either in
/// what it replays (committed before the read) or reaches the subscription (committed after it
/// subscribed); events that come both ways are dropped by seq (`position` only grows). A watcher
/// that falls `watchBufferCapacity` events behind while live ends with RESOURCE_EXHAUSTED naming
/// the seq to resume from (message and ErrorInfo `resume_after_seq`); memory stays bounded. One
/// that falls behind while still replaying just replays further from the table.
extension TaskService {
    /// Rows read per replay query.
    static let replayPageSize = 256

    public func watchTasks(request: Jiceng_V1_WatchTasksRequest, responses: ResponseWriter<Jiceng_V1_TaskEvent>,
                           context: ServerContext) async throws {
        try environment.validator.validate(request)
        guard request.afterSeq >= 0 else {
            throw PlatformError.invalidArgument(field: "after_seq", "不能为负数 (must not be negative)")
        }
        let access = TaskAccess(scope: try environment.scope())
        let filter = request.filter
        if !filter.townId.isEmpty, !access.scope.mayReadTown(filter.townId) {
            throw PlatformError.permissionDenied(reason: "TASK_OUT_OF_SCOPE", "不能订阅 \(filter.townId) 的任务 (the town is outside your scope)")
        }
        let accepts: @Sendable (TaskFeedEntry) -> Bool = { entry in
            let event = entry.event
            if !filter.taskId.isEmpty, event.taskId != filter.taskId { return false }
            if !filter.townId.isEmpty, event.townId != filter.townId { return false }
            if !filter.departmentId.isEmpty, !entry.departments.contains(filter.departmentId) { return false }
            return access.mayRead(townID: event.townId, gridID: entry.gridID,
                                  departments: entry.departments)
        }
        var position = request.afterSeq
        while true {
            let subscription = try await feed.subscribe(capacity: watchBufferCapacity, accepts: accepts)
            defer { feed.unsubscribe(subscription) }
            // Replay what is already committed.
            var replayedToEnd = false
            while !replayedToEnd {
                try Task.checkCancellation()
                if subscription.isOverflowed { break }
                let page = try await replayPage(after: position, filter: filter)
                for entry in page where accepts(entry) {
                    try await responses.write(entry.event)
                    position = entry.seq
                }
                if let last = page.last { position = max(position, last.seq) }
                replayedToEnd = page.count < Self.replayPageSize
            }
            // A watcher that fell behind during replay subscribes afresh and replays on.
            if !replayedToEnd { continue }
            while true {
                switch await subscription.next() {
                case .event(let entry):
                    guard entry.seq > position else { continue }
                    try await responses.write(entry.event)
                    position = entry.seq
                case .overflowed:
                    throw Self.fellBehind(resumeAfter: position)
                case .cancelled:
                    throw CancellationError()
                }
            }
        }
    }

    private func replayPage(after position: Int64, filter: Jiceng_V1_TaskFilter) async throws -> [TaskFeedEntry] {
        let columns = TaskFeedEntry.columns
        let limit = Self.replayPageSize
        return try await environment.read { tx in
            let rows: [Row]
            if !filter.taskId.isEmpty {
                rows = try tx.query("SELECT \(columns) FROM task_events WHERE task_id = $1 AND seq > $2 ORDER BY seq LIMIT \(limit)",
                                    [filter.taskId, position])
            } else if !filter.townId.isEmpty {
                rows = try tx.query("SELECT \(columns) FROM task_events WHERE town_id = $1 AND seq > $2 ORDER BY seq LIMIT \(limit)",
                                    [filter.townId, position])
            } else {
                rows = try tx.query("SELECT \(columns) FROM task_events WHERE seq > $1 ORDER BY seq LIMIT \(limit)", [position])
            }
            return try rows.map(TaskFeedEntry.init(row:))
        }
    }

    static func fellBehind(resumeAfter seq: Int64) -> Status {
        var info = Google_Rpc_ErrorInfo()
        info.reason = "WATCHER_TOO_SLOW"
        info.domain = PlatformError.errorDomain
        info.metadata = ["resume_after_seq": String(seq)]
        return Status(.resourceExhausted,
                      "订阅者处理过慢，请以 after_seq=\(seq) 重新订阅 (watcher fell behind; resume with after_seq=\(seq))",
                      details: [RichStatus.Detail(packing: info)])
    }
}
