import Foundation
import JicengAPI
import Store
import Testing
@testable import Platform

@Suite("Token store")
struct TokenStoreTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A city, a district, a town and a grid, written straight to the table.
    func seedTree(_ database: some Database) async throws {
        try await database.write { tx in
            let units: [(String, OrgKind, String)] = [
                ("C", .city, ""), ("D", .district, "C"), ("T", .town, "D"), ("G", .grid, "T"), ("X", .town, "D"),
            ]
            for (id, kind, parent) in units {
                var unit = Jiceng_V1_OrgUnit()
                unit.id = id
                unit.name = id
                unit.kind = kind
                unit.parentId = parent
                unit.active = id != "X"
                unit.etag = "e"
                try OrgStore.insert(unit, in: tx)
            }
        }
    }

    @Test func issuedTokenAuthenticatesAsItsBinding() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        try await seedTree(scratch.database)
        let now = self.now
        let token = try await scratch.database.write { tx in
            try TokenStore.issue(orgID: "T", role: .townOperator, label: "白沙镇", now: now, in: tx)
        }
        let caller = try await scratch.database.read { tx in try TokenStore.authenticate(token, now: now, in: tx) }
        #expect(caller == Caller(tokenID: token.id, orgID: "T", role: .townOperator))

        // Only the digest is stored: the secret appears nowhere in the table.
        let stored: [UInt8]? = try await scratch.database.read { tx in
            try tx.scalar("SELECT secret_digest FROM access_tokens WHERE id = $1", [token.id])
        }
        #expect(stored == token.secretDigest)
        #expect(stored != Array(token.secret.utf8))
    }

    @Test func forgedSecretAndUnknownIDAreRefused() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        try await seedTree(scratch.database)
        let now = self.now
        let token = try await scratch.database.write { tx in
            try TokenStore.issue(orgID: "C", role: .cityAdmin, label: "", now: now, in: tx)
        }
        let forged = AccessToken(id: token.id, secret: AccessToken.generate().secret)
        let unknown = AccessToken(id: AccessToken.generate().id, secret: token.secret)
        for presented in [forged, unknown] {
            let caller = try await scratch.database.read { tx in try TokenStore.authenticate(presented, now: now, in: tx) }
            #expect(caller == nil)
        }
    }

    @Test func revokedAndExpiredTokensStopWorking() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        try await seedTree(scratch.database)
        let now = self.now
        let (revoked, expiring) = try await scratch.database.write { tx in
            (try TokenStore.issue(orgID: "D", role: .districtAdmin, label: "", now: now, in: tx),
             try TokenStore.issue(orgID: "G", role: .gridWorker, label: "", expireTime: now + 3600, now: now, in: tx))
        }
        try await scratch.database.write { tx in try TokenStore.revoke(id: revoked.id, now: now, in: tx) }
        await #expect(throws: TokenStore.Failure.alreadyRevoked(revoked.id)) {
            try await scratch.database.write { tx in try TokenStore.revoke(id: revoked.id, now: now, in: tx) }
        }
        await #expect(throws: TokenStore.Failure.unknownToken("nope")) {
            try await scratch.database.write { tx in try TokenStore.revoke(id: "nope", now: now, in: tx) }
        }
        let results = try await scratch.database.read { tx in
            [try TokenStore.authenticate(revoked, now: now, in: tx),
             try TokenStore.authenticate(expiring, now: now + 3599, in: tx),
             try TokenStore.authenticate(expiring, now: now + 3600, in: tx)]
        }
        #expect(results[0] == nil)
        #expect(results[1]?.orgID == "G")
        #expect(results[2] == nil)

        let listed = try await scratch.database.read { tx in try TokenStore.list(in: tx) }
        #expect(Set(listed.map(\.id)) == [revoked.id, expiring.id])
        let byID = Dictionary(uniqueKeysWithValues: listed.map { ($0.id, $0) })
        #expect(byID[revoked.id]?.isUsable(at: now) == false)
        #expect(byID[expiring.id]?.isUsable(at: now) == true)
        #expect(byID[expiring.id]?.isUsable(at: now + 3600) == false)
    }

    @Test func roleMustFitTheKindOfItsOrg() async throws {
        let scratch = try await ScratchDataDirectory.open()
        defer { scratch.remove() }
        try await seedTree(scratch.database)
        let now = self.now
        let refused: [(String, Role, TokenStore.Failure)] = [
            ("D", .townOperator, .roleNotBindable(.townOperator, orgID: "D", kind: .district)),
            ("T", .gridWorker, .roleNotBindable(.gridWorker, orgID: "T", kind: .town)),
            ("T", .auditor, .roleNotBindable(.auditor, orgID: "T", kind: .town)),
            ("C", .districtAdmin, .roleNotBindable(.districtAdmin, orgID: "C", kind: .city)),
            ("nowhere", .cityAdmin, .unknownOrg("nowhere")),
            ("X", .townOperator, .inactiveOrg("X")),
        ]
        for (org, role, failure) in refused {
            await #expect(throws: failure) {
                try await scratch.database.write { tx in try TokenStore.issue(orgID: org, role: role, label: "", now: now, in: tx) }
            }
        }
        #expect(try await scratch.database.read { tx in try TokenStore.list(in: tx) }.isEmpty)
    }
}
