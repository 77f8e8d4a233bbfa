import Foundation
import JicengAPI
import ProtoRuntime

/// Turns a response SLA into accept and resolve deadlines (DESIGN.md §4, task.proto `Urgency`):
/// normal tasks count working time on the district's calendar; urgent ones count clock time;
/// critical ones clock time, a quarter of it.
public struct TaskDeadlinePolicy: Sendable {
    public var calendars: DistrictCalendars
    /// The SLA of a task dispatched by hand or routed by an item without one.
    public var defaultAcceptWithin: TimeInterval
    public var defaultResolveWithin: TimeInterval

    /// Defaults: accept within 8 working hours, resolve within 10 working days (of 8 hours).
    public init(calendars: DistrictCalendars = DistrictCalendars(),
                defaultAcceptWithin: TimeInterval = 8 * 3600, defaultResolveWithin: TimeInterval = 80 * 3600) {
        self.calendars = calendars
        self.defaultAcceptWithin = defaultAcceptWithin
        self.defaultResolveWithin = defaultResolveWithin
    }

    /// The deadlines of a dispatch at `start` in `districtID`. `sla` may be nil or have zero
    /// durations; those fall back to the defaults.
    public func deadlines(from start: Date, districtID: String, urgency: Jiceng_V1_Urgency,
                          sla: Jiceng_V1_ResponseSla?) -> (accept: Date, resolve: Date) {
        func seconds(_ duration: Google_Protobuf_Duration?, _ fallback: TimeInterval) -> TimeInterval {
            guard let duration, duration.seconds > 0 || duration.nanos > 0 else { return fallback }
            return Double(duration.seconds) + Double(duration.nanos) / 1e9
        }
        let accept = seconds(sla.flatMap { $0.hasAcceptWithin ? $0.acceptWithin : nil }, defaultAcceptWithin)
        let resolve = seconds(sla.flatMap { $0.hasResolveWithin ? $0.resolveWithin : nil }, defaultResolveWithin)
        let calendar = calendars.calendar(forDistrict: districtID)
        switch urgency {
        case .urgent:
            return (calendar.clockDeadline(after: start, seconds: accept), calendar.clockDeadline(after: start, seconds: resolve))
        case .critical:
            return (calendar.clockDeadline(after: start, seconds: accept / 4), calendar.clockDeadline(after: start, seconds: resolve / 4))
        default:
            // An SLA beyond the calendar's range (100,000 working hours) is nonsense; clock time then.
            let a = (try? calendar.deadline(after: start, workingSeconds: accept)) ?? start.addingTimeInterval(accept)
            let r = (try? calendar.deadline(after: start, workingSeconds: resolve)) ?? start.addingTimeInterval(resolve)
            return (a, r)
        }
    }
}
