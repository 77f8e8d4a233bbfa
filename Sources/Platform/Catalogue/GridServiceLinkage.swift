import JicengAPI
import Store

/// Two-list linkage (两单联动): the grid service list is the set of a town's grid-capable
/// territorial matters, kept in step in the same transaction as every write to its source.
///
/// A derived item copies its source's content, mirrors its state (a draft source has a draft grid
/// item, publishing publishes both), and links back through `source_item_id`. When the source
/// stops being grid-capable or is retired, the derived item is retired, so it stays in the
/// versions that had it; when the source becomes grid-capable again, the same item returns.
enum GridServiceLinkage {
    /// The grid item's code for a territorial matter's: SD-0012 → WG-0012, anything else gets `WG-`
    /// in front.
    static func gridCode(forSource code: String) -> String {
        let territorial = DemoCatalogue.codePrefix(of: .territorialMatter) + "-"
        let grid = DemoCatalogue.codePrefix(of: .gridService) + "-"
        return code.hasPrefix(territorial) ? grid + code.dropFirst(territorial.count) : grid + code
    }

    /// Brings the grid item derived from `source` (as just stored) in step with it, creating,
    /// updating or retiring it. Returns the derived item if it was written.
    @discardableResult
    static func sync(source: Jiceng_V1_CatalogueItem, now: Int64, in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem? {
        guard source.list == .territorialMatter else { return nil }
        let existing = try CatalogueItemStore.derivedItem(from: source.id, in: tx)
        let wanted = source.gridCapable && source.state != .retired
        guard wanted else {
            guard var retired = existing, retired.state != .retired else { return nil }
            retired.state = .retired
            return try CatalogueItemStore.update(retired, now: now, in: tx)
        }
        var derived = source
        derived.list = .gridService
        derived.code = gridCode(forSource: source.code)
        derived.sourceItemId = source.id
        if let existing {
            derived.id = existing.id
            derived.createTime = existing.createTime
            derived.etag = existing.etag
            derived.updateTime = existing.updateTime
            guard derived != existing else { return nil }
            if derived.code != existing.code { try checkCodeFree(derived, in: tx) }
            return try CatalogueItemStore.update(derived, now: now, in: tx)
        }
        derived.id = ""
        try checkCodeFree(derived, in: tx)
        return try CatalogueItemStore.insert(derived, now: now, in: tx)
    }

    private static func checkCodeFree(_ derived: Jiceng_V1_CatalogueItem, in tx: any SQLReadTransaction) throws {
        if try CatalogueItemStore.itemID(owner: derived.ownerId, list: .gridService, code: derived.code, in: tx) != nil {
            throw PlatformError.alreadyExists(
                "网格服务清单中已有编码 \(derived.code)，无法由 \(derived.code) 对应的属地事项生成 (item.code: the derived grid code is taken)")
        }
    }
}
