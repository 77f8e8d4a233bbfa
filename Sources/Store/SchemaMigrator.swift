import Foundation

/// Brings a database's schemas up to date at open, through the `Database` protocol alone so that
/// every implementation migrates the same way.
///
/// Applied versions are recorded in `schema_migrations (component, version, name, applied_at)`.
/// A database that records a version beyond what this code knows, or a component this code does
/// not know, was written by newer code: opening it is refused rather than risking its data.
package enum SchemaMigrator {
    package static func migrate(_ database: any Database, schemas: [Schema]) async throws {
        try validate(schemas)
        try await database.write { tx in
            try tx.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    component  TEXT   NOT NULL,
                    version    BIGINT NOT NULL,
                    name       TEXT   NOT NULL,
                    applied_at BIGINT NOT NULL,
                    PRIMARY KEY (component, version)
                )
                """)
        }
        let applied = try await database.read { tx in
            try tx.query("SELECT component, version, name FROM schema_migrations").map { row in
                AppliedMigration(
                    component: try row.get("component"), version: try row.get("version"), name: try row.get("name"))
            }
        }
        try checkCompatible(applied, with: schemas)
        let done = Set(applied.map { "\($0.component)/\($0.version)" })
        for schema in schemas {
            for migration in schema.migrations where !done.contains("\(schema.component)/\(migration.version)") {
                try await apply(migration, of: schema.component, to: database)
            }
        }
    }

    private struct AppliedMigration: Sendable {
        let component: String
        let version: Int
        let name: String
    }

    private static func validate(_ schemas: [Schema]) throws(StoreError) {
        var components = Set<String>()
        for schema in schemas {
            guard components.insert(schema.component).inserted else {
                throw .misuse("schema component \(schema.component) is given twice")
            }
            var previous = 0
            for migration in schema.migrations {
                guard migration.version > previous else {
                    throw .misuse("schema \(schema.component): migration versions must be positive and increasing; \(migration.version) follows \(previous)")
                }
                previous = migration.version
            }
        }
    }

    private static func checkCompatible(_ applied: [AppliedMigration], with schemas: [Schema]) throws(StoreError) {
        let known = Dictionary(uniqueKeysWithValues: schemas.map { ($0.component, $0) })
        for record in applied {
            guard let schema = known[record.component], record.version <= schema.latestVersion else {
                let newest = applied.filter { $0.component == record.component }.map(\.version).max() ?? record.version
                throw .schemaTooNew(
                    component: record.component, found: newest, supported: known[record.component]?.latestVersion ?? 0)
            }
            if let migration = schema.migrations.first(where: { $0.version == record.version }), migration.name != record.name {
                throw .migrationFailed(
                    component: record.component, version: record.version, name: migration.name,
                    message: "the database records this version as \(record.name); it was made by other code")
            }
        }
    }

    private static func apply(_ migration: Migration, of component: String, to database: any Database) async throws {
        let appliedAt = Int64(Date().timeIntervalSince1970 * 1000)
        do {
            try await database.write { tx in
                // Another process may have applied it since we looked.
                let already = try tx.scalar(
                    "SELECT 1 FROM schema_migrations WHERE component = $1 AND version = $2",
                    [component, migration.version], as: Int64.self)
                guard already == nil else { return }
                try tx.executeScript(migration.sql)
                try tx.execute(
                    "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($1, $2, $3, $4)",
                    [component, migration.version, migration.name, appliedAt])
            }
        } catch let error as StoreError {
            throw StoreError.migrationFailed(
                component: component, version: migration.version, name: migration.name, message: error.description)
        }
    }
}
