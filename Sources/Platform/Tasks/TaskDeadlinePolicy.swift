import Foundation
import JicengAPI
import ProtoRuntime

/// Turns a response SLA into deadlines (DESIGN.md §4, task.proto `Urgency`): normal tasks count
/// working time on the district's calendar; urgent ones count clock time; critical ones clock
/// time, a quarter of it.
///
/// The accept deadline runs from the dispatch; the resolve deadline from the acceptance (the
/// lead's handling time starts when it takes the task on; until then the dispatch-time estimate
/// is shown). So a task keeps its SLA's resolve duration (`TaskDispatchPlan.resolveWithin`).
public struct TaskDeadlinePolicy: Sendable {
    public var calendars: DistrictCalendars
    /// The SLA of a task dispatched by hand, or routed by an item without one.
    public var defaultAcceptWithin: TimeInterval
    public var defaultResolveWorkingDays: Int

    /// Defaults: accept within 8 working hours, resolve within 10 working days.
    public init(calendars: DistrictCalendars = DistrictCalendars(),
                defaultAcceptWithin: TimeInterval = 8 * 3600, defaultResolveWorkingDays: Int = 10) {
        self.calendars = calendars
        self.defaultAcceptWithin = defaultAcceptWithin
        self.defaultResolveWorkingDays = defaultResolveWorkingDays
    }

    /// The SLA's durations in seconds (of working time for normal tasks), defaults filling in a
    /// missing or zero one.
    public func durations(sla: Jiceng_V1_ResponseSla?, districtID: String) -> (accept: TimeInterval, resolve: TimeInterval) {
        func seconds(_ duration: Google_Protobuf_Duration?) -> TimeInterval? {
            guard let duration, duration.seconds > 0 || duration.nanos > 0 else { return nil }
            return Double(duration.seconds) + Double(duration.nanos) / 1e9
        }
        let day = Double(calendars.calendar(forDistrict: districtID).workingSecondsPerDay)
        return (seconds(sla.flatMap { $0.hasAcceptWithin ? $0.acceptWithin : nil }) ?? defaultAcceptWithin,
                seconds(sla.flatMap { $0.hasResolveWithin ? $0.resolveWithin : nil }) ?? Double(defaultResolveWorkingDays) * day)
    }

    /// `seconds` of the task's time after `start`: working time for normal tasks, clock time for
    /// urgent ones, a quarter of it in clock time for critical ones.
    public func deadline(after start: Date, seconds: TimeInterval, urgency: Jiceng_V1_Urgency, districtID: String) -> Date {
        switch urgency {
        case .urgent:
            return start.addingTimeInterval(seconds)
        case .critical:
            return start.addingTimeInterval(seconds / 4)
        default:
            // An SLA beyond the calendar's range (100,000 working hours) is nonsense; clock time then.
            let calendar = calendars.calendar(forDistrict: districtID)
            return (try? calendar.deadline(after: start, workingSeconds: seconds)) ?? start.addingTimeInterval(seconds)
        }
    }

    /// A dispatch at `start` to `lead`: both deadlines from the dispatch, and the resolve
    /// duration kept for the acceptance.
    public func plan(lead: String, cooperating: [String], from start: Date, districtID: String,
                     urgency: Jiceng_V1_Urgency, sla: Jiceng_V1_ResponseSla?) -> TaskDispatchPlan {
        let within = durations(sla: sla, districtID: districtID)
        return TaskDispatchPlan(
            leadDepartmentID: lead, cooperatingDepartmentIDs: cooperating.filter { $0 != lead },
            acceptDeadline: deadline(after: start, seconds: within.accept, urgency: urgency, districtID: districtID),
            resolveDeadline: deadline(after: start, seconds: within.resolve, urgency: urgency, districtID: districtID),
            resolveWithin: within.resolve)
    }
}
