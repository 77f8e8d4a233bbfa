import Foundation

/// The random choices behind one scenario, drawn once and laid out on the calendar from a
/// creation time (so that the same choices can be laid out again from an earlier start).
struct Plan: Sendable {
    let final: TaskState
    let routed: Bool
    let lead: String
    let cooperating: [String]
    /// SLA in seconds of working time.
    let acceptSeconds: Double
    let resolveSeconds: Double
    /// Fractions of the SLA actually taken; above 1 is late.
    let acceptFraction: Double
    let resolveFraction: Double
    let escalateWhenLate: Bool
    /// Upheld disputes re-route to this department; nil when there is no dispute.
    let dispute: (upheld: Bool, newLead: String)?
    let extensionApproved: Bool?
    let reworks: Int
    let rating: Int
    let cancelAfterAccept: Bool
    let progressCount: Int
    let texts: [String]

    init(draw rng: inout SplitMix64, final: TaskState, item: DemoCatalogueItem?, town: DemoTown, workingSecondsPerDay: Int) {
        let d = town.districtID
        self.final = final
        routed = item != nil
        if let item {
            lead = item.leadDepartmentID
            cooperating = item.cooperatingDepartmentIDs
        } else {
            let candidates: [DemoDepartment] = [.urbanManagement, .housing, .civilAffairs, .justice, .naturalResources]
            let chosen = rng.pick(candidates)
            lead = chosen.id(inDistrict: d)
            let helper = candidates.first { $0 != chosen } ?? .civilAffairs
            cooperating = rng.chance(0.5) ? [] : [helper.id(inDistrict: d)]
        }
        let sla = item?.responseSLA ?? DemoResponseSLA(acceptWithinHours: 8, resolveWithinWorkingDays: 10)
        let day = Double(workingSecondsPerDay)
        acceptSeconds = Double(sla.acceptWithinHours) * 3600
        resolveSeconds = Double(sla.resolveWithinWorkingDays) * day
        acceptFraction = rng.chance(0.85) ? rng.double(in: 0.05...0.9) : rng.double(in: 1.2...3)
        resolveFraction = rng.chance(0.8) ? rng.double(in: 0.2...0.95) : rng.double(in: 1.1...2.2)
        escalateWhenLate = rng.chance(0.5)
        let disputed = final == .disputed || ([.accepted, .resolved, .closed].contains(final) && rng.chance(0.05))
        if disputed {
            let other = cooperating.first ?? DemoDepartment.urbanManagement.id(inDistrict: d)
            dispute = (rng.chance(0.4) && other != lead, other)
        } else {
            dispute = nil
        }
        extensionApproved = [.resolved, .closed].contains(final) && rng.chance(0.08) ? rng.chance(0.75) : nil
        let reworkRoll = rng.double(in: 0...1)
        reworks = [.resolved, .closed].contains(final) ? (reworkRoll < 0.02 ? 2 : reworkRoll < 0.12 ? 1 : 0) : 0
        if final == .closed && rng.chance(0.88) {
            let stars = 5 - rng.weighted([50, 30, 12, 5, 3])
            rating = max(1, stars - reworks)
        } else {
            rating = 0
        }
        cancelAfterAccept = rng.chance(0.4)
        progressCount = rng.below(3)
        texts = (0..<10).map { slot in
            let pools = [DemoTaskTexts.acceptNotes, DemoTaskTexts.progressNotes, DemoTaskTexts.resolutions,
                         DemoTaskTexts.disputeReasons, DemoTaskTexts.cancelReasons, DemoTaskTexts.extensionReasons,
                         DemoTaskTexts.reworkNotes, DemoTaskTexts.escalationReasons, DemoTaskTexts.progressNotes,
                         DemoTaskTexts.resolutions]
            return rng.pick(pools[slot])
        }
    }

    /// The steps from `create`, durations counted on `calendar` for normal tasks and in clock
    /// time for urgent ones (a quarter of it for critical ones).
    func lay(from create: Date, urgency: Urgency, calendar: WorkCalendar) -> [DemoTaskStep] {
        var steps: [DemoTaskStep] = []
        var now = create
        func after(_ seconds: Double) -> Date {
            switch urgency {
            case .urgent: now.addingTimeInterval(seconds)
            case .critical: now.addingTimeInterval(seconds / 4)
            default: (try? calendar.deadline(after: now, workingSeconds: seconds)) ?? now.addingTimeInterval(seconds)
            }
        }
        // Steps never go back in time, even when one is planned from an earlier anchor.
        var last = create
        func step(_ time: Date, _ action: DemoTaskAction) {
            last = max(last, time)
            now = last
            steps.append(DemoTaskStep(time: last, action: action))
        }
        var lead = self.lead
        if final == .reported { return [] }
        if !routed {
            step(after(3600), .dispatch(leadDepartmentID: lead, cooperatingDepartmentIDs: cooperating, note: "经镇（街道）研判，派至主责部门办理。"))
        }
        let dispatched = now
        if final == .cancelled && !cancelAfterAccept {
            step(after(acceptSeconds * 0.5), .cancel(reason: texts[4]))
            return steps
        }
        if let dispute {
            step(after(acceptSeconds * 0.3), .dispute(reason: texts[3]))
            if final == .disputed { return steps }
            if dispute.upheld { lead = dispute.newLead }
            step(after(4 * 3600), .settleDispute(upheld: dispute.upheld, leadDepartmentID: lead,
                                               note: dispute.upheld ? "经区级研判，改派主责部门。" : "经区级研判，维持原派单。"))
        }
        let acceptDeadline = after(acceptSeconds)
        if acceptFraction > 1 && escalateWhenLate {
            step(acceptDeadline.addingTimeInterval(600), .escalate(reason: texts[7]))
        }
        if final == .dispatched {
            // Still waiting: drop an acceptance that would have come.
            return steps
        }
        now = max(now, dispatched)
        let accepted = after(acceptSeconds * acceptFraction)
        step(accepted, .accept(note: texts[0]))
        let coop = cooperating.filter { $0 != lead }
        for department in coop { step(after(1800), .acknowledgeAssignment(departmentID: department)) }
        for n in 0..<progressCount { step(after(resolveSeconds * resolveFraction * Double(n + 1) / 4), .progress(note: texts[n == 0 ? 1 : 8])) }
        if final == .cancelled {
            step(after(3600), .cancel(reason: texts[4]))
            return steps
        }
        if final == .accepted { return steps }
        now = accepted
        let resolveDeadline = after(resolveSeconds)
        if let approved = extensionApproved {
            now = accepted
            step(after(resolveSeconds * min(0.6, resolveFraction * 0.7)), .requestExtension(newResolveDeadline: after(resolveSeconds * 1.5), reason: texts[5]))
            step(after(2 * 3600), .decideExtension(approved: approved, note: approved ? "同意延期。" : "不同意延期，请按期办结。"))
        }
        now = accepted
        let resolveAt = after(resolveSeconds * resolveFraction)
        if resolveFraction > 1 && escalateWhenLate && extensionApproved != true {
            step(resolveDeadline.addingTimeInterval(600), .escalate(reason: texts[7]))
        }
        for department in coop {
            step(min(max(now, resolveAt.addingTimeInterval(-1800)), resolveAt), .completeAssignment(departmentID: department, note: "配合事项已完成。"))
        }
        step(resolveAt, .resolve(resolution: texts[2]))
        for _ in 0..<reworks {
            step(after(4 * 3600), .verify(passed: false, note: texts[6]))
            step(after(resolveSeconds * 0.3), .resolve(resolution: texts[9]))
        }
        if final == .resolved { return steps }
        step(after(Double(2 + (steps.count % 10)) * 3600), .verify(passed: true, note: "经现场复核，问题已解决，同意结案。"))
        if rating > 0 { step(after(3600), .rate(satisfaction: rating, comment: rating >= 4 ? "处理及时，满意。" : "处理较慢，基本解决。")) }
        return steps
    }
}
