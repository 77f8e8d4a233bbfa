import Foundation
import Store

/// A pool thread's loop: takes the next queued body, runs it in a transaction of the kind it
/// asked for on this thread's connection, and retries it when PostgreSQL says that running it
/// again may succeed.
struct PooledConnection {
    let connection: PostgresConnection
    let configuration: PostgresDatabase.Configuration
    let retries: RetryCounter
    let serialFallback: SerialFallback
    /// Failed attempts after which a write runs alone (see `SerialFallback`).
    static let attemptsBeforeRunningAlone = 3

    /// Serves `queue` (shared with the other pool threads) until it is closed and drained.
    func serve(_ queue: JobQueue<PostgresJob>) {
        while let jobs = queue.take(upTo: 1) {
            for job in jobs { run(job) }
        }
    }

    private enum Attempt {
        /// The job's outcome is settled: the body's own, or this failure of its transaction.
        case finished(StoreError?)
        /// Nothing of this attempt was kept; running the body again may succeed.
        case retry(StoreError)
    }

    private func run(_ job: PostgresJob) {
        var attempt = 0
        while true {
            let outcome =
                job.kind == .read
                ? runOnce(job)
                : serialFallback.withAccess(exclusive: attempt >= Self.attemptsBeforeRunningAlone) { runOnce(job) }
            switch outcome {
            case .finished(let failure):
                job.transaction.finish(transactionFailure: failure)
                return
            case .retry(let failure):
                attempt += 1
                guard attempt <= configuration.maxRetries else {
                    job.transaction.finish(transactionFailure: failure)
                    return
                }
                retries.increment()
                // A random pause, doubling its range with each attempt (up to 128 ms), so that
                // transactions that collided do not collide again in lockstep.
                let range = 0.001 * Double(1 << min(attempt, 7))
                Thread.sleep(forTimeInterval: Double.random(in: 0...range))
            }
        }
    }

    private func runOnce(_ job: PostgresJob) -> Attempt {
        if !connection.isUsable {
            do {
                try connection.reconnect(lockTimeout: configuration.lockTimeout)
            } catch {
                return .finished(error)
            }
        }
        connection.beginTracking()
        do {
            try connection.executeScript(
                job.kind == .write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        } catch {
            // Typically a pooled connection the server dropped while it sat idle (a restart):
            // nothing has run, so the body goes again on a fresh connection.
            return connection.firstFailure?.isConnectionLoss == true ? .retry(error) : .finished(error)
        }
        let transaction = PostgresTransaction(connection: connection)
        let succeeded = job.transaction.run(transaction)
        transaction.end()

        if let failure = connection.firstFailure {
            rollBack()
            // The transaction ended at its first error, whatever the body then did with it. A lost
            // connection before COMMIT loses nothing that was acknowledged, so it is retried too.
            if failure.isRetryable || failure.isConnectionLoss { return .retry(failure.error) }
            return .finished(succeeded ? failure.error : nil)
        }
        guard succeeded else {
            rollBack()
            return .finished(nil)  // the body's own error
        }
        do {
            try connection.executeScript("COMMIT")
        } catch {
            if connection.isInTransaction { rollBack() }
            guard let failure = connection.firstFailure else { return .finished(error) }
            if failure.isRetryable { return .retry(error) }
            if failure.isConnectionLoss && job.kind == .write {
                return .finished(.io("the connection was lost during COMMIT, so whether the write committed is unknown: \(error)"))
            }
            return .finished(error)
        }
        return .finished(nil)
    }

    private func rollBack() {
        guard connection.isUsable, connection.isInTransaction else { return }
        try? connection.executeScript("ROLLBACK")
    }
}
