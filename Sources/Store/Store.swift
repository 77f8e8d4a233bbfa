// Persistence behind protocols; the embedded SQLite implementation.
import CSQLite
