import Testing
@testable import Platform

/// A small tree: one city, two districts, a town and a street in the first, a department with an
/// agency stationed in the town, a community with a grid.
private let directory = OrgDirectory([
    .init(id: "C", name: "江临市", kind: .city, parentID: nil),
    .init(id: "D1", name: "临江区", kind: .district, parentID: "C"),
    .init(id: "D2", name: "东湖区", kind: .district, parentID: "C"),
    .init(id: "T1", name: "白沙镇", kind: .town, parentID: "D1"),
    .init(id: "S1", name: "城关街道", kind: .street, parentID: "D1"),
    .init(id: "T2", name: "桃源镇", kind: .town, parentID: "D2"),
    .init(id: "V1", name: "解放路社区", kind: .community, parentID: "S1"),
    .init(id: "G1", name: "解放路社区第一网格", kind: .grid, parentID: "V1"),
    .init(id: "DEP", name: "区城市管理局", kind: .department, parentID: "D1"),
    .init(id: "AG", name: "白沙城管中队", kind: .dispatchedAgency, parentID: "DEP", stationedTownID: "T1"),
])

private func scope(_ org: String, _ role: Role) -> AccessScope {
    AccessScope(caller: Caller(tokenID: "t", orgID: org, role: role), directory: directory)
}

@Test func treeNavigation() {
    #expect(directory.district(of: "G1")?.id == "D1")
    #expect(directory.town(of: "G1")?.id == "S1")
    #expect(directory.town(of: "AG")?.id == "T1")
    #expect(directory.isWithin("G1", "D1"))
    #expect(!directory.isWithin("G1", "D2"))
    #expect(directory.descendants(of: "S1").map(\.id) == ["V1", "G1"])
}

@Test func townOperatorsActOnlyForTheirTown() {
    let s = scope("T1", .townOperator)
    #expect(s.actsForTown("T1"))
    #expect(!s.actsForTown("S1"))
    #expect(!s.actsForTown("T2"))
    #expect(!s.actsForDepartment("DEP"))
    #expect(s.mayReadTown("T1") && !s.mayReadTown("S1"))
}

@Test func districtAdminsActWithinTheirDistrict() {
    let s = scope("D1", .districtAdmin)
    #expect(s.actsForTown("T1") && s.actsForTown("S1"))
    #expect(!s.actsForTown("T2"))
    #expect(s.mayAdministerOrg(under: "V1"))
    #expect(!s.mayAdministerOrg(under: "T2"))
    #expect(s.administersDistrict("D1") && !s.administersDistrict("D2"))
}

@Test func agenciesActForTheirDepartmentInTheirTownOnly() {
    let agency = scope("AG", .departmentOperator)
    #expect(agency.actsForDepartment("DEP", inTown: "T1"))
    #expect(!agency.actsForDepartment("DEP", inTown: "S1"))
    let department = scope("DEP", .departmentOperator)
    #expect(department.actsForDepartment("DEP", inTown: "S1"))
    #expect(!department.actsForTown("T1"))
}

@Test func gridWorkersActInTheirGridsTown() {
    let s = scope("G1", .gridWorker)
    #expect(s.actsForTown("S1"))
    #expect(!s.actsForTown("T1"))
}

@Test func auditorsReadEverythingAndActNowhere() {
    let s = scope("C", .auditor)
    #expect(s.mayReadTown("T2") && s.mayReadDistrict("D1"))
    #expect(!s.actsForTown("T1") && !s.mayAdministerOrg(under: "T1") && !s.actsForDepartment("DEP"))
}

@Test func tokensRoundTripAndRefuseForgeries() throws {
    let token = AccessToken.generate()
    let parsed = try #require(AccessToken(parsing: token.text))
    #expect(parsed == token)
    #expect(AccessToken.digestsMatch(parsed.secretDigest, token.secretDigest))
    #expect(AccessToken(parsing: "jc1.\(token.id).\(token.secret.dropLast())") == nil)
    #expect(AccessToken(parsing: "Bearer " + token.text) == nil)
    #expect(AccessToken(parsing: "jc2.\(token.id).\(token.secret)") == nil)
    #expect(AccessToken.generate() != token)
}

@Test func sha256MatchesTheStandardVector() {
    #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

@Test func parentKindRules() {
    #expect(OrgDirectory.allowedParents(of: .grid) == [.village, .community])
    #expect(OrgDirectory.allowedParents(of: .dispatchedAgency) == [.department])
    #expect(OrgDirectory.allowedParents(of: .city).isEmpty)
}

@Test func tokenTextIsURLSafeBase64WithoutPadding() {
    // RFC 4648 §5: 0xFB 0xFF encodes as "-_8" where standard base64 writes "+/8=".
    #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    #expect(Base64URL.encode([]) == "")
    #expect(!Base64URL.isAlphabet("+") && !Base64URL.isAlphabet("=") && !Base64URL.isAlphabet("路"))
}
