/// Where a template applies: towns and streets differ (streets hold no investment-attraction or
/// tax-assistance duties and little farmland; towns have fewer city-centre matters).
enum DemoScope: Sendable {
    case all, townOnly, streetOnly

    func includes(street: Bool) -> Bool {
        switch self {
        case .all: true
        case .townOnly: !street
        case .streetOnly: street
        }
    }
}

/// A duty task (职责任务清单).
struct DutyTemplate: Sendable {
    let title: String
    let domain: Domain
    let legalBasis: String
    let scope: DemoScope

    init(_ title: String, _ domain: Domain, _ legalBasis: String, _ scope: DemoScope = .all) {
        self.title = title
        self.domain = domain
        self.legalBasis = legalBasis
        self.scope = scope
    }
}

/// A power and the responsibility attached (权责清单), naming the department it comes from.
struct PowerTemplate: Sendable {
    let title: String
    let powerType: PowerType
    let domain: Domain
    let origin: DemoDepartment
    let legalBasis: String
    let scope: DemoScope

    init(_ title: String, _ powerType: PowerType, _ domain: Domain, _ origin: DemoDepartment,
         _ legalBasis: String, _ scope: DemoScope = .all) {
        self.title = title
        self.powerType = powerType
        self.domain = domain
        self.origin = origin
        self.legalBasis = legalBasis
        self.scope = scope
    }
}

/// A territorial matter (属地管理事项) with its lead and cooperating departments and SLA.
struct TerritorialTemplate: Sendable {
    let title: String
    let keywords: [String]
    let domain: Domain
    let lead: DemoDepartment
    let cooperating: [DemoDepartment]
    let gridCapable: Bool
    let acceptHours: Int
    let resolveDays: Int
    let legalBasis: String
    let scope: DemoScope

    init(_ title: String, _ keywords: [String], _ domain: Domain, lead: DemoDepartment,
         coop cooperating: [DemoDepartment], grid: Bool, sla: (accept: Int, resolve: Int),
         _ legalBasis: String, _ scope: DemoScope = .all) {
        self.title = title
        self.keywords = keywords
        self.domain = domain
        self.lead = lead
        self.cooperating = cooperating
        self.gridCapable = grid
        self.acceptHours = sla.accept
        self.resolveDays = sla.resolve
        self.legalBasis = legalBasis
        self.scope = scope
    }
}

/// A service-centre matter (便民服务中心事项).
struct ServiceTemplate: Sendable {
    let title: String
    let counter: String
    let online: Bool
    let promisedDays: Int
    let materials: [String]
    let domain: Domain
    let department: DemoDepartment
    let scope: DemoScope

    init(_ title: String, _ counter: String, online: Bool, days: Int, _ materials: [String],
         _ domain: Domain, _ department: DemoDepartment, _ scope: DemoScope = .all) {
        self.title = title
        self.counter = counter
        self.online = online
        self.promisedDays = days
        self.materials = materials
        self.domain = domain
        self.department = department
        self.scope = scope
    }
}

/// A district matter delegated, authorized or entrusted to its towns (下放或授权事项).
struct DelegatedTemplate: Sendable {
    let title: String
    let from: DemoDepartment
    let mode: DelegationMode
    let powerType: PowerType
    let domain: Domain
    let legalBasis: String
    /// Which of the district's documents decided it (0, 1 or 2; see `DemoCatalogue`).
    let document: Int
    let scope: DemoScope

    init(_ title: String, _ from: DemoDepartment, _ mode: DelegationMode, _ powerType: PowerType,
         _ domain: Domain, _ legalBasis: String, document: Int, _ scope: DemoScope = .all) {
        self.title = title
        self.from = from
        self.mode = mode
        self.powerType = powerType
        self.domain = domain
        self.legalBasis = legalBasis
        self.document = document
        self.scope = scope
    }
}
