import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// Fills the demo city with task histories: replays `DemoTaskGenerator`'s scenarios through the
/// task state machine and records, every step at its planned time (a manual clock, in effect), so
/// the demo's tasks, deadlines and events are exactly what the service would have produced.
///
/// All scenarios' steps are merged in time order before they are applied, so event sequence
/// numbers follow time as they would in a live server. Routed scenarios are routed by `routing`
/// over the catalogue the catalogue seeder published (recording item, version and explanation as
/// CreateTask would); without it, or for an item the published lists lack, they take lead,
/// cooperating departments and SLA from the demo catalogue (`DemoCatalogue`) itself. The seeded history
/// has no idempotency or audit records (nobody called the API); the live sweeper escalates, on
/// its first pass, every open task whose deadline has passed.
public struct DemoTaskSeeder: DemoSeeder {
    public var name: String { "tasks" }
    public var count: Int
    public var deadlines: TaskDeadlinePolicy
    /// Routes by the published catalogue (seeded before the tasks).
    public var routing: CatalogueRouting?

    public init(count: Int = 3000, deadlines: TaskDeadlinePolicy = TaskDeadlinePolicy(), routing: CatalogueRouting? = nil) {
        self.count = count
        self.deadlines = deadlines
        self.routing = routing
    }

    public func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws {
        let generator = DemoTaskGenerator(tree: context.tree, calendars: deadlines.calendars)
        _ = try replay(generator.scenarios(count: count, endingAt: context.now), context: context, in: tx)
    }

    /// Applies `scenarios`; returns the planned steps the state machine refused and were skipped
    /// (scenario reference and method). The generator lays a few extension requests out with a
    /// deadline that has already passed by the time the request is made; those are left out.
    func replay(_ scenarios: [DemoTaskScenario], context: DemoSeedContext,
                in tx: any SQLWriteTransaction) throws -> [(reference: String, method: String)] {
        struct Move {
            let time: Date
            let scenario: Int
            /// -1 for the creation.
            let step: Int
        }
        var moves: [Move] = []
        for (index, scenario) in scenarios.enumerated() {
            moves.append(Move(time: scenario.createTime, scenario: index, step: -1))
            for (number, step) in scenario.steps.enumerated() { moves.append(Move(time: step.time, scenario: index, step: number)) }
        }
        moves.sort { ($0.time, $0.scenario, $0.step) < ($1.time, $1.scenario, $1.step) }

        let tokenIDs = Dictionary(context.tokens.map { ("\($0.role.rawValue) \($0.orgID)", $0.token.id) }, uniquingKeysWith: { first, _ in first })
        var items: [String: [String: DemoCatalogueItem]] = [:]
        var tasks: [Int: StoredTask] = [:]
        var changed: Set<Int> = []
        var skipped: [(reference: String, method: String)] = []
        for move in moves {
            let scenario = scenarios[move.scenario]
            let districtID = context.directory.district(of: scenario.townID)?.id ?? ""
            if move.step < 0 {
                if items[scenario.townID] == nil, let town = context.tree.towns.first(where: { $0.id == scenario.townID }) {
                    items[scenario.townID] = Dictionary(DemoCatalogue.items(forTown: town, in: context.tree).map { ($0.code, $0) },
                                                        uniquingKeysWith: { first, _ in first })
                }
                tasks[move.scenario] = try create(scenario, item: items[scenario.townID]?[scenario.itemCode],
                                                  districtID: districtID, context: context, tokenIDs: tokenIDs, in: tx)
                continue
            }
            guard var stored = tasks[move.scenario] else { continue }
            let (command, actor) = self.command(scenario.steps[move.step].action, for: stored, at: move.time,
                                                districtID: districtID, tokenIDs: tokenIDs)
            guard let (next, drafts) = try? TaskStateMachine.apply(command, to: stored.task, at: move.time) else {
                skipped.append((scenario.reference, command.methodName))
                continue
            }
            stored.task = next
            if let plan = command.plan { stored.resolveWithin = plan.resolveWithin }
            _ = try TaskRecords.append(drafts, of: stored.task, actor: actor, at: move.time, in: tx)
            tasks[move.scenario] = stored
            changed.insert(move.scenario)
        }
        // Each task's row is written once more, as its history left it (the events are all there).
        for index in changed.sorted() {
            guard var stored = tasks[index] else { continue }
            stored.task.etag = Etag.next()
            try TaskRecords.save(stored, districtID: context.directory.district(of: stored.task.townId)?.id ?? "", isNew: false, in: tx)
        }
        return skipped
    }

    private func create(_ scenario: DemoTaskScenario, item: DemoCatalogueItem?, districtID: String,
                        context: DemoSeedContext, tokenIDs: [String: String], in tx: any SQLWriteTransaction) throws -> StoredTask {
        var task = Jiceng_V1_Task()
        task.title = scenario.title
        task.description_p = scenario.description
        task.source = scenario.source
        // A repeated peer case number would collide with the unique index: keep the first.
        if !scenario.externalRef.isEmpty, try TaskRecords.byExternalRef(source: scenario.source, scenario.externalRef, in: tx) == nil {
            task.externalRef = scenario.externalRef
        }
        task.townId = scenario.townID
        task.gridId = scenario.gridID
        task.location.address = scenario.address
        task.location.latitude = scenario.latitude
        task.location.longitude = scenario.longitude
        task.domain = scenario.domain
        task.urgency = scenario.urgency
        let reporter = scenario.source == .gridReport ? (Role.gridWorker, scenario.gridID) : (Role.townOperator, scenario.townID)
        task.reporterOrgId = reporter.1
        let calendar = deadlines.calendars.calendar(forDistrict: districtID)
        task.id = try TaskRecords.nextID(at: scenario.createTime, timeZone: calendar.timeZone, in: tx)

        var plan: TaskDispatchPlan?
        var note = ""
        if let item, let resolution = try published(item, townID: scenario.townID, directory: context.directory, in: tx) {
            plan = deadlines.plan(lead: resolution.leadDepartmentId, cooperating: resolution.cooperatingDepartmentIds,
                                  from: scenario.createTime, districtID: districtID, urgency: scenario.urgency,
                                  sla: resolution.hasResponseSla ? resolution.responseSla : nil)
            task.catalogueItemId = resolution.item.id
            task.catalogueVersion = resolution.catalogueVersion
            note = resolution.explanation
            task.routingExplanation = note
        } else if let item {
            var sla = Jiceng_V1_ResponseSla()
            if let declared = item.responseSLA {
                sla.acceptWithin.seconds = Int64(declared.acceptWithinHours) * 3600
                sla.resolveWithin.seconds = Int64(declared.resolveWithinWorkingDays) * Int64(calendar.workingSecondsPerDay)
            }
            plan = deadlines.plan(lead: item.leadDepartmentID, cooperating: item.cooperatingDepartmentIDs, from: scenario.createTime,
                                  districtID: districtID, urgency: scenario.urgency, sla: item.responseSLA == nil ? nil : sla)
            let townName = context.directory[scenario.townID]?.name ?? scenario.townID
            note = "依据\(townName)属地管理事项清单第\(item.code)项《\(item.title)》"
            task.routingExplanation = note
        }
        let (initial, drafts) = TaskStateMachine.create(task, plan: plan, routingNote: note, at: scenario.createTime)
        var created = initial
        created.etag = Etag.next()
        let stored = StoredTask(task: created, escalatedFor: "", resolveWithin: plan?.resolveWithin ?? 0)
        try TaskRecords.save(stored, districtID: districtID, isNew: true, in: tx)
        _ = try TaskRecords.append(drafts, of: created, actor: actor(reporter.0, reporter.1, tokenIDs), at: scenario.createTime, in: tx)
        return stored
    }

    /// The published catalogue's resolution of a demo item, nil without routing, when the town's
    /// published lists lack it, or when a revision gave it other departments.
    private func published(_ item: DemoCatalogueItem, townID: String, directory: OrgDirectory,
                           in tx: any SQLWriteTransaction) throws -> Jiceng_V1_Resolution? {
        guard let routing, let id = try CatalogueItemStore.itemID(owner: townID, list: .territorialMatter, code: item.code, in: tx) else {
            return nil
        }
        do {
            let resolution = try routing.route(in: tx, directory: directory, townID: townID, itemID: id, domain: .unspecified, text: "")
            // The scenario's steps were planned for the demo list's departments; a published
            // revision that changed them would not fit the plan.
            guard let resolution, resolution.leadDepartmentId == item.leadDepartmentID,
                  Set(resolution.cooperatingDepartmentIds) == Set(item.cooperatingDepartmentIDs) else { return nil }
            return resolution
        } catch is PlatformError {
            // Retired by a later revision, say: routed as the demo list had it. (Refused before
            // any statement failed, so the transaction goes on.)
            return nil
        }
    }

    /// The command a planned action makes, and who makes it.
    private func command(_ action: DemoTaskAction, for stored: StoredTask, at time: Date, districtID: String,
                         tokenIDs: [String: String]) -> (TaskCommand, Jiceng_V1_Actor) {
        let task = stored.task
        var town: Jiceng_V1_Actor { actor(.townOperator, task.townId, tokenIDs) }
        var lead: Jiceng_V1_Actor { actor(.departmentOperator, task.leadDepartmentId, tokenIDs) }
        func plan(_ leadID: String, _ cooperating: [String]) -> TaskDispatchPlan {
            deadlines.plan(lead: leadID, cooperating: cooperating, from: time, districtID: districtID, urgency: task.urgency, sla: nil)
        }
        switch action {
        case .dispatch(let leadID, let cooperating, let note):
            return (.dispatch(plan(leadID, cooperating), note: note), town)
        case .accept(let note):
            let due = deadlines.deadline(after: time, seconds: stored.resolveWithin, urgency: task.urgency, districtID: districtID)
            return (.accept(note: note, resolveDeadline: due), lead)
        case .dispute(let reason):
            return (.dispute(reason: reason), lead)
        case .settleDispute(let upheld, let leadID, let note):
            return (.settleDispute(upheld: upheld, plan(leadID, task.cooperatingDepartmentIds), note: note),
                    actor(.districtAdmin, districtID, tokenIDs))
        case .acknowledgeAssignment(let department):
            return (.acknowledgeAssignment(departmentID: department, note: ""), actor(.departmentOperator, department, tokenIDs))
        case .completeAssignment(let department, let note):
            return (.completeAssignment(departmentID: department, note: note), actor(.departmentOperator, department, tokenIDs))
        case .progress(let note):
            return (.addProgress(note: note), lead)
        case .requestExtension(let deadline, let reason):
            return (.requestExtension(newResolveDeadline: deadline, reason: reason), lead)
        case .decideExtension(let approved, let note):
            return (.decideExtension(approved: approved, note: note), town)
        case .escalate(let reason):
            return (.escalate(reason: reason), town)
        case .resolve(let resolution):
            return (.resolve(resolution: resolution), lead)
        case .verify(let passed, let note):
            return (.verify(passed: passed, note: note), town)
        case .rate(let satisfaction, let comment):
            return (.rate(satisfaction: Int32(satisfaction), comment: comment), town)
        case .cancel(let reason):
            return (.cancel(reason: reason), town)
        }
    }

    /// The actor of a demo step: the org and role, with the id of the demo token for them if any.
    private func actor(_ role: Role, _ orgID: String, _ tokenIDs: [String: String]) -> Jiceng_V1_Actor {
        var actor = Jiceng_V1_Actor()
        actor.orgId = orgID
        actor.role = Jiceng_V1_Role(rawValue: role.rawValue)
        actor.tokenId = tokenIDs["\(role.rawValue) \(orgID)"] ?? ""
        return actor
    }
}
