/// A reader thread's loop: each read body runs in its own read transaction, so every query in it
/// sees one snapshot. In WAL mode a reader never waits for the writer, and the writer never waits
/// for readers.
struct SnapshotReader {
    let connection: SQLiteConnection

    /// Serves `queue` (shared with the other readers) until it is closed and drained.
    func serve(_ queue: JobQueue<any PendingTransaction>) {
        while let jobs = queue.take(upTo: 1) {
            for job in jobs { read(job) }
        }
    }

    private func read(_ job: any PendingTransaction) {
        do {
            try connection.run("BEGIN")
        } catch {
            job.finish(transactionFailure: error)
            return
        }
        let transaction = SQLiteTransaction(connection: connection)
        connection.setTransactionControlAllowed(false)
        _ = job.run(transaction)
        connection.setTransactionControlAllowed(true)
        transaction.end()
        // A read transaction changes nothing, so ending it cannot lose anything; ROLLBACK also
        // copes with a body that failed half-way through a statement.
        if !connection.isAutocommit { try? connection.run("ROLLBACK") }
        job.finish(transactionFailure: nil)
    }
}
