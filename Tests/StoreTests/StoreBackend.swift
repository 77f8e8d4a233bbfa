import Foundation
import Store
import StorePostgres
import Testing

/// The database engines the shared tests run against.
///
/// SQLite always runs. PostgreSQL runs when `JICENG_TEST_POSTGRES_URL` names a server the tests
/// may create schemas in (`make test` starts a throwaway one with Tests/Support/pg-test-server.sh);
/// without it the PostgreSQL cases are left out and `PostgresTestServer.isConfigured`'s test says
/// so in the test report.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    var dialect: SQLDialect {
        switch self {
        case .sqlite: .sqlite
        case .postgresql: .postgresql
        }
    }

    /// The backends this run can test.
    static var available: [StoreBackend] {
        PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgresql]
    }
}

enum PostgresTestServer {
    static let url: String? = {
        guard let url = ProcessInfo.processInfo.environment["JICENG_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    static let skipMessage = "JICENG_TEST_POSTGRES_URL is not set: the PostgreSQL cases are skipped (make test sets it)"

    /// `url` with its sessions' search path set to `schema`, so each test works in a schema of its own.
    static func url(inSchema schema: String) -> String {
        let base = url!
        let separator = base.contains("?") ? "&" : "?"
        // The application name tells the test's own sessions apart in pg_stat_activity.
        return base + separator + "options=-csearch_path%3D" + schema + "&application_name=" + schema
    }

    /// Creates a fresh, empty schema and returns its name.
    static func createSchema() async throws -> String {
        let name = "t_" + UUID().uuidString.prefix(8).lowercased()
        var configuration = PostgresDatabase.Configuration()
        configuration.connectionCount = 1
        let admin = try await PostgresDatabase.open(url: url(inSchema: name + ",public"), schemas: [], configuration: configuration)
        try await admin.write { tx in try tx.executeScript("CREATE SCHEMA \(name)") }
        await admin.close()
        return name
    }
}

@Suite struct PostgresTestServerTests {
    @Test(.enabled(if: PostgresTestServer.url != nil, "\(PostgresTestServer.skipMessage)"))
    func isConfigured() async throws {
        let schema = try await PostgresTestServer.createSchema()
        let db = try await PostgresDatabase.open(url: PostgresTestServer.url(inSchema: schema), schemas: [])
        let synchronousCommit = try await db.read { tx in try tx.scalar("SHOW synchronous_commit", as: String.self) }
        #expect(synchronousCommit == "on")
        await db.close()
    }
}

/// One test's database on one backend: a temporary directory for SQLite, a schema of its own for
/// PostgreSQL. Opening it again reaches the same data.
final class TestStore: Sendable {
    let backend: StoreBackend
    private let directory: String
    private let postgresURL: String?

    init(_ backend: StoreBackend) async throws {
        self.backend = backend
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("store-tests-\(UUID().uuidString)")
        switch backend {
        case .sqlite: postgresURL = nil
        case .postgresql: postgresURL = PostgresTestServer.url(inSchema: try await PostgresTestServer.createSchema())
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var dialect: SQLDialect { backend.dialect }

    /// The test schema in this backend's dialect.
    var schema: Schema { makeTestSchema(dialect) }

    /// Opens the database with `schemas` (by default the test schema).
    func open(schemas: [Schema]? = nil, connections: Int = 4) async throws -> any Database {
        let schemas = schemas ?? [schema]
        switch backend {
        case .sqlite:
            return try await SQLiteDatabase.openForTest(directory, schemas: schemas)
        case .postgresql:
            var configuration = PostgresDatabase.Configuration()
            configuration.connectionCount = connections
            return try await PostgresDatabase.open(url: postgresURL!, schemas: schemas, configuration: configuration)
        }
    }

    /// The URL of this test's PostgreSQL schema.
    var url: String { postgresURL! }
}

extension Database {
    func count(_ table: String) async throws -> Int64 {
        try await read { tx in try tx.scalar("SELECT count(*) FROM \(table)", as: Int64.self) ?? 0 }
    }
}

/// The kind of constraint `error` reports, or nil if it is not a constraint failure.
func constraintKind(of error: any Error) -> StoreError.ConstraintKind? {
    if case .constraint(let kind, _)? = error as? StoreError { kind } else { nil }
}
