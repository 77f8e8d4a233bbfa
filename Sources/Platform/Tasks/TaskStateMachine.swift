import Foundation
import JicengAPI

/// Where a dispatch sends a task: the lead, the cooperating departments and the deadlines, all
/// decided by the caller of the state machine (routing and the work calendar are not pure).
public struct TaskDispatchPlan: Sendable, Equatable {
    public var leadDepartmentID: String
    public var cooperatingDepartmentIDs: [String]
    public var acceptDeadline: Date
    /// The estimate shown until the lead accepts; the acceptance sets the real one.
    public var resolveDeadline: Date
    /// The SLA's resolve duration (seconds of the task's time), counted from the acceptance.
    public var resolveWithin: TimeInterval

    public init(leadDepartmentID: String, cooperatingDepartmentIDs: [String], acceptDeadline: Date, resolveDeadline: Date,
                resolveWithin: TimeInterval) {
        self.leadDepartmentID = leadDepartmentID
        self.cooperatingDepartmentIDs = cooperatingDepartmentIDs
        self.acceptDeadline = acceptDeadline
        self.resolveDeadline = resolveDeadline
        self.resolveWithin = resolveWithin
    }
}

/// One move a caller asks of a task. Who may ask is decided elsewhere (`TaskAccess`); this says
/// only what each move does and from which states it is allowed.
public enum TaskCommand: Sendable, Equatable {
    case dispatch(TaskDispatchPlan, note: String)
    /// `resolveDeadline`: the SLA's resolve duration from now (computed by the caller).
    case accept(note: String, resolveDeadline: Date)
    case dispute(reason: String)
    /// Upheld: `plan` names the new lead. Refused: `plan` keeps the lead (with fresh deadlines).
    case settleDispute(upheld: Bool, TaskDispatchPlan, note: String)
    case addProgress(note: String)
    case resolve(resolution: String)
    case verify(passed: Bool, note: String)
    case rate(satisfaction: Int32, comment: String)
    case cancel(reason: String)
    case escalate(reason: String)
    /// The sweeper's escalation for a passed deadline: never refused at the top level.
    case escalateForDeadline(note: String)
    case requestExtension(newResolveDeadline: Date, reason: String)
    case decideExtension(approved: Bool, note: String)
    case markDuplicate(ofTaskID: String)
    case acknowledgeAssignment(departmentID: String, note: String)
    case completeAssignment(departmentID: String, note: String)
    case releaseAssignment(departmentID: String, note: String)

    /// The dispatch a command makes, if it makes one.
    public var plan: TaskDispatchPlan? {
        switch self {
        case .dispatch(let plan, _), .settleDispute(_, let plan, _): plan
        default: nil
        }
    }

    /// The method name, for error messages.
    public var methodName: String {
        switch self {
        case .dispatch: "DispatchTask"
        case .accept: "AcceptTask"
        case .dispute: "DisputeTask"
        case .settleDispute: "SettleDispute"
        case .addProgress: "AddProgress"
        case .resolve: "ResolveTask"
        case .verify: "VerifyTask"
        case .rate: "RateTask"
        case .cancel: "CancelTask"
        case .escalate, .escalateForDeadline: "EscalateTask"
        case .requestExtension: "RequestExtension"
        case .decideExtension: "DecideExtension"
        case .markDuplicate: "MarkDuplicate"
        case .acknowledgeAssignment: "AcknowledgeAssignment"
        case .completeAssignment: "CompleteAssignment"
        case .releaseAssignment: "ReleaseAssignment"
        }
    }
}

/// An event a move produces, before the store gives it its sequence number.
public struct TaskEventDraft: Sendable, Equatable {
    public var type: Jiceng_V1_TaskEventType
    public var from: Jiceng_V1_TaskState
    public var to: Jiceng_V1_TaskState
    public var note: String
}

/// The lifecycle of a task (DESIGN.md §4), as a pure function from (task, command, time) to the
/// changed task and the events to record; no I/O, no clock, no caller.
///
/// ```
/// create ─ routed ─▶ DISPATCHED ─accept─▶ ACCEPTED ─resolve─▶ RESOLVED ─verify(pass)─▶ CLOSED ─rate(once)
///    └ unrouted ─▶ REPORTED ─dispatch─▶ DISPATCHED ◀─dispatch / settle─ DISPUTED ◀─dispute─ DISPATCHED
/// RESOLVED ─verify(fail)─▶ ACCEPTED (rework_count + 1)
/// REPORTED | DISPATCHED | DISPUTED | ACCEPTED ─cancel / markDuplicate─▶ CANCELLED
/// ```
///
/// A move from the wrong state throws FAILED_PRECONDITION `TASK_INVALID_TRANSITION` with the
/// state and method in the ErrorInfo metadata.
///
/// Decisions:
/// - MarkDuplicate **cancels** the repeat (with `duplicate_of_task_id` set) rather than closing
///   it: closing would count as work the lead department did and enter its closure rate.
/// - A routed create records two events, CREATED (→ REPORTED) and DISPATCHED (→ DISPATCHED), so
///   every dispatch, by routing or by hand, has its DISPATCHED event.
/// - SettleDispute records DISPUTE_SETTLED whose note starts `upheld:` or `refused:`; a refused
///   dispute keeps the lead (and counts against it in appraisal), with fresh deadlines.
/// - The accept deadline runs from the (re-)dispatch, the resolve deadline from the acceptance
///   (`TaskDeadlinePolicy`); rework keeps the resolve deadline (an extension is the way to move it).
public enum TaskStateMachine {
    /// The states before RESOLVED, from which a task can be withdrawn.
    static let open: Set<Jiceng_V1_TaskState> = [.reported, .dispatched, .accepted, .disputed]

    /// A new task's first state: DISPATCHED with `plan`, REPORTED without.
    public static func create(_ task: Jiceng_V1_Task, plan: TaskDispatchPlan?, routingNote: String,
                              at now: Date) -> (Jiceng_V1_Task, [TaskEventDraft]) {
        var task = task
        task.state = .reported
        task.escalationLevel = .town
        task.createTime = TaskTime.timestamp(now)
        task.updateTime = task.createTime
        var events = [TaskEventDraft(type: .created, from: .unspecified, to: .reported, note: task.title)]
        if let plan {
            apply(plan, to: &task, at: now)
            task.state = .dispatched
            events.append(TaskEventDraft(type: .dispatched, from: .reported, to: .dispatched, note: routingNote))
        }
        return (task, events)
    }

    /// Applies `command` to `task` at `now`.
    public static func apply(_ command: TaskCommand, to task: Jiceng_V1_Task,
                             at now: Date) throws(PlatformError) -> (Jiceng_V1_Task, [TaskEventDraft]) {
        var task = task
        let from = task.state
        func require(_ states: Set<Jiceng_V1_TaskState>) throws(PlatformError) {
            guard states.contains(from) else { throw invalidTransition(command, from) }
        }
        func move(_ to: Jiceng_V1_TaskState, _ type: Jiceng_V1_TaskEventType, _ note: String) -> (Jiceng_V1_Task, [TaskEventDraft]) {
            task.state = to
            task.updateTime = TaskTime.timestamp(now)
            return (task, [TaskEventDraft(type: type, from: from, to: to, note: note)])
        }

        switch command {
        case .dispatch(let plan, let note):
            try require([.reported, .disputed])
            apply(plan, to: &task, at: now)
            return move(.dispatched, .dispatched, note)

        case .accept(let note, let resolveDeadline):
            try require([.dispatched])
            task.acceptTime = TaskTime.timestamp(now)
            task.resolveDeadline = TaskTime.timestamp(resolveDeadline)
            return move(.accepted, .accepted, note)

        case .dispute(let reason):
            try require([.dispatched])
            return move(.disputed, .disputed, reason)

        case .settleDispute(let upheld, let plan, let note):
            try require([.disputed])
            if upheld, plan.leadDepartmentID == task.leadDepartmentId {
                throw .invalidArgument(field: "lead_department_id", "异议成立时须改派其他牵头部门 (an upheld dispute needs a different lead)")
            }
            if !upheld, plan.leadDepartmentID != task.leadDepartmentId {
                throw .invalidArgument(field: "lead_department_id", "异议不成立时仍由原牵头部门办理 (a refused dispute keeps the lead)")
            }
            apply(plan, to: &task, at: now)
            return move(.dispatched, .disputeSettled, (upheld ? "upheld: " : "refused: ") + note)

        case .addProgress(let note):
            try require([.dispatched, .accepted, .disputed, .resolved])
            task.updateTime = TaskTime.timestamp(now)
            return (task, [TaskEventDraft(type: .progress, from: from, to: from, note: note)])

        case .resolve(let resolution):
            try require([.accepted])
            let open = task.assignments.filter { $0.state == .open || $0.state == .acknowledged }.map(\.departmentId)
            guard open.isEmpty else {
                throw .failedPrecondition(
                    reason: "ASSIGNMENTS_OPEN",
                    "配合部门尚未办结或被释放，不能办结：\(open.joined(separator: "、")) (cooperating assignments still open)",
                    metadata: ["departments": open.joined(separator: ","), "state": stateName(from)])
            }
            task.resolution = resolution
            task.resolveTime = TaskTime.timestamp(now)
            return move(.resolved, .resolved, resolution)

        case .verify(let passed, let note):
            try require([.resolved])
            if passed {
                task.closeTime = TaskTime.timestamp(now)
                return move(.closed, .verified, note)
            }
            task.reworkCount += 1
            task.clearResolveTime()
            return move(.accepted, .rework, note)

        case .rate(let satisfaction, let comment):
            try require([.closed])
            guard (1...5).contains(satisfaction) else {
                throw .invalidArgument(field: "satisfaction", "满意度须为 1 到 5 (satisfaction must be 1..5, got \(satisfaction))")
            }
            guard task.satisfaction == 0 else {
                throw .failedPrecondition(reason: "TASK_ALREADY_RATED", "该任务已评价 (the task is already rated)",
                                          metadata: ["satisfaction": String(task.satisfaction)])
            }
            task.satisfaction = satisfaction
            return move(.closed, .rated, "\(satisfaction)" + (comment.isEmpty ? "" : " " + comment))

        case .cancel(let reason):
            try require(open)
            return move(.cancelled, .cancelled, reason)

        case .escalate(let reason):
            try require(open.union([.resolved]))
            guard let next = nextLevel(task.escalationLevel) else {
                throw .failedPrecondition(reason: "ESCALATION_AT_TOP", "已升级至市级，不能再升级 (already escalated to the city)",
                                          metadata: ["escalation_level": "ESCALATION_LEVEL_CITY"])
            }
            task.escalationLevel = next
            return move(from, .escalated, reason)

        case .escalateForDeadline(let note):
            try require(open.union([.resolved]))
            task.escalationLevel = nextLevel(task.escalationLevel) ?? .city
            return move(from, .escalated, note)

        case .requestExtension(let deadline, let reason):
            try require([.accepted])
            guard deadline > now else {
                throw .invalidArgument(field: "new_resolve_deadline", "新的办结期限已过 (the new deadline is in the past)")
            }
            if task.hasResolveDeadline, deadline <= TaskTime.date(task.resolveDeadline) {
                throw .invalidArgument(field: "new_resolve_deadline", "新的办结期限须晚于现有期限 (the new deadline must be later than the current one)")
            }
            guard !task.extensions.contains(where: { $0.state == .pending }) else {
                throw .failedPrecondition(reason: "EXTENSION_PENDING", "已有待审批的延期申请 (an extension is already pending)",
                                          metadata: ["state": stateName(from)])
            }
            var request = Jiceng_V1_DeadlineExtension()
            request.requestedResolveDeadline = TaskTime.timestamp(deadline)
            request.reason = reason
            request.state = .pending
            request.requestTime = TaskTime.timestamp(now)
            task.extensions.append(request)
            return move(from, .extensionRequested, reason)

        case .decideExtension(let approved, let note):
            try require([.accepted, .resolved])
            guard let index = task.extensions.lastIndex(where: { $0.state == .pending }) else {
                throw .failedPrecondition(reason: "NO_PENDING_EXTENSION", "没有待审批的延期申请 (no pending extension)",
                                          metadata: ["state": stateName(from)])
            }
            task.extensions[index].state = approved ? .approved : .refused
            task.extensions[index].decisionNote = note
            task.extensions[index].decideTime = TaskTime.timestamp(now)
            if approved { task.resolveDeadline = task.extensions[index].requestedResolveDeadline }
            return move(from, .extensionDecided, (approved ? "approved: " : "refused: ") + note)

        case .markDuplicate(let original):
            try require(open)
            guard original != task.id else {
                throw .invalidArgument(field: "of_task_id", "不能标记为自身的重复 (a task cannot repeat itself)")
            }
            task.duplicateOfTaskId = original
            return move(.cancelled, .markedDuplicate, original)

        case .acknowledgeAssignment(let department, let note):
            try require([.dispatched, .accepted])
            return try assignment(department, in: &task, from: [.open], to: .acknowledged, note: note, now: now, command: command,
                                  event: .assignmentAcknowledged)

        case .completeAssignment(let department, let note):
            try require([.dispatched, .accepted])
            return try assignment(department, in: &task, from: [.open, .acknowledged], to: .completed, note: note, now: now,
                                  command: command, event: .assignmentCompleted)

        case .releaseAssignment(let department, let note):
            try require([.dispatched, .accepted, .disputed])
            return try assignment(department, in: &task, from: [.open, .acknowledged], to: .released, note: note, now: now,
                                  command: command, event: .assignmentReleased)
        }
    }

    /// Sets lead, cooperating assignments (fresh, OPEN) and deadlines.
    private static func apply(_ plan: TaskDispatchPlan, to task: inout Jiceng_V1_Task, at now: Date) {
        task.leadDepartmentId = plan.leadDepartmentID
        task.cooperatingDepartmentIds = plan.cooperatingDepartmentIDs
        task.assignments = plan.cooperatingDepartmentIDs.map { id in
            var assignment = Jiceng_V1_Assignment()
            assignment.departmentId = id
            assignment.state = .open
            assignment.updateTime = TaskTime.timestamp(now)
            return assignment
        }
        task.acceptDeadline = TaskTime.timestamp(plan.acceptDeadline)
        task.resolveDeadline = TaskTime.timestamp(plan.resolveDeadline)
        task.clearAcceptTime()
    }

    private static func assignment(
        _ department: String, in task: inout Jiceng_V1_Task, from allowed: Set<Jiceng_V1_AssignmentState>,
        to next: Jiceng_V1_AssignmentState, note: String, now: Date, command: TaskCommand, event: Jiceng_V1_TaskEventType
    ) throws(PlatformError) -> (Jiceng_V1_Task, [TaskEventDraft]) {
        guard let index = task.assignments.firstIndex(where: { $0.departmentId == department }) else {
            throw .notFound("\(department) 不是该任务的配合部门 (no assignment for department \(department))")
        }
        let current = task.assignments[index].state
        guard allowed.contains(current) else {
            throw .failedPrecondition(
                reason: "ASSIGNMENT_INVALID_TRANSITION",
                "配合任务当前状态不允许\(command.methodName) (assignment is \(assignmentStateName(current)))",
                metadata: ["assignment_state": assignmentStateName(current), "method": command.methodName])
        }
        task.assignments[index].state = next
        task.assignments[index].note = note
        task.assignments[index].updateTime = TaskTime.timestamp(now)
        task.updateTime = TaskTime.timestamp(now)
        return (task, [TaskEventDraft(type: event, from: task.state, to: task.state, note: "\(department) \(note)")])
    }

    private static func nextLevel(_ level: Jiceng_V1_EscalationLevel) -> Jiceng_V1_EscalationLevel? {
        switch level {
        case .unspecified, .town: .district
        case .district: .city
        default: nil
        }
    }

    static func invalidTransition(_ command: TaskCommand, _ state: Jiceng_V1_TaskState) -> PlatformError {
        .failedPrecondition(
            reason: "TASK_INVALID_TRANSITION",
            "任务处于\(stateLabel(state))状态，不能\(command.methodName) (not allowed in \(stateName(state)))",
            metadata: ["state": stateName(state), "method": command.methodName])
    }

    /// The proto spelling of a state (`TASK_STATE_DISPATCHED`).
    public static func stateName(_ state: Jiceng_V1_TaskState) -> String {
        switch state {
        case .unspecified: "TASK_STATE_UNSPECIFIED"
        case .reported: "TASK_STATE_REPORTED"
        case .dispatched: "TASK_STATE_DISPATCHED"
        case .accepted: "TASK_STATE_ACCEPTED"
        case .resolved: "TASK_STATE_RESOLVED"
        case .closed: "TASK_STATE_CLOSED"
        case .disputed: "TASK_STATE_DISPUTED"
        case .cancelled: "TASK_STATE_CANCELLED"
        case .unrecognized(let n): "TASK_STATE_\(n)"
        }
    }

    /// The Chinese label of a state.
    public static func stateLabel(_ state: Jiceng_V1_TaskState) -> String {
        switch state {
        case .reported: "已上报"
        case .dispatched: "已派单"
        case .accepted: "已受理"
        case .resolved: "已办结"
        case .closed: "已结案"
        case .disputed: "有争议"
        case .cancelled: "已撤销"
        default: "未知"
        }
    }

    static func assignmentStateName(_ state: Jiceng_V1_AssignmentState) -> String {
        switch state {
        case .open: "ASSIGNMENT_STATE_OPEN"
        case .acknowledged: "ASSIGNMENT_STATE_ACKNOWLEDGED"
        case .completed: "ASSIGNMENT_STATE_COMPLETED"
        case .released: "ASSIGNMENT_STATE_RELEASED"
        default: "ASSIGNMENT_STATE_UNSPECIFIED"
        }
    }
}
