// Stand-ins for the generated jiceng.v1 enums, mirroring proto/jiceng/v1/{org,catalogue,task}.proto
// value for value, with the case names swift-protobuf would give them. When JicengAPI carries the
// generated types, delete this file and alias each name (`typealias OrgKind = Jiceng_V1_OrgKind`).

/// `jiceng.v1.OrgKind`: what an org unit is.
public enum OrgKind: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, city = 1, district = 2, town = 3, street = 4, village = 5, community = 6
    case grid = 7, department = 8, dispatchedAgency = 9, enforcementTeam = 10, serviceCenter = 11
}

/// `jiceng.v1.ListKind`: which list a catalogue item belongs to.
public enum ListKind: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, dutyTask = 1, powerResponsibility = 2, territorialMatter = 3
    case gridService = 4, delegatedMatter = 5, serviceCenterMatter = 6
}

/// `jiceng.v1.Domain`: the field of governance.
public enum Domain: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, livelihood = 1, enforcement = 2, riskPrevention = 3, publicService = 4
    case economicDevelopment = 5, urbanManagement = 6, ecology = 7, socialGovernance = 8, partyBuilding = 9
}

/// `jiceng.v1.PowerType`: the kind of administrative power.
public enum PowerType: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, licensing = 1, penalty = 2, coercion = 3, collection = 4, payment = 5
    case inspection = 6, confirmation = 7, reward = 8, ruling = 9, other = 10
}

/// `jiceng.v1.DelegationMode`: how a district matter reaches the towns.
public enum DelegationMode: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, delegated = 1, authorized = 2, entrusted = 3
}

/// `jiceng.v1.TaskSource`: where a task came from.
public enum TaskSource: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, gridReport = 1, townCall = 2, hotline12345 = 3, citizenService = 4
    case inspection = 5, peerSystem = 6
}

/// `jiceng.v1.Urgency`.
public enum Urgency: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, normal = 1, urgent = 2, critical = 3
}

/// `jiceng.v1.TaskState`.
public enum TaskState: Int, Sendable, Hashable, CaseIterable {
    case unspecified = 0, reported = 1, dispatched = 2, accepted = 3, resolved = 4, closed = 5
    case disputed = 6, cancelled = 7
}
