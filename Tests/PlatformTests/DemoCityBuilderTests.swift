import Foundation
import Store
import Testing
@testable import Platform

@Suite("Demo city builder")
struct DemoCityBuilderTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// Records that it ran, and what it was given.
    struct CountingSeeder: DemoSeeder {
        let name = "counter"
        func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws {
            try tx.executeScript("CREATE TABLE seeder_probe (tokens INTEGER NOT NULL)")
            try tx.execute("INSERT INTO seeder_probe (tokens) VALUES ($1)", [context.tokens.count])
        }
    }

    @Test func emptyDirectoryGetsTreeTokensAndFile() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        let builder = DemoCityBuilder(seeders: [CountingSeeder()])
        let outcome = try await builder.buildIfEmpty(database: scratch.database, dataDirectory: scratch.path, now: now)
        guard case .created(let units, let tokenCount) = outcome else {
            Issue.record("expected a new demo, got \(outcome)")
            return
        }
        #expect(units == DemoOrgTree.jianglin.units.count)

        let lines = try String(contentsOfFile: scratch.file(DemoCityBuilder.tokensFileName), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == tokenCount)
        let now = self.now
        let (directory, seeded) = try await scratch.database.read { tx in
            (try OrgStore.directory(in: tx), try tx.scalar("SELECT tokens FROM seeder_probe", as: Int.self))
        }
        #expect(seeded == tokenCount)
        var roles: [Role: Int] = [:]
        for line in lines {
            let fields = line.split(separator: " ")
            try #require(fields.count == 3, "\(line)")
            let role = try #require(Role(name: String(fields[0])))
            let token = try #require(AccessToken(parsing: fields[2]))
            let caller = try await scratch.database.read { tx in try TokenStore.authenticate(token, now: now, in: tx) }
            #expect(caller?.orgID == String(fields[1]) && caller?.role == role, "\(line)")
            let kind = try #require(directory[String(fields[1])]?.kind)
            #expect(role.bindableKinds.contains(kind))
            roles[role, default: 0] += 1
        }
        let tree = DemoOrgTree.jianglin
        #expect(roles[.cityAdmin] == 1 && roles[.auditor] == 1)
        #expect(roles[.districtAdmin] == tree.districtIDs.count)
        #expect(roles[.townOperator] == tree.towns.count)
        #expect(roles[.gridWorker] == tree.towns.map(\.places.count).reduce(0, +))
        #expect((roles[.departmentOperator] ?? 0) > tree.units.filter { $0.kind == .department }.count)
        #expect(directory.count == tree.units.count)
        #expect(directory["339902D02"]?.kind == .department)
    }

    @Test func populatedDirectoryIsLeftAlone() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        let builder = DemoCityBuilder()
        _ = try await builder.buildIfEmpty(database: scratch.database, dataDirectory: scratch.path, now: now)
        let file = scratch.file(DemoCityBuilder.tokensFileName)
        let before = try String(contentsOfFile: file, encoding: .utf8)
        try await scratch.reopen()

        let again = try await builder.buildIfEmpty(database: scratch.database, dataDirectory: scratch.path, now: now + 60)
        #expect(again == .alreadyPopulated)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: file + ".pending"))
        let counts = try await scratch.database.read { tx in
            (try OrgStore.count(in: tx), try TokenStore.list(in: tx).count)
        }
        #expect(counts.0 == DemoOrgTree.jianglin.units.count)
        #expect(counts.1 == before.split(separator: "\n").count)
    }

    /// A failing seeder rolls the whole demo back: no org units, no tokens, no token file.
    @Test func failingSeederLeavesNothing() async throws {
        struct FailingSeeder: DemoSeeder {
            let name = "failing"
            struct Failure: Error {}
            func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws { throw Failure() }
        }
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        await #expect(throws: FailingSeeder.Failure.self) {
            _ = try await DemoCityBuilder(seeders: [FailingSeeder()])
                .buildIfEmpty(database: scratch.database, dataDirectory: scratch.path, now: now)
        }
        #expect(try await scratch.database.read { tx in try OrgStore.count(in: tx) } == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.file(DemoCityBuilder.tokensFileName)))
    }
}
