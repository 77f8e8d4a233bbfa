extension SQLWriteTransaction {
    /// Tells the listeners on `channel` (in every instance of the deployment) once this
    /// transaction commits; nothing is sent if it rolls back. On PostgreSQL this is `NOTIFY`
    /// (see `PostgresDatabase.notifications(channel:)`). On SQLite, where one process owns the
    /// database, there is no one else to tell and it does nothing: wake in-process waiters
    /// directly.
    public func notify(channel: String, payload: String = "") throws(StoreError) {
        guard dialect == .postgresql else { return }
        _ = try query("SELECT pg_notify($1, $2)", [channel, payload])
    }
}
