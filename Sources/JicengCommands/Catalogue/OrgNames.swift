import JicengAPI

/// Org unit names by id (departments, towns), read with ListOrgUnits, which needs a token.
enum OrgNames {
    static func all(_ connection: ServerConnection) async throws -> [String: String] {
        let client = Jiceng_V1_OrgServiceClient(transport: connection.transport, interceptors: connection.interceptors)
        var names: [String: String] = [:]
        var request = Jiceng_V1_ListOrgUnitsRequest()
        request.pageSize = 1000
        repeat {
            let page = try await client.listOrgUnits(request)
            for unit in page.orgUnits { names[unit.id] = unit.name }
            request.pageToken = page.nextPageToken
        } while !request.pageToken.isEmpty
        return names
    }
}
