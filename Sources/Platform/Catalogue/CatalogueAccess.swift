import JicengAPI

/// Who may change which catalogue (DESIGN.md §5): district and city admins write, retire and
/// publish in their subtree; a town operator may add and edit DRAFT items of its own town. Every
/// role may read every catalogue (the method policy has already checked the role).
extension AccessScope {
    /// May the caller add items to `ownerID`'s lists?
    func mayCreateCatalogueItem(owner ownerID: String) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .districtAdmin: directory.isWithin(ownerID, caller.orgID)
        case .townOperator: caller.orgID == ownerID
        default: false
        }
    }

    /// Throws PERMISSION_DENIED unless the caller may edit `item` (town operators: drafts of their
    /// own town only).
    func checkMayEdit(_ item: Jiceng_V1_CatalogueItem) throws(PlatformError) {
        guard mayCreateCatalogueItem(owner: item.ownerId) else { throw outOfScope(item.ownerId) }
        if caller.role == .townOperator, item.state != .draft {
            throw .permissionDenied(reason: "TOWN_EDITS_DRAFTS_ONLY",
                "镇街操作员只能修改本镇街的草稿事项，\(item.code)已发布，请由区级管理员修改 (town operators edit drafts only)")
        }
    }

    /// Throws PERMISSION_DENIED unless the caller administers `ownerID`'s catalogue (retire,
    /// publish, import).
    func checkAdministersCatalogue(owner ownerID: String) throws(PlatformError) {
        let allowed = switch caller.role {
        case .cityAdmin: true
        case .districtAdmin: directory.isWithin(ownerID, caller.orgID)
        default: false
        }
        guard allowed else { throw outOfScope(ownerID) }
    }

    func outOfScope(_ ownerID: String) -> PlatformError {
        .permissionDenied(reason: "ORG_OUT_OF_SCOPE",
            "\(directory[ownerID]?.name ?? ownerID)的清单不在您的管理范围内 (the owner lies outside the caller's scope)")
    }
}
