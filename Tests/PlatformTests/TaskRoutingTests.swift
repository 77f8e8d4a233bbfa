import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

/// CreateTask routed by the catalogue's real routing over the demo city's published lists.
@Test func createTaskRoutesByTheTownsPublishedLists() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-routing-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let database = try await SQLiteDatabase.open(
        directory: path, schemas: [PlatformSchema.schema(.sqlite), .catalogue(.sqlite), TaskSchema.schema(.sqlite)])
    let now = TaskFixture.start
    let tree = DemoOrgTree.jianglin
    try await database.write { tx in
        for unit in tree.units { try OrgStore.insert(unit.orgUnit(etag: "e", time: TaskTime.timestamp(now)), in: tx) }
    }
    let directory = try await database.read { tx in try OrgStore.directory(in: tx) }
    try await DemoCatalogueSeeding.seed(tree: tree, directory: directory, database: database, now: now)
    let environment = PlatformEnvironment(database: database, clock: ManualClock(now), directory: directory)
    let service = TaskService(environment: environment, router: CatalogueRouting())
    let town = tree.towns[0]
    let (version, matters, duties) = try await database.read { tx in
        let version = try CatalogueVersions.latest(owner: town.id, in: tx) ?? 0
        return (version, try CatalogueVersions.items(owner: town.id, version: version, list: .territorialMatter, in: tx),
                try CatalogueVersions.items(owner: town.id, version: version, list: .dutyTask, in: tx))
    }
    let item = try #require(matters.first { !$0.leadDepartmentId.isEmpty && !$0.cooperatingDepartmentIds.isEmpty })

    func create(_ edit: (inout Jiceng_V1_Task) -> Void) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_CreateTaskRequest()
        request.requestId = UUID().uuidString
        request.task.title = "路灯不亮"
        request.task.townId = town.id
        request.task.source = .townCall
        edit(&request.task)
        let ready = request
        return try await CurrentCall.$caller.withValue(Caller(tokenID: "t", orgID: town.id, role: .townOperator)) {
            try await service.createTask(request: ready, context: TaskFixture.context())
        }
    }

    // By item: the item's lead and cooperating departments, the version, an explanation, the SLA.
    let byItem = try await create { $0.catalogueItemId = item.id }
    #expect(byItem.state == .dispatched)
    #expect(byItem.leadDepartmentId == item.leadDepartmentId)
    #expect(byItem.cooperatingDepartmentIds == item.cooperatingDepartmentIds)
    #expect(byItem.assignments.count == item.cooperatingDepartmentIds.count)
    #expect(byItem.catalogueVersion == version)
    #expect(byItem.catalogueItemId == item.id)
    #expect(byItem.routingExplanation.contains(item.code))
    let policy = TaskDeadlinePolicy()
    let expected = policy.plan(lead: item.leadDepartmentId, cooperating: item.cooperatingDepartmentIds, from: now,
                               districtID: town.districtID, urgency: .normal, sla: item.responseSla)
    #expect(TaskTime.date(byItem.acceptDeadline) == expected.acceptDeadline)
    let history = try await environment.read { tx in try TaskRecords.history(of: byItem.id, in: tx) }
    #expect(history.map(\.type) == [.created, .dispatched])
    #expect(history.last?.note == byItem.routingExplanation)

    // By text: the matter's own words route to it.
    let byText = try await create { $0.title = item.title; $0.description_p = item.description_p; $0.domain = item.domain }
    #expect(byText.state == .dispatched)
    #expect(byText.leadDepartmentId == item.leadDepartmentId)

    // Text no list covers stays REPORTED.
    let unmatched = try await create { $0.title = "ZZZ"; $0.description_p = "" }
    #expect(unmatched.state == .reported)

    // An item that is not a routable published matter of the town: the field is named, nothing written.
    let before = try await database.read { tx in try tx.scalar("SELECT COUNT(*) FROM tasks", [], as: Int.self) ?? -1 }
    for bad in ["CI99999999"] + duties.prefix(1).map(\.id) {
        let status = await thrownStatus { _ = try await create { $0.catalogueItemId = bad } }
        #expect(status?.code == .invalidArgument, "\(bad)")
        #expect(badFields(status) == ["task.catalogue_item_id"])
    }
    #expect(try await database.read { tx in try tx.scalar("SELECT COUNT(*) FROM tasks", [], as: Int.self) ?? -1 } == before)

    // The demo seeder routes its routed scenarios through the same published lists.
    let scenarios = DemoTaskGenerator(tree: tree).scenarios(count: 60, endingAt: now).filter { !$0.itemCode.isEmpty }
    let seeded = try await database.write { tx in
        let context = DemoSeedContext(tree: tree, directory: directory, tokens: [], now: now)
        let skipped = try DemoTaskSeeder(routing: CatalogueRouting()).replay(scenarios, context: context, in: tx)
        return (skipped.map { (reference: $0.reference, method: $0.method) }, try tx.query("SELECT body FROM tasks", []).map(TaskRecords.decode))
    }
    let earlier: Set<String> = [byItem.id, byText.id, unmatched.id]
    let demoTasks = seeded.1.filter { !earlier.contains($0.id) }
    #expect(seeded.0.allSatisfy { $0.method == "RequestExtension" || $0.method == "DecideExtension" })
    #expect(demoTasks.count == scenarios.count)
    #expect(demoTasks.filter { $0.catalogueVersion > 0 && !$0.catalogueItemId.isEmpty }.count >= scenarios.count * 9 / 10)
}
