import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

@Suite struct AppraisedTaskQueryTests {
    @Test func readsEveryFigureFromTheTaskRowsAndEvents() async throws {
        let f = try await AppraisalFixture()
        let t = f.tasks
        let context = TaskFixture.context()

        // Disputed by the lead, refused by the district, then reworked once and rated.
        let dispatched = try await t.dispatch(try await t.create(title: "路灯不亮"))
        var dispute = Jiceng_V1_DisputeTaskRequest()
        dispute.id = dispatched.id
        dispute.etag = dispatched.etag
        dispute.requestId = t.requestID()
        dispute.reason = "不属本局"
        let disputed = try await t.as(.departmentOperator, TaskOrg.urban) { try await $0.disputeTask(request: dispute, context: context) }
        t.clock.advance(by: 3600)
        var settle = Jiceng_V1_SettleDisputeRequest()
        settle.id = disputed.id
        settle.etag = disputed.etag
        settle.requestId = t.requestID()
        settle.upheld = false
        settle.leadDepartmentId = TaskOrg.urban
        let settled = try await t.as(.districtAdmin, TaskOrg.district) { try await $0.settleDispute(request: settle, context: context) }
        t.clock.advance(by: 3600)
        let firstResolve = try await t.resolve(try await t.accept(settled))
        t.clock.advance(by: 3600)
        let reworked = try await t.verify(firstResolve, passed: false)
        t.clock.advance(by: 3600)
        let closed = try await t.verify(try await t.resolve(reworked), passed: true)
        var rate = Jiceng_V1_RateTaskRequest()
        rate.id = closed.id
        rate.etag = closed.etag
        rate.requestId = t.requestID()
        rate.satisfaction = 5
        _ = try await t.as(.townOperator, TaskOrg.town) { try await $0.rateTask(request: rate, context: context) }

        // Extended with approval; and one cancelled.
        let accepted = try await t.accept(try await t.dispatch(try await t.create(title: "井盖缺失")))
        let extended = try await t.extendApproved(accepted, to: TaskTime.date(accepted.resolveDeadline).addingTimeInterval(86_400))
        let doomed = try await t.dispatch(try await t.create(title: "重复上报"))
        var cancel = Jiceng_V1_CancelTaskRequest()
        cancel.id = doomed.id
        cancel.etag = doomed.etag
        cancel.requestId = t.requestID()
        cancel.reason = "误报"
        _ = try await t.as(.townOperator, TaskOrg.town) { try await $0.cancelTask(request: cancel, context: context) }
        // Another district's task is not read at all.
        _ = try await t.dispatch(try await t.create(title: "临山路灯", town: TaskOrg.otherTown), lead: TaskOrg.otherDepartment)

        let tasks = try await f.environment.read { tx in
            try AppraisedTaskQuery.tasks(districtID: TaskOrg.district, start: AppraisalFixture.windowStart,
                                         end: AppraisalFixture.windowEnd, in: tx)
        }
        #expect(Set(tasks.map(\.id)) == [closed.id, extended.id, doomed.id])
        let one = try #require(tasks.first { $0.id == closed.id })
        #expect(one.refusedDisputes == 1)
        #expect(one.reworkCount == 1)
        #expect(one.closed)
        #expect(one.satisfaction == 5)
        #expect(one.dispatchTime == TaskTime.date(settled.updateTime))
        #expect(one.firstResolveTime == TaskTime.date(firstResolve.resolveTime))
        #expect(one.resolveTime.map { $0 > TaskTime.date(firstResolve.resolveTime) } == true)
        #expect(one.verifyTime != nil)
        #expect(!one.extensionApproved)
        let two = try #require(tasks.first { $0.id == extended.id })
        #expect(two.extensionApproved)
        #expect(two.resolveDeadline == TaskTime.date(extended.resolveDeadline))
        #expect(two.dispatchTime != nil && two.acceptTime != nil && !two.closed)
        #expect(tasks.first { $0.id == doomed.id }?.excluded == true)
        #expect(tasks.filter(\.excluded).count == 1)
    }
}

@Suite struct AppraisedTaskQueryPlanTests {
    /// Both statements walk indexes from the window, whatever the table's size: the due tasks by
    /// district and resolve deadline, their events by task; nothing is scanned or sorted.
    @Test(arguments: [AppraisedTaskQuery.dueTasksSQL, AppraisedTaskQuery.eventsSQL])
    func walksIndexes(sql: String) async throws {
        let f = try await AppraisalFixture()
        let count = sql.contains("$4") ? 6 : 3
        let plan = try await f.environment.read { tx in
            // EXPLAIN runs no transaction opcode, so a reader connection opened before the
            // migration would explain with its old schema; a real statement reloads it first.
            _ = try tx.query("SELECT COUNT(*) FROM tasks", [])
            let parameters: [any SQLValueConvertible] = [TaskOrg.district, Int64(0), Int64(1), Int64(2), Int64(5), Int64(7)]
            return try tx.query("EXPLAIN QUERY PLAN " + sql, Array(parameters.prefix(count))).map { try $0.get("detail", as: String.self) }
        }
        let text = plan.joined(separator: " | ")
        #expect(!text.contains("TEMP B-TREE"), "\(text)")
        #expect(!text.contains("SCAN"), "\(text)")
        #expect(text.contains("INDEX tasks_by_district_resolve_deadline (district_id=? AND resolve_deadline>? AND resolve_deadline<?)"), "\(text)")
        if count == 6 { #expect(text.contains("INDEX task_events_by_task (task_id=?)"), "\(text)") }
    }
}
