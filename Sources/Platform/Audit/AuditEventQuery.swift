import JicengAPI
import Store

/// A read of the audit log: which events, oldest first, by gap-free sequence number.
public struct AuditEventQuery: Sendable, Hashable {
    /// Only events by this org ("" for any).
    public var actorOrgID = ""
    /// Only this method's events, as a path (`/jiceng.v1.OrgService/CreateOrgUnit`; "" for any).
    public var method = ""
    /// Only resources starting with this ("" for any), e.g. `orgUnits/`.
    public var resourcePrefix = ""
    /// Events at or after this instant (microseconds).
    public var fromMicros = Int64.min
    /// Events before this instant (microseconds).
    public var toMicros = Int64.max

    public init() {}

    /// Up to `limit` events after sequence number `afterSeq`, and how many match in all.
    public func page(after afterSeq: Int64, limit: Int, in tx: any SQLReadTransaction) throws -> (events: [Jiceng_V1_AuditEvent], totalSize: Int) {
        let conditions = """
            ($1 = '' OR actor_org_id = $1) AND ($2 = '' OR method = $2)
            AND ($3 = '' OR substr(resource, 1, length($3)) = $3) AND time >= $4 AND time < $5
            """
        let values: [any SQLValueConvertible] = [actorOrgID, method, resourcePrefix, fromMicros, toMicros]
        let total = try tx.scalar("SELECT COUNT(*) FROM audit_events WHERE " + conditions, values, as: Int.self) ?? 0
        var events: [Jiceng_V1_AuditEvent] = []
        try tx.forEachRow("""
            SELECT seq, actor_org_id, actor_role, token_id, method, resource, request_id, result, message, time
            FROM audit_events WHERE \(conditions) AND seq > $6 ORDER BY seq LIMIT $7
            """, values + [afterSeq, limit]) { row in
            var event = Jiceng_V1_AuditEvent()
            event.seq = try row.get("seq")
            event.actorOrgId = try row.get("actor_org_id")
            event.actorRole = Jiceng_V1_Role(rawValue: try row.get("actor_role"))
            event.tokenId = try row.get("token_id")
            event.method = try row.get("method")
            event.resource = try row.get("resource")
            event.requestId = try row.get("request_id")
            event.result = try row.get("result")
            event.message = try row.get("message")
            event.time = StoredTime.timestamp(micros: try row.get("time"))
            events.append(event)
            return true
        }
        return (events, total)
    }
}
