/// A town or street of the demo city with what the catalogue and task generators need to know
/// about it: its villages and communities, their grids, its roads and where it lies.
public struct DemoTown: Hashable, Sendable {
    public let id: String
    public let name: String
    /// A street (街道): no investment-attraction or tax-assistance duties.
    public let isStreet: Bool
    public let districtID: String
    public let places: [DemoPlace]
    /// Roads and landmarks, for task addresses.
    public let roads: [String]
    /// The approximate centre, for task locations.
    public let latitude: Double
    public let longitude: Double
}

/// A village or community with its grids.
public struct DemoPlace: Hashable, Sendable {
    public let id: String
    public let name: String
    public let isVillage: Bool
    public let gridIDs: [String]
}
