/// A work calendar kept as JSON, e.g. a district's override file:
/// `{"timeZone":"Asia/Shanghai","workingPeriods":[{"startMinute":510,"endMinute":720}],
///   "weekendDays":[6,7],"daysOff":["2026-10-01"],"makeUpWorkdays":["2026-10-10"]}`.
/// Decoding validates like `init`, so a bad file is refused with the reason.
extension WorkCalendar: Codable {
    private enum CodingKeys: String, CodingKey {
        case timeZone, workingPeriods, weekendDays, daysOff, makeUpWorkdays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            timeZoneIdentifier: container.decode(String.self, forKey: .timeZone),
            workingPeriods: container.decode([WorkingPeriod].self, forKey: .workingPeriods),
            weekendDays: Set(container.decodeIfPresent([Int].self, forKey: .weekendDays) ?? [6, 7]),
            daysOff: Set(container.decodeIfPresent([CalendarDay].self, forKey: .daysOff) ?? []),
            makeUpWorkdays: Set(container.decodeIfPresent([CalendarDay].self, forKey: .makeUpWorkdays) ?? [])
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(workingPeriods, forKey: .workingPeriods)
        // Sorted so that the same calendar always encodes to the same bytes.
        try container.encode(weekendDays.sorted(), forKey: .weekendDays)
        try container.encode(daysOff.sorted(), forKey: .daysOff)
        try container.encode(makeUpWorkdays.sorted(), forKey: .makeUpWorkdays)
    }
}
