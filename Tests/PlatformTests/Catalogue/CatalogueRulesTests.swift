import Foundation
import JicengAPI
import Testing
@testable import Platform

@Suite("Catalogue rules")
struct CatalogueRulesTests {
    @Test func aStreetRefusesInvestmentAttractionAndTaxAssistanceButATownKeepsThem() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        var duty = Jiceng_V1_CatalogueItem()
        duty.ownerId = f.street.id
        duty.list = .dutyTask
        duty.code = "ZR-0901"
        duty.title = "做好辖区招商引资和项目服务"
        duty.domain = .economicDevelopment
        let refused = await platformError { _ = try await f.create(duty) }
        guard case .failedPrecondition(let reason, _, _) = refused else {
            Issue.record("expected FAILED_PRECONDITION, got \(String(describing: refused))")
            return
        }
        #expect(reason == "STREET_DUTY_NOT_ALLOWED")
        duty.title = "配合做好辖区税源管理"
        duty.description_p = "协税护税，组织税源排查"
        #expect(await platformError { _ = try await f.create(duty) } != nil)
        duty.ownerId = f.town.id
        let created = try await f.create(duty)
        #expect(created.state == .draft && created.id.hasPrefix("CI"))
    }

    @Test func territorialMattersNeedAValidLeadAndDistinctCooperatingDepartments() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        var item = f.territorial(f.town)
        item.leadDepartmentId = ""
        #expect(sameKind(await platformError { _ = try await f.create(item) }, .invalidArgument(field: "item.lead_department_id", "")))
        let other = f.tree.towns.first { $0.districtID != f.town.districtID }!
        item.leadDepartmentId = f.department(.housing, of: other)
        let foreign = await platformError { _ = try await f.create(item) }
        guard case .invalidArgument(let field, _) = foreign else { Issue.record("\(String(describing: foreign))"); return }
        #expect(field == "item.lead_department_id")
        item.leadDepartmentId = f.department(.housing, of: f.town)
        item.cooperatingDepartmentIds = [f.department(.water, of: f.town), f.department(.housing, of: f.town)]
        let same = await platformError { _ = try await f.create(item) }
        guard case .invalidArgument(let coopField, _) = same else { Issue.record("\(String(describing: same))"); return }
        #expect(coopField == "item.cooperating_department_ids[1]")
    }

    @Test func codesAreUniquePerOwnerAndListAndGridItemsCannotBeWrittenDirectly() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        _ = try await f.create(f.territorial(f.town))
        let again = await platformError { _ = try await f.create(f.territorial(f.town, title: "另一个")) }
        guard case .alreadyExists(let message) = again else { Issue.record("\(String(describing: again))"); return }
        #expect(message.contains("item.code"))
        _ = try await f.create(f.territorial(f.street))  // same code, another owner
        var grid = f.territorial(f.town, code: "WG-7777")
        grid.list = .gridService
        #expect(sameKind(await platformError { _ = try await f.create(grid) }, .failedPrecondition(reason: "GRID_SERVICE_DERIVED", "")))
    }

    @Test func slaDurationsMustBePositiveAndDelegationsStayInTheDistrict() async throws {
        let f = try await CatalogueFixture.make()
        defer { Task { await f.close() } }
        var item = f.territorial(f.town)
        item.responseSla.acceptWithin = f.duration(0)
        let zero = await platformError { _ = try await f.create(item) }
        guard case .invalidArgument(let field, _) = zero else { Issue.record("\(String(describing: zero))"); return }
        #expect(field == "item.response_sla.accept_within")

        var delegated = Jiceng_V1_CatalogueItem()
        delegated.ownerId = f.town.id
        delegated.list = .delegatedMatter
        delegated.code = "XF-0901"
        delegated.title = "临时占用城市道路审批"
        delegated.domain = .urbanManagement
        let townOwned = await platformError { _ = try await f.create(delegated) }
        guard case .invalidArgument(let ownerField, _) = townOwned else { Issue.record("\(String(describing: townOwned))"); return }
        #expect(ownerField == "item.owner_id")
        delegated.ownerId = f.town.districtID
        var delegation = Jiceng_V1_Delegation()
        let foreignTown = f.tree.towns.first { $0.districtID != f.town.districtID }!
        delegation.townIds = [f.town.id, foreignTown.id]
        delegation.mode = .authorized
        delegated.delegation = delegation
        let outside = await platformError { _ = try await f.create(delegated) }
        guard case .invalidArgument(let townField, _) = outside else { Issue.record("\(String(describing: outside))"); return }
        #expect(townField == "item.delegation.town_ids[1]")
        delegated.delegation.townIds = [f.town.id]
        #expect(try await f.create(delegated).ownerId == f.town.districtID)
    }
}

/// Equal in kind, field and reason (messages are for people and not compared).
func sameKind(_ a: PlatformError?, _ b: PlatformError) -> Bool {
    guard let a else { return false }
    return switch (a, b) {
        case (.invalidArgument(let x, _), .invalidArgument(let y, _)): x == y
        case (.failedPrecondition(let x, _, _), .failedPrecondition(let y, _, _)): x == y
        case (.permissionDenied(let x, _), .permissionDenied(let y, _)): x == y
        case (.notFound, .notFound), (.alreadyExists, .alreadyExists), (.aborted, .aborted): true
        default: false
        }
}
