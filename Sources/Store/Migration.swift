/// One step of a schema's history: applied once, in version order, in its own transaction.
public struct Migration: Sendable {
    /// Positive, strictly increasing within a schema; never reused or renumbered once released.
    public let version: Int
    /// A short name, recorded with the version; a database that records another name for the
    /// same version was made by different code and is refused.
    public let name: String
    /// One or more `;`-separated statements, without parameters or transaction control.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// The migrations of one component (the store's own tables, the domain's tables …), versioned
/// independently of the other components in the same database.
public struct Schema: Sendable {
    public let component: String
    public let migrations: [Migration]

    public init(component: String, migrations: [Migration]) {
        self.component = component
        self.migrations = migrations
    }

    /// The version a database has once every migration is applied (0 for none).
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The store's own tables, applied before any other schema, in `dialect`'s column types.
    public static func store(_ dialect: SQLDialect) -> Schema {
        let bytes = dialect == .postgresql ? "BYTEA" : "BLOB"
        return Schema(component: "store", migrations: [
            Migration(version: 1, name: "idempotency", sql: """
                CREATE TABLE idempotency (
                    request_id   TEXT   NOT NULL,
                    method       TEXT   NOT NULL,
                    request_hash \(bytes) NOT NULL,
                    response     \(bytes) NOT NULL,
                    created_at   BIGINT NOT NULL,  -- Unix time, milliseconds
                    PRIMARY KEY (request_id, method)
                );
                CREATE INDEX idempotency_created_at ON idempotency (created_at);
                """),
        ])
    }
}
