import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

@Test func demoAppraisalPeriodsRankTheSeededTasks() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-demo-appraisal-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let database = try await SQLiteDatabase.open(
        directory: path, schemas: [PlatformSchema.schema(.sqlite), TaskSchema.schema(.sqlite), AppraisalSchema.schema(.sqlite)])
    let now = Date(timeIntervalSince1970: 1_796_000_400)
    let tree = DemoOrgTree.jianglin
    let tokens = DemoCityBuilder(tree: tree).plannedTokens()
    try await database.write { tx in
        for unit in tree.units {
            try OrgStore.insert(unit.orgUnit(etag: "e", time: TaskTime.timestamp(now)), in: tx)
        }
        let context = DemoSeedContext(tree: tree, directory: try OrgStore.directory(in: tx), tokens: tokens, now: now)
        try DemoTaskSeeder(count: 600).seed(context, in: tx)
        try AppraisalDemoSeeder().seed(context, in: tx)
    }
    let periods = try await database.read { tx in
        try AppraisalRecords.periods(districtIDs: nil, state: .unspecified, afterID: nil, limit: 100, in: tx).periods
    }
    #expect(periods.count == tree.districtIDs.count * 2)
    #expect(periods.filter { $0.state == .published }.count == tree.districtIDs.count)
    #expect(periods.filter { $0.state == .open }.count == tree.districtIDs.count)
    // Every published period has a frozen ranking in which some departments had due cases.
    for period in periods where period.state == .published {
        let ranking = try await database.read { tx in
            try AppraisalRecords.snapshot(Jiceng_V1_GetRankingResponse.self, periodID: period.id, key: AppraisalRecords.rankingKey, in: tx)
        }
        let entries = try #require(ranking).entries
        #expect(!entries.isEmpty)
        #expect(entries.contains { $0.hasDueCases && $0.rank == 1 }, "\(period.id)")
    }
}
