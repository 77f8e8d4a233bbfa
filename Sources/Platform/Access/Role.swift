/// The roles a token can carry; raw values equal `jiceng.v1.Role`.
public enum Role: Int32, Sendable, CaseIterable, Hashable {
    case cityAdmin = 1
    case districtAdmin = 2
    case townOperator = 3
    case departmentOperator = 4
    case gridWorker = 5
    case auditor = 6

    /// The spelling used on the command line and in `demo-tokens.txt` (the proto value without its
    /// prefix): CITY_ADMIN, DISTRICT_ADMIN, …
    public var name: String {
        switch self {
        case .cityAdmin: "CITY_ADMIN"
        case .districtAdmin: "DISTRICT_ADMIN"
        case .townOperator: "TOWN_OPERATOR"
        case .departmentOperator: "DEPARTMENT_OPERATOR"
        case .gridWorker: "GRID_WORKER"
        case .auditor: "AUDITOR"
        }
    }

    /// Accepts `TOWN_OPERATOR` and `ROLE_TOWN_OPERATOR`, any case.
    public init?(name: String) {
        var key = name.uppercased()
        if key.hasPrefix("ROLE_") { key.removeFirst(5) }
        guard let role = Role.allCases.first(where: { $0.name == key }) else { return nil }
        self = role
    }

    /// The Chinese label shown to people.
    public var label: String {
        switch self {
        case .cityAdmin: "市级管理员"
        case .districtAdmin: "区级管理员"
        case .townOperator: "镇街操作员"
        case .departmentOperator: "部门操作员"
        case .gridWorker: "网格员"
        case .auditor: "审计员"
        }
    }

    /// The org kinds a token of this role may be bound to.
    public var bindableKinds: Set<OrgDirectory.Kind> {
        switch self {
        case .cityAdmin, .auditor: [.city]
        case .districtAdmin: [.district]
        case .townOperator: [.town, .street]
        case .departmentOperator: [.department, .dispatchedAgency]
        case .gridWorker: [.grid]
        }
    }
}
