import JicengAPI
import Testing
@testable import Platform

/// A city with two districts; a town, a community and a department in the first; a town in the
/// second; an inactive community.
private let directory = OrgDirectory([
    .init(id: "C", name: "江临市", kind: .city, parentID: nil),
    .init(id: "D1", name: "江城区", kind: .district, parentID: "C"),
    .init(id: "D2", name: "滨湖区", kind: .district, parentID: "C"),
    .init(id: "T1", name: "白沙镇", kind: .town, parentID: "D1"),
    .init(id: "T2", name: "桃源镇", kind: .town, parentID: "D2"),
    .init(id: "V1", name: "解放路社区", kind: .community, parentID: "T1"),
    .init(id: "VX", name: "撤并社区", kind: .community, parentID: "T1", active: false),
    .init(id: "DEP", name: "城市管理局", kind: .department, parentID: "D1"),
    .init(id: "AG", name: "白沙中队", kind: .dispatchedAgency, parentID: "DEP", stationedTownID: "T1"),
])

private func rules(_ org: String, _ role: Role) -> OrgRules {
    OrgRules(directory: directory, caller: Caller(tokenID: "t", orgID: org, role: role))
}

private func unit(_ id: String, _ kind: OrgKind, parent: String, stationed: String = "") -> Jiceng_V1_OrgUnit {
    var unit = Jiceng_V1_OrgUnit()
    unit.id = id
    unit.name = "新" + id
    unit.kind = kind
    unit.parentId = parent
    unit.stationedTownId = stationed
    return unit
}

/// The field a refusal names, or its reason, or its code: enough to tell refusals apart.
private func refusal(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        guard let error = error as? PlatformError else { return "\(error)" }
        switch error {
        case .invalidArgument(let field, _): return field
        case .failedPrecondition(let reason, _, _), .permissionDenied(let reason, _): return reason
        case .alreadyExists: return "ALREADY_EXISTS"
        default: return "\(error)"
        }
    }
}

@Test func idsAreShortASCIIWords() {
    for good in ["339902101", "T1", "a-b_c", String(repeating: "9", count: 64)] {
        #expect(refusal { try OrgRules.checkID(good, field: "id") } == nil, "\(good)")
    }
    for bad in ["", "-x", "_x", "a b", "a/b", "白沙", "x\u{0}", String(repeating: "9", count: 65)] {
        #expect(refusal { try OrgRules.checkID(bad, field: "org_unit.id") } == "org_unit.id", "\(bad)")
    }
}

@Test func createFollowsParentKinds() throws {
    let city = rules("C", .cityAdmin)
    let made = try city.checkCreate(unit("G9", .grid, parent: "V1"))
    #expect(made.districtId == "D1" && made.active)
    #expect(try city.checkCreate(unit("D9", .district, parent: "C")).districtId == "D9")
    #expect(refusal { try city.checkCreate(unit("G9", .grid, parent: "T1")) } == "org_unit.parent_id")
    #expect(refusal { try city.checkCreate(unit("T9", .town, parent: "C")) } == "org_unit.parent_id")
    #expect(refusal { try city.checkCreate(unit("T9", .town, parent: "")) } == "org_unit.parent_id")
    #expect(refusal { try city.checkCreate(unit("T9", .town, parent: "NOPE")) } == "org_unit.parent_id")
    #expect(refusal { try city.checkCreate(unit("T9", .unspecified, parent: "D1")) } == "org_unit.kind")
    #expect(refusal { try city.checkCreate(unit("C2", .city, parent: "")) } == "ORG_CITY_EXISTS")
    #expect(refusal { try city.checkCreate(unit("C2", .city, parent: "C")) } == "org_unit.parent_id")
    #expect(refusal { try city.checkCreate(unit("G9", .grid, parent: "VX")) } == "ORG_PARENT_INACTIVE")
    #expect(refusal { try city.checkCreate(unit("V1", .community, parent: "T1")) } == "ALREADY_EXISTS")
    // Every kind's allowed parents, against every kind present.
    for kind in OrgDirectory.Kind.allCases where kind != .city && kind != .dispatchedAgency {
        for parent in ["C", "D1", "T1", "V1", "DEP", "AG"] {
            let allowed = OrgDirectory.allowedParents(of: kind).contains(directory[parent]!.kind)
            let outcome = refusal { try city.checkCreate(unit("N", OrgKind(rawValue: kind.rawValue), parent: parent)) }
            #expect((outcome == nil) == allowed, "\(kind) under \(parent): \(outcome ?? "ok")")
        }
    }
}

@Test func agenciesAreStationedInTheirDistrict() throws {
    let city = rules("C", .cityAdmin)
    #expect(try city.checkCreate(unit("AG2", .dispatchedAgency, parent: "DEP", stationed: "T1")).stationedTownId == "T1")
    let field = "org_unit.stationed_town_id"
    #expect(refusal { try city.checkCreate(unit("AG2", .dispatchedAgency, parent: "DEP")) } == field)
    #expect(refusal { try city.checkCreate(unit("AG2", .dispatchedAgency, parent: "DEP", stationed: "T2")) } == field)
    #expect(refusal { try city.checkCreate(unit("AG2", .dispatchedAgency, parent: "DEP", stationed: "V1")) } == field)
    #expect(refusal { try city.checkCreate(unit("V9", .community, parent: "T1", stationed: "T1")) } == field)
}

@Test func districtAdminsWorkBeneathTheirDistrictOnly() throws {
    let district = rules("D1", .districtAdmin)
    #expect(refusal { try district.checkCreate(unit("V9", .community, parent: "T1")) } == nil)
    #expect(refusal { try district.checkCreate(unit("DEP2", .department, parent: "D1")) } == nil)
    #expect(refusal { try district.checkCreate(unit("V9", .community, parent: "T2")) } == "ORG_OUT_OF_SCOPE")
    #expect(refusal { try district.checkCreate(unit("D9", .district, parent: "C")) } == "ORG_OUT_OF_SCOPE")
    for role in [Role.townOperator, .departmentOperator, .gridWorker, .auditor] {
        #expect(refusal { try rules("T1", role).checkCreate(unit("V9", .community, parent: "T1")) } == "ORG_OUT_OF_SCOPE")
    }

    var rename = Jiceng_V1_OrgUnit()
    rename.name = "改名"
    let own = try #require(directory["T1"]).orgUnit
    #expect(try district.checkUpdate(own, changes: rename, fields: ["name"]).name == "改名")
    #expect(refusal { try district.checkUpdate(try #require(directory["T2"]).orgUnit, changes: rename, fields: ["name"]) } == "ORG_OUT_OF_SCOPE")
    #expect(refusal { try district.checkUpdate(try #require(directory["D1"]).orgUnit, changes: rename, fields: ["name"]) } == "ORG_OUT_OF_SCOPE")
}

@Test func deactivationWaitsForDependents() throws {
    let city = rules("C", .cityAdmin)
    var off = Jiceng_V1_OrgUnit()
    off.active = false
    // T1 has an active community and a stationed agency.
    #expect(refusal { try city.checkUpdate(try #require(directory["T1"]).orgUnit, changes: off, fields: ["active"]) } == "ORG_HAS_ACTIVE_CHILDREN")
    #expect(try city.checkUpdate(try #require(directory["V1"]).orgUnit, changes: off, fields: ["active"]).active == false)
    var on = Jiceng_V1_OrgUnit()
    on.active = true
    var inactive = try #require(directory["VX"]).orgUnit
    inactive.active = false
    #expect(try city.checkUpdate(inactive, changes: on, fields: ["active"]).active)
}

@Test func masksNameOnlyChangeableFields() {
    #expect(refusal { try OrgRules.maskedFields(["name", "active"]) } == nil)
    for bad in [["parent_id"], ["kind"], ["id"], ["etag"], ["update_time"], ["colour"], [], ["name", "name"]] {
        #expect(refusal { try OrgRules.maskedFields(bad) } == "update_mask", "\(bad)")
    }
}

extension OrgDirectory.Node {
    /// The node as a stored unit (what `checkUpdate` receives).
    fileprivate var orgUnit: Jiceng_V1_OrgUnit {
        var unit = Jiceng_V1_OrgUnit()
        unit.id = id
        unit.name = name
        unit.kind = OrgKind(rawValue: kind.rawValue)
        unit.parentId = parentID ?? ""
        unit.stationedTownId = stationedTownID ?? ""
        unit.active = active
        return unit
    }
}
