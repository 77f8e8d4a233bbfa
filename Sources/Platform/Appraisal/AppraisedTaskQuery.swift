import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// Reads the tasks of a district that fall due in a period, as `AppraisedTask`s, straight from
/// the task tables: two index range walks (tasks by district and resolve deadline; their
/// dispatch, settlement and resolution events by task), whatever the size of the table.
///
/// What comes from where:
/// - the task row's body: lead, deadlines, accept/resolve/close times, rework count, satisfaction,
///   approved extensions, and exclusion (cancelled tasks, duplicates among them);
/// - the events: the dispatch the current lead's accept deadline counts from (the last
///   DISPATCHED or DISPUTE_SETTLED naming that lead), the first RESOLVED, and disputes the
///   district refused while the current lead held the task (a refusal keeps the lead, so the
///   event names it).
public enum AppraisedTaskQuery {
    /// The tasks of `districtID` whose resolve deadline lies in [start, end).
    public static func tasks(districtID: String, start: Date, end: Date, in tx: any SQLReadTransaction) throws -> [AppraisedTask] {
        let window: [any SQLValueConvertible] = [districtID, StoredTime.micros(start), StoredTime.micros(end)]
        var tasks: [String: AppraisedTask] = [:]
        var order: [String] = []
        try tx.forEachRow(dueTasksSQL, window) { row in
            let task = try Jiceng_V1_Task(serializedBytes: try row.get(1, as: [UInt8].self))
            tasks[task.id] = appraised(task)
            order.append(task.id)
            return true
        }
        guard !tasks.isEmpty else { return [] }

        let dispatched = Int64(Jiceng_V1_TaskEventType.dispatched.rawValue)
        let settled = Int64(Jiceng_V1_TaskEventType.disputeSettled.rawValue)
        let resolved = Int64(Jiceng_V1_TaskEventType.resolved.rawValue)
        try tx.forEachRow(eventsSQL, window + [dispatched, settled, resolved]) { row in
            let id = try row.get(0, as: String.self)
            guard var task = tasks[id] else { return true }
            let type = try row.get(1, as: Int64.self)
            let time = StoredTime.date(try row.get(2, as: Int64.self))
            let lead = try row.get(3, as: String.self)
            switch type {
            case resolved:
                task.firstResolveTime = min(task.firstResolveTime ?? time, time)
            case dispatched where lead == task.leadDepartmentID:
                task.dispatchTime = max(task.dispatchTime ?? time, time)
            case settled where lead == task.leadDepartmentID:
                task.dispatchTime = max(task.dispatchTime ?? time, time)
                let event = try Jiceng_V1_TaskEvent(serializedBytes: try row.get(4, as: [UInt8].self))
                if event.note.hasPrefix("refused") { task.refusedDisputes += 1 }
            default:
                break
            }
            tasks[id] = task
            return true
        }
        return order.compactMap { id in
            guard var task = tasks[id] else { return nil }
            if task.firstResolveTime == nil { task.firstResolveTime = task.resolveTime }
            return task
        }
    }

    /// The district's tasks due in the window: one range walk of
    /// `tasks_by_district_resolve_deadline` (created by the appraisal schema).
    static let dueTasksSQL = """
        SELECT id, body FROM tasks
        WHERE district_id = $1 AND resolve_deadline >= $2 AND resolve_deadline < $3
        """

    /// Their dispatch, settlement and resolution events, by the task index of `task_events`. In
    /// no particular order (the reader keeps the earliest resolution and the latest dispatch), so
    /// nothing is sorted.
    static let eventsSQL = """
        SELECT e.task_id, e.type, e.time, e.lead_department_id, e.body
        FROM tasks t JOIN task_events e ON e.task_id = t.id
        WHERE t.district_id = $1 AND t.resolve_deadline >= $2 AND t.resolve_deadline < $3
          AND e.type IN ($4, $5, $6)
        """

    /// What the task row alone says. `firstResolveTime` starts empty so that the events can set
    /// it; a task whose events say nothing falls back to its last resolve time.
    static func appraised(_ task: Jiceng_V1_Task) -> AppraisedTask {
        func date(_ has: Bool, _ stamp: Google_Protobuf_Timestamp) -> Date? {
            has ? StoredTime.date(StoredTime.micros(stamp)) : nil
        }
        var appraised = AppraisedTask(
            id: task.id, leadDepartmentID: task.leadDepartmentId,
            acceptDeadline: date(task.hasAcceptDeadline, task.acceptDeadline),
            resolveDeadline: date(task.hasResolveDeadline, task.resolveDeadline) ?? .distantPast,
            acceptTime: date(task.hasAcceptTime, task.acceptTime),
            resolveTime: date(task.hasResolveTime, task.resolveTime),
            verifyTime: date(task.hasCloseTime, task.closeTime),
            closed: task.state == .closed,
            reworkCount: Int(task.reworkCount),
            extensionApproved: task.extensions.contains { $0.state == .approved },
            satisfaction: task.satisfaction == 0 ? nil : Int(task.satisfaction),
            excluded: task.state == .cancelled)
        appraised.firstResolveTime = nil
        return appraised
    }
}
