import Foundation
import JicengAPI
import ProtoRuntime
import Store
@testable import Platform

/// A real SQLite file with the catalogue schema in a fresh temporary directory, and the demo
/// city's org tree as the directory the rules check against.
struct CatalogueFixture {
    let database: SQLiteDatabase
    let directory: OrgDirectory
    let tree = DemoOrgTree.jianglin
    let path: String

    static func make() async throws -> CatalogueFixture {
        let path = NSTemporaryDirectory() + "catalogue-tests-" + UUID().uuidString
        let database = try await SQLiteDatabase.open(directory: path, schemas: [.catalogue(.sqlite)])
        return CatalogueFixture(database: database, directory: demoDirectory(DemoOrgTree.jianglin), path: path)
    }

    func close() async {
        await database.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    var writes: CatalogueItemWrites { CatalogueItemWrites(rules: CatalogueRules(directory: directory)) }

    /// A town (not a street) and a street of the first district.
    var town: DemoTown { tree.towns.first { !$0.isStreet }! }
    var street: DemoTown { tree.towns.first { $0.isStreet }! }

    func department(_ d: DemoDepartment, of town: DemoTown) -> String { d.id(inDistrict: town.districtID) }

    /// A valid grid-capable territorial matter of `town`.
    func territorial(_ town: DemoTown, code: String = "SD-9001", title: String = "桥下涵洞积水处置") -> Jiceng_V1_CatalogueItem {
        var item = Jiceng_V1_CatalogueItem()
        item.ownerId = town.id
        item.list = .territorialMatter
        item.code = code
        item.title = title
        item.domain = .urbanManagement
        item.leadDepartmentId = department(.housing, of: town)
        item.cooperatingDepartmentIds = [department(.urbanManagement, of: town)]
        item.gridCapable = true
        item.keywords = ["涵洞积水"]
        var sla = Jiceng_V1_ResponseSla()
        sla.acceptWithin = duration(4 * 3600)
        sla.resolveWithin = duration(2 * 27_000)
        item.responseSla = sla
        return item
    }

    func duration(_ seconds: Int64) -> Google_Protobuf_Duration {
        var d = Google_Protobuf_Duration()
        d.seconds = seconds
        return d
    }

    func create(_ item: Jiceng_V1_CatalogueItem, now: Int64 = 1_000) async throws -> Jiceng_V1_CatalogueItem {
        let writes = writes
        return try await database.write { tx in try writes.create(item, now: now, in: tx) }
    }

    func item(_ id: String) async throws -> Jiceng_V1_CatalogueItem? {
        try await database.read { tx in try CatalogueItemStore.item(id, in: tx) }
    }

    func derived(from id: String) async throws -> Jiceng_V1_CatalogueItem? {
        try await database.read { tx in try CatalogueItemStore.derivedItem(from: id, in: tx) }
    }
}

/// The demo org tree as the server's directory would hold it.
func demoDirectory(_ tree: DemoOrgTree) -> OrgDirectory {
    OrgDirectory(tree.units.map { unit in
        OrgDirectory.Node(id: unit.id, name: unit.name, kind: OrgDirectory.Kind(rawValue: Int32(unit.kind.rawValue))!,
                          parentID: unit.parentID.isEmpty ? nil : unit.parentID,
                          stationedTownID: unit.stationedTownID.isEmpty ? nil : unit.stationedTownID)
    })
}

/// The error `body` throws, as a PlatformError (nil if it throws none or another kind).
func platformError(_ body: () async throws -> Void) async -> PlatformError? {
    do {
        try await body()
        return nil
    } catch let error as PlatformError {
        return error
    } catch {
        return nil
    }
}
