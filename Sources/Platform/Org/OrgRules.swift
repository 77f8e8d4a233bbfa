import JicengAPI

/// The rules a new or changed org unit must satisfy (DESIGN.md §4–5, org.proto): the id's form,
/// which parent each kind may have, where dispatched agencies may be stationed, and which part of
/// the tree a caller may change.
///
/// The service checks them against the directory read inside the very transaction that writes the
/// change, so two concurrent changes can never both pass against a state neither will see.
public struct OrgRules {
    public let directory: OrgDirectory
    public let caller: Caller

    public init(directory: OrgDirectory, caller: Caller) {
        self.directory = directory
        self.caller = caller
    }

    /// The longest id accepted (org.proto's max_length).
    public static let maxIDLength = 64
    /// The fields an update mask may name.
    public static let updatableFields: Set<String> = ["name", "active", "stationed_town_id"]
    /// Fields that never change once a unit exists (parent included, so cycles cannot arise).
    public static let immutableFields: Set<String> = ["id", "kind", "parent_id"]
    /// Fields the server fills.
    public static let outputOnlyFields: Set<String> = ["district_id", "etag", "create_time", "update_time"]

    /// Checks an id: 1–64 ASCII letters, digits, `-` or `_`, beginning with a letter or digit, so
    /// that it reads cleanly inside resource names (`orgUnits/339902101`) and on the command line.
    public static func checkID(_ id: String, field: String) throws(PlatformError) {
        guard !id.isEmpty else { throw .invalidArgument(field: field, "必填 (required)") }
        guard id.utf8.count <= maxIDLength else {
            throw .invalidArgument(field: field, "最长 \(maxIDLength) 个字符 (at most \(maxIDLength) characters)")
        }
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
        let bytes = Array(id.utf8)
        guard isLetterOrDigit(bytes[0]), bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            throw .invalidArgument(field: field, "只能由字母、数字、- 和 _ 组成，并以字母或数字开头 (letters, digits, - and _ only, starting with a letter or digit)")
        }
    }

    /// Checks a name: not blank.
    public static func checkName(_ name: String, field: String) throws(PlatformError) {
        guard name.contains(where: { !$0.isWhitespace }) else { throw .invalidArgument(field: field, "不能为空 (must not be blank)") }
    }

    /// The kind as the directory knows it; unset or unknown kinds are refused.
    public static func kind(_ kind: OrgKind, field: String) throws(PlatformError) -> OrgDirectory.Kind {
        guard kind != .unspecified, let known = OrgDirectory.Kind(rawValue: kind.rawValue) else {
            throw .invalidArgument(field: field, "必须是已知的组织类型 (must be a known OrgKind, got \(kind.rawValue))")
        }
        return known
    }

    /// The fields an update mask names, refusing immutable, output-only, unknown and repeated ones.
    public static func maskedFields(_ paths: [String]) throws(PlatformError) -> Set<String> {
        guard !paths.isEmpty else { throw .invalidArgument(field: "update_mask", "至少指定一个字段 (name at least one field)") }
        var fields: Set<String> = []
        for path in paths {
            if immutableFields.contains(path) {
                throw .invalidArgument(field: "update_mask", "\(path) 创建后不可修改 (org_unit.\(path) is immutable)")
            }
            if outputOnlyFields.contains(path) {
                throw .invalidArgument(field: "update_mask", "\(path) 由服务器填写 (org_unit.\(path) is output only)")
            }
            guard updatableFields.contains(path) else {
                throw .invalidArgument(field: "update_mask", "未知字段 \(path)；可修改: name, active, stationed_town_id (unknown field)")
            }
            guard fields.insert(path).inserted else {
                throw .invalidArgument(field: "update_mask", "字段 \(path) 重复 (repeated path)")
            }
        }
        return fields
    }

    /// Checks a unit to be created and returns it as it will be stored, apart from etag and times:
    /// active, with its district filled in. Throws for a bad parent or stationing, a duplicate id,
    /// or a part of the tree the caller does not administer.
    public func checkCreate(_ requested: Jiceng_V1_OrgUnit) throws(PlatformError) -> Jiceng_V1_OrgUnit {
        try Self.checkID(requested.id, field: "org_unit.id")
        try Self.checkName(requested.name, field: "org_unit.name")
        let kind = try Self.kind(requested.kind, field: "org_unit.kind")
        var unit = Jiceng_V1_OrgUnit()
        unit.id = requested.id
        unit.name = requested.name
        unit.kind = requested.kind
        unit.parentId = requested.parentId
        unit.stationedTownId = requested.stationedTownId
        unit.active = true

        if kind == .city {
            guard requested.parentId.isEmpty else {
                throw .invalidArgument(field: "org_unit.parent_id", "市没有上级组织 (a city has no parent)")
            }
            guard caller.role == .cityAdmin else { throw outOfScope("只有市级管理员可以创建市 (only a city admin creates the city)") }
            if directory[unit.id] == nil, directory.count > 0 {
                throw .failedPrecondition(reason: "ORG_CITY_EXISTS", "组织树已有根节点 (the tree already has its city)")
            }
        } else {
            guard !requested.parentId.isEmpty else {
                throw .invalidArgument(field: "org_unit.parent_id", "必填 (required for every kind but the city)")
            }
            guard let parent = directory[requested.parentId] else {
                throw .invalidArgument(field: "org_unit.parent_id", "上级组织 \(requested.parentId) 不存在 (no such org unit)")
            }
            let allowed = OrgDirectory.allowedParents(of: kind)
            guard allowed.contains(parent.kind) else {
                throw .invalidArgument(field: "org_unit.parent_id", "\(kind) 的上级必须是 \(Self.spell(allowed))，而 \(parent.id) 是 \(parent.kind) (wrong parent kind)")
            }
            guard mayAdminister(beneath: parent.id) else {
                throw outOfScope("\(caller.role.label)只能在本辖区内创建组织 (\(parent.id) is outside your district)")
            }
            guard parent.active else {
                throw .failedPrecondition(reason: "ORG_PARENT_INACTIVE", "上级组织 \(parent.id) 已停用 (the parent is inactive)")
            }
            unit.districtId = kind == .district ? unit.id : directory.district(of: parent.id)?.id ?? ""
        }
        try checkStationing(kind: kind, townID: unit.stationedTownId, departmentID: unit.parentId)
        if directory[unit.id] != nil {
            throw .alreadyExists("组织 \(unit.id) 已存在 (org unit already exists)")
        }
        return unit
    }

    /// Applies the masked fields of `changes` to `current` after checking them and the caller's
    /// scope. The etag is the service's to check.
    public func checkUpdate(
        _ current: Jiceng_V1_OrgUnit, changes: Jiceng_V1_OrgUnit, fields: Set<String>
    ) throws(PlatformError) -> Jiceng_V1_OrgUnit {
        // District admins change what lies beneath their district, not the district itself.
        guard caller.role == .cityAdmin || (current.id != caller.orgID && mayAdminister(beneath: current.id)) else {
            throw outOfScope("\(caller.role.label)只能修改本辖区内的组织 (\(current.id) is outside your scope)")
        }
        var unit = current
        if fields.contains("name") {
            try Self.checkName(changes.name, field: "org_unit.name")
            unit.name = changes.name
        }
        if fields.contains("stationed_town_id") {
            let kind = try Self.kind(current.kind, field: "org_unit.kind")
            try checkStationing(kind: kind, townID: changes.stationedTownId, departmentID: current.parentId)
            unit.stationedTownId = changes.stationedTownId
        }
        if fields.contains("active"), changes.active != current.active {
            if changes.active {
                if let parent = directory[current.parentId], !parent.active {
                    throw .failedPrecondition(reason: "ORG_PARENT_INACTIVE", "上级组织 \(parent.id) 已停用，请先启用上级 (the parent is inactive)")
                }
            } else {
                let dependents = directory.children(of: current.id).filter(\.active).map(\.id)
                    + stationedAgencies(in: current.id)
                if !dependents.isEmpty {
                    throw .failedPrecondition(
                        reason: "ORG_HAS_ACTIVE_CHILDREN",
                        "请先停用下级组织或派驻机构: \(dependents.prefix(5).joined(separator: ", ")) (active units depend on this one)",
                        metadata: ["count": String(dependents.count)])
                }
            }
            unit.active = changes.active
        }
        return unit
    }

    /// A dispatched agency is stationed in an active town or street of its department's district;
    /// no other kind is stationed anywhere.
    private func checkStationing(kind: OrgDirectory.Kind, townID: String, departmentID: String) throws(PlatformError) {
        let field = "org_unit.stationed_town_id"
        guard kind == .dispatchedAgency else {
            guard townID.isEmpty else { throw .invalidArgument(field: field, "只有派驻机构有驻地 (only dispatched agencies are stationed)") }
            return
        }
        guard !townID.isEmpty else { throw .invalidArgument(field: field, "派驻机构必须指定驻地镇街 (required for a dispatched agency)") }
        guard let town = directory[townID], town.kind.isTownLevel else {
            throw .invalidArgument(field: field, "\(townID) 不是镇或街道 (must name a town or street)")
        }
        guard town.active else { throw .invalidArgument(field: field, "\(townID) 已停用 (the town is inactive)") }
        guard let district = directory.district(of: departmentID), directory.district(of: townID)?.id == district.id else {
            throw .invalidArgument(field: field, "驻地必须在部门所在的区 (the town must lie in the department's district)")
        }
    }

    private func mayAdminister(beneath id: String) -> Bool {
        AccessScope(caller: caller, directory: directory).mayAdministerOrg(under: id)
    }

    private func stationedAgencies(in townID: String) -> [String] {
        guard directory[townID]?.kind.isTownLevel == true else { return [] }
        return directory.units(where: { $0.active && $0.kind == .dispatchedAgency && $0.stationedTownID == townID }).map(\.id)
    }

    private func outOfScope(_ message: String) -> PlatformError {
        .permissionDenied(reason: "ORG_OUT_OF_SCOPE", message)
    }

    private static func spell(_ kinds: Set<OrgDirectory.Kind>) -> String {
        kinds.map { "\($0)" }.sorted().joined(separator: "/")
    }
}
