import Foundation
import JicengAPI
import Testing
@testable import Platform

/// Search and routing over the whole demo city, seeded once for the suite.
@Suite("Catalogue search and routing on the demo city", .serialized)
struct CatalogueSearchAndRoutingTests {
    static let seeded: Task<CatalogueFixture, any Error> = Task {
        let f = try await CatalogueFixture.make()
        try await DemoCatalogueSeeding.seed(tree: f.tree, directory: f.directory, database: f.database,
                                            now: Date(timeIntervalSince1970: 1_790_000_000))
        return f
    }

    static let index = CatalogueSearchIndex()

    func search(_ f: CatalogueFixture, _ query: String, owner: String) async throws -> [CatalogueSearchIndex.Hit] {
        let index = Self.index
        try await f.database.read { tx in try index.catchUp(in: tx) }
        var filter = CatalogueSearchIndex.Filter()
        filter.ownerID = owner
        return index.search(query, filter: filter)
    }

    @Test func theDemoCityIsSeededWithVersionsAndDrafts() async throws {
        let f = try await Self.seeded.value
        let towns = f.tree.towns
        let latest = try await f.database.read { tx in try towns.map { try CatalogueVersions.latest(owner: $0.id, in: tx) } }
        #expect(latest[0] == 2 && latest[2] == 2 && latest[3] == 1)
        let drafts = try await f.database.read { tx in
            try tx.scalar("SELECT COUNT(*) FROM catalogue_items WHERE state = 1", as: Int64.self) ?? 0
        }
        #expect(drafts > 0, "the towns revised but not republished keep drafts")
        for districtID in f.tree.districtIDs {
            #expect(try await f.database.read { tx in try CatalogueVersions.latest(owner: districtID, in: tx) } == 1)
        }
    }

    @Test func oneAndTwoCharacterQueriesFindWhatAPersonExpects() async throws {
        let f = try await Self.seeded.value
        let town = f.tree.towns[3]
        let lights = try await search(f, "路灯", owner: town.id)
        #expect(lights.first?.fragment.contains("【路灯】") == true)
        #expect(lights.contains { $0.fragment.contains("【路灯】不亮") })
        let noise = try await search(f, "噪音", owner: town.id)
        #expect(!noise.isEmpty && noise.allSatisfy { $0.fragment.contains("【噪音】") })
        #expect(noise.first?.field == "keywords" || noise.first?.field == "title")
        let stalls = try await search(f, "占道", owner: town.id)
        #expect(stalls.first?.field == "title" && stalls.first!.fragment.contains("【占道】经营"))
        let single = try await search(f, "灯", owner: town.id)
        #expect(single.count >= lights.count)
        let both = try await search(f, "路灯 不亮", owner: town.id)
        #expect(!both.isEmpty && both.count <= lights.count)
        #expect(try await search(f, "不存在的事项词", owner: town.id).isEmpty)
    }

    @Test func routingByTextPicksTheLeadDepartmentAndExplainsWhy() async throws {
        let f = try await Self.seeded.value
        let town = f.tree.towns[0]  // republished: version 2
        let routing = CatalogueRouting()
        let directory = f.directory
        let response = try await f.database.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: town.id, itemID: "", domain: .unspecified,
                                text: "幸福小区门口的路灯不亮好几天了，晚上很黑")
        }
        let best = try #require(response.hasResolution ? response.resolution : nil)
        #expect(best.leadDepartmentId == DemoDepartment.urbanManagement.id(inDistrict: town.districtID))
        #expect(best.catalogueVersion == 2 && best.item.list == .territorialMatter)
        #expect(best.explanation.hasPrefix("依据\(town.name)属地管理事项清单第2版 SD-"))
        #expect(best.explanation.contains("主责部门："))
        #expect(best.score > 0 && best.score < 1)

        let byItem = try await f.database.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: town.id, itemID: best.item.id, domain: .unspecified, text: "")
        }
        #expect(byItem.resolution.score == 1 && byItem.resolution.item.id == best.item.id)

        let noise = try await f.database.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: town.id, itemID: "", domain: .unspecified,
                                text: "楼下广场舞噪音扰民，高音喇叭太吵")
        }
        #expect(noise.resolution.leadDepartmentId == DemoDepartment.police.id(inDistrict: town.districtID))

        let vague = try await f.database.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: town.id, itemID: "", domain: .unspecified, text: "噪音")
        }
        #expect(vague.ambiguous && vague.candidates.count >= 2)
        #expect(vague.candidates.first?.item.id == vague.resolution.item.id)
        #expect(!noise.ambiguous, "a full description is not ambiguous")

        let nothing = try await f.database.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: town.id, itemID: "", domain: .unspecified, text: "你好")
        }
        #expect(!nothing.hasResolution)
    }

    @Test func routingByItemRefusesItemsOutsideTheLatestVersion() async throws {
        let f = try await Self.seeded.value
        let town = f.tree.towns[1]  // revised but not republished: the added matters are drafts
        let directory = f.directory
        let draft = try await f.database.read { tx in
            try tx.scalar("SELECT id FROM catalogue_items WHERE owner_id = $1 AND state = 1 AND list = 3", [town.id], as: String.self)
        }
        let id = try #require(draft)
        let refused = await platformError {
            _ = try await f.database.read { tx in
                try CatalogueRouting().resolve(in: tx, directory: directory, townID: town.id, itemID: id, domain: .unspecified, text: "")
            }
        }
        #expect(sameKind(refused, .failedPrecondition(reason: "ITEM_NOT_PUBLISHED", "")))
    }
}
