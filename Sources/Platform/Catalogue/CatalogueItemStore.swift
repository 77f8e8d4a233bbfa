import JicengAPI
import ProtoRuntime
import Store

/// Reads and writes catalogue items inside a caller's transaction.
///
/// The stored body is the whole item as the API returns it (id, state, etag and times included);
/// the columns are copies kept in step by `insert` and `update`, the only two writers.
public enum CatalogueItemStore {
    /// The item with `id`, or nil.
    public static func item(_ id: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_CatalogueItem? {
        guard let body = try tx.scalar("SELECT body FROM catalogue_items WHERE id = $1", [id], as: [UInt8].self) else {
            return nil
        }
        return try Jiceng_V1_CatalogueItem(serializedBytes: body)
    }

    /// The id of the item with this owner, list and code, if any.
    static func itemID(owner: String, list: Jiceng_V1_ListKind, code: String, in tx: any SQLReadTransaction) throws -> String? {
        try tx.scalar(
            "SELECT id FROM catalogue_items WHERE owner_id = $1 AND list = $2 AND code = $3",
            [owner, list.rawValue, code], as: String.self)
    }

    /// The grid service item derived from `sourceID`, if one was ever made.
    static func derivedItem(from sourceID: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_CatalogueItem? {
        guard let body = try tx.scalar(
            "SELECT body FROM catalogue_items WHERE source_item_id = $1", [sourceID], as: [UInt8].self)
        else { return nil }
        return try Jiceng_V1_CatalogueItem(serializedBytes: body)
    }

    /// Every item of an owner, in list order, optionally only those in `states`.
    static func items(ofOwner owner: String, in tx: any SQLReadTransaction) throws -> [Jiceng_V1_CatalogueItem] {
        try tx.query("SELECT body FROM catalogue_items WHERE owner_id = $1 ORDER BY item_number", [owner]).map {
            try Jiceng_V1_CatalogueItem(serializedBytes: $0.get(0, as: [UInt8].self))
        }
    }

    /// Stores a new item: assigns its id (`CI` and an 8-digit number, so ids sort in creation
    /// order), etag and times. Returns the item as stored.
    static func insert(_ item: Jiceng_V1_CatalogueItem, now: Int64, in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem {
        let number = (try tx.scalar("SELECT MAX(item_number) FROM catalogue_items", as: Int64?.self) ?? nil).map { $0 + 1 } ?? 1
        var stored = item
        stored.id = itemID(number: number)
        stored.etag = Etag.next()
        stored.createTime = .init(micros: now)
        stored.updateTime = .init(micros: now)
        try tx.execute("""
            INSERT INTO catalogue_items (id, item_number, owner_id, list, code, state, domain, title,
                lead_department_id, grid_capable, source_item_id, etag, create_time, update_time, change_seq, body)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """, [stored.id, number] + columns(of: stored, now: now) + [try nextChangeSeq(tx), stored.serializedBytes()])
        return stored
    }

    /// Replaces a stored item's content with `item` (same id), giving it a fresh etag and update
    /// time. Returns the item as stored.
    static func update(_ item: Jiceng_V1_CatalogueItem, now: Int64, in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem {
        var stored = item
        stored.etag = Etag.next()
        stored.updateTime = .init(micros: now)
        try tx.execute("""
            UPDATE catalogue_items SET owner_id = $2, list = $3, code = $4, state = $5, domain = $6, title = $7,
                lead_department_id = $8, grid_capable = $9, source_item_id = $10, etag = $11, create_time = $12,
                update_time = $13, change_seq = $14, body = $15
            WHERE id = $1
            """, [stored.id] + columns(of: stored, now: now) + [try nextChangeSeq(tx), stored.serializedBytes()])
        return stored
    }

    /// The copied-out columns from owner_id to update_time, in table order.
    private static func columns(of item: Jiceng_V1_CatalogueItem, now: Int64) -> [any SQLValueConvertible] {
        [item.ownerId, item.list.rawValue, item.code, item.state.rawValue, item.domain.rawValue, item.title,
         item.leadDepartmentId, item.gridCapable, item.sourceItemId.isEmpty ? nil : item.sourceItemId,
         item.etag, item.createTime.micros, now]
    }

    private static func nextChangeSeq(_ tx: any SQLWriteTransaction) throws -> Int64 {
        // SQLite has one writer at a time, so numbers follow commit order and a reader that has
        // seen n has seen everything up to n. (Concurrent PostgreSQL writers could pick the same
        // number; the UNIQUE constraint then fails the later one, which the client retries.)
        (try tx.scalar("SELECT MAX(change_seq) FROM catalogue_items", as: Int64?.self) ?? nil).map { $0 + 1 } ?? 1
    }

    static func itemID(number: Int64) -> String {
        let digits = String(number)
        return "CI" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

extension Google_Protobuf_Timestamp {
    /// The timestamp of a stored time (microseconds since the epoch).
    init(micros: Int64) {
        self.init()
        let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        if remainder < 0 {
            self.seconds = seconds - 1
            self.nanos = Int32((remainder + 1_000_000) * 1000)
        } else {
            self.seconds = seconds
            self.nanos = Int32(remainder * 1000)
        }
    }

    /// Microseconds since the epoch (sub-microsecond precision dropped).
    var micros: Int64 { seconds * 1_000_000 + Int64(nanos / 1000) }
}
