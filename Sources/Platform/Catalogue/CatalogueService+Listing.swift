import JicengAPI
import RPC
import Store

extension CatalogueService {
    static let defaultPageSize = 50
    static let maxPageSize = 1000

    /// Without a query: items in creation order (keyset pages on item number). With a query: the
    /// search index's matches, best first, with where each matched.
    public func listItems(request: Jiceng_V1_ListItemsRequest, context: ServerContext) async throws -> Jiceng_V1_ListItemsResponse {
        try environment.validator.validate(request)
        guard request.pageSize >= 0 else {
            throw PlatformError.invalidArgument(field: "page_size", "page_size 不能为负数 (page_size must not be negative)")
        }
        let pageSize = request.pageSize == 0 ? Self.defaultPageSize : min(Int(request.pageSize), Self.maxPageSize)
        let query = request.query.trimmed
        let filters = CataloguePageToken.fingerprint(owner: request.ownerId, list: request.list.rawValue,
                                                     domain: request.domain.rawValue, state: request.state.rawValue,
                                                     query: String(query))
        let token = try request.pageToken.isEmpty ? nil : CataloguePageToken(decoding: request.pageToken, filters: filters)
        if query.isEmpty {
            var after: Int64 = 0
            if case .listing(let number, _)? = token { after = number }
            let afterNumber = after
            return try await environment.read { tx in
                try Self.listing(request, after: afterNumber, pageSize: pageSize, filters: filters, in: tx)
            }
        }
        var after: (score: Double, itemID: String)? = nil
        if case .search(let score, let id, _)? = token { after = (score, id) }
        let afterHit = after
        let index = searchIndex
        return try await environment.read { tx in
            try index.catchUp(in: tx)
            var filter = CatalogueSearchIndex.Filter()
            filter.ownerID = request.ownerId
            filter.list = request.list
            filter.domain = request.domain
            filter.state = request.state
            let found = index.search(String(query), filter: filter, after: afterHit, limit: pageSize)
            var response = Jiceng_V1_ListItemsResponse()
            response.totalSize = Int32(clamping: found.totalSize)
            for hit in found.hits {
                // The index may run ahead of this snapshot's bodies only if a write committed
                // between catch-up and here, which a read snapshot excludes; skip defensively.
                guard let item = try CatalogueItemStore.item(hit.itemID, in: tx) else { continue }
                response.items.append(item)
                var match = Jiceng_V1_SearchMatch()
                match.itemId = hit.itemID
                match.field = hit.field
                match.fragment = hit.fragment
                match.score = hit.score
                response.matches.append(match)
            }
            if let last = found.hits.last, found.hasMore {
                response.nextPageToken = CataloguePageToken.search(afterScore: last.score, afterID: last.itemID, filters: filters).encoded
            }
            return response
        }
    }

    private static func listing(_ request: Jiceng_V1_ListItemsRequest, after: Int64, pageSize: Int, filters: String,
                                in tx: any SQLReadTransaction) throws -> Jiceng_V1_ListItemsResponse {
        // Two statements rather than one with `owner_id = $1 OR $1 = ''`, so that the usual
        // per-owner listing is an index range scan.
        let byOwner = !request.ownerId.isEmpty
        let condition = "($2 = 0 OR list = $2) AND ($3 = 0 OR domain = $3) AND ($4 = 0 OR state = $4)"
        let ownerCondition = byOwner ? "owner_id = $1" : "$1 = ''"
        let parameters: [any SQLValueConvertible] = [request.ownerId, request.list.rawValue, request.domain.rawValue, request.state.rawValue]
        var response = Jiceng_V1_ListItemsResponse()
        response.totalSize = try tx.scalar(
            "SELECT COUNT(*) FROM catalogue_items WHERE \(ownerCondition) AND \(condition)", parameters, as: Int32.self) ?? 0
        let rows = try tx.query("""
            SELECT item_number, body FROM catalogue_items WHERE \(ownerCondition) AND \(condition) AND item_number > $5
            ORDER BY item_number LIMIT $6
            """, parameters + [after, pageSize + 1])
        for row in rows.prefix(pageSize) {
            response.items.append(try Jiceng_V1_CatalogueItem(serializedBytes: row.get(1, as: [UInt8].self)))
        }
        if rows.count > pageSize {
            let last: Int64 = try rows[pageSize - 1].get(0)
            response.nextPageToken = CataloguePageToken.listing(afterItemNumber: last, filters: filters).encoded
        }
        return response
    }

    /// Streams an owner's items in creation order, read from one snapshot.
    public func exportItems(request: Jiceng_V1_ExportItemsRequest, responses: ResponseWriter<Jiceng_V1_CatalogueItem>,
                            context: ServerContext) async throws {
        try environment.validator.validate(request)
        guard environment.directory[request.ownerId] != nil else {
            throw PlatformError.notFound("机构 \(request.ownerId) 不存在 (owner_id names no org unit)")
        }
        let items = try await environment.read { tx in
            try tx.query("""
                SELECT body FROM catalogue_items WHERE owner_id = $1 AND ($2 = 0 OR list = $2) AND ($3 = 0 OR state = $3)
                ORDER BY item_number
                """, [request.ownerId, request.list.rawValue, request.state.rawValue]).map {
                try Jiceng_V1_CatalogueItem(serializedBytes: $0.get(0, as: [UInt8].self))
            }
        }
        for item in items {
            try context.checkCancellation()
            try await responses.write(item)
        }
    }
}
