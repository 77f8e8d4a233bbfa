import Foundation

/// The org tree of the fictional city of 江临市: three districts (two 区 and the county-level
/// 清溪市), their towns and streets, villages and communities, grids, functional departments,
/// the agencies stationed in each town, and each town's enforcement team and service centre.
///
/// Fully determined by the tables in `DemoGeography` and `DemoDepartment`: building it twice gives
/// the same units in the same order, parents always before their children (ready to be created
/// one by one).
public struct DemoOrgTree: Sendable {
    /// Every unit, parents before children.
    public let units: [DemoOrgUnit]
    /// The towns and streets, in id order.
    public let towns: [DemoTown]
    private let indexByID: [String: Int]

    /// The demo city.
    public static let jianglin = DemoOrgTree()

    /// The city's id.
    public var cityID: String { DemoGeography.cityCode }

    /// The districts' ids.
    public var districtIDs: [String] { DemoGeography.districts.map(\.code) }

    /// The unit with `id`.
    public func unit(_ id: String) -> DemoOrgUnit? { indexByID[id].map { units[$0] } }

    /// The direct children of `id`, in creation order.
    public func children(of id: String) -> [DemoOrgUnit] { units.filter { $0.parentID == id } }

    /// The towns and streets of a district.
    public func towns(inDistrict districtID: String) -> [DemoTown] { towns.filter { $0.districtID == districtID } }

    /// The id of `department` in a district.
    public func departmentID(_ department: DemoDepartment, inDistrict districtID: String) -> String {
        department.id(inDistrict: districtID)
    }

    private init() {
        var units: [DemoOrgUnit] = []
        var towns: [DemoTown] = []
        let city = DemoGeography.cityCode
        units.append(DemoOrgUnit(id: city, name: DemoGeography.cityName, kind: .city, parentID: "", districtID: ""))
        for district in DemoGeography.districts {
            let d = district.code
            units.append(DemoOrgUnit(id: d, name: district.name, kind: .district, parentID: city, districtID: d))
            for department in DemoDepartment.allCases {
                units.append(DemoOrgUnit(id: department.id(inDistrict: d), name: department.name(in: district),
                                         kind: .department, parentID: d, districtID: d))
            }
            for (index, town) in district.towns.enumerated() {
                let built = Self.build(town, index: index, in: district)
                units.append(contentsOf: built.units)
                towns.append(built.town)
            }
        }
        self.units = units
        self.towns = towns
        self.indexByID = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The units of one town: the town, its villages/communities and grids, enforcement team,
    /// service centre and the agencies stationed in it.
    private static func build(_ town: DemoGeography.Town, index: Int, in district: DemoGeography.District)
        -> (units: [DemoOrgUnit], town: DemoTown)
    {
        let d = district.code
        let townID = d + town.suffix
        var units = [DemoOrgUnit(id: townID, name: town.name, kind: town.isStreet ? .street : .town,
                                 parentID: d, districtID: d)]
        var places: [DemoPlace] = []
        var communityNumber = 0, villageNumber = 200
        for (placeIndex, name) in town.places.enumerated() {
            let isVillage = name.hasSuffix("村")
            if isVillage { villageNumber += 1 } else { communityNumber += 1 }
            let placeID = townID + threeDigits(isVillage ? villageNumber : communityNumber)
            units.append(DemoOrgUnit(id: placeID, name: name, kind: isVillage ? .village : .community,
                                     parentID: townID, districtID: d))
            // Communities are denser than villages: three grids, villages two or three.
            let gridCount = isVillage ? 2 + (placeIndex + index) % 2 : 3
            var gridIDs: [String] = []
            for g in 1...gridCount {
                let gridID = placeID + "G0" + String(g)
                gridIDs.append(gridID)
                units.append(DemoOrgUnit(id: gridID, name: name + "第" + chineseOrdinals[g - 1] + "网格",
                                         kind: .grid, parentID: placeID, districtID: d))
            }
            places.append(DemoPlace(id: placeID, name: name, isVillage: isVillage, gridIDs: gridIDs))
        }
        units.append(DemoOrgUnit(id: townID + "ZF", name: town.name + "综合行政执法队", kind: .enforcementTeam,
                                 parentID: townID, districtID: d))
        units.append(DemoOrgUnit(id: townID + "BM", name: town.name + "便民服务中心", kind: .serviceCenter,
                                 parentID: townID, districtID: d))
        for department in DemoDepartment.allCases {
            guard let agency = department.stationedAgency else { continue }
            units.append(DemoOrgUnit(id: department.id(inDistrict: d) + agency.code + town.suffix,
                                     name: agency.name(town.shortName), kind: .dispatchedAgency,
                                     parentID: department.id(inDistrict: d), districtID: d,
                                     stationedTownID: townID))
        }
        // Towns spread round the district seat, about 3–8 km out.
        let angle = Double(index) * 1.05
        let radius = 0.03 + 0.008 * Double(index % 3)
        let profile = DemoTown(
            id: townID, name: town.name, isStreet: town.isStreet, districtID: d, places: places,
            roads: town.roads,
            latitude: district.latitude + radius * sin(angle),
            longitude: district.longitude + radius * cos(angle) * 1.15
        )
        return (units, profile)
    }

    private static let chineseOrdinals = ["一", "二", "三", "四", "五"]

    private static func threeDigits(_ n: Int) -> String {
        String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n)
    }
}
