import JicengAPI
import RPC

/// `jiceng.v1.AuditService`: reads the append-only log of every state change. The access policy
/// admits only auditors and city admins; nothing writes the log through the API.
public struct AuditService: Jiceng_V1_AuditServiceService {
    public let environment: PlatformEnvironment

    public init(environment: PlatformEnvironment) {
        self.environment = environment
    }

    public func listAuditEvents(request: Jiceng_V1_ListAuditEventsRequest, context: ServerContext) async throws -> Jiceng_V1_ListAuditEventsResponse {
        try environment.validator.validate(request)
        _ = try environment.caller()
        let pageSize = try PageToken.pageSize(request.pageSize)
        var query = AuditEventQuery()
        query.actorOrgID = request.actorOrgId
        // Methods are logged as paths; accept them with or without the leading slash.
        query.method = request.method.isEmpty || request.method.hasPrefix("/") ? request.method : "/" + request.method
        query.resourcePrefix = request.resource
        if request.hasTimeFrom { query.fromMicros = StoredTime.micros(request.timeFrom) }
        if request.hasTimeTo { query.toMicros = StoredTime.micros(request.timeTo) }
        guard query.fromMicros <= query.toMicros else {
            throw PlatformError.invalidArgument(field: "time_to", "不能早于 time_from (must not be before time_from)")
        }
        let filters = "\(query.actorOrgID)\u{0}\(query.method)\u{0}\(query.resourcePrefix)\u{0}\(query.fromMicros)\u{0}\(query.toMicros)"
        let afterText = try PageToken.decode(request.pageToken, filters: filters)
        guard let after = afterText.map({ Int64($0) }) ?? 0 else {
            throw PlatformError.invalidArgument(field: "page_token", "无效的分页令牌 (not a page token from this server)")
        }
        let finalQuery = query
        let page = try await environment.read { tx in try finalQuery.page(after: after, limit: pageSize + 1, in: tx) }
        var response = Jiceng_V1_ListAuditEventsResponse()
        response.events = Array(page.events.prefix(pageSize))
        response.totalSize = Int32(clamping: page.totalSize)
        if page.events.count > pageSize, let last = response.events.last {
            response.nextPageToken = PageToken.encode(after: String(last.seq), filters: filters)
        }
        return response
    }
}
