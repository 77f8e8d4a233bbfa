import Foundation
import JicengAPI
import RPC
import Testing
@testable import Platform

@Suite("Org service")
struct OrgServiceTests {
    let city = Caller(tokenID: "t", orgID: "339900", role: .cityAdmin)

    /// The demo city in a fresh data directory, served by an OrgService.
    func demoService() async throws -> (ScratchDataDirectory, PlatformEnvironment, OrgService) {
        let scratch = try await ScratchDataDirectory.open()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await DemoCityBuilder().buildIfEmpty(database: scratch.database, dataDirectory: scratch.path, now: now)
        let directory = try await scratch.database.read { tx in try OrgStore.directory(in: tx) }
        let environment = PlatformEnvironment(database: scratch.database, clock: ManualClock(now), directory: directory)
        return (scratch, environment, OrgService(environment: environment))
    }

    func context(_ method: MethodDescriptor) -> ServerContext {
        ServerContext(method: method, metadata: Metadata(), deadline: nil, peer: "test")
    }

    /// Concurrent changes commit in some order; the published snapshot ends up holding all of them.
    @Test func concurrentCreatesAllReachTheDirectory() async throws {
        let (scratch, environment, service) = try await demoService()
        defer { scratch.remove() }
        let context = context(Jiceng_V1_OrgService.Method.createOrgUnit)
        let towns = DemoOrgTree.jianglin.towns.map(\.id)
        try await CurrentCall.$caller.withValue(city) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        var request = Jiceng_V1_CreateOrgUnitRequest()
                        request.requestId = "r\(i)"
                        request.orgUnit.id = "N\(i)"
                        request.orgUnit.name = "新社区\(i)"
                        request.orgUnit.kind = .community
                        request.orgUnit.parentId = towns[i % towns.count]
                        _ = try await service.createOrgUnit(request: request, context: context)
                    }
                }
                try await group.waitForAll()
            }
        }
        let published = environment.directory
        for i in 0..<40 {
            #expect(published["N\(i)"]?.parentID == towns[i % towns.count], "N\(i)")
        }
        #expect(published.count == DemoOrgTree.jianglin.units.count + 40)
    }

    /// A refused change leaves the snapshot as it was; a committed update replaces the node.
    @Test func updatesRepublishAndRefusalsDoNot() async throws {
        let (scratch, environment, service) = try await demoService()
        defer { scratch.remove() }
        let town = try #require(DemoOrgTree.jianglin.towns.first)
        let get = context(Jiceng_V1_OrgService.Method.getOrgUnit)
        let update = context(Jiceng_V1_OrgService.Method.updateOrgUnit)
        try await CurrentCall.$caller.withValue(city) {
            var read = Jiceng_V1_GetOrgUnitRequest()
            read.id = town.id
            let current = try await service.getOrgUnit(request: read, context: get)

            var stale = Jiceng_V1_UpdateOrgUnitRequest()
            stale.requestId = "u1"
            stale.orgUnit.id = town.id
            stale.orgUnit.etag = "stale"
            stale.orgUnit.name = "错名"
            stale.updateMask.paths = ["name"]
            await #expect { _ = try await service.updateOrgUnit(request: stale, context: update) } throws: {
                ($0 as? Status)?.code == .aborted
            }
            #expect(environment.directory[town.id]?.name == town.name)

            var rename = stale
            rename.requestId = "u2"
            rename.orgUnit.etag = current.etag
            rename.orgUnit.name = "新名镇"
            let renamed = try await service.updateOrgUnit(request: rename, context: update)
            #expect(renamed.name == "新名镇" && renamed.etag != current.etag && renamed.createTime == current.createTime)
            #expect(environment.directory[town.id]?.name == "新名镇")
        }
    }
}
