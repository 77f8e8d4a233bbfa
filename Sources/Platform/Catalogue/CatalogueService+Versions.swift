import JicengAPI
import RPC
import Store

extension CatalogueService {
    public func publishCatalogue(request: Jiceng_V1_PublishCatalogueRequest, context: ServerContext) async throws
        -> Jiceng_V1_CatalogueVersion
    {
        try environment.validator.validate(request)
        let scope = try environment.scope()
        let owner = request.ownerId
        guard let unit = environment.directory[owner], unit.kind.isTownLevel || unit.kind == .district else {
            throw PlatformError.notFound("\(owner) 不是镇、街道或区，没有清单 (owner_id names no catalogue owner)")
        }
        try scope.checkAdministersCatalogue(owner: owner)
        return try await environment.mutate(
            Jiceng_V1_CatalogueService.Method.publishCatalogue, request: request, requestID: request.requestId,
            resource: "catalogue/\(owner)/versions"
        ) { tx, m in
            let version = try CatalogueVersions.publish(owner: owner, note: request.note, publishedBy: m.caller.orgID,
                                                        now: m.nowMicros, in: tx)
            m.resource = "catalogue/\(owner)/versions/\(version.version)"
            return version
        }
    }

    /// Open to anyone, token or not: the lists are published to the public.
    public func getPublishedCatalogue(request: Jiceng_V1_GetPublishedCatalogueRequest, context: ServerContext) async throws
        -> Jiceng_V1_PublishedCatalogue
    {
        try environment.validator.validate(request)
        guard request.version >= 0 else {
            throw PlatformError.invalidArgument(field: "version", "版本号不能为负数，0 表示最新版 (version must be ≥ 0)")
        }
        let owner = request.ownerId
        guard let unit = environment.directory[owner] else {
            throw PlatformError.notFound("机构 \(owner) 不存在 (owner_id names no org unit)")
        }
        return try await environment.read { tx in
            let version = try Self.existingVersion(owner: owner, request.version, field: "version", in: tx)
            var published = Jiceng_V1_PublishedCatalogue()
            published.ownerId = owner
            published.ownerName = unit.name
            published.version = version.version
            published.publishTime = version.publishTime
            published.note = version.note
            published.items = try CatalogueVersions.items(owner: owner, version: version.version, list: request.list, in: tx)
            return published
        }
    }

    public func diffCatalogueVersions(request: Jiceng_V1_DiffCatalogueVersionsRequest, context: ServerContext) async throws
        -> Jiceng_V1_DiffCatalogueVersionsResponse
    {
        try environment.validator.validate(request)
        guard request.fromVersion > 0 else {
            throw PlatformError.invalidArgument(field: "from_version", "请指定起始版本（从 1 开始） (from_version must be ≥ 1)")
        }
        guard request.toVersion >= 0 else {
            throw PlatformError.invalidArgument(field: "to_version", "版本号不能为负数，0 表示最新版 (to_version must be ≥ 0)")
        }
        let owner = request.ownerId
        return try await environment.read { tx in
            let from = try Self.existingVersion(owner: owner, request.fromVersion, field: "from_version", in: tx)
            let to = try Self.existingVersion(owner: owner, request.toVersion, field: "to_version", in: tx)
            let diff = CatalogueDiff.between(
                try CatalogueVersions.items(owner: owner, version: from.version, in: tx),
                try CatalogueVersions.items(owner: owner, version: to.version, in: tx))
            var response = Jiceng_V1_DiffCatalogueVersionsResponse()
            response.ownerId = owner
            response.fromVersion = from.version
            response.toVersion = to.version
            response.added = diff.added
            response.removed = diff.removed
            response.changed = diff.changed
            return response
        }
    }

    /// The version `number` of `owner` (0: the latest), or NOT_FOUND.
    static func existingVersion(owner: String, _ number: Int64, field: String, in tx: any SQLReadTransaction) throws
        -> Jiceng_V1_CatalogueVersion
    {
        let wanted = number == 0 ? try CatalogueVersions.latest(owner: owner, in: tx) : number
        guard let wanted, let version = try CatalogueVersions.version(owner: owner, wanted, in: tx) else {
            throw PlatformError.notFound(number == 0
                ? "\(owner) 尚未发布清单 (nothing published for this owner)"
                : "\(owner) 没有第\(number)版清单 (\(field): no such version)")
        }
        return version
    }
}
