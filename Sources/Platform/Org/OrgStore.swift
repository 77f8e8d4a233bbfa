import JicengAPI
import ProtoRuntime
import Store

/// The `org_units` table: org units as whole `jiceng.v1.OrgUnit` bodies, with the columns that
/// lookups, listing and the directory snapshot need beside them.
///
/// Every function runs inside the caller's transaction, so that a change, its idempotency record
/// and its audit row commit together.
public enum OrgStore {
    /// Which units a listing returns.
    public struct Filter: Sendable, Hashable {
        /// Only the direct children of this unit (nil: any parent).
        public var parentID: String?
        /// Only units of this kind (nil: any kind).
        public var kind: OrgKind?
        /// Deactivated units too.
        public var includeInactive: Bool

        public init(parentID: String? = nil, kind: OrgKind? = nil, includeInactive: Bool = false) {
            self.parentID = parentID
            self.kind = kind
            self.includeInactive = includeInactive
        }
    }

    /// Adds a complete unit (etag and times already set). A unit with the same id fails with
    /// `StoreError.constraint(.primaryKey, …)`.
    public static func insert(_ unit: Jiceng_V1_OrgUnit, in tx: any SQLWriteTransaction) throws(StoreError) {
        try tx.execute("""
            INSERT INTO org_units (id, name, kind, parent_id, district_id, stationed_town_id, active, etag,
                                   create_time, update_time, body)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, [
                unit.id, unit.name, unit.kind.rawValue, nonEmpty(unit.parentId), nonEmpty(unit.districtId),
                nonEmpty(unit.stationedTownId), unit.active, unit.etag,
                StoredTime.micros(unit.createTime), StoredTime.micros(unit.updateTime),
                unit.serializedBytes(),
            ])
    }

    /// Writes back a unit that exists, with its changed fields, new etag and update time. Returns
    /// false when no unit has its id.
    @discardableResult
    public static func replace(_ unit: Jiceng_V1_OrgUnit, in tx: any SQLWriteTransaction) throws(StoreError) -> Bool {
        try tx.execute("""
            UPDATE org_units SET name = $2, active = $3, stationed_town_id = $4, etag = $5, update_time = $6, body = $7
            WHERE id = $1
            """, [
                unit.id, unit.name, unit.active, nonEmpty(unit.stationedTownId), unit.etag,
                StoredTime.micros(unit.updateTime), unit.serializedBytes(),
            ]) == 1
    }

    /// The unit with `id`, or nil.
    public static func fetch(id: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_OrgUnit? {
        guard let body: [UInt8] = try tx.scalar("SELECT body FROM org_units WHERE id = $1", [id]) else { return nil }
        return try Jiceng_V1_OrgUnit(serializedBytes: body)
    }

    /// How many units exist (active or not).
    public static func count(in tx: any SQLReadTransaction) throws(StoreError) -> Int {
        try tx.scalar("SELECT COUNT(*) FROM org_units", as: Int.self) ?? 0
    }

    /// The whole tree as an in-memory snapshot, read from the columns alone.
    public static func directory(in tx: any SQLReadTransaction) throws -> OrgDirectory {
        var nodes: [OrgDirectory.Node] = []
        try tx.forEachRow("SELECT id, name, kind, parent_id, stationed_town_id, active FROM org_units", []) { row in
            let kindNumber: Int32 = try row.get("kind")
            guard let kind = OrgDirectory.Kind(rawValue: kindNumber) else { return true }
            nodes.append(OrgDirectory.Node(
                id: try row.get("id"), name: try row.get("name"), kind: kind,
                parentID: try row.get("parent_id"), stationedTownID: try row.get("stationed_town_id"),
                active: try row.get("active")))
            return true
        }
        return OrgDirectory(nodes)
    }

    /// Up to `limit` units matching `filter` with ids after `afterID`, in id order, and how many
    /// match in all.
    public static func page(
        _ filter: Filter, after afterID: String, limit: Int, in tx: any SQLReadTransaction
    ) throws -> (units: [Jiceng_V1_OrgUnit], totalSize: Int) {
        // One statement text for every filter combination keeps the statement cache small; an
        // empty parameter means "any".
        let conditions = "($1 = '' OR parent_id = $1) AND ($2 = 0 OR kind = $2) AND ($3 = 1 OR active = 1)"
        let filterValues: [any SQLValueConvertible] = [
            filter.parentID ?? "", filter.kind?.rawValue ?? 0, filter.includeInactive,
        ]
        let total = try tx.scalar("SELECT COUNT(*) FROM org_units WHERE " + conditions, filterValues, as: Int.self) ?? 0
        var units: [Jiceng_V1_OrgUnit] = []
        try tx.forEachRow(
            "SELECT body FROM org_units WHERE " + conditions + " AND id > $4 ORDER BY id LIMIT $5",
            filterValues + [afterID, limit]
        ) { row in
            units.append(try Jiceng_V1_OrgUnit(serializedBytes: try row.get(0, as: [UInt8].self)))
            return true
        }
        return (units, total)
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

extension OrgDirectory.Node {
    /// The directory's view of a stored unit.
    public init?(_ unit: Jiceng_V1_OrgUnit) {
        guard let kind = OrgDirectory.Kind(rawValue: unit.kind.rawValue) else { return nil }
        self.init(id: unit.id, name: unit.name, kind: kind, parentID: unit.parentId.isEmpty ? nil : unit.parentId,
                  stationedTownID: unit.stationedTownId.isEmpty ? nil : unit.stationedTownId, active: unit.active)
    }
}
