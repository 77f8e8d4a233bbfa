import Foundation
import Store

extension PostgresDatabase {
    /// The payloads sent on `channel` (with `SQLWriteTransaction.notify`, or SQL `NOTIFY`) by
    /// transactions of any instance that commit from now on, in commit order, until the consumer
    /// stops iterating.
    ///
    /// The stream listens on a connection and thread of its own. Notifications are wake-up hints,
    /// not a queue: a listener that reconnects after losing its connection misses what was sent
    /// meanwhile, and nothing is kept for a listener that was not running. Re-read the state they
    /// point at (the tasks table, say) when woken, and now and then anyway.
    ///
    /// `channel` is a lower-case identifier (`a`–`z`, `0`–`9`, `_`, at most 63 bytes).
    public func notifications(channel: String) async throws -> AsyncStream<String> {
        guard Self.isPlainIdentifier(channel) else {
            throw StoreError.misuse("notification channel \(channel) must be a lower-case identifier (a-z, 0-9, _; at most 63 bytes)")
        }
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let stop = ListenerStop()
        continuation.onTermination = { _ in stop.set() }
        let url = url
        let displayURL = displayURL
        let lockTimeout = configuration.lockTimeout
        // Connect and LISTEN before returning, so that nothing committed after this call is missed.
        try await withCheckedThrowingContinuation { (ready: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                let connection: PostgresConnection
                do {
                    connection = try PostgresConnection(url: url, displayURL: displayURL, lockTimeout: lockTimeout)
                    try connection.executeScript("LISTEN \(channel)")
                } catch {
                    ready.resume(throwing: error)
                    return
                }
                ready.resume()
                while !stop.isSet {
                    do {
                        for payload in try connection.awaitNotifications(milliseconds: 250) {
                            continuation.yield(payload)
                        }
                    } catch {
                        // Lost: come back when the server does, and listen again.
                        Thread.sleep(forTimeInterval: 1)
                        try? connection.reconnect(lockTimeout: lockTimeout)
                        if connection.isUsable { try? connection.executeScript("LISTEN \(channel)") }
                    }
                }
                continuation.finish()
            }
            thread.name = "store-postgres-listen-\(channel)"
            thread.start()
        }
        return stream
    }

    private static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { c in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: "_")
        }
    }
}

/// Set once the stream's consumer is gone; read by the listener thread between waits.
private final class ListenerStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    func set() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
