import JicengAPI
import ProtoRuntime

/// The policy rules every item must satisfy before it is stored, checked against the current org
/// tree. Each refusal names the field (INVALID_ARGUMENT) or carries an ErrorInfo reason
/// (FAILED_PRECONDITION), so an import can report it per row.
struct CatalogueRules {
    let directory: OrgDirectory

    /// Words that mark investment-attraction (招商引资) and tax-assistance (协税护税) duties, which
    /// streets no longer carry (they remain with towns).
    static let streetForbiddenWords = ["招商", "引资", "协税", "护税"]

    /// Checks an item's content (not its state or identity) for creation or after an update.
    /// `field` prefixes field names in errors: `item` for one request, `items[3]` in an import.
    func check(_ item: Jiceng_V1_CatalogueItem, field: String = "item") throws(PlatformError) {
        switch item.list {
        case .gridService:
            throw .failedPrecondition(reason: "GRID_SERVICE_DERIVED",
                "网格服务管理清单由属地管理事项自动生成，不能直接新增或修改 (GRID_SERVICE items are derived from grid-capable territorial matters)")
        case .unspecified, .unrecognized:
            throw .invalidArgument(field: "\(field).list", "请选择清单类型 (list must be a known ListKind)")
        default: break
        }
        if case .unrecognized = item.domain {
            throw .invalidArgument(field: "\(field).domain", "未知的领域 (domain is not a known Domain)")
        }
        if item.domain == .unspecified {
            throw .invalidArgument(field: "\(field).domain", "请选择所属领域 (domain is required)")
        }
        if item.code.trimmed.isEmpty { throw .invalidArgument(field: "\(field).code", "编码不能为空 (code is required)") }
        if item.title.trimmed.isEmpty { throw .invalidArgument(field: "\(field).title", "名称不能为空 (title is required)") }
        let owner = try checkOwner(item, field: field)
        if owner.kind == .street, item.domain == .economicDevelopment {
            let text = ([item.title, item.description_p] + item.keywords).joined(separator: " ")
            if let word = Self.streetForbiddenWords.first(where: { text.contains($0) }) {
                throw .failedPrecondition(reason: "STREET_DUTY_NOT_ALLOWED",
                    "街道不承担招商引资、协税护税职责（含“\(word)”），\(owner.name)的清单不能列入此项 (streets carry no investment-attraction or tax-assistance duties)")
            }
        }
        if item.list == .territorialMatter { try checkDepartments(item, town: owner, field: field) }
        if item.list == .delegatedMatter { try checkDelegation(item, district: owner, field: field) }
        if item.hasResponseSla {
            try checkPositive(item.responseSla.acceptWithin, has: item.responseSla.hasAcceptWithin, field: "\(field).response_sla.accept_within")
            try checkPositive(item.responseSla.resolveWithin, has: item.responseSla.hasResolveWithin, field: "\(field).response_sla.resolve_within")
        }
    }

    /// The owner must be an active town or street, or for delegated matters an active district.
    private func checkOwner(_ item: Jiceng_V1_CatalogueItem, field: String) throws(PlatformError) -> OrgDirectory.Node {
        guard let owner = directory[item.ownerId] else {
            throw .invalidArgument(field: "\(field).owner_id", "机构 \(item.ownerId) 不存在 (owner_id names no org unit)")
        }
        if item.list == .delegatedMatter {
            guard owner.kind == .district else {
                throw .invalidArgument(field: "\(field).owner_id", "下放或授权事项目录由区（县级市）制定，\(owner.name)不是区 (a delegated matter is owned by a district)")
            }
        } else if !owner.kind.isTownLevel {
            throw .invalidArgument(field: "\(field).owner_id", "清单属于镇（街道），\(owner.name)不是镇或街道 (the owner must be a town or street)")
        }
        guard owner.active else {
            throw .failedPrecondition(reason: "ORG_INACTIVE", "\(owner.name)已停用 (the owner is inactive)")
        }
        return owner
    }

    /// A territorial matter names an active department of the town's district as lead, and
    /// cooperating departments of the same district, distinct from the lead and each other.
    private func checkDepartments(_ item: Jiceng_V1_CatalogueItem, town: OrgDirectory.Node, field: String) throws(PlatformError) {
        guard !item.leadDepartmentId.isEmpty else {
            throw .invalidArgument(field: "\(field).lead_department_id", "属地管理事项必须明确主体责任部门 (a territorial matter needs a lead department)")
        }
        let districtID = directory.district(of: town.id)?.id
        try checkDepartment(item.leadDepartmentId, districtID: districtID, field: "\(field).lead_department_id")
        var seen: Set<String> = [item.leadDepartmentId]
        for (index, id) in item.cooperatingDepartmentIds.enumerated() {
            let path = "\(field).cooperating_department_ids[\(index)]"
            guard seen.insert(id).inserted else {
                throw .invalidArgument(field: path, id == item.leadDepartmentId
                    ? "配合部门不能与主体责任部门相同 (a cooperating department must differ from the lead)"
                    : "配合部门重复 (cooperating departments must be distinct)")
            }
            try checkDepartment(id, districtID: districtID, field: path)
        }
    }

    private func checkDepartment(_ id: String, districtID: String?, field: String) throws(PlatformError) {
        guard let unit = directory[id], unit.kind == .department else {
            throw .invalidArgument(field: field, "\(id) 不是职能部门 (not a department)")
        }
        guard directory.district(of: id)?.id == districtID else {
            throw .invalidArgument(field: field, "\(unit.name)不属于本区 (the department belongs to another district)")
        }
        guard unit.active else {
            throw .failedPrecondition(reason: "DEPARTMENT_INACTIVE", "\(unit.name)已停用 (the department is inactive)")
        }
    }

    /// A delegated matter names the district department giving it up and towns of the district.
    private func checkDelegation(_ item: Jiceng_V1_CatalogueItem, district: OrgDirectory.Node, field: String) throws(PlatformError) {
        guard item.hasDelegation else {
            throw .invalidArgument(field: "\(field).delegation", "下放事项必须说明下放部门和承接镇街 (a delegated matter needs its delegation)")
        }
        let delegation = item.delegation
        if !delegation.fromDepartmentId.isEmpty {
            try checkDepartment(delegation.fromDepartmentId, districtID: district.id, field: "\(field).delegation.from_department_id")
        }
        guard !delegation.townIds.isEmpty else {
            throw .invalidArgument(field: "\(field).delegation.town_ids", "请列出承接的镇（街道） (name at least one town)")
        }
        for (index, id) in delegation.townIds.enumerated() {
            guard let town = directory[id], town.kind.isTownLevel, town.parentID == district.id else {
                throw .invalidArgument(field: "\(field).delegation.town_ids[\(index)]",
                    "\(id) 不是\(district.name)的镇或街道 (not a town or street of the owning district)")
            }
        }
    }

    private func checkPositive(_ duration: Google_Protobuf_Duration, has: Bool, field: String) throws(PlatformError) {
        guard has else { return }
        guard duration.seconds >= 0, duration.nanos >= 0, duration.seconds > 0 || duration.nanos > 0 else {
            throw .invalidArgument(field: field, "时限必须为正 (the duration must be positive)")
        }
    }
}

extension String {
    /// Without leading and trailing white space (ideographic space included).
    var trimmed: Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
