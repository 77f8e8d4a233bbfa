import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

/// ListTasks must stay fast at a million tasks: every list shape walks one index in
/// `(create_time, id)` order from the page position, so neither the page number nor the table
/// size adds work. Checked on SQLite's own query plans (not on timings).
@Suite struct TaskListPlanTests {
    struct Shape: Sendable, CustomStringConvertible {
        var role: Role
        var org: String
        var edit: @Sendable (inout Jiceng_V1_ListTasksRequest) -> Void = { _ in }
        var index: String
        var description: String { "\(role.name) \(org) → \(index)" }
    }

    static let shapes: [Shape] = [
        Shape(role: .auditor, org: TaskOrg.city, index: "tasks_by_create"),
        Shape(role: .townOperator, org: TaskOrg.town, index: "tasks_by_town"),
        Shape(role: .townOperator, org: TaskOrg.town, edit: { $0.state = .dispatched }, index: "tasks_by_town_state"),
        Shape(role: .districtAdmin, org: TaskOrg.district, index: "tasks_by_district"),
        Shape(role: .gridWorker, org: TaskOrg.grid, index: "tasks_by_grid"),
        Shape(role: .cityAdmin, org: TaskOrg.city, edit: { $0.state = .accepted }, index: "tasks_by_state"),
        Shape(role: .auditor, org: TaskOrg.city, edit: { $0.townId = TaskOrg.street }, index: "tasks_by_town"),
        Shape(role: .departmentOperator, org: TaskOrg.urban, index: "task_departments_by_department"),
        Shape(role: .auditor, org: TaskOrg.city, edit: { $0.departmentId = TaskOrg.housing }, index: "task_departments_by_department"),
    ]

    @Test(arguments: shapes)
    func everyListShapeWalksOneIndexFromThePagePosition(_ shape: Shape) async throws {
        let f = try await TaskFixture()
        let access = TaskAccess(scope: AccessScope(caller: Caller(tokenID: "t", orgID: shape.org, role: shape.role), directory: TaskOrg.directory))
        var request = Jiceng_V1_ListTasksRequest()
        shape.edit(&request)
        let first = try TaskListQuery(request, access: access, now: TaskFixture.start)
        request.pageToken = TaskListQuery.encodeToken(time: 1_796_000_000_000_000, id: "T20261130-000500", digest: first.digest)
        let page = try TaskListQuery(request, access: access, now: TaskFixture.start).pageStatement()
        let plan = try await f.environment.read { tx in
            try tx.query("EXPLAIN QUERY PLAN " + page.sql, page.parameters).map { try $0.get("detail", as: String.self) }
        }
        let text = plan.joined(separator: " | ")
        #expect(!text.contains("TEMP B-TREE"), "sorts instead of walking an index: \(text)")
        #expect(text.contains("USING INDEX \(shape.index) (") || text.contains("USING COVERING INDEX \(shape.index) ("), "\(text)")
        #expect(text.contains("create_time,id)<") || text.contains("create_time,task_id)<"), "the page position is not a range: \(text)")
    }
}
