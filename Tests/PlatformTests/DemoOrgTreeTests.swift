import Testing
@testable import Platform

@Suite("Demo org tree")
struct DemoOrgTreeTests {
    let tree = DemoOrgTree.jianglin

    /// The parent kinds org.proto allows for each kind.
    static let allowedParents: [OrgKind: Set<OrgKind>] = [
        .district: [.city], .town: [.district], .street: [.district],
        .village: [.town, .street], .community: [.town, .street], .grid: [.village, .community],
        .department: [.district], .dispatchedAgency: [.department],
        .enforcementTeam: [.town, .street], .serviceCenter: [.town, .street],
    ]

    @Test func idsAreUniqueAndParentsComeFirst() {
        var seen = Set<String>()
        for unit in tree.units {
            #expect(seen.insert(unit.id).inserted, "duplicate id \(unit.id)")
            if unit.kind != .city { #expect(seen.contains(unit.parentID), "\(unit.id) before its parent") }
        }
        #expect(tree.units.filter { $0.kind == .city }.count == 1)
    }

    @Test func parentKindsFollowTheContract() throws {
        for unit in tree.units where unit.kind != .city {
            let parent = try #require(tree.unit(unit.parentID))
            #expect(Self.allowedParents[unit.kind]?.contains(parent.kind) == true, "\(unit.name) under \(parent.name)")
            #expect(unit.districtID == (parent.kind == .city ? unit.id : parent.districtID), "\(unit.id)")
        }
    }

    @Test func codesFollowTheNationalScheme() {
        for unit in tree.units {
            let digits = unit.id.allSatisfy(\.isNumber)
            switch unit.kind {
            case .city, .district: #expect(unit.id.count == 6 && digits)
            case .town, .street: #expect(unit.id.count == 9 && digits && unit.id.hasPrefix(unit.districtID))
            case .village, .community: #expect(unit.id.count == 12 && digits && unit.id.hasPrefix(unit.parentID))
            case .grid: #expect(unit.id.hasPrefix(unit.parentID + "G") && unit.name.hasSuffix("网格"))
            case .department: #expect(unit.id.count == 9 && unit.id.hasPrefix(unit.districtID + "D"))
            default: #expect(unit.id.hasPrefix(unit.parentID))
            }
        }
        #expect(tree.unit("339902D02")?.name == "江城区城市管理局（综合行政执法局）")
        #expect(tree.unit("339981D12")?.name == "清溪市公安局")
        #expect(tree.unit("339903D12")?.name == "江临市公安局滨湖分局")
    }

    @Test func shapeOfTheCity() {
        let districts = tree.units.filter { $0.kind == .district }
        #expect(districts.count == 3)
        for district in districts {
            let towns = tree.towns(inDistrict: district.id)
            #expect((3...4).contains(towns.filter { !$0.isStreet }.count), "\(district.name)")
            #expect((2...3).contains(towns.filter(\.isStreet).count), "\(district.name)")
            #expect(tree.children(of: district.id).filter { $0.kind == .department }.count >= 15)
            for town in towns {
                #expect((3...4).contains(town.places.count), "\(town.name)")
                for place in town.places { #expect((2...3).contains(place.gridIDs.count)) }
            }
        }
        #expect(tree.towns.filter(\.isStreet).allSatisfy { $0.places.filter { !$0.isVillage }.count >= $0.places.count - 1 })
    }

    @Test func everyTownHasEnforcementTeamServiceCentreAndAgencies() {
        for town in tree.towns {
            let children = tree.children(of: town.id)
            #expect(children.filter { $0.kind == .enforcementTeam }.count == 1, "\(town.name)")
            #expect(children.filter { $0.kind == .serviceCenter }.count == 1, "\(town.name)")
            let agencies = tree.units.filter { $0.kind == .dispatchedAgency && $0.stationedTownID == town.id }
            #expect(agencies.contains { $0.name.hasSuffix("派出所") }, "\(town.name)")
            #expect(agencies.contains { $0.name.hasSuffix("市场监管所") }, "\(town.name)")
            for agency in agencies { #expect(agency.districtID == town.districtID) }
        }
        #expect(tree.units.filter { $0.kind != .dispatchedAgency }.allSatisfy { $0.stationedTownID.isEmpty })
    }
}
