import JicengAPI
import RPC
import Store

/// `jiceng.v1.CatalogueService`: maintains, publishes and resolves the responsibility lists.
///
/// Every change goes through `environment.mutate` (one transaction with its idempotency record
/// and audit event); the rules, the grid linkage and publishing live in the types this calls, so
/// the demo seeder and tests use exactly the same code paths without RPC.
public struct CatalogueService: Jiceng_V1_CatalogueServiceService {
    let environment: PlatformEnvironment
    /// The routing TaskService uses too (pass the same instance to share its cache).
    public let routing: CatalogueRouting
    let searchIndex: CatalogueSearchIndex

    /// Starts reading every item into the search index in the background, so that the first
    /// search after start-up does not pay for it (100,000 items take a second or two).
    public init(environment: PlatformEnvironment, routing: CatalogueRouting = CatalogueRouting(),
                searchIndex: CatalogueSearchIndex = CatalogueSearchIndex()) {
        self.environment = environment
        self.routing = routing
        self.searchIndex = searchIndex
        let database = environment.database
        Task.detached(priority: .utility) {
            // A failure here only means the first search catches up itself.
            try? await database.read { tx in try searchIndex.catchUp(in: tx) }
        }
    }

    var writes: CatalogueItemWrites { CatalogueItemWrites(rules: CatalogueRules(directory: environment.directory)) }

    public func createItem(request: Jiceng_V1_CreateItemRequest, context: ServerContext) async throws -> Jiceng_V1_CatalogueItem {
        try environment.validator.validate(request)
        let scope = try environment.scope()
        guard scope.mayCreateCatalogueItem(owner: request.item.ownerId) else { throw scope.outOfScope(request.item.ownerId) }
        let writes = writes
        return try await environment.mutate(
            Jiceng_V1_CatalogueService.Method.createItem, request: request, requestID: request.requestId,
            resource: "catalogue/\(request.item.ownerId)"
        ) { tx, m in
            let item = try writes.create(request.item, now: m.nowMicros, in: tx)
            m.resource = "catalogue/items/\(item.id)"
            return item
        }
    }

    public func getItem(request: Jiceng_V1_GetItemRequest, context: ServerContext) async throws -> Jiceng_V1_CatalogueItem {
        try environment.validator.validate(request)
        let id = request.id
        guard let item = try await environment.read({ tx in try CatalogueItemStore.item(id, in: tx) }) else {
            throw PlatformError.notFound("清单事项 \(id) 不存在 (no catalogue item \(id))")
        }
        return item
    }

    public func updateItem(request: Jiceng_V1_UpdateItemRequest, context: ServerContext) async throws -> Jiceng_V1_CatalogueItem {
        try environment.validator.validate(request, enforceNestedRequired: false)
        if request.item.id.isEmpty { throw PlatformError.invalidArgument(field: "item.id", "请指明要修改的事项 (item.id is required)") }
        if request.item.etag.isEmpty { throw PlatformError.invalidArgument(field: "item.etag", "请提供 etag (item.etag is required)") }
        let scope = try environment.scope()
        let writes = writes
        return try await environment.mutate(
            Jiceng_V1_CatalogueService.Method.updateItem, request: request, requestID: request.requestId,
            resource: "catalogue/items/\(request.item.id)"
        ) { tx, m in
            try writes.update(request.item, mask: request.updateMask.paths, now: m.nowMicros,
                              authorize: { try scope.checkMayEdit($0) }, in: tx)
        }
    }

    public func retireItem(request: Jiceng_V1_RetireItemRequest, context: ServerContext) async throws -> Jiceng_V1_CatalogueItem {
        try environment.validator.validate(request)
        let scope = try environment.scope()
        let writes = writes
        return try await environment.mutate(
            Jiceng_V1_CatalogueService.Method.retireItem, request: request, requestID: request.requestId,
            resource: "catalogue/items/\(request.id)"
        ) { tx, m in
            try writes.retire(request.id, etag: request.etag, now: m.nowMicros,
                              authorize: { try scope.checkAdministersCatalogue(owner: $0.ownerId) }, in: tx)
        }
    }

    public func resolveResponsibility(request: Jiceng_V1_ResolveResponsibilityRequest, context: ServerContext) async throws
        -> Jiceng_V1_ResolveResponsibilityResponse
    {
        try environment.validator.validate(request)
        if request.itemId.isEmpty, request.text.trimmed.isEmpty {
            throw PlatformError.invalidArgument(field: "text", "请提供 item_id，或描述事项的文字 (give item_id or text)")
        }
        let routing = routing, directory = environment.directory
        return try await environment.read { tx in
            try routing.resolve(in: tx, directory: directory, townID: request.townId, itemID: request.itemId,
                                domain: request.domain, text: request.text)
        }
    }
}
