/// One item of a demo list, shaped like `jiceng.v1.CatalogueItem` (the server assigns id, state,
/// etag and times, and derives the grid service list itself; `source_item_id` is given here as
/// the source item's code).
public struct DemoCatalogueItem: Hashable, Sendable {
    /// The town or street (for delegated matters, the district) that owns the list.
    public var ownerID: String
    public var list: ListKind
    /// Unique per owner and list: ZR-0001, QZ-…, SD-…, WG-…, XF-…, BM-….
    public var code: String
    public var title: String
    public var description: String
    public var domain: Domain
    /// For the power-and-responsibility list.
    public var powerType: PowerType
    public var legalBasis: String
    /// For territorial matters (and the grid items derived from them): the leading department.
    public var leadDepartmentID: String
    /// Distinct from the lead.
    public var cooperatingDepartmentIDs: [String]
    public var gridCapable: Bool
    public var delegation: DemoDelegation?
    public var service: DemoServiceInfo?
    public var responseSLA: DemoResponseSLA?
    public var keywords: [String]
    /// For grid service items: the code of the territorial matter they derive from.
    public var sourceCode: String
}

/// Deadlines a routed task inherits: accept within working hours, resolve within working days
/// (on the district's `WorkCalendar`; convert days with `workingSecondsPerDay`).
public struct DemoResponseSLA: Hashable, Sendable {
    public var acceptWithinHours: Int
    public var resolveWithinWorkingDays: Int
}

/// For a delegated matter: who gives it up, to which towns, how and since when.
public struct DemoDelegation: Hashable, Sendable {
    public var fromDepartmentID: String
    public var townIDs: [String]
    public var mode: DelegationMode
    /// Takes effect at 00:00 Asia/Shanghai of this day.
    public var effectiveDay: CalendarDay
    /// e.g. 江政发〔2025〕31号.
    public var document: String
}

/// For a service-centre matter.
public struct DemoServiceInfo: Hashable, Sendable {
    public var counter: String
    public var online: Bool
    public var promisedDays: Int
    public var materials: [String]
}
