import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

@Test func demoScenariosReplayThroughTheStateMachineAsPlanned() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-demo-tasks-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let database = try await SQLiteDatabase.open(directory: path, schemas: [PlatformSchema.schema(.sqlite), TaskSchema.schema(.sqlite)])
    let now = Date(timeIntervalSince1970: 1_796_000_400)
    let tree = DemoOrgTree.jianglin
    let seeder = DemoTaskSeeder(count: 400)
    let scenarios = DemoTaskGenerator(tree: tree, calendars: seeder.deadlines.calendars).scenarios(count: 400, endingAt: now)
    let builder = DemoCityBuilder(tree: tree)
    let tokens = builder.plannedTokens()
    let skipped = try await database.write { tx in
        for unit in tree.units {
            try OrgStore.insert(unit.orgUnit(etag: "e", time: TaskTime.timestamp(now)), in: tx)
        }
        let context = DemoSeedContext(tree: tree, directory: try OrgStore.directory(in: tx), tokens: tokens, now: now)
        return try seeder.replay(scenarios, context: context, in: tx)
    }
    // Only the generator's few extension requests whose deadline had passed are left out (with
    // the decision that would have followed them).
    #expect(skipped.count < scenarios.count / 50)
    #expect(skipped.allSatisfy { $0.method == "RequestExtension" || $0.method == "DecideExtension" })
    let tasks = try await database.read { tx in
        try tx.query("SELECT body FROM tasks ORDER BY create_time, id", []).map(TaskRecords.decode)
    }
    #expect(tasks.count == scenarios.count)
    // Every task ends where its plan said, with the planned rework and rating.
    for (task, scenario) in zip(tasks, scenarios) {
        #expect(task.title == scenario.title)
        #expect(task.state == scenario.finalState, "\(scenario.reference)")
        #expect(Int(task.reworkCount) == scenario.reworkCount)
        #expect(Int(task.satisfaction) == scenario.satisfaction)
    }
    #expect(Set(tasks.map(\.state)).isSuperset(of: [.reported, .dispatched, .accepted, .resolved, .closed, .cancelled]))
    // Events are numbered in time order, gap-free.
    let events = try await database.read { tx in
        try tx.query("SELECT seq, time FROM task_events ORDER BY seq", []).map { (try $0.get("seq", as: Int64.self), try $0.get("time", as: Int64.self)) }
    }
    #expect(events.map(\.0) == Array(1...Int64(events.count)))
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.1 <= $1.1 })
}
