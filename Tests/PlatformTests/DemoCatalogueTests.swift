import Testing
@testable import Platform

@Suite("Demo catalogue")
struct DemoCatalogueTests {
    let tree = DemoOrgTree.jianglin

    @Test func everyTownHasAFewHundredItemsAcrossAllLists() {
        for town in tree.towns {
            let items = DemoCatalogue.items(forTown: town)
            let count = { (list: ListKind) in items.filter { $0.list == list }.count }
            #expect(items.count >= 250, "\(town.name): \(items.count)")
            #expect(count(.dutyTask) >= 40, "\(town.name)")
            #expect(count(.powerResponsibility) >= 38, "\(town.name)")
            #expect(count(.territorialMatter) >= 78, "\(town.name)")
            #expect(count(.serviceCenterMatter) >= 40, "\(town.name)")
            #expect(count(.gridService) >= 60, "\(town.name)")
            #expect(items.allSatisfy { $0.ownerID == town.id })
        }
    }

    @Test func codesAreUniquePerOwnerAndListAndStable() {
        for town in tree.towns {
            let items = DemoCatalogue.items(forTown: town)
            for list in ListKind.allCases {
                let codes = items.filter { $0.list == list }.map(\.code)
                #expect(Set(codes).count == codes.count, "\(town.name) \(list)")
                let prefix = DemoCatalogue.codePrefix(of: list) + "-"
                #expect(codes.allSatisfy { $0.hasPrefix(prefix) && $0.count == 7 })
            }
            #expect(items == DemoCatalogue.items(forTown: town))
        }
        #expect(DemoCatalogue.items(forTown: tree.towns[0]).first?.code == "ZR-0001")
    }

    @Test func streetsHaveNoInvestmentAttractionOrTaxAssistance() {
        let banned = ["招商", "协税", "护税"]
        for town in tree.towns {
            let titles = DemoCatalogue.items(forTown: town).map(\.title)
            let hits = titles.filter { title in banned.contains { title.contains($0) } }
            if town.isStreet {
                #expect(hits.isEmpty, "\(town.name): \(hits)")
            } else {
                #expect(hits.count >= 3, "\(town.name) should carry its economic duties")
            }
        }
    }

    @Test func territorialMattersNameRealDepartmentsOfTheirDistrict() throws {
        for town in tree.towns {
            for item in DemoCatalogue.items(forTown: town)
            where item.list == .territorialMatter || item.list == .gridService {
                let lead = try #require(tree.unit(item.leadDepartmentID), "\(item.code)")
                #expect(lead.kind == .department && lead.districtID == town.districtID)
                #expect(!item.cooperatingDepartmentIDs.contains(item.leadDepartmentID), "\(item.code)")
                #expect(Set(item.cooperatingDepartmentIDs).count == item.cooperatingDepartmentIDs.count)
                for id in item.cooperatingDepartmentIDs {
                    #expect(tree.unit(id)?.kind == .department && tree.unit(id)?.districtID == town.districtID)
                }
                let sla = try #require(item.responseSLA)
                #expect(sla.acceptWithinHours > 0 && sla.resolveWithinWorkingDays > 0)
                #expect(!item.keywords.isEmpty && !item.legalBasis.isEmpty)
            }
        }
    }

    @Test func gridListMirrorsTheGridCapableMatters() {
        let items = DemoCatalogue.items(forTown: tree.towns[3])
        let capable = items.filter { $0.list == .territorialMatter && $0.gridCapable }
        let grid = items.filter { $0.list == .gridService }
        #expect(grid.map(\.sourceCode) == capable.map(\.code))
        #expect(grid.map(\.title) == capable.map(\.title))
    }

    @Test func delegationCatalogues() throws {
        for districtID in tree.districtIDs {
            let items = DemoCatalogue.delegatedItems(forDistrict: districtID)
            #expect((20...30).contains(items.count))
            let townIDs = Set(tree.towns(inDistrict: districtID).map(\.id))
            for item in items {
                let delegation = try #require(item.delegation)
                #expect(item.ownerID == districtID && item.list == .delegatedMatter)
                #expect(tree.unit(delegation.fromDepartmentID)?.districtID == districtID)
                #expect(!delegation.townIDs.isEmpty && Set(delegation.townIDs).isSubset(of: townIDs))
                #expect(delegation.mode != .unspecified && delegation.document.hasSuffix("号"))
            }
            #expect(Set(items.map(\.code)).count == items.count)
            #expect(Set(items.compactMap(\.delegation?.mode)).count == 3)
        }
    }

    @Test func secondVersionChangesAddsAndRetires() {
        let town = tree.towns[0]
        let first = DemoCatalogue.items(forTown: town)
        let revision = DemoCatalogueRevision.second(forTown: town)
        #expect(revision.changed.count >= 5)
        #expect(revision.added.count == 4)
        #expect(revision.retiredCodes.count == 2)
        let second = revision.apply(to: first)
        let firstKeys = Set(first.map { "\($0.list)/\($0.code)" })
        for item in revision.added { #expect(!firstKeys.contains("\(item.list)/\(item.code)"), "\(item.code)") }
        for item in revision.changed {
            let old = first.first { $0.list == item.list && $0.code == item.code }
            #expect(old != nil && old != item)
        }
        #expect(second.filter { $0.list == .territorialMatter }.count
            == first.filter { $0.list == .territorialMatter }.count + 3 - 1)
        for list in ListKind.allCases {
            let codes = second.filter { $0.list == list }.map(\.code)
            #expect(Set(codes).count == codes.count)
        }
        #expect(second.contains { $0.title == "道路照明设施（路灯、景观灯）故障处置" && $0.list == .gridService })
    }
}
