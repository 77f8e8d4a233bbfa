import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store
import Synchronization
import Testing
@testable import Platform

/// The service's methods called as the server calls them (caller bound, real SQLite file, the
/// platform's own mutate path), without the transport.
@Suite("Catalogue service")
struct CatalogueServiceTests {
    struct Harness {
        let service: CatalogueService
        let fixture: CatalogueFixture
        let database: SQLiteDatabase

        static func make() async throws -> Harness {
            let path = NSTemporaryDirectory() + "catalogue-service-" + UUID().uuidString
            let database = try await SQLiteDatabase.open(directory: path, schemas: [PlatformSchema.schema(.sqlite), .catalogue(.sqlite)])
            let fixture = CatalogueFixture(database: database, directory: demoDirectory(.jianglin), path: path)
            let environment = PlatformEnvironment(database: database, clock: ManualClock(Date(timeIntervalSince1970: 1_790_000_000)),
                                                  directory: fixture.directory)
            return Harness(service: CatalogueService(environment: environment), fixture: fixture, database: database)
        }

        func call<T>(_ role: Role, _ org: String, _ body: () async throws -> T) async throws -> T {
            try await CurrentCall.$caller.withValue(Caller(tokenID: "test", orgID: org, role: role)) { try await body() }
        }

        var context: ServerContext {
            ServerContext(method: Jiceng_V1_CatalogueService.Method.createItem, metadata: Metadata(), deadline: nil, peer: "test")
        }

        func create(_ item: Jiceng_V1_CatalogueItem, as role: Role, _ org: String, requestID: String = UUID().uuidString) async throws
            -> Jiceng_V1_CatalogueItem
        {
            var request = Jiceng_V1_CreateItemRequest()
            request.item = item
            request.requestId = requestID
            return try await call(role, org) { try await service.createItem(request: request, context: context) }
        }
    }

    /// The status a call ends with.
    func status(_ body: () async throws -> Void) async -> Status? {
        do {
            try await body()
            return nil
        } catch {
            return Status(error: error)
        }
    }

    @Test func createRetryUpdateAndStaleEtag() async throws {
        let h = try await Harness.make()
        let f = h.fixture
        let district = f.town.districtID
        let item = f.territorial(f.town)
        let first = try await h.create(item, as: .districtAdmin, district, requestID: "req-1")
        let retry = try await h.create(item, as: .districtAdmin, district, requestID: "req-1")
        #expect(retry == first, "a retry returns the first result")
        var other = item
        other.title = "别的"
        #expect(await status { _ = try await h.create(other, as: .districtAdmin, district, requestID: "req-1") }?.code == .alreadyExists)

        var update = Jiceng_V1_UpdateItemRequest()
        update.item = first
        update.item.title = "桥下涵洞积水（内涝）处置"
        update.updateMask.paths = ["title"]
        update.requestId = "req-2"
        let updated = try await h.call(.districtAdmin, district) { try await h.service.updateItem(request: update, context: h.context) }
        #expect(updated.title == "桥下涵洞积水（内涝）处置" && updated.etag != first.etag)
        update.requestId = "req-3"
        let stale = await status { _ = try await h.call(.districtAdmin, district) { try await h.service.updateItem(request: update, context: h.context) } }
        #expect(stale?.code == .aborted)
        update.item.etag = updated.etag
        update.updateMask.paths = ["owner_id"]
        update.requestId = "req-4"
        let immutable = await status { _ = try await h.call(.districtAdmin, district) { try await h.service.updateItem(request: update, context: h.context) } }
        #expect(immutable?.code == .invalidArgument)
        #expect(immutable?.richStatus != nil)
    }

    @Test func scopeFollowsTheOrgTree() async throws {
        let h = try await Harness.make()
        let f = h.fixture
        let foreign = f.tree.towns.first { $0.districtID != f.town.districtID }!
        let denied = await status { _ = try await h.create(f.territorial(foreign), as: .districtAdmin, f.town.districtID) }
        #expect(denied?.code == .permissionDenied)
        // A town operator adds drafts for its own town only, and cannot publish.
        let draft = try await h.create(f.territorial(f.town), as: .townOperator, f.town.id)
        #expect(draft.state == .draft)
        #expect(await status { _ = try await h.create(f.territorial(foreign), as: .townOperator, f.town.id) }?.code == .permissionDenied)
        var publish = Jiceng_V1_PublishCatalogueRequest()
        publish.ownerId = f.town.id
        publish.requestId = "p-1"
        #expect(await status { _ = try await h.call(.townOperator, f.town.id) { try await h.service.publishCatalogue(request: publish, context: h.context) } }?.code == .permissionDenied)
        let version = try await h.call(.districtAdmin, f.town.districtID) { try await h.service.publishCatalogue(request: publish, context: h.context) }
        #expect(version.version == 1 && version.itemCount == 2)
        // Published: the town operator may no longer edit it.
        var update = Jiceng_V1_UpdateItemRequest()
        update.item = try #require(try await f.item(draft.id))
        update.item.title = "改"
        update.updateMask.paths = ["title"]
        update.requestId = "u-1"
        #expect(await status { _ = try await h.call(.townOperator, f.town.id) { try await h.service.updateItem(request: update, context: h.context) } }?.code == .permissionDenied)

        // Anyone reads the published catalogue, without a caller.
        var get = Jiceng_V1_GetPublishedCatalogueRequest()
        get.ownerId = f.town.id
        let published = try await h.service.getPublishedCatalogue(request: get, context: h.context)
        #expect(published.version == 1 && published.items.count == 2 && published.ownerName == f.town.name)
    }

    @Test func listingPagesStayStableWhileItemsAreAdded() async throws {
        let h = try await Harness.make()
        let f = h.fixture
        let district = f.town.districtID
        for n in 1...7 {
            var item = f.territorial(f.town, code: "SD-\(8000 + n)", title: "第\(n)号积水点处置")
            item.gridCapable = false
            _ = try await h.create(item, as: .districtAdmin, district)
        }
        var list = Jiceng_V1_ListItemsRequest()
        list.ownerId = f.town.id
        list.pageSize = 3
        var seen: [String] = []
        var added = false
        repeat {
            let page = try await h.call(.auditor, f.tree.cityID) { try await h.service.listItems(request: list, context: h.context) }
            seen += page.items.map(\.code)
            list.pageToken = page.nextPageToken
            if !added {
                var item = f.territorial(f.town, code: "SD-8100", title: "新增积水点处置")
                item.gridCapable = false
                _ = try await h.create(item, as: .districtAdmin, district)
                added = true
            }
        } while !list.pageToken.isEmpty
        #expect(seen == (1...7).map { "SD-\(8000 + $0)" } + ["SD-8100"])

        list.pageToken = ""
        list.query = "积水"
        list.pageSize = 5
        var found: [String] = []
        var firstToken = ""
        repeat {
            let page = try await h.call(.auditor, f.tree.cityID) { try await h.service.listItems(request: list, context: h.context) }
            #expect(page.matches.count == page.items.count && page.totalSize == 8)
            #expect(page.matches.allSatisfy { $0.fragment.contains("【积水】") })
            found += page.items.map(\.code)
            list.pageToken = page.nextPageToken
            if firstToken.isEmpty { firstToken = page.nextPageToken }
        } while !list.pageToken.isEmpty
        #expect(Set(found).count == 8 && found.count == 8)
        list.query = "井盖"
        list.pageToken = firstToken
        #expect(await status { _ = try await h.call(.auditor, f.tree.cityID) { try await h.service.listItems(request: list, context: h.context) } }?.code == .invalidArgument)
    }

    @Test func importIsAllOrNothingWithRowErrors() async throws {
        let h = try await Harness.make()
        let f = h.fixture
        let rows = (1...4).map { n -> Jiceng_V1_ImportItemsRequest in
            var r = Jiceng_V1_ImportItemsRequest()
            r.item = f.territorial(f.town, code: "SD-70\(n)", title: "导入事项\(n)")
            if n == 1 { r.requestId = "imp-1" }
            return r
        }
        var bad = rows
        bad[2].item.code = "SD-701"
        bad[3].item.leadDepartmentId = ""
        let refused = try await h.call(.districtAdmin, f.town.districtID) {
            try await h.service.importItems(requests: RequestStream(.stream(QueuedRequests(bad))), context: h.context)
        }
        #expect(refused.created == 0 && refused.errors.map(\.row) == [3, 4])
        #expect(refused.errors.map(\.field) == ["item.code", "item.lead_department_id"])
        var good = rows
        good[0].requestId = "imp-2"
        let imported = try await h.call(.districtAdmin, f.town.districtID) {
            try await h.service.importItems(requests: RequestStream(.stream(QueuedRequests(good))), context: h.context)
        }
        #expect(imported.created == 4 && imported.errors.isEmpty)
    }
}

/// A client stream already received in full: the messages a transport would hand over one by one.
final class QueuedRequests: ServerRequestSource {
    private let remaining: Mutex<[[UInt8]]>

    init(_ messages: [some ProtoMessage]) { remaining = Mutex(messages.map { $0.serializedBytes() }) }

    func next() async throws -> [UInt8]? {
        remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
