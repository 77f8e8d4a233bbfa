import JicengAPI

// The demo content names the generated jiceng.v1 enums by their short names, so that its tables
// read like the .proto files they mirror.

/// `jiceng.v1.OrgKind`: what an org unit is.
public typealias OrgKind = Jiceng_V1_OrgKind
/// `jiceng.v1.ListKind`: which list a catalogue item belongs to.
public typealias ListKind = Jiceng_V1_ListKind
/// `jiceng.v1.Domain`: the field of governance.
public typealias Domain = Jiceng_V1_Domain
/// `jiceng.v1.PowerType`: the kind of administrative power.
public typealias PowerType = Jiceng_V1_PowerType
/// `jiceng.v1.DelegationMode`: how a district matter reaches the towns.
public typealias DelegationMode = Jiceng_V1_DelegationMode
/// `jiceng.v1.TaskSource`: where a task came from.
public typealias TaskSource = Jiceng_V1_TaskSource
/// `jiceng.v1.Urgency`.
public typealias Urgency = Jiceng_V1_Urgency
/// `jiceng.v1.TaskState`.
public typealias TaskState = Jiceng_V1_TaskState
