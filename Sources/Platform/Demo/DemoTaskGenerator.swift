import Foundation

/// Generates the demo city's task scenarios: a few thousand tasks over the months before `end`,
/// across every source and final state, with realistic timings on the district calendars
/// (accepted within hours, resolved within days, some late, some reworked, disputed, extended,
/// escalated, cancelled). Deterministic for a given seed, end and count.
public struct DemoTaskGenerator: Sendable {
    public var tree: DemoOrgTree
    public var calendars: DistrictCalendars
    public var seed: UInt64
    /// How far back tasks start.
    public var days: Int

    public init(tree: DemoOrgTree = .jianglin, calendars: DistrictCalendars = DistrictCalendars(),
                seed: UInt64 = 0x4A49_4345_4E47, days: Int = 120) {
        self.tree = tree
        self.calendars = calendars
        self.seed = seed
        self.days = days
    }

    /// `count` scenarios, created in the `days` before `end`, every step at or before `end`,
    /// ordered by creation time.
    public func scenarios(count: Int = 3000, endingAt end: Date) -> [DemoTaskScenario] {
        var rng = SplitMix64(seed: seed)
        let catalogues = Dictionary(uniqueKeysWithValues: tree.towns.map { town in
            (town.id, DemoCatalogue.items(forTown: town, in: tree).filter {
                $0.list == .territorialMatter && DemoTaskTexts.byMatter[$0.title] != nil
            })
        })
        var result: [DemoTaskScenario] = []
        result.reserveCapacity(max(0, count))
        for index in 0..<max(0, count) {
            let town = rng.pick(tree.towns)
            result.append(scenario(index: index, town: town, matters: catalogues[town.id] ?? [], end: end, rng: &rng))
        }
        return result.sorted { ($0.createTime, $0.reference) < ($1.createTime, $1.reference) }
    }

    private static let finalStates: [TaskState] = [.closed, .resolved, .accepted, .dispatched, .disputed, .cancelled, .reported]
    private static let finalWeights = [58, 8, 10, 6, 4, 6, 3]

    private func scenario(index: Int, town: DemoTown, matters: [DemoCatalogueItem], end: Date,
                          rng: inout SplitMix64) -> DemoTaskScenario {
        let calendar = calendars.calendar(forDistrict: town.districtID)
        var final = Self.finalStates[rng.weighted(Self.finalWeights)]
        let matched = final != .reported && (matters.isEmpty ? false : !rng.chance(0.08))
        let item: DemoCatalogueItem? = matched ? rng.pick(matters) : nil
        let pattern = item.flatMap { DemoTaskTexts.byMatter[$0.title].map { rng.pick($0) } } ?? rng.pick(DemoTaskTexts.unmatched)
        let place = rng.pick(town.places)
        let road = rng.pick(town.roads)
        let number = String(1 + rng.below(188))
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{路}", with: road).replacingOccurrences(of: "{号}", with: number)
                .replacingOccurrences(of: "{村}", with: place.name)
        }
        let source: TaskSource = item?.gridCapable == false
            ? [.hotline12345, .hotline12345, .citizenService, .peerSystem, .townCall][rng.below(5)]
            : [.gridReport, .hotline12345, .townCall, .citizenService, .inspection, .peerSystem][rng.weighted([40, 25, 10, 8, 10, 7])]
        let urgency: Urgency = [.normal, .urgent, .critical][rng.weighted([85, 12, 3])]
        if final == .reported && matched { final = .dispatched }

        // Draw the plan first, then lay it out from a creation time; a plan that would run past
        // `end` is laid out again from a week earlier (same weekday and hour).
        let plan = Plan(draw: &rng, final: final, item: item, town: town, workingSecondsPerDay: calendar.workingSecondsPerDay)
        let openState = [.reported, .dispatched, .accepted, .resolved, .disputed].contains(final)
        let back = openState ? rng.double(in: 0.3...12) : rng.double(in: 3...Double(max(4, days)))
        var create = startTime(near: end.addingTimeInterval(-back * 86_400), source: source, calendar: calendar, rng: &rng)
        var steps = plan.lay(from: create, urgency: urgency, calendar: calendar)
        var attempts = 0
        while (steps.last?.time ?? create) > end, attempts < 30 {
            create = create.addingTimeInterval(-7 * 86_400)
            steps = plan.lay(from: create, urgency: urgency, calendar: calendar)
            attempts += 1
        }
        let reference = "DEMO-" + String(format: "%05d", index + 1)
        let day = calendar.day(containing: create)
        let externalRef: String = switch source {
        case .hotline12345: "12345-\(day.year)\(String(format: "%02d%02d", day.month, day.day))\(String(format: "%04d", index % 10_000))"
        case .peerSystem: "SZCG-\(day.year)-\(String(format: "%06d", index + 1))"
        default: ""
        }
        return DemoTaskScenario(
            reference: reference, title: fill(pattern.title), description: fill(pattern.description),
            source: source, externalRef: externalRef, townID: town.id, gridID: rng.pick(place.gridIDs),
            address: town.name + (place.isVillage ? place.name + String(1 + rng.below(12)) + "组" : road + number + "号"),
            latitude: town.latitude + rng.double(in: -0.012...0.012),
            longitude: town.longitude + rng.double(in: -0.012...0.012),
            itemCode: item?.code ?? "", domain: item?.domain ?? .socialGovernance, urgency: urgency,
            createTime: create, steps: steps, finalState: final, reworkCount: plan.reworks,
            satisfaction: plan.rating)
    }

    /// When a task is raised: grid workers and inspectors in office hours, the hotline from
    /// morning to late evening on any day.
    private func startTime(near instant: Date, source: TaskSource, calendar: WorkCalendar,
                           rng: inout SplitMix64) -> Date {
        var day = calendar.day(containing: instant)
        let officeOnly = [.gridReport, .inspection, .townCall, .citizenService].contains(source)
        if officeOnly {
            var guardDays = 0
            while !calendar.isWorkingDay(day), guardDays < 30 { day = day.adding(days: -1); guardDays += 1 }
            let period = rng.pick(calendar.workingPeriods)
            return calendar.instant(on: day, minute: period.startMinute + rng.below(period.endMinute - period.startMinute))
        }
        return calendar.instant(on: day, minute: 7 * 60 + rng.below(15 * 60))
    }
}
