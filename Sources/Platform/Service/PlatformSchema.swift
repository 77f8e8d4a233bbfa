import Store

/// The platform's own tables: the org tree, tokens, the audit log. Each domain area (catalogue,
/// tasks, appraisal) registers its own component schema beside this one.
public enum PlatformSchema {
    public static func schema(_ dialect: SQLDialect) -> Schema {
        let blob = dialect == .postgresql ? "BYTEA" : "BLOB"
        return Schema(component: "platform", migrations: [
            Migration(version: 1, name: "org-tokens-audit", sql: """
                CREATE TABLE org_units (
                    id                TEXT    PRIMARY KEY,
                    name              TEXT    NOT NULL,
                    kind              INTEGER NOT NULL,
                    parent_id         TEXT    REFERENCES org_units (id),
                    district_id       TEXT,
                    stationed_town_id TEXT    REFERENCES org_units (id),
                    active            INTEGER NOT NULL,
                    etag              TEXT    NOT NULL,
                    create_time       BIGINT  NOT NULL,  -- microseconds since the epoch
                    update_time       BIGINT  NOT NULL,
                    body              \(blob)  NOT NULL   -- the jiceng.v1.OrgUnit message
                );
                CREATE INDEX org_units_by_parent ON org_units (parent_id, id);
                CREATE INDEX org_units_by_kind ON org_units (kind, id);
                CREATE TABLE access_tokens (
                    id            TEXT    PRIMARY KEY,
                    secret_digest \(blob)  NOT NULL,   -- SHA-256 of the secret; the secret is never stored
                    org_id        TEXT    NOT NULL REFERENCES org_units (id),
                    role          INTEGER NOT NULL,
                    label         TEXT    NOT NULL,
                    create_time   BIGINT  NOT NULL,
                    expire_time   BIGINT,             -- NULL: never expires
                    revoke_time   BIGINT              -- NULL: not revoked
                );
                CREATE INDEX access_tokens_by_org ON access_tokens (org_id);
                CREATE TABLE audit_events (
                    seq          BIGINT  PRIMARY KEY,
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
                CREATE INDEX audit_events_by_actor ON audit_events (actor_org_id, seq);
                CREATE INDEX audit_events_by_resource ON audit_events (resource, seq);
                CREATE INDEX audit_events_by_time ON audit_events (time, seq);
                """),
        ])
    }
}
