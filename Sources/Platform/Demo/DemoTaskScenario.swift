import Foundation

/// A task of the demo city with its planned life, to be replayed through the real TaskService:
/// create it (as `source` from `townID`), then perform `steps` in order at their times. The
/// server computes deadlines itself; the step times were laid out on the same SLA and calendar,
/// so the planned lateness comes out the same. The deadline sweeper may add escalations of its own.
public struct DemoTaskScenario: Hashable, Sendable {
    /// A stable name for the scenario (DEMO-00001), usable as a request id prefix.
    public var reference: String
    public var title: String
    public var description: String
    public var source: TaskSource
    /// For hotline and peer-system tasks: the case number there; otherwise empty.
    public var externalRef: String
    public var townID: String
    public var gridID: String
    public var address: String
    public var latitude: Double
    public var longitude: Double
    /// The code of the territorial matter (SD-…) in the town's list to route by; empty for a
    /// matter no list covers (the task is REPORTED until dispatched).
    public var itemCode: String
    public var domain: Domain
    public var urgency: Urgency
    public var createTime: Date
    public var steps: [DemoTaskStep]
    /// The state after the last step.
    public var finalState: TaskState
    public var reworkCount: Int
    /// 0 when unrated.
    public var satisfaction: Int
}

/// One planned action on a task.
public struct DemoTaskStep: Hashable, Sendable {
    public var time: Date
    public var action: DemoTaskAction
}

/// The TaskService calls a scenario makes after CreateTask.
public enum DemoTaskAction: Hashable, Sendable {
    /// DispatchTask by the town (a REPORTED task).
    case dispatch(leadDepartmentID: String, cooperatingDepartmentIDs: [String], note: String)
    /// AcceptTask by the lead.
    case accept(note: String)
    /// DisputeTask by the lead.
    case dispute(reason: String)
    /// SettleDispute by the district; upheld sends it to `leadDepartmentID`, refused back to the same lead.
    case settleDispute(upheld: Bool, leadDepartmentID: String, note: String)
    case acknowledgeAssignment(departmentID: String)
    case completeAssignment(departmentID: String, note: String)
    case progress(note: String)
    case requestExtension(newResolveDeadline: Date, reason: String)
    case decideExtension(approved: Bool, note: String)
    /// EscalateTask by the town.
    case escalate(reason: String)
    case resolve(resolution: String)
    case verify(passed: Bool, note: String)
    case rate(satisfaction: Int, comment: String)
    case cancel(reason: String)
}
