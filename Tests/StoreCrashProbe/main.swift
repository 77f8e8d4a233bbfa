// store-crash-probe DIR [WRITERS]
// store-crash-probe --postgres URL [WRITERS]
//
// Opens the store in DIR (SQLite) or the PostgreSQL database at URL and writes rows from WRITERS concurrent tasks as fast as it can. After
// each write is acknowledged it prints the row's id on its own line, with one write(2) per line so
// that nothing acknowledged sits in a buffer. StoreTests kills it with SIGKILL mid-stream and then
// checks that every printed id is in the database.
import Foundation
import Store
import StorePostgres

#if canImport(Glibc)
import Glibc
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
let postgresURL: String?
if arguments.first == "--postgres" {
    arguments.removeFirst()
    postgresURL = arguments.first
} else {
    postgresURL = nil
}
guard let location = arguments.first else {
    FileHandle.standardError.write(Data("usage: store-crash-probe DIR [WRITERS] | --postgres URL [WRITERS]\n".utf8))
    exit(2)
}
let writers = arguments.count > 1 ? Int(arguments[1]) ?? 16 : 16

/// The probe's table; StoreTests opens the database with the same schema.
func probeSchema(_ dialect: SQLDialect) -> Schema {
    Schema(component: "probe", migrations: [
        Migration(version: 1, name: "ack", sql: "CREATE TABLE ack (id TEXT PRIMARY KEY, payload \(dialect == .postgresql ? "BYTEA" : "BLOB") NOT NULL)"),
    ])
}

func acknowledge(_ id: String) {
    let line = Array((id + "\n").utf8)
    let written = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    // The reader is gone (the test ended); nobody is left to tell.
    if written != line.count { exit(0) }
}

let database: any Database =
    if let postgresURL {
        try await PostgresDatabase.open(url: postgresURL, schemas: [probeSchema(.postgresql)])
    } else {
        try await SQLiteDatabase.open(directory: location, schemas: [probeSchema(.sqlite)])
    }
let payload = [UInt8](repeating: 0xA5, count: 200)
await withTaskGroup(of: Void.self) { group in
    for writer in 0..<writers {
        group.addTask {
            // Bounded so that a probe whose test forgot it still ends.
            for sequence in 0..<1_000_000 {
                let id = "\(writer)-\(sequence)"
                do {
                    try await database.write { tx in
                        try tx.execute("INSERT INTO ack (id, payload) VALUES ($1, $2)", [id, payload])
                    }
                } catch {
                    FileHandle.standardError.write(Data("write \(id) failed: \(error)\n".utf8))
                    exit(1)
                }
                acknowledge(id)
            }
        }
    }
}
await database.close()
