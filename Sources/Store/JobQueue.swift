import Foundation

/// A first-in-first-out hand-over from async callers to the store's own threads.
///
/// Only the store threads ever wait on it; `push` takes the lock for a moment and never waits, so
/// a Swift concurrency thread is never parked on disk work.
package final class JobQueue<Job>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var isClosed = false

    /// Queues `job`; false if the queue is closed (the caller then fails the job itself).
    package init() {}

    package func push(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Waits until there is a job, then takes every waiting job up to `limit`, oldest first.
    /// Returns nil once the queue is closed and empty: jobs queued before `close` are still served.
    package func take(upTo limit: Int) -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !isClosed {
            condition.wait()
        }
        guard !jobs.isEmpty else { return nil }
        let count = min(limit, jobs.count)
        let taken = Array(jobs[..<count])
        jobs.removeFirst(count)
        // Another thread may serve what is left (the reader pool shares one queue).
        if !jobs.isEmpty { condition.signal() }
        return taken
    }

    /// How many jobs are waiting (for tests and statistics; stale as soon as it is read).
    package var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count
    }

    /// Refuses new jobs and wakes every waiting thread.
    package func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }
}
