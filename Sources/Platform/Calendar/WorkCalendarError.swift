/// Why a work calendar could not be built, or a duration could not be laid on it.
public enum WorkCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The time zone identifier is not known to the system (e.g. a typo in `Asia/Shanghai`).
    case unknownTimeZone(String)
    /// A working day needs at least one working period.
    case noWorkingPeriods
    /// Two working periods overlap or are out of order.
    case overlappingPeriods(WorkingPeriod, WorkingPeriod)
    /// Weekend days are ISO weekdays 1 (Monday) … 7 (Sunday).
    case invalidWeekday(Int)
    /// Every weekday is a weekend day, so no ordinary week has working time.
    case noWorkingWeekday
    /// The same day is listed both as a day off and as a make-up working day.
    case conflictingDay(CalendarDay)
    /// A working-time duration that is negative, not finite or longer than `WorkCalendar.maximumWorkingSeconds`.
    case durationOutOfRange(Double)

    public var description: String {
        switch self {
        case .unknownTimeZone(let id): "unknown time zone \(id)"
        case .noWorkingPeriods: "working_periods must not be empty"
        case .overlappingPeriods(let a, let b): "working periods \(a) and \(b) overlap or are out of order"
        case .invalidWeekday(let d): "weekend day \(d) is not an ISO weekday 1…7"
        case .noWorkingWeekday: "every weekday is a weekend day"
        case .conflictingDay(let day): "\(day) is both a day off and a make-up working day"
        case .durationOutOfRange(let s): "working-time duration \(s) s is negative, not finite or too long"
        }
    }
}
