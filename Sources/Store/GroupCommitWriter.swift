/// The writer thread's loop: group commit.
///
/// Every write waiting when the writer comes round is run in ONE SQLite transaction, each in its
/// own savepoint, and the transaction is committed once — one WAL fsync under `synchronous=FULL` —
/// before any of those writers is told it succeeded. A write whose body throws rolls back to its
/// savepoint and gets its own error; the others still commit. There is no waiting to fill a batch:
/// writes that arrive while a commit is on disk simply form the next batch, so one client pays one
/// fsync per write and many clients share each fsync.
struct GroupCommitWriter {
    let connection: SQLiteConnection
    let maxBatchSize: Int
    let statistics: WriteStatisticsCounter

    /// Serves `queue` until it is closed and drained.
    func serve(_ queue: JobQueue<any PendingTransaction>) {
        while let batch = queue.take(upTo: maxBatchSize) {
            var remaining = batch[...]
            while !remaining.isEmpty {
                remaining = commit(remaining)
            }
        }
    }

    /// Runs jobs from the front of `jobs` in one transaction and commits them; returns the jobs
    /// not yet run (non-empty only when SQLite abandoned the transaction part-way, after which the
    /// rest go into a fresh one).
    private func commit(_ jobs: ArraySlice<any PendingTransaction>) -> ArraySlice<any PendingTransaction> {
        do {
            try connection.run("BEGIN IMMEDIATE")
        } catch {
            for job in jobs { job.finish(transactionFailure: error) }
            return []
        }
        var runSoFar: [any PendingTransaction] = []
        for (offset, job) in zip(jobs.indices, jobs) {
            let outcome = runInSavepoint(job)
            if connection.isAutocommit {
                // SQLite rolled the whole transaction back (a full disk, an I/O error): the jobs
                // already run lose their changes too, and none of them has been answered yet.
                let failure = (job.failure as? StoreError) ?? outcome.error
                    ?? .io("the database rolled the transaction back")
                for earlier in runSoFar { earlier.finish(transactionFailure: failure) }
                job.finish(transactionFailure: failure)
                return jobs[(offset + 1)...]
            }
            if outcome.committable {
                runSoFar.append(job)
            } else {
                job.finish(transactionFailure: outcome.error)
            }
        }
        do {
            try connection.run("COMMIT")
        } catch {
            if !connection.isAutocommit { try? connection.run("ROLLBACK") }
            for job in runSoFar { job.finish(transactionFailure: error) }
            return []
        }
        statistics.recordCommit(writes: runSoFar.count)
        for job in runSoFar { job.finish(transactionFailure: nil) }
        return []
    }

    private struct SavepointOutcome {
        /// True when the job's changes stay in the transaction.
        var committable: Bool
        /// Why they do not, when the store rather than the body refused them.
        var error: StoreError?
    }

    private func runInSavepoint(_ job: any PendingTransaction) -> SavepointOutcome {
        do {
            try connection.run("SAVEPOINT group_commit_write")
        } catch {
            return SavepointOutcome(committable: false, error: error)
        }
        let transaction = SQLiteTransaction(connection: connection)
        connection.setTransactionControlAllowed(false)
        var succeeded = job.run(transaction)
        connection.setTransactionControlAllowed(true)
        transaction.end()
        if connection.isAutocommit {
            return SavepointOutcome(committable: false, error: nil)
        }
        var error: StoreError?
        // A deferred foreign-key violation would only surface at COMMIT and fail the whole batch;
        // catch it here and fail only the write that made it.
        if succeeded && connection.hasDeferredForeignKeyViolations {
            succeeded = false
            error = .constraint(.foreignKey, message: "FOREIGN KEY constraint failed (deferred)")
        }
        do {
            if !succeeded { try connection.run("ROLLBACK TO group_commit_write") }
            try connection.run("RELEASE group_commit_write")
        } catch let releaseError {
            // The write's changes must not ride along with the batch while its caller hears of a
            // failure: undo them, and if even that fails, abandon the whole transaction (the
            // caller sees autocommit and fails the batch).
            do {
                try connection.run("ROLLBACK TO group_commit_write")
                try connection.run("RELEASE group_commit_write")
            } catch {
                try? connection.run("ROLLBACK")
            }
            return SavepointOutcome(committable: false, error: error ?? releaseError)
        }
        return SavepointOutcome(committable: succeeded, error: error)
    }
}
