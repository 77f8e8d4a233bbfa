import Foundation
import JicengAPI
import RPC
import Store
import Testing
@testable import Platform

@Suite struct TaskServiceTests {
    @Test func aTaskLivesFromCallToRating() async throws {
        let f = try await TaskFixture()
        let created = try await f.create()
        #expect(created.id == "T20261130-000001")
        #expect(created.state == .reported)
        #expect(created.reporterOrgId == TaskOrg.town)
        #expect(!created.etag.isEmpty)

        let dispatched = try await f.dispatch(created, lead: TaskOrg.urban, cooperating: [TaskOrg.housing])
        #expect(dispatched.state == .dispatched)
        #expect(dispatched.assignments.map(\.departmentId) == [TaskOrg.housing])
        #expect(dispatched.hasAcceptDeadline && dispatched.hasResolveDeadline)

        // Only the lead accepts.
        let notLead = await thrownStatus { _ = try await f.accept(dispatched, as: TaskOrg.housing) }
        #expect(notLead?.code == .permissionDenied)
        #expect(errorInfo(notLead)?.reason == "NOT_LEAD_DEPARTMENT")
        let accepted = try await f.accept(dispatched)
        #expect(accepted.state == .accepted)

        // A stale etag is ABORTED.
        let stale = await thrownStatus { _ = try await f.resolve(dispatched) }
        #expect(stale?.code == .aborted)

        // 首接负责: no resolving while the cooperating department's part is open.
        let open = await thrownStatus { _ = try await f.resolve(accepted) }
        #expect(open?.code == .failedPrecondition)
        #expect(errorInfo(open)?.reason == "ASSIGNMENTS_OPEN")

        var ack = Jiceng_V1_AcknowledgeAssignmentRequest()
        ack.id = accepted.id
        ack.requestId = f.requestID()
        ack.departmentId = TaskOrg.housing
        _ = try await f.as(.departmentOperator, TaskOrg.housing) { try await $0.acknowledgeAssignment(request: ack, context: TaskFixture.context()) }
        var complete = Jiceng_V1_CompleteAssignmentRequest()
        complete.id = accepted.id
        complete.requestId = f.requestID()
        complete.departmentId = TaskOrg.housing
        // Another department cannot sign off housing's part.
        let foreign = await thrownStatus {
            _ = try await f.as(.departmentOperator, TaskOrg.civil) { try await $0.completeAssignment(request: complete, context: TaskFixture.context()) }
        }
        #expect(foreign?.code == .permissionDenied)
        let signedOff = try await f.as(.departmentOperator, TaskOrg.housing) {
            try await $0.completeAssignment(request: complete, context: TaskFixture.context())
        }
        #expect(signedOff.assignments.first?.state == .completed)

        let resolved = try await f.resolve(signedOff)
        #expect(resolved.state == .resolved)
        let reworked = try await f.verify(resolved, passed: false)
        #expect(reworked.state == .accepted)
        #expect(reworked.reworkCount == 1)
        let closed = try await f.verify(try await f.resolve(reworked), passed: true)
        #expect(closed.state == .closed)

        var rate = Jiceng_V1_RateTaskRequest()
        rate.id = closed.id
        rate.etag = closed.etag
        rate.requestId = f.requestID()
        rate.satisfaction = 5
        let rated = try await f.as(.townOperator, TaskOrg.town) { try await $0.rateTask(request: rate, context: TaskFixture.context()) }
        #expect(rated.satisfaction == 5)
        rate.etag = rated.etag
        rate.requestId = f.requestID()
        let twice = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.rateTask(request: rate, context: TaskFixture.context()) } }
        #expect(errorInfo(twice)?.reason == "TASK_ALREADY_RATED")

        // The history is complete, in order, with gap-free sequence numbers.
        let events = try await f.history(created.id)
        #expect(events.map(\.type) == [.created, .dispatched, .accepted, .assignmentAcknowledged, .assignmentCompleted,
                                       .resolved, .rework, .resolved, .verified, .rated])
        #expect(events.map(\.seq) == Array(1...10))
        #expect(events.first?.actor.orgId == TaskOrg.town)
        #expect(events[2].actor.role == .departmentOperator)
    }

    @Test func aWrongMoveIsFailedPreconditionNamingTheState() async throws {
        let f = try await TaskFixture()
        let created = try await f.create()
        let status = await thrownStatus { _ = try await f.verify(created, passed: true) }
        #expect(status?.code == .failedPrecondition)
        #expect(errorInfo(status)?.reason == "TASK_INVALID_TRANSITION")
        #expect(errorInfo(status)?.metadata["state"] == "TASK_STATE_REPORTED")
        // Nothing was written but the audit of the refusal.
        #expect(try await f.count("SELECT COUNT(*) FROM task_events") == 1)
        #expect(try await f.count("SELECT COUNT(*) FROM audit_events WHERE result = 'FAILED_PRECONDITION'") == 1)
    }

    @Test func disputesAreSettledByTheDistrict() async throws {
        let f = try await TaskFixture()
        let dispatched = try await f.dispatch(try await f.create())
        var dispute = Jiceng_V1_DisputeTaskRequest()
        dispute.id = dispatched.id
        dispute.etag = dispatched.etag
        dispute.requestId = f.requestID()
        dispute.reason = "属住建职责"
        let disputed = try await f.as(.departmentOperator, TaskOrg.urban) { try await $0.disputeTask(request: dispute, context: TaskFixture.context()) }
        #expect(disputed.state == .disputed)

        var settle = Jiceng_V1_SettleDisputeRequest()
        settle.id = disputed.id
        settle.etag = disputed.etag
        settle.requestId = f.requestID()
        settle.upheld = true
        settle.leadDepartmentId = TaskOrg.housing
        // Another district's admin may not settle it; this district's may.
        let foreign = await thrownStatus {
            _ = try await f.as(.districtAdmin, TaskOrg.otherDistrict) { try await $0.settleDispute(request: settle, context: TaskFixture.context()) }
        }
        #expect(foreign?.code == .permissionDenied)
        let settled = try await f.as(.districtAdmin, TaskOrg.district) { try await $0.settleDispute(request: settle, context: TaskFixture.context()) }
        #expect(settled.state == .dispatched)
        #expect(settled.leadDepartmentId == TaskOrg.housing)
        // The new lead now reads it; the old one no longer does.
        #expect(try await f.get(settled.id, role: .departmentOperator, org: TaskOrg.housing).id == settled.id)
        let old = await thrownStatus { _ = try await f.get(settled.id, role: .departmentOperator, org: TaskOrg.urban) }
        #expect(old?.code == .permissionDenied)
    }

    @Test func extensionsAndEscalationAndCancellation() async throws {
        let f = try await TaskFixture()
        let accepted = try await f.accept(try await f.dispatch(try await f.create()))
        var extend = Jiceng_V1_RequestExtensionRequest()
        extend.id = accepted.id
        extend.etag = accepted.etag
        extend.requestId = f.requestID()
        extend.reason = "需协调供电公司"
        extend.newResolveDeadline = TaskTime.timestamp(TaskFixture.start.addingTimeInterval(-60))
        let past = await thrownStatus { _ = try await f.as(.departmentOperator, TaskOrg.urban) { try await $0.requestExtension(request: extend, context: TaskFixture.context()) } }
        #expect(past?.code == .invalidArgument)
        #expect(badFields(past) == ["new_resolve_deadline"])

        let wanted = TaskTime.date(accepted.resolveDeadline).addingTimeInterval(86400 * 7)
        let approved = try await f.extendApproved(accepted, to: wanted)
        #expect(approved.resolveDeadline == TaskTime.timestamp(wanted))

        var escalate = Jiceng_V1_EscalateTaskRequest()
        escalate.id = approved.id
        escalate.etag = approved.etag
        escalate.requestId = f.requestID()
        escalate.reason = "群众多次反映"
        let escalated = try await f.as(.townOperator, TaskOrg.town) { try await $0.escalateTask(request: escalate, context: TaskFixture.context()) }
        #expect(escalated.escalationLevel == .district)

        var cancel = Jiceng_V1_CancelTaskRequest()
        cancel.id = escalated.id
        cancel.etag = escalated.etag
        cancel.requestId = f.requestID()
        cancel.reason = "群众已自行解决"
        let otherTown = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.street) { try await $0.cancelTask(request: cancel, context: TaskFixture.context()) } }
        #expect(otherTown?.code == .permissionDenied)
        let cancelled = try await f.as(.townOperator, TaskOrg.town) { try await $0.cancelTask(request: cancel, context: TaskFixture.context()) }
        #expect(cancelled.state == .cancelled)
    }

    @Test func duplicatesLinkToAnOriginalOfTheSameTown() async throws {
        let f = try await TaskFixture()
        let original = try await f.create(title: "解放路路灯不亮")
        let repeat_ = try await f.create(title: "解放路12号路灯坏了")
        let elsewhere = try await f.create(title: "柳溪路路灯不亮", town: TaskOrg.street)
        var mark = Jiceng_V1_MarkDuplicateRequest()
        mark.id = repeat_.id
        mark.etag = repeat_.etag
        mark.requestId = f.requestID()
        mark.ofTaskId = elsewhere.id
        let wrongTown = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.markDuplicate(request: mark, context: TaskFixture.context()) } }
        #expect(errorInfo(wrongTown)?.reason == "DUPLICATE_OF_OTHER_TOWN")
        mark.ofTaskId = original.id
        mark.requestId = f.requestID()
        let marked = try await f.as(.townOperator, TaskOrg.town) { try await $0.markDuplicate(request: mark, context: TaskFixture.context()) }
        #expect(marked.state == .cancelled)
        #expect(marked.duplicateOfTaskId == original.id)
    }

    @Test func retriesAndPeerCasesReturnTheSameTask() async throws {
        let f = try await TaskFixture()
        let first = try await f.create(requestID: "same")
        let retry = try await f.create(requestID: "same")
        #expect(first == retry)
        let different = await thrownStatus { _ = try await f.create(title: "别的事", requestID: "same") }
        #expect(different?.code == .alreadyExists)

        // A peer system pushing case 12345-0001 twice (with new request ids) gets one task.
        let pushed = try await f.create(title: "噪音扰民", source: .hotline12345, externalRef: "12345-0001",
                                        role: .districtAdmin, org: TaskOrg.district)
        let again = try await f.create(title: "噪音扰民", source: .hotline12345, externalRef: "12345-0001",
                                       role: .districtAdmin, org: TaskOrg.district)
        #expect(again.id == pushed.id)
        // The same reference from another source is another case.
        let other = try await f.create(title: "噪音扰民", source: .peerSystem, externalRef: "12345-0001",
                                       role: .districtAdmin, org: TaskOrg.district)
        #expect(other.id != pushed.id)
        #expect(try await f.count("SELECT COUNT(*) FROM tasks") == 3)
    }

    @Test func badRequestsNameTheFieldAndWriteNothing() async throws {
        let f = try await TaskFixture()
        var request = Jiceng_V1_CreateTaskRequest()
        request.requestId = f.requestID()
        request.task.townId = TaskOrg.town
        let missing = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.createTask(request: request, context: TaskFixture.context()) } }
        #expect(missing?.code == .invalidArgument)
        #expect(Set(badFields(missing)) == ["task.title", "task.source"])

        request.task.title = "路灯不亮"
        request.task.source = .townCall
        request.task.description_p = String(repeating: "长", count: 4001)
        let long = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.createTask(request: request, context: TaskFixture.context()) } }
        #expect(badFields(long) == ["task.description"])

        request.task.description_p = ""
        request.task.townId = ""
        let noTown = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.createTask(request: request, context: TaskFixture.context()) } }
        #expect(badFields(noTown) == ["task.town_id"])

        request.task.townId = TaskOrg.street
        let outside = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.createTask(request: request, context: TaskFixture.context()) } }
        #expect(outside?.code == .permissionDenied)

        let accepted = try await f.accept(try await f.dispatch(try await f.create()))
        let tasksBefore = try await f.count("SELECT COUNT(*) FROM task_events")
        var rate = Jiceng_V1_RateTaskRequest()
        rate.id = accepted.id
        rate.etag = accepted.etag
        rate.requestId = f.requestID()
        for bad: Int32 in [0, 6] {
            rate.satisfaction = bad
            let status = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.rateTask(request: rate, context: TaskFixture.context()) } }
            #expect(badFields(status) == ["satisfaction"])
        }
        var dispatch = Jiceng_V1_DispatchTaskRequest()
        dispatch.id = try await f.create().id
        dispatch.etag = "x"
        dispatch.requestId = f.requestID()
        dispatch.leadDepartmentId = TaskOrg.otherDepartment
        let foreignLead = await thrownStatus { _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.dispatchTask(request: dispatch, context: TaskFixture.context()) } }
        #expect(badFields(foreignLead) == ["lead_department_id"])
        #expect(try await f.count("SELECT COUNT(*) FROM task_events") == tasksBefore + 1)
    }

    @Test func gridWorkersRaiseInTheirGridAndReadOnlyTheirs() async throws {
        let f = try await TaskFixture()
        let mine = try await f.create(title: "井盖缺失", source: .gridReport, role: .gridWorker, org: TaskOrg.grid)
        #expect(mine.gridId == TaskOrg.grid)
        #expect(mine.reporterOrgId == TaskOrg.grid)
        let elsewhere = await thrownStatus { _ = try await f.create(town: TaskOrg.street, source: .gridReport, role: .gridWorker, org: TaskOrg.grid) }
        #expect(elsewhere?.code == .permissionDenied)
        let townTask = try await f.create(title: "镇里的事")
        #expect(try await f.get(mine.id, role: .gridWorker, org: TaskOrg.grid).id == mine.id)
        let notMine = await thrownStatus { _ = try await f.get(townTask.id, role: .gridWorker, org: TaskOrg.grid) }
        #expect(notMine?.code == .permissionDenied)
        #expect(errorInfo(notMine)?.reason == "TASK_OUT_OF_SCOPE")
    }

    @Test func listsAreScopedFilteredAndPaged() async throws {
        let f = try await TaskFixture()
        var ids: [String] = []
        for index in 0..<7 {
            f.clock.advance(by: 60)
            let task = try await f.create(title: "事项\(index)", town: index.isMultiple(of: 2) ? TaskOrg.town : TaskOrg.street)
            ids.append(task.id)
        }
        // Two of the town's tasks go to urban management, one with housing cooperating.
        let first = try await f.get(ids[0])
        _ = try await f.dispatch(first, lead: TaskOrg.urban, cooperating: [TaskOrg.housing])
        _ = try await f.dispatch(try await f.get(ids[2]), lead: TaskOrg.urban)
        _ = try await f.dispatch(try await f.get(ids[1]), lead: TaskOrg.housing)

        func list(_ role: Role, _ org: String, _ edit: (inout Jiceng_V1_ListTasksRequest) -> Void = { _ in }) async throws -> Jiceng_V1_ListTasksResponse {
            var request = Jiceng_V1_ListTasksRequest()
            edit(&request)
            let ready = request
            return try await f.as(role, org) { try await $0.listTasks(request: ready, context: TaskFixture.context()) }
        }
        #expect(try await list(.auditor, TaskOrg.city).tasks.map(\.id) == ids.reversed())
        #expect(try await list(.townOperator, TaskOrg.town).tasks.map(\.id) == [ids[6], ids[4], ids[2], ids[0]])
        #expect(try await list(.townOperator, TaskOrg.town) { $0.townId = TaskOrg.street }.tasks.isEmpty)
        #expect(try await list(.districtAdmin, TaskOrg.otherDistrict).tasks.isEmpty)
        #expect(try await list(.departmentOperator, TaskOrg.urban).tasks.map(\.id) == [ids[2], ids[0]])
        #expect(try await list(.departmentOperator, TaskOrg.housing).tasks.map(\.id) == [ids[1], ids[0]])
        #expect(try await list(.departmentOperator, TaskOrg.agency).tasks.map(\.id) == [ids[2], ids[0]])
        #expect(try await list(.auditor, TaskOrg.city) { $0.state = .dispatched }.totalSize == 3)
        #expect(try await list(.auditor, TaskOrg.city) { $0.departmentId = TaskOrg.housing }.tasks.map(\.id) == [ids[1], ids[0]])
        #expect(try await list(.auditor, TaskOrg.city) { $0.query = "事项3" }.tasks.map(\.id) == [ids[3]])
        #expect(try await list(.auditor, TaskOrg.city) { $0.query = "%" }.tasks.isEmpty)

        // Overdue: past the accept deadline of the three dispatched tasks.
        #expect(try await list(.auditor, TaskOrg.city) { $0.overdue = true }.tasks.isEmpty)
        f.clock.advance(by: 86400 * 3)
        #expect(try await list(.auditor, TaskOrg.city) { $0.overdue = true }.tasks.count == 3)

        // Pages of two: every task once, in order, and the token is tied to its filters.
        var seen: [String] = []
        var token = ""
        repeat {
            let page = try await list(.auditor, TaskOrg.city) { $0.pageSize = 2; $0.pageToken = token }
            #expect(page.totalSize == 7)
            seen += page.tasks.map(\.id)
            token = page.nextPageToken
        } while !token.isEmpty
        #expect(seen == ids.reversed())
        let firstPage = try await list(.auditor, TaskOrg.city) { $0.pageSize = 2 }
        let misuse = await thrownStatus { _ = try await list(.auditor, TaskOrg.city) { $0.pageSize = 2; $0.pageToken = firstPage.nextPageToken; $0.state = .reported } }
        #expect(badFields(misuse) == ["page_token"])
    }

    @Test func cooperatingDepartmentsWorkTheirPartAndReportersWithdraw() async throws {
        let f = try await TaskFixture()
        let dispatched = try await f.dispatch(try await f.create(), lead: TaskOrg.urban, cooperating: [TaskOrg.housing, TaskOrg.civil])
        func progress(_ org: String, _ role: Role = .departmentOperator) async -> Status? {
            var request = Jiceng_V1_AddProgressRequest()
            request.id = dispatched.id
            request.requestId = f.requestID()
            request.note = "已到现场查看"
            return await thrownStatus { _ = try await f.as(role, org) { try await $0.addProgress(request: request, context: TaskFixture.context()) } }
        }
        #expect(await progress(TaskOrg.housing) == nil)
        #expect(await progress(TaskOrg.urban) == nil)
        #expect(await progress(TaskOrg.town, .townOperator) == nil)
        #expect(await progress(TaskOrg.otherDepartment)?.code == .permissionDenied)
        #expect(await progress(TaskOrg.street, .townOperator)?.code == .permissionDenied)

        // The dispatcher releases civil affairs; the lead still waits for housing.
        var release = Jiceng_V1_ReleaseAssignmentRequest()
        release.id = dispatched.id
        release.requestId = f.requestID()
        release.departmentId = TaskOrg.civil
        let released = try await f.as(.townOperator, TaskOrg.town) { try await $0.releaseAssignment(request: release, context: TaskFixture.context()) }
        #expect(released.assignments.map(\.state) == [.open, .released])
        let accepted = try await f.accept(released)
        let open = await thrownStatus { _ = try await f.resolve(accepted) }
        #expect(errorInfo(open)?.metadata["departments"] == TaskOrg.housing)

        // A grid worker withdraws what it raised, not what someone else did.
        let mine = try await f.create(source: .gridReport, role: .gridWorker, org: TaskOrg.grid)
        let townsTask = try await f.create()
        for (task, expected) in [(townsTask, Status.Code.permissionDenied), (mine, nil)] as [(Jiceng_V1_Task, Status.Code?)] {
            var cancel = Jiceng_V1_CancelTaskRequest()
            cancel.id = task.id
            cancel.etag = task.etag
            cancel.requestId = f.requestID()
            cancel.reason = "已自行解决"
            let status = await thrownStatus { _ = try await f.as(.gridWorker, TaskOrg.grid) { try await $0.cancelTask(request: cancel, context: TaskFixture.context()) } }
            #expect(status?.code == expected)
        }
        #expect(try await f.get(mine.id).state == .cancelled)
    }
}
