import Foundation
import JicengAPI
import Testing
@testable import Platform

@Suite("Catalogue linkage and versions")
struct CatalogueLinkageAndVersionTests {
    @Test func gridServiceItemsFollowTheirTerritorialMatterInTheSameTransaction() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        let source = try await f.create(f.territorial(f.town, code: "SD-0042"))
        let derived = try #require(try await f.derived(from: source.id))
        #expect(derived.list == .gridService && derived.code == "WG-0042" && derived.title == source.title)
        #expect(derived.sourceItemId == source.id && derived.state == .draft)
        #expect(derived.leadDepartmentId == source.leadDepartmentId)

        // An edited title reaches the grid item.
        let writes = f.writes
        var edit = source
        edit.title = "桥下涵洞、下穿通道积水处置"
        let edited = try await f.database.write { [edit] tx in
            try writes.update(edit, mask: ["title"], now: 2_000, authorize: { _ in }, in: tx)
        }
        #expect(try await f.derived(from: source.id)?.title == "桥下涵洞、下穿通道积水处置")

        // Not grid-capable any more: the grid item is retired, not deleted.
        var notGrid = edited
        notGrid.gridCapable = false
        let withdrawn = try await f.database.write { [notGrid] tx in
            try writes.update(notGrid, mask: ["grid_capable"], now: 3_000, authorize: { _ in }, in: tx)
        }
        let retiredGrid = try #require(try await f.derived(from: source.id))
        #expect(retiredGrid.state == .retired && retiredGrid.id == derived.id)

        // Grid items refuse direct edits.
        let direct = await platformError {
            _ = try await f.database.write { tx in
                try writes.update(retiredGrid, mask: ["title"], now: 4_000, authorize: { _ in }, in: tx)
            }
        }
        #expect(sameKind(direct, .failedPrecondition(reason: "GRID_SERVICE_DERIVED", "")))

        // A stale etag is refused.
        let stale = await platformError {
            _ = try await f.database.write { tx in
                try writes.update(edited, mask: ["title"], now: 5_000, authorize: { _ in }, in: tx)
            }
        }
        #expect(sameKind(stale, .aborted("")))
        #expect(withdrawn.etag != edited.etag)
    }

    @Test func publishingPutsDraftsInForceAndVersionsNeverChange() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        let writes = f.writes
        let kept = try await f.create(f.territorial(f.town, code: "SD-0001", title: "路灯不亮处置"))
        let dropped = try await f.create(f.territorial(f.town, code: "SD-0002", title: "井盖缺失处置"))
        let owner = f.town.id
        let v1 = try await f.database.write { tx in
            try CatalogueVersions.publish(owner: owner, note: "第一版", publishedBy: "district", now: 10_000, in: tx)
        }
        #expect(v1.version == 1 && v1.itemCount == 4)  // two matters and their grid items
        #expect(try await f.item(kept.id)?.state == .published)

        let current = try #require(try await f.item(kept.id))
        var edit = current
        edit.title = "道路照明设施故障处置"
        edit.cooperatingDepartmentIds = []
        let droppedNow = try #require(try await f.item(dropped.id))
        let added = try await f.database.write { [edit] tx in
            _ = try writes.update(edit, mask: ["title", "cooperating_department_ids"], now: 11_000, authorize: { _ in }, in: tx)
            _ = try writes.retire(droppedNow.id, etag: droppedNow.etag, now: 11_000, authorize: { _ in }, in: tx)
            return try writes.create(f.territorial(f.town, code: "SD-0003", title: "积水处置"), now: 11_000, in: tx)
        }
        let v2 = try await f.database.write { tx in
            try CatalogueVersions.publish(owner: owner, note: "第二版", publishedBy: "district", now: 12_000, in: tx)
        }
        #expect(v2.version == 2 && v2.itemCount == 4)

        let (first, second) = try await f.database.read { tx in
            (try CatalogueVersions.items(owner: owner, version: 1, in: tx), try CatalogueVersions.items(owner: owner, version: 2, in: tx))
        }
        #expect(first.first { $0.id == kept.id }?.title == "路灯不亮处置", "version 1 is unchanged by later edits")
        #expect(first.contains { $0.id == dropped.id } && !second.contains { $0.id == dropped.id })

        let diff = CatalogueDiff.between(first, second)
        #expect(Set(diff.added.map(\.code)) == ["SD-0003", "WG-0003"] && diff.added.contains { $0.id == added.id })
        #expect(Set(diff.removed.map(\.code)) == ["SD-0002", "WG-0002"])
        let change = try #require(diff.changed.first { $0.itemId == kept.id })
        #expect(change.changes.map(\.field) == ["title", "cooperating_department_ids"])
        #expect(change.changes[0].fromValue == "\"路灯不亮处置\"" && change.changes[0].toValue == "\"道路照明设施故障处置\"")
        #expect(change.changes[1].toValue == "[]")
        var item = Jiceng_V1_CatalogueItem()
        item.domain = .urbanManagement
        #expect(CatalogueItemJSON.values(of: item)["domain"] == "\"DOMAIN_URBAN_MANAGEMENT\"")
    }
}
