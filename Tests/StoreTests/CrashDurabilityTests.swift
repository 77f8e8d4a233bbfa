import Foundation
import Testing
import Store

/// Every write acknowledged before a `kill -9` is in the database afterwards.
@Suite struct CrashDurabilityTests {
    /// The probe's schema, as `store-crash-probe` declares it.
    static func probeSchema(_ dialect: SQLDialect) -> Schema {
        Schema(component: "probe", migrations: [
            Migration(version: 1, name: "ack", sql: "CREATE TABLE ack (id TEXT PRIMARY KEY, payload \(dialect == .postgresql ? "BYTEA" : "BLOB") NOT NULL)"),
        ])
    }
    static let probeSchema = probeSchema(.sqlite)

    /// `store-crash-probe`, built beside the test bundle.
    static func probePath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["STORE_CRASH_PROBE"] { return path }
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var directory = (testBinary as NSString).deletingLastPathComponent
        // On some platforms the test binary sits inside a bundle directory.
        while !directory.isEmpty && directory != "/" {
            let candidate = (directory as NSString).appendingPathComponent("store-crash-probe")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        throw ProbeMissing(nextTo: testBinary)
    }

    struct ProbeMissing: Error, CustomStringConvertible {
        let nextTo: String
        var description: String { "store-crash-probe is not built next to \(nextTo); run `swift build --build-tests` first" }
    }

    /// Runs the probe until it has acknowledged `acknowledgements` writes, kills it with SIGKILL
    /// mid-stream, and returns every id it acknowledged and how it ended.
    static func runAndKill(_ probe: String, arguments: [String], acknowledgements: Int) async throws -> (ids: [String], signal: Int32?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: probe)
        process.arguments = arguments + ["32"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Reading the pipe blocks, so it happens on a thread of its own.
        return await withCheckedContinuation { continuation in
            Thread {
                let reader = output.fileHandleForReading
                var pending = Data()
                var ids: [String] = []
                var killed = false
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }  // end of file: the probe is gone
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        ids.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                    if !killed && ids.count >= acknowledgements {
                        kill(process.processIdentifier, SIGKILL)
                        killed = true
                    }
                }
                // A line cut short was never fully acknowledged; it is ignored.
                process.waitUntilExit()
                let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
                continuation.resume(returning: (ids, signal))
            }.start()
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func everyAcknowledgedWriteSurvivesKill9() async throws {
        let probe = try Self.probePath()
        let directory = try TemporaryDirectory()
        var acknowledged = Set<String>()
        // Several rounds: each reopens a database that was killed mid-write.
        for round in 1...3 {
            let (ids, signal) = try await Self.runAndKill(probe, arguments: [directory.path], acknowledgements: 3000)
            #expect(signal == SIGKILL, "the probe must die by SIGKILL mid-stream, not end on its own (round \(round))")
            #expect(ids.count >= 3000)
            acknowledged.formUnion(ids.map { "\(round):\($0)" })

            let db = try await SQLiteDatabase.openForTest(directory.path, schemas: [Self.probeSchema])
            let stored = try await db.read { tx in
                Set(try tx.query("SELECT id FROM ack").map { try $0.get("id", as: String.self) })
            }
            let missing = ids.filter { !stored.contains($0) }
            #expect(missing.isEmpty, "round \(round): \(missing.count) acknowledged writes lost, e.g. \(missing.prefix(5))")
            #expect(try await db.checkIntegrity().isOK)
            // Rename this round's rows so the next round's ids (which restart) do not collide.
            try await db.write { tx in try tx.execute("UPDATE ack SET id = $1 || ':' || id WHERE id NOT LIKE '%:%'", [String(round)]) }
            await db.close()
        }
        let db = try await SQLiteDatabase.openForTest(directory.path, schemas: [Self.probeSchema])
        let all = try await db.read { tx in Set(try tx.query("SELECT id FROM ack").map { try $0.get("id", as: String.self) }) }
        #expect(acknowledged.isSubset(of: all))
        await db.close()
    }

    /// The same against PostgreSQL: every write the probe was told had committed is in the
    /// database after the probe is killed mid-stream, and nothing is half-written.
    @Test(.timeLimit(.minutes(3)), .enabled(if: PostgresTestServer.url != nil, "\(PostgresTestServer.skipMessage)"))
    func everyAcknowledgedPostgresWriteSurvivesKill9() async throws {
        let probe = try Self.probePath()
        let store = try await TestStore(.postgresql)
        let (ids, signal) = try await Self.runAndKill(probe, arguments: ["--postgres", store.url], acknowledgements: 3000)
        #expect(signal == SIGKILL, "the probe must die by SIGKILL mid-stream, not end on its own")
        #expect(ids.count >= 3000)
        let db = try await store.open(schemas: [Self.probeSchema(.postgresql)])
        let (stored, payloadsIntact) = try await db.read { tx in
            (
                Set(try tx.query("SELECT id FROM ack").map { try $0.get("id", as: String.self) }),
                try tx.scalar("SELECT bool_and(payload = decode(repeat('a5', 200), 'hex')) FROM ack", as: Bool.self)
            )
        }
        let missing = ids.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) acknowledged writes lost, e.g. \(missing.prefix(5))")
        #expect(payloadsIntact == true)
        await db.close()
    }
}
