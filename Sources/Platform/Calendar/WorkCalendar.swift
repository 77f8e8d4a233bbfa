import Foundation

/// The working-time calendar of a district: office hours, weekends, public holidays and make-up
/// working days. Response deadlines of normal tasks count working time on it (a task raised on
/// Friday at 17:00 with 4 working hours is due on Monday at 11:00).
///
/// A value type: build it from the built-in national schedules, then override per district
/// (different office hours in summer, a local day off) and keep it as JSON.
public struct WorkCalendar: Hashable, Sendable {
    /// The local time zone the periods and days are read in.
    public let timeZone: TimeZone
    /// Office hours of a working day, in order, not overlapping.
    public let workingPeriods: [WorkingPeriod]
    /// ISO weekdays (1 = Monday … 7 = Sunday) that are not worked unless made up.
    public let weekendDays: Set<Int>
    /// Public holidays and any other days off, weekends included.
    public let daysOff: Set<CalendarDay>
    /// Weekend days that are worked (调休上班).
    public let makeUpWorkdays: Set<CalendarDay>

    /// The longest working-time duration `deadline(after:workingSeconds:)` lays out: 100 000 hours,
    /// decades of office time, so that a bad input cannot make it walk the calendar for ever.
    public static let maximumWorkingSeconds: Double = 100_000 * 3600

    /// A validated calendar.
    public init(
        timeZoneIdentifier: String,
        workingPeriods: [WorkingPeriod],
        weekendDays: Set<Int> = [6, 7],
        daysOff: Set<CalendarDay> = [],
        makeUpWorkdays: Set<CalendarDay> = []
    ) throws(WorkCalendarError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        guard !workingPeriods.isEmpty else { throw .noWorkingPeriods }
        for (earlier, later) in zip(workingPeriods, workingPeriods.dropFirst())
        where earlier.endMinute > later.startMinute {
            throw .overlappingPeriods(earlier, later)
        }
        if let bad = weekendDays.first(where: { !(1...7).contains($0) }) { throw .invalidWeekday(bad) }
        guard weekendDays.count < 7 else { throw .noWorkingWeekday }
        if let clash = daysOff.intersection(makeUpWorkdays).min() { throw .conflictingDay(clash) }
        self.timeZone = zone
        self.workingPeriods = workingPeriods
        self.weekendDays = weekendDays
        self.daysOff = daysOff
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// Mainland China office time: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, Saturday and
    /// Sunday off, with the given national holiday schedules.
    public static func china(
        schedules: [PublicHolidaySchedule] = PublicHolidaySchedule.builtIn
    ) -> WorkCalendar {
        let periods = [
            WorkingPeriod(startMinute: 8 * 60 + 30, endMinute: 12 * 60),
            WorkingPeriod(startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30),
        ].compactMap { $0 }
        do {
            return try WorkCalendar(
                timeZoneIdentifier: "Asia/Shanghai",
                workingPeriods: periods,
                daysOff: schedules.reduce(into: Set()) { $0.formUnion($1.daysOff) },
                makeUpWorkdays: schedules.reduce(into: Set()) { $0.formUnion($1.makeUpWorkdays) }
            )
        } catch {
            // The built-in tables are fixed data checked by the tests.
            preconditionFailure("built-in China calendar is invalid: \(error)")
        }
    }

    /// The default district calendar.
    public static let chinaDefault = WorkCalendar.china()

    // MARK: Overrides

    /// The same calendar with other office hours (e.g. a summer timetable).
    public func with(workingPeriods: [WorkingPeriod]) throws(WorkCalendarError) -> WorkCalendar {
        try WorkCalendar(timeZoneIdentifier: timeZone.identifier, workingPeriods: workingPeriods,
                         weekendDays: weekendDays, daysOff: daysOff, makeUpWorkdays: makeUpWorkdays)
    }

    /// The same calendar with extra days off (a local holiday, a typhoon day); a day that was a
    /// make-up working day stops being one.
    public func addingDaysOff(_ days: some Sequence<CalendarDay>) -> WorkCalendar {
        let added = Set(days)
        return WorkCalendar(unchecked: self, daysOff: daysOff.union(added),
                            makeUpWorkdays: makeUpWorkdays.subtracting(added))
    }

    /// The same calendar with extra working days; a day that was off stops being so.
    public func addingWorkdays(_ days: some Sequence<CalendarDay>) -> WorkCalendar {
        let added = Set(days)
        return WorkCalendar(unchecked: self, daysOff: daysOff.subtracting(added),
                            makeUpWorkdays: makeUpWorkdays.union(added))
    }

    private init(unchecked base: WorkCalendar, daysOff: Set<CalendarDay>, makeUpWorkdays: Set<CalendarDay>) {
        self.timeZone = base.timeZone
        self.workingPeriods = base.workingPeriods
        self.weekendDays = base.weekendDays
        self.daysOff = daysOff
        self.makeUpWorkdays = makeUpWorkdays
    }

    // MARK: Queries

    /// Whether `day` is worked: a make-up day always is, a day off never is, otherwise every
    /// weekday that is not a weekend day.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        if makeUpWorkdays.contains(day) { return true }
        if daysOff.contains(day) { return false }
        return !weekendDays.contains(day.isoWeekday)
    }

    /// The local day that contains `instant`.
    public func day(containing instant: Date) -> CalendarDay {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return CalendarDay(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// Whether the local day containing `instant` is a working day.
    public func isWorkingDay(containing instant: Date) -> Bool {
        isWorkingDay(day(containing: instant))
    }

    /// Whether `instant` falls within office hours of a working day.
    public func isWorkingTime(_ instant: Date) -> Bool {
        let today = day(containing: instant)
        guard isWorkingDay(today) else { return false }
        return workingPeriods.contains { period in
            let (start, end) = bounds(of: period, on: today)
            return instant >= start && instant < end
        }
    }

    /// Office seconds in one working day (7.5 hours by default).
    public var workingSecondsPerDay: Int { workingPeriods.reduce(0) { $0 + $1.seconds } }

    /// The instant `minute` minutes after local midnight of `day`, read in the calendar's time zone.
    public func instant(on day: CalendarDay, minute: Int) -> Date {
        let local = Double(day.dayNumber) * 86_400 + Double(minute) * 60
        // Two steps find the right offset even on a day the zone changes its offset.
        let guess = Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        return Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: guess)))
    }

    private func bounds(of period: WorkingPeriod, on day: CalendarDay) -> (Date, Date) {
        (instant(on: day, minute: period.startMinute), instant(on: day, minute: period.endMinute))
    }

    // MARK: Deadlines

    /// The instant at which `workingSeconds` of office time after `start` have elapsed. A start
    /// outside office hours counts from the next opening; a deadline that ends a period exactly is
    /// that period's end (17:30, not the next morning). Zero returns `start`.
    public func deadline(after start: Date, workingSeconds: Double) throws(WorkCalendarError) -> Date {
        guard workingSeconds.isFinite, workingSeconds >= 0, workingSeconds <= Self.maximumWorkingSeconds else {
            throw .durationOutOfRange(workingSeconds)
        }
        if workingSeconds == 0 { return start }
        var remaining = workingSeconds
        var current = day(containing: start)
        // Terminates: at least one weekday is worked and the days off are finite, and the
        // duration is bounded.
        while true {
            if isWorkingDay(current) {
                for period in workingPeriods {
                    let (open, close) = bounds(of: period, on: current)
                    let from = max(open, start)
                    guard from < close else { continue }
                    let available = close.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            current = current.adding(days: 1)
        }
    }

    /// `deadline(after:workingSeconds:)` in hours.
    public func deadline(after start: Date, workingHours: Double) throws(WorkCalendarError) -> Date {
        try deadline(after: start, workingSeconds: workingHours * 3600)
    }

    /// `deadline(after:workingSeconds:)` in whole working days of `workingSecondsPerDay`.
    public func deadline(after start: Date, workingDays: Int) throws(WorkCalendarError) -> Date {
        try deadline(after: start, workingSeconds: Double(workingDays) * Double(workingSecondsPerDay))
    }

    /// Clock-time deadlines (urgent tasks): plain addition, nights and holidays included.
    public func clockDeadline(after start: Date, seconds: Double) -> Date {
        start.addingTimeInterval(seconds)
    }

    /// Office seconds between two instants (0 when `end` is not after `start`).
    public func workingTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        let last = day(containing: end)
        var current = day(containing: start)
        while current <= last {
            if isWorkingDay(current) {
                for period in workingPeriods {
                    let (open, close) = bounds(of: period, on: current)
                    let from = max(open, start), to = min(close, end)
                    if to > from { total += to.timeIntervalSince(from) }
                }
            }
            current = current.adding(days: 1)
        }
        return total
    }
}
