import Store

extension Schema {
    /// The catalogue's tables: the items as they stand now, and the published versions, which are
    /// written once and never changed.
    ///
    /// Every item row keeps the whole `jiceng.v1.CatalogueItem` in `body` (the authority) and
    /// copies out the columns that queries filter, order or join on. `item_number` gives ids and
    /// list order (new items sort last, so keyset pages stay stable while items are added);
    /// `change_seq` increases with every write to a row, so a process can catch up with changes
    /// made by any writer (the search index does) with one indexed range query.
    public static func catalogue(_ dialect: SQLDialect) -> Schema {
        let bytes = dialect == .postgresql ? "BYTEA" : "BLOB"
        return Schema(component: "catalogue", migrations: [
            Migration(version: 1, name: "items and versions", sql: """
                CREATE TABLE catalogue_items (
                    id                 TEXT    NOT NULL PRIMARY KEY,
                    item_number        BIGINT  NOT NULL UNIQUE,
                    owner_id           TEXT    NOT NULL,
                    list               INTEGER NOT NULL,
                    code               TEXT    NOT NULL,
                    state              INTEGER NOT NULL,
                    domain             INTEGER NOT NULL,
                    title              TEXT    NOT NULL,
                    lead_department_id TEXT    NOT NULL,
                    grid_capable       INTEGER NOT NULL,
                    source_item_id     TEXT,
                    etag               TEXT    NOT NULL,
                    create_time        BIGINT  NOT NULL,  -- microseconds since the epoch
                    update_time        BIGINT  NOT NULL,
                    change_seq         BIGINT  NOT NULL UNIQUE,
                    body               \(bytes) NOT NULL,
                    UNIQUE (owner_id, list, code)
                );
                CREATE INDEX catalogue_items_owner_list ON catalogue_items (owner_id, list, item_number);
                CREATE INDEX catalogue_items_list ON catalogue_items (list, item_number);
                CREATE INDEX catalogue_items_source ON catalogue_items (source_item_id);
                CREATE TABLE catalogue_versions (
                    owner_id     TEXT    NOT NULL,
                    version      BIGINT  NOT NULL,
                    publish_time BIGINT  NOT NULL,
                    note         TEXT    NOT NULL,
                    published_by TEXT    NOT NULL,
                    item_count   INTEGER NOT NULL,
                    PRIMARY KEY (owner_id, version)
                );
                CREATE TABLE catalogue_version_items (
                    owner_id TEXT    NOT NULL,
                    version  BIGINT  NOT NULL,
                    item_id  TEXT    NOT NULL,
                    list     INTEGER NOT NULL,
                    code     TEXT    NOT NULL,
                    body     \(bytes) NOT NULL,
                    PRIMARY KEY (owner_id, version, item_id),
                    FOREIGN KEY (owner_id, version) REFERENCES catalogue_versions (owner_id, version)
                );
                """),
        ])
    }
}
