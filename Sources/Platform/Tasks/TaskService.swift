import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store

/// TaskService (乡呼县应): raises, routes and follows matters through their life (DESIGN.md §4).
///
/// Every change goes through `PlatformEnvironment.mutate`: one write transaction holds the task
/// row, its department rows, its events (numbered in commit order) and the idempotency and audit
/// records; after the commit the event feed is woken for live watchers. The lifecycle itself is
/// `TaskStateMachine`; who may do what is `TaskAccess`; deadlines are `TaskDeadlinePolicy`.
public final class TaskService: Jiceng_V1_TaskServiceService {
    public let environment: PlatformEnvironment
    /// Routes new tasks by the town's published lists; nil: every task waits to be dispatched.
    public let router: (any TaskRouter)?
    public let deadlines: TaskDeadlinePolicy
    /// Live events for WatchTasks; the sweeper wakes it too.
    public let feed: TaskEventFeed
    /// How far a watcher may fall behind before its stream ends with RESOURCE_EXHAUSTED.
    public let watchBufferCapacity: Int

    public init(environment: PlatformEnvironment, router: (any TaskRouter)? = nil,
                deadlines: TaskDeadlinePolicy = TaskDeadlinePolicy(), watchBufferCapacity: Int = 1024) {
        self.environment = environment
        self.router = router
        self.deadlines = deadlines
        self.feed = TaskEventFeed(database: environment.database)
        self.watchBufferCapacity = max(1, watchBufferCapacity)
    }

    // MARK: - Create

    public func createTask(request: Jiceng_V1_CreateTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try environment.validator.validate(request)
        let access = TaskAccess(scope: try environment.scope())
        let directory = environment.directory
        let caller = access.caller
        var task = Self.input(of: request.task)
        if caller.role == .gridWorker {
            // A grid worker's task lies in its grid.
            guard task.gridId.isEmpty || task.gridId == caller.orgID else {
                throw PlatformError.invalidArgument(field: "task.grid_id", "网格员只能上报本网格的事项 (a grid worker reports in its own grid)")
            }
            task.gridId = caller.orgID
        }
        guard let town = directory[task.townId], town.kind.isTownLevel else {
            throw PlatformError.invalidArgument(field: "task.town_id", "\(task.townId) 不是镇（街道） (town_id names no town or street)")
        }
        guard access.mayRaise(inTown: town.id) else {
            throw PlatformError.permissionDenied(reason: "TASK_OUT_OF_SCOPE", "不能在\(town.name)上报事项 (outside your area)")
        }
        if !task.gridId.isEmpty {
            guard directory[task.gridId]?.kind == .grid, directory.isWithin(task.gridId, town.id) else {
                throw PlatformError.invalidArgument(field: "task.grid_id", "\(task.gridId) 不是\(town.name)的网格 (grid_id names no grid of the town)")
            }
        }
        let districtID = directory.district(of: town.id)?.id ?? ""
        let router = router
        let deadlines = deadlines
        let timeZone = deadlines.calendars.calendar(forDistrict: districtID).timeZone
        let created = try await environment.mutate(Jiceng_V1_TaskService.Method.createTask, request: request,
                                                   requestID: request.requestId, resource: "tasks/") { [task] tx, m in
            var task = task
            if !task.externalRef.isEmpty, let existing = try TaskRecords.byExternalRef(source: task.source, task.externalRef, in: tx) {
                // A peer system pushing the same case again gets the task it already created.
                try access.requireRead(existing)
                m.resource = "tasks/\(existing.id)"
                m.auditNote = "existing task for \(task.externalRef)"
                return existing
            }
            var plan: TaskDispatchPlan?
            var routingNote = ""
            if let router {
                let text = task.title + "\n" + task.description_p
                let resolved: Jiceng_V1_Resolution?
                do {
                    resolved = try router.route(in: tx, directory: directory, townID: town.id, itemID: task.catalogueItemId,
                                                domain: task.domain, text: text)
                } catch let error as PlatformError where !task.catalogueItemId.isEmpty {
                    // The named item is unknown, unpublished or not a matter tasks are routed by.
                    switch error {
                    case .notFound(let message), .failedPrecondition(_, let message, _):
                        throw PlatformError.invalidArgument(field: "task.catalogue_item_id", message)
                    default:
                        throw error
                    }
                }
                if let resolution = resolved {
                    plan = deadlines.plan(lead: resolution.leadDepartmentId, cooperating: resolution.cooperatingDepartmentIds,
                                          from: m.now, districtID: districtID, urgency: task.urgency,
                                          sla: resolution.hasResponseSla ? resolution.responseSla : nil)
                    task.catalogueVersion = resolution.catalogueVersion
                    if resolution.hasItem { task.catalogueItemId = resolution.item.id }
                    if task.domain == .unspecified, resolution.hasItem { task.domain = resolution.item.domain }
                    task.routingExplanation = resolution.explanation
                    routingNote = resolution.explanation
                }
            }
            task.id = try TaskRecords.nextID(at: m.now, timeZone: timeZone, in: tx)
            task.reporterOrgId = m.caller.orgID
            let (created, drafts) = TaskStateMachine.create(task, plan: plan, routingNote: routingNote, at: m.now)
            var next = created
            next.etag = Etag.next()
            try TaskRecords.save(StoredTask(task: next, escalatedFor: "", resolveWithin: plan?.resolveWithin ?? 0), districtID: districtID, isNew: true, in: tx)
            _ = try TaskRecords.append(drafts, of: next, actor: TaskRecords.actor(m.caller), at: m.now, in: tx)
            m.resource = "tasks/\(next.id)"
            return next
        }
        feed.committed()
        return created
    }

    /// The fields a client may set on a new task; output-only ones are dropped.
    static func input(of task: Jiceng_V1_Task) -> Jiceng_V1_Task {
        var input = Jiceng_V1_Task()
        input.title = task.title
        input.description_p = task.description_p
        input.source = task.source
        input.externalRef = task.externalRef
        input.townId = task.townId
        input.gridId = task.gridId
        if task.hasLocation { input.location = task.location }
        input.catalogueItemId = task.catalogueItemId
        input.domain = task.domain
        input.urgency = task.urgency == .unspecified ? .normal : task.urgency
        return input
    }

    // MARK: - Reads

    public func getTask(request: Jiceng_V1_GetTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try environment.validator.validate(request)
        let access = TaskAccess(scope: try environment.scope())
        let id = request.id
        guard let stored = try await environment.read({ tx in try TaskRecords.load(id, in: tx) }) else {
            throw PlatformError.notFound("任务 \(id) 不存在 (no task \(id))")
        }
        try access.requireRead(stored.task)
        return stored.task
    }

    public func getTaskHistory(request: Jiceng_V1_GetTaskHistoryRequest, context: ServerContext) async throws -> Jiceng_V1_GetTaskHistoryResponse {
        try environment.validator.validate(request)
        let access = TaskAccess(scope: try environment.scope())
        let id = request.id
        let (stored, events) = try await environment.read { tx in
            (try TaskRecords.load(id, in: tx), try TaskRecords.history(of: id, in: tx))
        }
        guard let stored else { throw PlatformError.notFound("任务 \(id) 不存在 (no task \(id))") }
        try access.requireRead(stored.task)
        var response = Jiceng_V1_GetTaskHistoryResponse()
        response.events = events
        return response
    }

    // MARK: - Lifecycle

    public func dispatchTask(request: Jiceng_V1_DispatchTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.dispatchTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { [self] stored, now in
            .dispatch(try plan(for: stored.task, lead: request.leadDepartmentId, cooperating: request.cooperatingDepartmentIds, at: now),
                      note: request.note)
        }
    }

    public func acceptTask(request: Jiceng_V1_AcceptTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.acceptTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { [deadlines, environment] stored, now in
            // The lead's handling time starts now.
            let districtID = environment.directory.district(of: stored.task.townId)?.id ?? ""
            return .accept(note: request.note, resolveDeadline: deadlines.deadline(
                after: now, seconds: stored.resolveWithin, urgency: stored.task.urgency, districtID: districtID))
        }
    }

    public func disputeTask(request: Jiceng_V1_DisputeTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.disputeTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .dispute(reason: request.reason) }
    }

    public func settleDispute(request: Jiceng_V1_SettleDisputeRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.settleDispute, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { [self] stored, now in
            let task = stored.task
            if request.upheld {
                guard !request.leadDepartmentId.isEmpty else {
                    throw PlatformError.invalidArgument(field: "lead_department_id", "异议成立时须指定新的牵头部门 (an upheld dispute needs the new lead)")
                }
                return .settleDispute(upheld: true, try plan(for: task, lead: request.leadDepartmentId,
                                                             cooperating: request.cooperatingDepartmentIds, at: now), note: request.note)
            }
            return .settleDispute(upheld: false, try plan(for: task, lead: task.leadDepartmentId,
                                                          cooperating: task.cooperatingDepartmentIds, at: now), note: request.note)
        }
    }

    public func addProgress(request: Jiceng_V1_AddProgressRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.addProgress, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .addProgress(note: request.note) }
    }

    public func resolveTask(request: Jiceng_V1_ResolveTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.resolveTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .resolve(resolution: request.resolution) }
    }

    public func verifyTask(request: Jiceng_V1_VerifyTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.verifyTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .verify(passed: request.passed, note: request.note) }
    }

    public func rateTask(request: Jiceng_V1_RateTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        guard (1...5).contains(request.satisfaction) else {
            // Before the validator: 0 is "missing" on the wire, but 0 and 6 are the same mistake.
            throw PlatformError.invalidArgument(field: "satisfaction", "满意度须为 1 到 5 (satisfaction must be 1..5, got \(request.satisfaction))")
        }
        return try await change(Jiceng_V1_TaskService.Method.rateTask, request, id: request.id, etag: request.etag,
                                requestID: request.requestId) { _, _ in .rate(satisfaction: request.satisfaction, comment: request.comment) }
    }

    public func cancelTask(request: Jiceng_V1_CancelTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.cancelTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .cancel(reason: request.reason) }
    }

    public func escalateTask(request: Jiceng_V1_EscalateTaskRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.escalateTask, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .escalate(reason: request.reason) }
    }

    public func requestExtension(request: Jiceng_V1_RequestExtensionRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.requestExtension, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in
            .requestExtension(newResolveDeadline: TaskTime.date(request.newResolveDeadline), reason: request.reason)
        }
    }

    public func decideExtension(request: Jiceng_V1_DecideExtensionRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.decideExtension, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .decideExtension(approved: request.approved, note: request.note) }
    }

    public func markDuplicate(request: Jiceng_V1_MarkDuplicateRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.markDuplicate, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { stored, _ in
            .markDuplicate(ofTaskID: request.ofTaskId)
        } check: { stored, tx in
            // The original must be a live report of the same town, not itself a repeat.
            guard let original = try TaskRecords.load(request.ofTaskId, in: tx)?.task else {
                throw PlatformError.notFound("任务 \(request.ofTaskId) 不存在 (no task \(request.ofTaskId))")
            }
            guard original.townId == stored.task.townId else {
                throw PlatformError.failedPrecondition(reason: "DUPLICATE_OF_OTHER_TOWN", "原任务不在同一镇街 (the original is in another town)",
                                                       metadata: ["of_task_id": original.id])
            }
            guard original.state != .cancelled, original.duplicateOfTaskId.isEmpty else {
                throw PlatformError.failedPrecondition(reason: "DUPLICATE_OF_CANCELLED", "原任务已撤销或本身是重复件 (the original is cancelled or a repeat)",
                                                       metadata: ["of_task_id": original.id, "state": TaskStateMachine.stateName(original.state)])
            }
        }
    }

    public func acknowledgeAssignment(request: Jiceng_V1_AcknowledgeAssignmentRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.acknowledgeAssignment, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .acknowledgeAssignment(departmentID: request.departmentId, note: request.note) }
    }

    public func completeAssignment(request: Jiceng_V1_CompleteAssignmentRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.completeAssignment, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .completeAssignment(departmentID: request.departmentId, note: request.note) }
    }

    public func releaseAssignment(request: Jiceng_V1_ReleaseAssignmentRequest, context: ServerContext) async throws -> Jiceng_V1_Task {
        try await change(Jiceng_V1_TaskService.Method.releaseAssignment, request, id: request.id, etag: request.etag,
                         requestID: request.requestId) { _, _ in .releaseAssignment(departmentID: request.departmentId, note: request.note) }
    }

    /// One change to an existing task: validate, then in one transaction load it, check scope
    /// (PERMISSION_DENIED), etag (ABORTED; an empty etag is skipped only where the contract makes
    /// it optional, the validator having refused it elsewhere) and state (FAILED_PRECONDITION),
    /// apply the command, save, and append its events; wake the feed after the commit.
    private func change<Request: ProtoMessage>(
        _ method: MethodDescriptor, _ request: Request, id: String, etag: String, requestID: String,
        command: @escaping @Sendable (StoredTask, Date) throws -> TaskCommand,
        check: @escaping @Sendable (StoredTask, any SQLReadTransaction) throws -> Void = { _, _ in }
    ) async throws -> Jiceng_V1_Task {
        try environment.validator.validate(request)
        let access = TaskAccess(scope: try environment.scope())
        let directory = environment.directory
        let task = try await environment.mutate(method, request: request, requestID: requestID, resource: "tasks/\(id)") { tx, m in
            guard var stored = try TaskRecords.load(id, in: tx) else {
                throw PlatformError.notFound("任务 \(id) 不存在 (no task \(id))")
            }
            let command = try command(stored, m.now)
            try access.require(command, on: stored.task)
            if !etag.isEmpty { try Etag.check(sent: etag, current: stored.task.etag, resource: "任务 \(id)") }
            try check(stored, tx)
            let (next, drafts) = try TaskStateMachine.apply(command, to: stored.task, at: m.now)
            stored.task = next
            stored.task.etag = Etag.next()
            if let plan = command.plan { stored.resolveWithin = plan.resolveWithin }
            try TaskRecords.save(stored, districtID: directory.district(of: next.townId)?.id ?? "", isNew: false, in: tx)
            _ = try TaskRecords.append(drafts, of: stored.task, actor: TaskRecords.actor(m.caller), at: m.now, in: tx)
            return stored.task
        }
        feed.committed()
        return task
    }

    /// A dispatch to `lead` with `cooperating`, deadlines from `now` by the default SLA (a task
    /// dispatched by hand has no catalogue item to take one from).
    func plan(for task: Jiceng_V1_Task, lead: String, cooperating: [String], at now: Date) throws(PlatformError) -> TaskDispatchPlan {
        let directory = environment.directory
        let districtID = directory.district(of: task.townId)?.id ?? ""
        func check(_ id: String, field: String) throws(PlatformError) {
            guard let unit = directory[id], unit.active,
                  unit.kind == .department && directory.district(of: id)?.id == districtID
                    || unit.kind == .dispatchedAgency && unit.stationedTownID == task.townId
            else {
                throw .invalidArgument(field: field, "\(id) 不是本区的职能部门或派驻本镇街的机构 (not a department of the task's district)")
            }
        }
        try check(lead, field: "lead_department_id")
        var seen: Set<String> = [lead]
        for (index, id) in cooperating.enumerated() {
            try check(id, field: "cooperating_department_ids[\(index)]")
            guard seen.insert(id).inserted else {
                throw .invalidArgument(field: "cooperating_department_ids[\(index)]", "\(id) 重复或与牵头部门相同 (repeated, or the lead)")
            }
        }
        return deadlines.plan(lead: lead, cooperating: cooperating, from: now, districtID: districtID, urgency: task.urgency, sla: nil)
    }
}
