import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store

/// ListTasks: the request's filters, ANDed with the caller's scope, newest first by
/// `(create_time, id)`, paged by keyset so that page 1,000 costs what page 1 does.
///
/// Each shape walks one index (see `TaskSchema`): a department's list is driven from
/// `task_departments` (department, create_time, task_id), the others from the `tasks` index that
/// starts with their equality filter. `total_size` counts at most `countCap` matches (an exact
/// count of a million rows would cost more than the page); a larger result reports `countCap`.
///
/// The page token is opaque: the last row's position and a digest of the filters and caller, so a
/// token used with other filters or by another caller is INVALID_ARGUMENT, not a silently wrong page.
struct TaskListQuery {
    static let defaultPageSize = 50
    static let maxPageSize = 1000
    static let countCap = 10_000

    private var conditions: [String] = []
    private var parameters: [SQLValue] = []
    /// Set when the list is driven by one department's rows.
    private var departmentJoin = false

    let request: Jiceng_V1_ListTasksRequest
    let pageSize: Int
    let digest: String

    init(_ request: Jiceng_V1_ListTasksRequest, access: TaskAccess, now: Date) throws(PlatformError) {
        self.request = request
        guard request.pageSize >= 0 else {
            throw .invalidArgument(field: "page_size", "不能为负数 (must not be negative)")
        }
        pageSize = request.pageSize == 0 ? Self.defaultPageSize : min(Int(request.pageSize), Self.maxPageSize)
        var filters = request
        filters.pageSize = 0
        filters.pageToken = ""
        let caller = access.caller
        digest = String(SHA256Digest.hex(Array("\(caller.orgID)|\(caller.role.rawValue)|".utf8) + filters.serializedBytes()).prefix(16))

        try applyScope(access)
        if !request.departmentId.isEmpty, !departmentJoin {
            departmentJoin = true
            conditions.append("d.department_id = \(bind(request.departmentId))")
        }
        if !request.townId.isEmpty { conditions.append("t.town_id = \(bind(request.townId))") }
        if !request.gridId.isEmpty { conditions.append("t.grid_id = \(bind(request.gridId))") }
        if request.state != .unspecified { conditions.append("t.state = \(bind(Int64(request.state.rawValue)))") }
        if request.source != .unspecified { conditions.append("t.source = \(bind(Int64(request.source.rawValue)))") }
        if request.overdue { conditions.append("t.due_time < \(bind(StoredTime.micros(now)))") }
        if request.hasCreateTimeFrom { conditions.append("t.create_time >= \(bind(TaskTime.micros(request.createTimeFrom)))") }
        if request.hasCreateTimeTo { conditions.append("t.create_time < \(bind(TaskTime.micros(request.createTimeTo)))") }
        if !request.query.isEmpty {
            let escaped = request.query.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            conditions.append("t.search_text LIKE \(bind("%" + escaped + "%")) ESCAPE '\\'")
        }
    }

    /// The caller's scope as conditions: what `TaskAccess.mayRead` allows, in SQL.
    private mutating func applyScope(_ access: TaskAccess) throws(PlatformError) {
        let caller = access.caller
        switch caller.role {
        case .cityAdmin, .auditor:
            break
        case .districtAdmin:
            conditions.append("t.district_id = \(bind(caller.orgID))")
        case .townOperator:
            conditions.append("t.town_id = \(bind(caller.orgID))")
        case .gridWorker:
            // A grid worker's own tasks always lie in its grid.
            conditions.append("t.grid_id = \(bind(caller.orgID))")
        case .departmentOperator:
            guard let own = access.scope.directory[caller.orgID] else {
                conditions.append("1 = 0")
                return
            }
            // An agency acts for itself anywhere and for its parent department in its town.
            var pairs: [(department: String, town: String?)] = [(own.id, nil)]
            if own.kind == .dispatchedAgency, let parent = own.parentID, let town = own.stationedTownID {
                pairs.append((parent, town))
            }
            let wanted = request.departmentId
            if !wanted.isEmpty {
                pairs = pairs.filter { $0.department == wanted }
                if pairs.isEmpty { conditions.append("1 = 0") }
            }
            departmentJoin = true
            let clauses = pairs.map { pair in
                "(d.department_id = \(bind(pair.department))" + (pair.town.map { " AND d.town_id = \(bind($0))" } ?? "") + ")"
            }
            if !clauses.isEmpty { conditions.append("(" + clauses.joined(separator: " OR ") + ")") }
        }
    }

    private mutating func bind(_ value: any SQLValueConvertible) -> String {
        parameters.append(value.sqlValue)
        return "$\(parameters.count)"
    }

    private var from: String {
        departmentJoin ? "task_departments d JOIN tasks t ON t.id = d.task_id" : "tasks t"
    }

    /// Keyset columns: the driving table's, so the walk stays on its index.
    private var orderColumns: (time: String, id: String) {
        departmentJoin ? ("d.create_time", "d.task_id") : ("t.create_time", "t.id")
    }

    /// The page query: the filters, the position after the page token (a row-value comparison,
    /// which both SQLite and PostgreSQL turn into a range on the index), newest first.
    func pageStatement() throws(PlatformError) -> (sql: String, parameters: [SQLValue]) {
        var query = self
        var pageConditions = conditions
        if !request.pageToken.isEmpty {
            guard let position = Self.decodeToken(request.pageToken, digest: digest) else {
                throw .invalidArgument(field: "page_token", "无效或与查询条件不符 (invalid, or from another query)")
            }
            let time = query.bind(position.time)
            let id = query.bind(position.id)
            pageConditions.append("(\(orderColumns.time), \(orderColumns.id)) < (\(time), \(id))")
        }
        let whereAll = pageConditions.isEmpty ? "" : "WHERE " + pageConditions.joined(separator: " AND ")
        return ("""
            SELECT t.body, t.create_time, t.id FROM \(from) \(whereAll)
            ORDER BY \(orderColumns.time) DESC, \(orderColumns.id) DESC LIMIT \(pageSize + 1)
            """, query.parameters)
    }

    /// Counts matches up to `countCap`; the filters only, so the same on every page.
    func countStatement() -> (sql: String, parameters: [SQLValue]) {
        let whereFilters = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT COUNT(*) FROM (SELECT 1 FROM \(from) \(whereFilters) LIMIT \(Self.countCap)) capped", parameters)
    }

    func run(in tx: any SQLReadTransaction) throws -> Jiceng_V1_ListTasksResponse {
        let page = try pageStatement()
        var rows = try tx.query(page.sql, page.parameters)
        // An agency's list joins two department rows; a task on both would come twice, adjacently.
        rows = rows.enumerated().filter { index, row in
            index == 0 || row["id"] != rows[index - 1]["id"]
        }.map(\.element)
        var response = Jiceng_V1_ListTasksResponse()
        response.tasks = try rows.prefix(pageSize).map(TaskRecords.decode)
        if rows.count > pageSize, let last = rows.prefix(pageSize).last {
            response.nextPageToken = Self.encodeToken(time: try last.get("create_time"), id: try last.get("id"), digest: digest)
        }
        let count = countStatement()
        response.totalSize = Int32(try tx.scalar(count.sql, count.parameters, as: Int64.self) ?? 0)
        return response
    }

    static func encodeToken(time: Int64, id: String, digest: String) -> String {
        Data("\(time)|\(id)|\(digest)".utf8).base64EncodedString()
    }

    static func decodeToken(_ token: String, digest: String) -> (time: Int64, id: String)? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == digest, let time = Int64(parts[0]) else { return nil }
        return (time, String(parts[1]))
    }
}

extension TaskService {
    public func listTasks(request: Jiceng_V1_ListTasksRequest, context: ServerContext) async throws -> Jiceng_V1_ListTasksResponse {
        try environment.validator.validate(request)
        let query = try TaskListQuery(request, access: TaskAccess(scope: try environment.scope()), now: environment.clock.now())
        return try await environment.read { tx in try query.run(in: tx) }
    }
}
