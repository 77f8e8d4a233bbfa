import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// Fills the catalogue of the demo city: every town's and street's lists (the grid service list
/// derived by the linkage, as a real edit would), each district's delegation catalogue, all
/// published as version 1; then the second revision published as version 2 in half of the towns,
/// and left as pending drafts and edits in a quarter of them.
///
/// One transaction per town and per district, each well under a second, so the whole city takes
/// a few seconds and a crash half-way leaves whole towns.
public enum DemoCatalogueSeeding {
    /// Seeds `tree`'s catalogue into `database`, checked against `directory` (the org tree as
    /// stored), one transaction per district and per town. `now` is the time of the second
    /// publication; the first is 60 days earlier.
    public static func seed(tree: DemoOrgTree = .jianglin, directory: OrgDirectory, database: any Database,
                            now: Date, calendar: WorkCalendar = .chinaDefault) async throws {
        let plan = Plan(tree: tree, directory: directory, now: now, calendar: calendar)
        for districtID in tree.districtIDs {
            try await database.write { tx in try plan.seedDistrict(districtID, in: tx) }
        }
        for index in tree.towns.indices {
            try await database.write { tx in try plan.seedTown(at: index, in: tx) }
        }
    }

    /// The same inside one transaction the caller owns (the demo builder's).
    public static func seed(tree: DemoOrgTree = .jianglin, directory: OrgDirectory, now: Date,
                            calendar: WorkCalendar = .chinaDefault, in tx: any SQLWriteTransaction) throws {
        let plan = Plan(tree: tree, directory: directory, now: now, calendar: calendar)
        for districtID in tree.districtIDs { try plan.seedDistrict(districtID, in: tx) }
        for index in tree.towns.indices { try plan.seedTown(at: index, in: tx) }
    }

    /// What each step needs: the writes (with the rules over `directory`) and the two times.
    struct Plan: Sendable {
        let tree: DemoOrgTree
        let writes: CatalogueItemWrites
        let first: Int64
        let second: Int64
        let secondsPerDay: Int

        init(tree: DemoOrgTree, directory: OrgDirectory, now: Date, calendar: WorkCalendar) {
            self.tree = tree
            writes = CatalogueItemWrites(rules: CatalogueRules(directory: directory))
            second = StoredTime.micros(now)
            first = StoredTime.micros(now.addingTimeInterval(-60 * 86_400))
            secondsPerDay = calendar.workingSecondsPerDay
        }

        func seedDistrict(_ districtID: String, in tx: any SQLWriteTransaction) throws {
            for item in DemoCatalogue.delegatedItems(forDistrict: districtID, in: tree) {
                _ = try writes.create(Jiceng_V1_CatalogueItem(demo: item, workingSecondsPerDay: secondsPerDay), now: first, in: tx)
            }
            _ = try CatalogueVersions.publish(owner: districtID, note: "下放或授权事项目录（首次公布）",
                                              publishedBy: districtID, now: first, in: tx)
        }

        /// Version 1 everywhere; the revision published as version 2 in even-numbered towns, and
        /// left pending (drafts, unpublished edits) in every fourth town from the second.
        func seedTown(at index: Int, in tx: any SQLWriteTransaction) throws {
            let town = tree.towns[index]
            for item in DemoCatalogue.items(forTown: town, in: tree) where item.list != .gridService {
                _ = try writes.create(Jiceng_V1_CatalogueItem(demo: item, workingSecondsPerDay: secondsPerDay), now: first, in: tx)
            }
            _ = try CatalogueVersions.publish(owner: town.id, note: "\(town.name)清单（第一版）",
                                              publishedBy: town.districtID, now: first, in: tx)
            guard index % 2 == 0 || index % 4 == 1 else { return }
            try DemoCatalogueSeeding.apply(DemoCatalogueRevision.second(forTown: town, in: tree), owner: town.id,
                                           writes: writes, secondsPerDay: secondsPerDay, now: second, in: tx)
            if index % 2 == 0 {
                _ = try CatalogueVersions.publish(owner: town.id, note: "\(town.name)清单调整（第二版）",
                                                  publishedBy: town.districtID, now: second, in: tx)
            }
        }
    }

    private static func apply(_ revision: DemoCatalogueRevision, owner: String, writes: CatalogueItemWrites,
                              secondsPerDay: Int, now: Int64, in tx: any SQLWriteTransaction) throws {
        let contentPaths = CatalogueItemJSON.contentFieldNames.filter { !["owner_id", "list", "source_item_id"].contains($0) }
        for changed in revision.changed {
            let proto = Jiceng_V1_CatalogueItem(demo: changed, workingSecondsPerDay: secondsPerDay)
            guard let id = try CatalogueItemStore.itemID(owner: owner, list: proto.list, code: proto.code, in: tx),
                  let stored = try CatalogueItemStore.item(id, in: tx) else { continue }
            var edit = proto
            edit.id = id
            edit.etag = stored.etag
            _ = try writes.update(edit, mask: contentPaths, now: now, authorize: { _ in }, in: tx)
        }
        for added in revision.added {
            _ = try writes.create(Jiceng_V1_CatalogueItem(demo: added, workingSecondsPerDay: secondsPerDay), now: now, in: tx)
        }
        for code in revision.retiredCodes {
            for list in [Jiceng_V1_ListKind.territorialMatter, .serviceCenterMatter, .dutyTask, .powerResponsibility] {
                guard let id = try CatalogueItemStore.itemID(owner: owner, list: list, code: code, in: tx),
                      let stored = try CatalogueItemStore.item(id, in: tx), stored.state != .retired else { continue }
                _ = try writes.retire(id, etag: stored.etag, now: now, authorize: { _ in }, in: tx)
            }
        }
    }
}

extension Jiceng_V1_CatalogueItem {
    /// The API form of a demo item: SLA hours and working days as durations (a working day is
    /// `workingSecondsPerDay` of office time), a delegation's effective day at 00:00 Asia/Shanghai.
    init(demo: DemoCatalogueItem, workingSecondsPerDay: Int) {
        self.init()
        ownerId = demo.ownerID
        list = Jiceng_V1_ListKind(rawValue: Int32(demo.list.rawValue))
        code = demo.code
        title = demo.title
        description_p = demo.description
        domain = Jiceng_V1_Domain(rawValue: Int32(demo.domain.rawValue))
        powerType = Jiceng_V1_PowerType(rawValue: Int32(demo.powerType.rawValue))
        legalBasis = demo.legalBasis
        leadDepartmentId = demo.leadDepartmentID
        cooperatingDepartmentIds = demo.cooperatingDepartmentIDs
        gridCapable = demo.gridCapable
        keywords = demo.keywords
        if let d = demo.delegation {
            var delegation = Jiceng_V1_Delegation()
            delegation.fromDepartmentId = d.fromDepartmentID
            delegation.townIds = d.townIDs
            delegation.mode = Jiceng_V1_DelegationMode(rawValue: Int32(d.mode.rawValue))
            var effective = Google_Protobuf_Timestamp()
            effective.seconds = Int64(d.effectiveDay.dayNumber) * 86_400 - 8 * 3600
            delegation.effectiveTime = effective
            delegation.document = d.document
            self.delegation = delegation
        }
        if let s = demo.service {
            var service = Jiceng_V1_ServiceInfo()
            service.counter = s.counter
            service.online = s.online
            service.promisedDays = Int32(s.promisedDays)
            service.materials = s.materials
            self.service = service
        }
        if let sla = demo.responseSLA {
            var response = Jiceng_V1_ResponseSla()
            var accept = Google_Protobuf_Duration()
            accept.seconds = Int64(sla.acceptWithinHours) * 3600
            var resolve = Google_Protobuf_Duration()
            resolve.seconds = Int64(sla.resolveWithinWorkingDays) * Int64(workingSecondsPerDay)
            response.acceptWithin = accept
            response.resolveWithin = resolve
            responseSla = response
        }
    }
}
