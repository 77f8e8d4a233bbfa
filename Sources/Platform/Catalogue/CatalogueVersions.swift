import JicengAPI
import Store

/// Published versions: numbered 1, 2, 3 … per owner, written once by `publish` and never changed.
///
/// Publishing is the act that puts items in force: every DRAFT item of the owner becomes
/// PUBLISHED, and the new version holds every PUBLISHED item (RETIRED ones are left out but stay
/// in the earlier versions that had them). A version's items are copies of the items as they
/// were published, so later edits never reach a published version.
public enum CatalogueVersions {
    /// The newest version number of an owner, or nil when nothing is published.
    public static func latest(owner: String, in tx: any SQLReadTransaction) throws -> Int64? {
        try tx.scalar("SELECT MAX(version) FROM catalogue_versions WHERE owner_id = $1", [owner], as: Int64?.self) ?? nil
    }

    /// The version record, or nil.
    public static func version(owner: String, _ version: Int64, in tx: any SQLReadTransaction) throws -> Jiceng_V1_CatalogueVersion? {
        guard let row = try tx.queryFirst(
            "SELECT publish_time, note, published_by, item_count FROM catalogue_versions WHERE owner_id = $1 AND version = $2",
            [owner, version])
        else { return nil }
        var record = Jiceng_V1_CatalogueVersion()
        record.ownerId = owner
        record.version = version
        record.publishTime = .init(micros: try row.get("publish_time"))
        record.note = try row.get("note")
        record.publishedBy = try row.get("published_by")
        record.itemCount = try row.get("item_count")
        return record
    }

    /// The items of a published version in list and code order, optionally of one list only.
    public static func items(owner: String, version: Int64, list: Jiceng_V1_ListKind = .unspecified,
                             in tx: any SQLReadTransaction) throws -> [Jiceng_V1_CatalogueItem] {
        try tx.query("""
            SELECT body FROM catalogue_version_items WHERE owner_id = $1 AND version = $2 AND ($3 = 0 OR list = $3)
            ORDER BY list, code
            """, [owner, version, list.rawValue]).map { try Jiceng_V1_CatalogueItem(serializedBytes: $0.get(0, as: [UInt8].self)) }
    }

    /// Puts the owner's drafts in force and records everything in force as the next version.
    /// Refuses (FAILED_PRECONDITION `CATALOGUE_EMPTY`) when nothing would be in it.
    public static func publish(owner: String, note: String, publishedBy: String, now: Int64,
                               in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueVersion {
        var inForce: [Jiceng_V1_CatalogueItem] = []
        for var item in try CatalogueItemStore.items(ofOwner: owner, in: tx) {
            switch item.state {
            case .draft:
                // Derived grid items are the owner's items too, so they are published alongside
                // their sources without going through the linkage again.
                item.state = .published
                inForce.append(try CatalogueItemStore.update(item, now: now, in: tx))
            case .published:
                inForce.append(item)
            default:
                continue
            }
        }
        guard !inForce.isEmpty else {
            throw PlatformError.failedPrecondition(reason: "CATALOGUE_EMPTY", "\(owner) 没有可发布的清单事项 (nothing in force to publish)")
        }
        let number = (try latest(owner: owner, in: tx) ?? 0) + 1
        try tx.execute("""
            INSERT INTO catalogue_versions (owner_id, version, publish_time, note, published_by, item_count)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [owner, number, now, note, publishedBy, inForce.count])
        for item in inForce {
            try tx.execute(
                "INSERT INTO catalogue_version_items (owner_id, version, item_id, list, code, body) VALUES ($1, $2, $3, $4, $5, $6)",
                [owner, number, item.id, item.list.rawValue, item.code, item.serializedBytes()])
        }
        var record = Jiceng_V1_CatalogueVersion()
        record.ownerId = owner
        record.version = number
        record.publishTime = .init(micros: now)
        record.note = note
        record.publishedBy = publishedBy
        record.itemCount = Int32(inForce.count)
        return record
    }
}
