import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// A task as stored: the message and the sweeper's memory of which deadline it escalated.
public struct StoredTask: Sendable {
    public var task: Jiceng_V1_Task
    /// `ACCEPT:<micros>` or `RESOLVE:<micros>`: the deadline last escalated; empty when none.
    public var escalatedFor: String
    /// The resolve duration of the SLA it was dispatched with (seconds of the task's time); 0 before dispatch.
    public var resolveWithin: TimeInterval
}

/// Reads and writes the `tasks`, `task_departments` and `task_events` rows (see `TaskSchema`).
enum TaskRecords {
    static func load(_ id: String, in tx: any SQLReadTransaction) throws -> StoredTask? {
        guard let row = try tx.queryFirst("SELECT body, escalated_for, resolve_within FROM tasks WHERE id = $1", [id]) else { return nil }
        return StoredTask(task: try decode(row), escalatedFor: try row.get("escalated_for"),
                          resolveWithin: Double(try row.get("resolve_within", as: Int64.self)) / 1000)
    }

    static func decode(_ row: Row) throws -> Jiceng_V1_Task {
        do {
            return try Jiceng_V1_Task(serializedBytes: try row.get("body", as: [UInt8].self))
        } catch let error as StoreError {
            throw error
        } catch {
            throw PlatformError.unavailable("stored task does not decode: \(error)")
        }
    }

    /// The task a peer system already pushed under `(source, externalRef)`.
    static func byExternalRef(source: Jiceng_V1_TaskSource, _ externalRef: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_Task? {
        guard let row = try tx.queryFirst("SELECT body FROM tasks WHERE source = $1 AND external_ref = $2 AND external_ref <> ''",
                                          [Int64(source.rawValue), externalRef]) else { return nil }
        return try decode(row)
    }

    /// The next id of the day `now` falls on in `timeZone`: `T20261130-000123`. Ids of a day sort
    /// in creation order (six digits; beyond a million a day they grow a digit).
    static func nextID(at now: Date, timeZone: TimeZone, in tx: any SQLReadTransaction) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let prefix = String(format: "T%04d%02d%02d-", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        let last = try tx.scalar("SELECT MAX(id) FROM tasks WHERE id >= $1 AND id < $2", [prefix, prefix + "~"], as: String?.self) ?? nil
        let number = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The deadline the task waits on now, and its key for `escalated_for`.
    static func pendingDeadline(_ task: Jiceng_V1_Task) -> (micros: Int64, key: String)? {
        switch task.state {
        case .dispatched where task.hasAcceptDeadline:
            let micros = TaskTime.micros(task.acceptDeadline)
            return (micros, "ACCEPT:\(micros)")
        case .accepted where task.hasResolveDeadline:
            let micros = TaskTime.micros(task.resolveDeadline)
            return (micros, "RESOLVE:\(micros)")
        default:
            return nil
        }
    }

    /// Inserts or replaces the task's row and its department rows.
    static func save(_ stored: StoredTask, districtID: String, isNew: Bool, in tx: any SQLWriteTransaction) throws {
        let task = stored.task
        let due = pendingDeadline(task)
        let sweepDue: Int64? = due.flatMap { $0.key == stored.escalatedFor ? nil : $0.micros }
        let optionalMicros = { (has: Bool, stamp: Google_Protobuf_Timestamp) -> Int64? in has ? TaskTime.micros(stamp) : nil }
        let values: [any SQLValueConvertible] = [
            task.id, task.townId, districtID, task.gridId, task.reporterOrgId, task.leadDepartmentId,
            Int64(task.state.rawValue), Int64(task.source.rawValue), task.externalRef, Int64(task.escalationLevel.rawValue),
            optionalMicros(task.hasAcceptDeadline, task.acceptDeadline), optionalMicros(task.hasResolveDeadline, task.resolveDeadline),
            due?.micros, sweepDue, stored.escalatedFor, task.title + "\n" + task.description_p,
            TaskTime.micros(task.createTime), TaskTime.micros(task.updateTime), task.etag, task.serializedBytes(),
            Int64((stored.resolveWithin * 1000).rounded()),
        ]
        if isNew {
            try tx.execute("""
                INSERT INTO tasks (id, town_id, district_id, grid_id, reporter_org_id, lead_department_id, state, source, external_ref,
                    escalation_level, accept_deadline, resolve_deadline, due_time, sweep_due, escalated_for, search_text,
                    create_time, update_time, etag, body, resolve_within)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
                """, values)
        } else {
            try tx.execute("""
                UPDATE tasks SET town_id = $2, district_id = $3, grid_id = $4, reporter_org_id = $5, lead_department_id = $6,
                    state = $7, source = $8, external_ref = $9, escalation_level = $10, accept_deadline = $11,
                    resolve_deadline = $12, due_time = $13, sweep_due = $14, escalated_for = $15, search_text = $16,
                    create_time = $17, update_time = $18, etag = $19, body = $20, resolve_within = $21
                WHERE id = $1
                """, values)
            try tx.execute("DELETE FROM task_departments WHERE task_id = $1", [task.id])
        }
        var seen: Set<String> = []
        for (department, role) in [(task.leadDepartmentId, "lead")] + task.cooperatingDepartmentIds.map({ ($0, "cooperating") })
        where !department.isEmpty && seen.insert(department).inserted {
            try tx.execute("""
                INSERT INTO task_departments (task_id, department_id, role, town_id, create_time) VALUES ($1, $2, $3, $4, $5)
                """, [task.id, department, role, task.townId, TaskTime.micros(task.createTime)])
        }
    }

    /// Appends the events of one change, numbering them after the last committed one.
    static func append(_ drafts: [TaskEventDraft], of task: Jiceng_V1_Task, actor: Jiceng_V1_Actor, at now: Date,
                       in tx: any SQLWriteTransaction) throws -> [Jiceng_V1_TaskEvent] {
        guard !drafts.isEmpty else { return [] }
        var seq = try tx.scalar("SELECT COALESCE(MAX(seq), 0) FROM task_events", [], as: Int64.self) ?? 0
        let departments = " " + ([task.leadDepartmentId] + task.cooperatingDepartmentIds).filter { !$0.isEmpty }.joined(separator: " ") + " "
        var events: [Jiceng_V1_TaskEvent] = []
        for draft in drafts {
            seq += 1
            var event = Jiceng_V1_TaskEvent()
            event.seq = seq
            event.taskId = task.id
            event.type = draft.type
            event.actor = actor
            event.fromState = draft.from
            event.toState = draft.to
            event.note = draft.note
            event.time = TaskTime.timestamp(now)
            event.townId = task.townId
            event.leadDepartmentId = task.leadDepartmentId
            try tx.execute("""
                INSERT INTO task_events (seq, task_id, type, actor_org_id, actor_role, town_id, grid_id, reporter_org_id,
                    lead_department_id, department_ids, time, body)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                """, [seq, task.id, Int64(draft.type.rawValue), actor.orgId, Int64(actor.role.rawValue), task.townId,
                      task.gridId, task.reporterOrgId, task.leadDepartmentId, departments, StoredTime.micros(now), event.serializedBytes()])
            events.append(event)
        }
        return events
    }

    /// Every event of a task, in order.
    static func history(of taskID: String, in tx: any SQLReadTransaction) throws -> [Jiceng_V1_TaskEvent] {
        try tx.query("SELECT body FROM task_events WHERE task_id = $1 ORDER BY seq", [taskID]).map { row in
            try decodeEvent(try row.get("body", as: [UInt8].self))
        }
    }

    static func decodeEvent(_ bytes: [UInt8]) throws -> Jiceng_V1_TaskEvent {
        do {
            return try Jiceng_V1_TaskEvent(serializedBytes: bytes)
        } catch {
            throw PlatformError.unavailable("stored task event does not decode: \(error)")
        }
    }

    /// The actor of a caller's change.
    static func actor(_ caller: Caller) -> Jiceng_V1_Actor {
        var actor = Jiceng_V1_Actor()
        actor.orgId = caller.orgID
        actor.role = Jiceng_V1_Role(rawValue: caller.role.rawValue)
        actor.tokenId = caller.tokenID
        return actor
    }
}
