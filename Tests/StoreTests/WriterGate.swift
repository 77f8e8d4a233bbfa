import Dispatch
import Testing
@testable import Store

/// Holds the writer thread inside a write until `release()`, so that the writes queued
/// meanwhile are certain to be committed as one batch.
final class WriterGate: Sendable {
    private let entered = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    /// Called on the writer thread, inside a write body.
    func hold() {
        entered.signal()
        released.wait()
    }

    /// Waits, off the Swift concurrency pool, until the writer is held.
    func waitUntilHeld() async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.entered.wait()
                continuation.resume()
            }
        }
    }

    func release() { released.signal() }
}

extension SQLiteDatabase {
    /// Runs `bodies` as one group-commit batch, in order: the writer is held inside a write while
    /// they queue up behind it (each queued before the next is submitted), then let go. Returns
    /// each body's outcome, in order.
    func writeAsOneBatch(
        _ bodies: [@Sendable (any SQLWriteTransaction) throws -> Int]
    ) async throws -> [Result<Int, any Error>] {
        let gate = WriterGate()
        let holder = Task { try await write { _ in gate.hold() } }
        await gate.waitUntilHeld()
        var tasks: [Task<Int, any Error>] = []
        for (index, body) in bodies.enumerated() {
            tasks.append(Task { try await write(body) })
            while queuedWriteCount < index + 1 { try await Task.sleep(for: .milliseconds(1)) }
        }
        gate.release()
        try await holder.value
        var results: [Result<Int, any Error>] = []
        for task in tasks { results.append(await Result { try await task.value }) }
        return results
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
