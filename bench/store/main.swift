// store-bench [--seconds S] [--dir DIR] [CLIENTS …]
//
// Acknowledged durable writes per second through SQLiteDatabase (WAL, synchronous=FULL, group
// commit), at each number of concurrent clients (default 1, 8, 64). Each client loops: one
// `write` inserting one row (an id and a 200-byte payload, like a small task record), awaiting
// its durable acknowledgement before the next. Build with `swift build -c release`.
import Foundation
import Store

var seconds = 5.0
var directory: String?
var clientCounts: [Int] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--dir": directory = arguments.popFirst()
    default:
        guard let n = Int(argument), n > 0 else {
            FileHandle.standardError.write(Data("usage: store-bench [--seconds S] [--dir DIR] [CLIENTS …]\n".utf8))
            exit(2)
        }
        clientCounts.append(n)
    }
}
if clientCounts.isEmpty { clientCounts = [1, 8, 64] }

let benchSchema = Schema(component: "bench", migrations: [
    Migration(version: 1, name: "record", sql: """
        CREATE TABLE record (id INTEGER PRIMARY KEY, client INTEGER NOT NULL, sequence INTEGER NOT NULL, payload BLOB NOT NULL)
        """),
])

/// Counts acknowledged writes across clients.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

let root = directory ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("store-bench-\(getpid())")
print("store-bench: \(seconds) s per run, data in \(root)")
print("clients  writes  writes/s  commits  mean batch")
for clients in clientCounts {
    let runDirectory = (root as NSString).appendingPathComponent("c\(clients)")
    try? FileManager.default.removeItem(atPath: runDirectory)
    let db = try await SQLiteDatabase.open(directory: runDirectory, schemas: [benchSchema])
    let payload = [UInt8](repeating: 0x42, count: 200)
    let tally = Tally()
    let start = ContinuousClock.now
    let deadline = start + .milliseconds(Int(seconds * 1000))
    try await withThrowingTaskGroup(of: Void.self) { group in
        for client in 0..<clients {
            group.addTask {
                var sequence = 0
                while ContinuousClock.now < deadline {
                    let s = sequence
                    try await db.write { tx in
                        try tx.execute(
                            "INSERT INTO record (client, sequence, payload) VALUES ($1, $2, $3)", [client, s, payload])
                    }
                    tally.add()
                    sequence += 1
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let statistics = db.writeStatistics
    await db.close()
    let rate = Double(tally.value) / elapsedSeconds
    print(String(format: "%7d %7d %9.0f %8d %11.1f", clients, tally.value, rate, statistics.commits, statistics.meanBatchSize))
    try? FileManager.default.removeItem(atPath: runDirectory)
}
if directory == nil { try? FileManager.default.removeItem(atPath: root) }
