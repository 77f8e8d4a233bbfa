import JicengAPI
import Store

/// Creating, updating and retiring items inside the caller's write transaction: the rules, the
/// uniqueness of codes, etags, and the grid service linkage. Scope (who may touch which owner) is
/// the service's business and is checked before these run.
struct CatalogueItemWrites {
    let rules: CatalogueRules

    /// Stores `item` as a new DRAFT; output-only fields sent by the client are ignored.
    func create(_ item: Jiceng_V1_CatalogueItem, now: Int64, field: String = "item",
                in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem {
        var draft = item
        draft.id = ""
        draft.state = .draft
        draft.etag = ""
        draft.sourceItemId = ""
        draft.clearCreateTime()
        draft.clearUpdateTime()
        try rules.check(draft, field: field)
        try checkCodeFree(draft, field: field, in: tx)
        let stored = try CatalogueItemStore.insert(draft, now: now, in: tx)
        try GridServiceLinkage.sync(source: stored, now: now, in: tx)
        return stored
    }

    /// Applies the fields named by `mask` from `changes` to the stored item `changes.id`, whose
    /// etag `changes.etag` must be current. `authorize` sees the stored item first.
    func update(_ changes: Jiceng_V1_CatalogueItem, mask: [String], now: Int64,
                authorize: (Jiceng_V1_CatalogueItem) throws -> Void,
                in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem {
        let stored = try existing(changes.id, field: "item.id", in: tx)
        try authorize(stored)
        try checkEditable(stored)
        try Etag.check(sent: changes.etag, current: stored.etag, resource: "清单事项 \(stored.code)")
        guard !mask.isEmpty else {
            throw PlatformError.invalidArgument(field: "update_mask", "请在 update_mask 中列出要修改的字段 (update_mask names no field)")
        }
        var merged = stored
        for (index, path) in mask.enumerated() {
            try Self.apply(path, from: changes, to: &merged, field: "update_mask.paths[\(index)]")
        }
        try rules.check(merged)
        if merged.code != stored.code { try checkCodeFree(merged, field: "item", in: tx) }
        let updated = try CatalogueItemStore.update(merged, now: now, in: tx)
        try GridServiceLinkage.sync(source: updated, now: now, in: tx)
        return updated
    }

    /// Takes an item out of force (and its derived grid item with it).
    func retire(_ id: String, etag: String, now: Int64, authorize: (Jiceng_V1_CatalogueItem) throws -> Void,
                in tx: any SQLWriteTransaction) throws -> Jiceng_V1_CatalogueItem {
        var item = try existing(id, field: "id", in: tx)
        try authorize(item)
        try checkEditable(item)
        try Etag.check(sent: etag, current: item.etag, resource: "清单事项 \(item.code)")
        item.state = .retired
        let retired = try CatalogueItemStore.update(item, now: now, in: tx)
        try GridServiceLinkage.sync(source: retired, now: now, in: tx)
        return retired
    }

    private func existing(_ id: String, field: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_CatalogueItem {
        guard let item = try CatalogueItemStore.item(id, in: tx) else {
            throw PlatformError.notFound("清单事项 \(id) 不存在 (no catalogue item \(id))")
        }
        return item
    }

    private func checkEditable(_ item: Jiceng_V1_CatalogueItem) throws {
        if item.list == .gridService {
            throw PlatformError.failedPrecondition(reason: "GRID_SERVICE_DERIVED",
                "网格服务事项 \(item.code) 随属地管理事项自动调整，请修改其来源事项 (edit the territorial matter it derives from)")
        }
        if item.state == .retired {
            throw PlatformError.failedPrecondition(reason: "ITEM_RETIRED", "清单事项 \(item.code) 已废止 (the item is retired)")
        }
    }

    private func checkCodeFree(_ item: Jiceng_V1_CatalogueItem, field: String, in tx: any SQLReadTransaction) throws {
        if try CatalogueItemStore.itemID(owner: item.ownerId, list: item.list, code: item.code, in: tx) != nil {
            throw PlatformError.alreadyExists("\(field).code: 该清单中已有编码 \(item.code) (code \(item.code) is taken in this owner's list)")
        }
    }

    /// Copies the field at `path` (a top-level field name of CatalogueItem) from `source` to
    /// `target`; refuses identity, output-only and unknown paths, naming `field`.
    static func apply(_ path: String, from source: Jiceng_V1_CatalogueItem, to target: inout Jiceng_V1_CatalogueItem,
                      field: String) throws(PlatformError) {
        switch path {
        case "code": target.code = source.code
        case "title": target.title = source.title
        case "description": target.description_p = source.description_p
        case "domain": target.domain = source.domain
        case "power_type": target.powerType = source.powerType
        case "legal_basis": target.legalBasis = source.legalBasis
        case "lead_department_id": target.leadDepartmentId = source.leadDepartmentId
        case "cooperating_department_ids": target.cooperatingDepartmentIds = source.cooperatingDepartmentIds
        case "grid_capable": target.gridCapable = source.gridCapable
        case "keywords": target.keywords = source.keywords
        case "delegation":
            if source.hasDelegation { target.delegation = source.delegation } else { target.clearDelegation() }
        case "service":
            if source.hasService { target.service = source.service } else { target.clearService() }
        case "response_sla":
            if source.hasResponseSla { target.responseSla = source.responseSla } else { target.clearResponseSla() }
        case "owner_id", "list":
            throw .invalidArgument(field: field, "\(path) 创建后不可修改 (\(path) is immutable)")
        case "id", "state", "etag", "create_time", "update_time", "source_item_id":
            throw .invalidArgument(field: field, "\(path) 由系统维护，不可修改 (\(path) is output only)")
        default:
            throw .invalidArgument(field: field, "CatalogueItem 没有可修改的字段 \(path) (unknown field path)")
        }
    }
}
