import Store

extension Schema {
    /// The platform's own tables: the org tree, access tokens, the audit log and named counters.
    ///
    /// Times are BIGINT microseconds since the Unix epoch, booleans INTEGER 0/1, protobuf bodies
    /// BLOB/BYTEA. Columns hold what queries filter and sort on; `body` holds the whole message,
    /// so that fields added to the .proto later need no migration.
    public static func platform(_ dialect: SQLDialect) -> Schema {
        let bytes = dialect == .postgresql ? "BYTEA" : "BLOB"
        return Schema(component: "platform", migrations: [
            Migration(version: 1, name: "org-tokens-audit", sql: """
                CREATE TABLE org_units (
                    id                TEXT    NOT NULL PRIMARY KEY,
                    name              TEXT    NOT NULL,
                    kind              INTEGER NOT NULL,  -- jiceng.v1.OrgKind
                    parent_id         TEXT    REFERENCES org_units (id),
                    district_id       TEXT,
                    stationed_town_id TEXT    REFERENCES org_units (id),
                    active            INTEGER NOT NULL,
                    etag              TEXT    NOT NULL,
                    create_time       BIGINT  NOT NULL,
                    update_time       BIGINT  NOT NULL,
                    body              \(bytes)  NOT NULL  -- jiceng.v1.OrgUnit
                );
                CREATE INDEX org_units_parent ON org_units (parent_id, id);
                CREATE INDEX org_units_kind ON org_units (kind, id);

                CREATE TABLE access_tokens (
                    id            TEXT    NOT NULL PRIMARY KEY,
                    secret_digest \(bytes)  NOT NULL,  -- SHA-256 of the secret
                    org_id        TEXT    NOT NULL REFERENCES org_units (id),
                    role          INTEGER NOT NULL,  -- jiceng.v1.Role
                    label         TEXT    NOT NULL,
                    create_time   BIGINT  NOT NULL,
                    expire_time   BIGINT,
                    revoke_time   BIGINT
                );

                CREATE TABLE audit_events (
                    seq          INTEGER NOT NULL PRIMARY KEY,
                    actor_org_id TEXT    NOT NULL,
                    actor_role   INTEGER NOT NULL,
                    token_id     TEXT    NOT NULL,
                    method       TEXT    NOT NULL,
                    resource     TEXT    NOT NULL,
                    request_id   TEXT    NOT NULL,
                    result       TEXT    NOT NULL,
                    message      TEXT    NOT NULL,
                    time         BIGINT  NOT NULL
                );
                CREATE INDEX audit_events_time ON audit_events (time);
                CREATE INDEX audit_events_actor ON audit_events (actor_org_id, seq);

                CREATE TABLE counters (
                    name  TEXT   NOT NULL PRIMARY KEY,
                    value BIGINT NOT NULL
                );
                """),
        ])
    }
}
