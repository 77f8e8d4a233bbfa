import JicengAPI
import Store

/// A committed task event with the facts a watcher's scope is decided by.
struct TaskFeedEntry: Sendable {
    var event: Jiceng_V1_TaskEvent
    var gridID: String
    /// The lead and cooperating departments at the time of the event.
    var departments: [String]

    var seq: Int64 { event.seq }

    /// The columns `init(row:)` reads.
    static let columns = "seq, town_id, grid_id, department_ids, body"

    init(row: Row) throws {
        event = try TaskRecords.decodeEvent(try row.get("body", as: [UInt8].self))
        gridID = try row.get("grid_id")
        departments = try row.get("department_ids", as: String.self).split(separator: " ").map(String.init)
    }
}
