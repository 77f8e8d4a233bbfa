/// One unit of the demo org tree, shaped like `jiceng.v1.OrgUnit` (the server fills etag and times).
public struct DemoOrgUnit: Hashable, Sendable {
    /// The official code, e.g. 339902101 for a town.
    public let id: String
    public let name: String
    public let kind: OrgKind
    /// Empty only for the city.
    public let parentID: String
    /// Empty only for the city.
    public let districtID: String
    /// For a dispatched agency: the town or street it is stationed in; otherwise empty.
    public let stationedTownID: String

    public init(id: String, name: String, kind: OrgKind, parentID: String, districtID: String,
                stationedTownID: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.districtID = districtID
        self.stationedTownID = stationedTownID
    }
}
