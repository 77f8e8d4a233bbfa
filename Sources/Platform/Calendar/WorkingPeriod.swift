/// One stretch of office hours within a working day, in minutes after local midnight
/// (08:30 is 510).
public struct WorkingPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Minutes after local midnight at which the period starts.
    public let startMinute: Int
    /// Minutes after local midnight at which the period ends (exclusive).
    public let endMinute: Int

    /// A period inside one day that is not empty, or `nil`.
    public init?(startMinute: Int, endMinute: Int) {
        guard startMinute >= 0, endMinute <= 24 * 60, startMinute < endMinute else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// `WorkingPeriod(from: (8, 30), to: (12, 0))`.
    public init?(from start: (hour: Int, minute: Int), to end: (hour: Int, minute: Int)) {
        guard (0..<60).contains(start.minute), (0..<60).contains(end.minute) else { return nil }
        self.init(startMinute: start.hour * 60 + start.minute, endMinute: end.hour * 60 + end.minute)
    }

    /// The length of the period in seconds.
    public var seconds: Int { (endMinute - startMinute) * 60 }

    /// `08:30–12:00`.
    public var description: String {
        func clock(_ minutes: Int) -> String {
            let h = minutes / 60, m = minutes % 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }
        return "\(clock(startMinute))–\(clock(endMinute))"
    }

    private enum CodingKeys: String, CodingKey { case startMinute, endMinute }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .startMinute)
        let end = try container.decode(Int.self, forKey: .endMinute)
        guard let period = WorkingPeriod(startMinute: start, endMinute: end) else {
            throw DecodingError.dataCorruptedError(
                forKey: .endMinute, in: container,
                debugDescription: "a working period needs 0 ≤ startMinute < endMinute ≤ 1440")
        }
        self = period
    }
}
