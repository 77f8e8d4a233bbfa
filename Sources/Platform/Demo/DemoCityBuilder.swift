import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// Fills an empty data directory with the demo city: the org tree of 江临市, a token for every
/// role and level worth trying, and whatever the registered `DemoSeeder`s add (catalogue, tasks,
/// appraisal), all in one transaction; then writes the tokens to `DIR/demo-tokens.txt`.
///
/// A directory that already holds data is left exactly as it is, together with its token file,
/// so `serve --demo` can be given on every start.
public struct DemoCityBuilder: Sendable {
    /// The file the tokens are written to, inside the data directory.
    public static let tokensFileName = "demo-tokens.txt"

    public enum Outcome: Sendable, Equatable {
        /// The demo was created: so many org units and tokens.
        case created(orgUnits: Int, tokens: Int)
        /// The directory already had data; nothing was changed.
        case alreadyPopulated
    }

    public let tree: DemoOrgTree
    /// Run in order after the tree and tokens exist.
    public var seeders: [any DemoSeeder]

    public init(tree: DemoOrgTree = .jianglin, seeders: [any DemoSeeder] = []) {
        self.tree = tree
        self.seeders = seeders
    }

    /// Builds the demo into `database` if it holds no org units, and writes the token file into
    /// `dataDirectory`.
    public func buildIfEmpty(database: any Database, dataDirectory: String, now: Date) async throws -> Outcome {
        let tokens = plannedTokens()
        let tree = self.tree, seeders = self.seeders
        // The file is written before the commit and moved into place after it: a crash in
        // between leaves no file that names tokens the database does not have.
        let finalPath = (dataDirectory as NSString).appendingPathComponent(Self.tokensFileName)
        let pendingPath = finalPath + ".pending"
        let text = tokens.map(\.line).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: pendingPath), options: .atomic)
        let created: Bool
        do {
            created = try await database.write { tx -> Bool in
                guard try OrgStore.count(in: tx) == 0 else { return false }
                let time = StoredTime.timestamp(micros: StoredTime.micros(now))
                for unit in tree.units {
                    try OrgStore.insert(unit.orgUnit(etag: Etag.next(), time: time), in: tx)
                }
                for demo in tokens {
                    try TokenStore.insert(demo.token, orgID: demo.orgID, role: demo.role, label: demo.label,
                                          expireTime: nil, now: now, in: tx)
                }
                let context = DemoSeedContext(tree: tree, directory: try OrgStore.directory(in: tx), tokens: tokens, now: now)
                for seeder in seeders { try seeder.seed(context, in: tx) }
                return true
            }
        } catch {
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw error
        }
        if created {
            _ = try? FileManager.default.removeItem(atPath: finalPath)
            try FileManager.default.moveItem(atPath: pendingPath, toPath: finalPath)
            return .created(orgUnits: tree.units.count, tokens: tokens.count)
        }
        try? FileManager.default.removeItem(atPath: pendingPath)
        return .alreadyPopulated
    }

    /// The demo's tokens, fresh secrets each call: the city admin and the auditor, every district
    /// admin, every town and street operator, every department operator, the operators of the
    /// agencies stationed in each district's first town, and a grid worker for the first grid of
    /// every village and community.
    public func plannedTokens() -> [DemoToken] {
        var tokens: [DemoToken] = []
        func add(_ role: Role, _ unit: DemoOrgUnit) {
            tokens.append(DemoToken(role: role, orgID: unit.id, label: "演示 \(unit.name) \(role.label)", token: .generate()))
        }
        let units = tree.units
        if let city = tree.unit(tree.cityID) {
            add(.cityAdmin, city)
            add(.auditor, city)
        }
        for unit in units where unit.kind == .district { add(.districtAdmin, unit) }
        for unit in units where unit.kind == .town || unit.kind == .street { add(.townOperator, unit) }
        for unit in units where unit.kind == .department { add(.departmentOperator, unit) }
        let firstTowns = Set(tree.districtIDs.compactMap { tree.towns(inDistrict: $0).first?.id })
        for unit in units where unit.kind == .dispatchedAgency && firstTowns.contains(unit.stationedTownID) {
            add(.departmentOperator, unit)
        }
        for town in tree.towns {
            for place in town.places {
                if let grid = place.gridIDs.first.flatMap(tree.unit) { add(.gridWorker, grid) }
            }
        }
        return tokens
    }
}

extension DemoOrgUnit {
    /// The unit as the API stores it, active, created and last updated at `time`.
    func orgUnit(etag: String, time: Google_Protobuf_Timestamp) -> Jiceng_V1_OrgUnit {
        var unit = Jiceng_V1_OrgUnit()
        unit.id = id
        unit.name = name
        unit.kind = kind
        unit.parentId = parentID
        unit.districtId = districtID
        unit.stationedTownId = stationedTownID
        unit.active = true
        unit.etag = etag
        unit.createTime = time
        unit.updateTime = time
        return unit
    }
}
