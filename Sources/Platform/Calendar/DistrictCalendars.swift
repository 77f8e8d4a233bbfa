/// The calendar each district counts working time on: the national default unless the district
/// has its own (other office hours, a local day off).
public struct DistrictCalendars: Hashable, Sendable, Codable {
    /// Used by every district without an override.
    public var standard: WorkCalendar
    /// District id → that district's calendar.
    public var overrides: [String: WorkCalendar]

    public init(standard: WorkCalendar = .chinaDefault, overrides: [String: WorkCalendar] = [:]) {
        self.standard = standard
        self.overrides = overrides
    }

    /// The calendar of `districtID`.
    public func calendar(forDistrict districtID: String) -> WorkCalendar {
        overrides[districtID] ?? standard
    }
}
