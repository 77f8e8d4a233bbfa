import Foundation
import Store

/// The `access_tokens` table: issuing, listing, revoking and checking bearer tokens.
///
/// Only a token's id and the SHA-256 of its secret are stored; the full token exists once, in the
/// return value of `issue`. Every function runs inside the caller's transaction.
public enum TokenStore {
    /// What the store knows about one token (never its secret).
    public struct Record: Sendable, Hashable {
        public var id: String
        public var orgID: String
        public var role: Role
        public var label: String
        public var createTime: Date
        public var expireTime: Date?
        public var revokeTime: Date?

        /// True when the token may be used at `now`: not revoked, not expired.
        public func isUsable(at now: Date) -> Bool {
            revokeTime == nil && (expireTime.map { now < $0 } ?? true)
        }
    }

    /// Why a token could not be issued or revoked.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownOrg(String)
        case inactiveOrg(String)
        /// The role cannot be bound to an org of this kind (a town operator to a district, say).
        case roleNotBindable(Role, orgID: String, kind: OrgDirectory.Kind?)
        case unknownToken(String)
        case alreadyRevoked(String)

        public var description: String {
            switch self {
            case .unknownOrg(let id): "组织不存在 (no org unit \(id))"
            case .inactiveOrg(let id): "组织已停用 (org unit \(id) is inactive)"
            case .roleNotBindable(let role, let id, let kind):
                "\(role.name) 不能绑定到 \(id)（\(kind.map { "\($0)" } ?? "?")）; 可绑定的组织类型 (bindable kinds): "
                    + role.bindableKinds.map { "\($0)" }.sorted().joined(separator: ", ")
            case .unknownToken(let id): "令牌不存在 (no token \(id))"
            case .alreadyRevoked(let id): "令牌已吊销 (token \(id) is already revoked)"
            }
        }
    }

    /// Creates a token binding `role` to the org unit `orgID` and returns it: the only time its
    /// secret is available. Refuses unknown or inactive units and roles their kind cannot carry.
    public static func issue(
        orgID: String, role: Role, label: String, expireTime: Date? = nil, now: Date,
        in tx: any SQLWriteTransaction
    ) throws -> AccessToken {
        guard let row = try tx.queryFirst("SELECT kind, active FROM org_units WHERE id = $1", [orgID]) else {
            throw Failure.unknownOrg(orgID)
        }
        guard try row.get("active", as: Bool.self) else { throw Failure.inactiveOrg(orgID) }
        let kindNumber: Int32 = try row.get("kind")
        guard let kind = OrgDirectory.Kind(rawValue: kindNumber), role.bindableKinds.contains(kind) else {
            throw Failure.roleNotBindable(role, orgID: orgID, kind: OrgDirectory.Kind(rawValue: kindNumber))
        }
        let token = AccessToken.generate()
        try insert(token, orgID: orgID, role: role, label: label, expireTime: expireTime, now: now, in: tx)
        return token
    }

    /// Stores a token whose binding the caller has already checked (the demo seeding, which
    /// builds its tree in the same transaction).
    static func insert(
        _ token: AccessToken, orgID: String, role: Role, label: String, expireTime: Date?, now: Date,
        in tx: any SQLWriteTransaction
    ) throws(StoreError) {
        try tx.execute("""
            INSERT INTO access_tokens (id, secret_digest, org_id, role, label, create_time, expire_time, revoke_time)
            VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
            """, [
                token.id, token.secretDigest, orgID, role.rawValue, label, StoredTime.micros(now),
                expireTime.map(StoredTime.micros),
            ])
    }

    /// Every token, oldest first.
    public static func list(in tx: any SQLReadTransaction) throws -> [Record] {
        var records: [Record] = []
        try tx.forEachRow("""
            SELECT id, org_id, role, label, create_time, expire_time, revoke_time
            FROM access_tokens ORDER BY create_time, id
            """, []) { row in
            records.append(try record(row))
            return true
        }
        return records
    }

    /// The token with `id`, or nil.
    public static func fetch(id: String, in tx: any SQLReadTransaction) throws -> Record? {
        try tx.queryFirst("""
            SELECT id, org_id, role, label, create_time, expire_time, revoke_time FROM access_tokens WHERE id = $1
            """, [id]).map(record)
    }

    /// Revokes a token for good; its later uses are UNAUTHENTICATED.
    public static func revoke(id: String, now: Date, in tx: any SQLWriteTransaction) throws {
        guard let existing = try fetch(id: id, in: tx) else { throw Failure.unknownToken(id) }
        guard existing.revokeTime == nil else { throw Failure.alreadyRevoked(id) }
        try tx.execute("UPDATE access_tokens SET revoke_time = $2 WHERE id = $1", [id, StoredTime.micros(now)])
    }

    /// The caller a presented token stands for, or nil when the token is unknown, its secret does
    /// not match (compared in constant time), or it is revoked or expired at `now`.
    public static func authenticate(_ token: AccessToken, now: Date, in tx: any SQLReadTransaction) throws -> Caller? {
        guard let row = try tx.queryFirst("""
            SELECT secret_digest, org_id, role, expire_time, revoke_time FROM access_tokens WHERE id = $1
            """, [token.id])
        else { return nil }
        guard AccessToken.digestsMatch(try row.get("secret_digest"), token.secretDigest) else { return nil }
        let now = StoredTime.micros(now)
        if try row.get("revoke_time", as: Int64?.self) != nil { return nil }
        if let expiry = try row.get("expire_time", as: Int64?.self), now >= expiry { return nil }
        guard let role = Role(rawValue: try row.get("role")) else { return nil }
        return Caller(tokenID: token.id, orgID: try row.get("org_id"), role: role)
    }

    private static func record(_ row: Row) throws -> Record {
        let roleNumber: Int32 = try row.get("role")
        guard let role = Role(rawValue: roleNumber) else {
            throw StoreError.typeMismatch(column: "role", expected: "a jiceng.v1.Role", found: String(roleNumber))
        }
        return Record(
            id: try row.get("id"), orgID: try row.get("org_id"), role: role, label: try row.get("label"),
            createTime: StoredTime.date(try row.get("create_time")),
            expireTime: try row.get("expire_time", as: Int64?.self).map { StoredTime.date($0) },
            revokeTime: try row.get("revoke_time", as: Int64?.self).map { StoredTime.date($0) })
    }
}
