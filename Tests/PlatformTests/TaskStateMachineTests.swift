import Foundation
import JicengAPI
import Testing
@testable import Platform

private let now = Date(timeIntervalSince1970: 1_796_000_400)
private let plan = TaskDispatchPlan(leadDepartmentID: "B", cooperatingDepartmentIDs: ["C"],
                                    acceptDeadline: now.addingTimeInterval(3600), resolveDeadline: now.addingTimeInterval(86400),
                                    resolveWithin: 86400)
private let samePlan = TaskDispatchPlan(leadDepartmentID: "A", cooperatingDepartmentIDs: ["C"],
                                        acceptDeadline: now.addingTimeInterval(3600), resolveDeadline: now.addingTimeInterval(86400),
                                        resolveWithin: 86400)

/// A task in `state` with lead A and an assignment for C (OPEN unless `openAssignment` is false),
/// a pending extension when `pendingExtension`, unrated, at the town level.
private func task(in state: Jiceng_V1_TaskState, openAssignment: Bool = true, pendingExtension: Bool = true) -> Jiceng_V1_Task {
    var task = Jiceng_V1_Task()
    task.id = "T20261130-000001"
    task.state = state
    task.leadDepartmentId = "A"
    task.escalationLevel = .town
    task.resolveDeadline = TaskTime.timestamp(now.addingTimeInterval(3600))
    var assignment = Jiceng_V1_Assignment()
    assignment.departmentId = "C"
    assignment.state = openAssignment ? .open : .completed
    task.assignments = [assignment]
    var pending = Jiceng_V1_DeadlineExtension()
    pending.state = .pending
    pending.requestedResolveDeadline = TaskTime.timestamp(now.addingTimeInterval(7200))
    task.extensions = pendingExtension ? [pending] : []
    return task
}

/// Each command, the states it is allowed from, and the state it leads to (nil: unchanged).
private let table: [(TaskCommand, Set<Jiceng_V1_TaskState>, Jiceng_V1_TaskState?)] = [
    (.dispatch(plan, note: ""), [.reported, .disputed], .dispatched),
    (.accept(note: "", resolveDeadline: now.addingTimeInterval(7200)), [.dispatched], .accepted),
    (.dispute(reason: "非本部门职责"), [.dispatched], .disputed),
    (.settleDispute(upheld: true, plan, note: ""), [.disputed], .dispatched),
    (.settleDispute(upheld: false, samePlan, note: ""), [.disputed], .dispatched),
    (.addProgress(note: "已到现场"), [.dispatched, .accepted, .disputed, .resolved], nil),
    (.resolve(resolution: "已修复"), [.accepted], .resolved),
    (.verify(passed: true, note: ""), [.resolved], .closed),
    (.verify(passed: false, note: ""), [.resolved], .accepted),
    (.rate(satisfaction: 5, comment: ""), [.closed], nil),
    (.cancel(reason: "重复上报"), [.reported, .dispatched, .accepted, .disputed], .cancelled),
    (.escalate(reason: "久拖不决"), [.reported, .dispatched, .accepted, .disputed, .resolved], nil),
    (.escalateForDeadline(note: ""), [.reported, .dispatched, .accepted, .disputed, .resolved], nil),
    (.requestExtension(newResolveDeadline: now.addingTimeInterval(86400 * 3), reason: "材料待补"), [.accepted], nil),
    (.decideExtension(approved: true, note: ""), [.accepted, .resolved], nil),
    (.markDuplicate(ofTaskID: "T20261130-000000"), [.reported, .dispatched, .accepted, .disputed], .cancelled),
    (.acknowledgeAssignment(departmentID: "C", note: ""), [.dispatched, .accepted], nil),
    (.completeAssignment(departmentID: "C", note: ""), [.dispatched, .accepted], nil),
    (.releaseAssignment(departmentID: "C", note: ""), [.dispatched, .accepted, .disputed], nil),
]

private let allStates: [Jiceng_V1_TaskState] = [.reported, .dispatched, .accepted, .resolved, .closed, .disputed, .cancelled]

@Test func everyCommandIsAllowedExactlyFromItsStates() throws {
    for (command, allowed, target) in table {
        for state in allStates {
            // Every other precondition met: no open assignment to resolve, no pending extension
            // when asking for one.
            let start = task(in: state, openAssignment: command.methodName != "ResolveTask",
                             pendingExtension: command.methodName != "RequestExtension")
            if allowed.contains(state) {
                let (next, events) = try TaskStateMachine.apply(command, to: start, at: now)
                #expect(next.state == (target ?? state), "\(command.methodName) from \(state)")
                #expect(events.count == 1)
                #expect(events.first?.from == state)
                #expect(events.first?.to == next.state)
                #expect(next.updateTime == TaskTime.timestamp(now))
            } else {
                #expect(throws: PlatformError.self, "\(command.methodName) from \(state) must be refused") {
                    try TaskStateMachine.apply(command, to: start, at: now)
                }
                do {
                    _ = try TaskStateMachine.apply(command, to: start, at: now)
                } catch {
                    guard case .failedPrecondition(let reason, _, let metadata) = error else {
                        Issue.record("\(command.methodName) from \(state): \(error)")
                        continue
                    }
                    #expect(reason == "TASK_INVALID_TRANSITION")
                    #expect(metadata["state"] == TaskStateMachine.stateName(state))
                    #expect(metadata["method"] == command.methodName)
                }
            }
        }
    }
}

@Test func createRoutesOrReports() {
    var input = Jiceng_V1_Task()
    input.title = "路灯不亮"
    let (reported, reportedEvents) = TaskStateMachine.create(input, plan: nil, routingNote: "", at: now)
    #expect(reported.state == .reported)
    #expect(reported.escalationLevel == .town)
    #expect(reportedEvents.map(\.type) == [.created])
    let (routed, routedEvents) = TaskStateMachine.create(input, plan: plan, routingNote: "依据清单", at: now)
    #expect(routed.state == .dispatched)
    #expect(routed.leadDepartmentId == "B")
    #expect(routed.assignments.map(\.state) == [.open])
    #expect(routed.acceptDeadline == TaskTime.timestamp(plan.acceptDeadline))
    #expect(routedEvents.map(\.type) == [.created, .dispatched])
    #expect(routedEvents.last?.note == "依据清单")
}

@Test func resolveIsRefusedWhileAnAssignmentIsOpen() throws {
    var open = task(in: .accepted)
    #expect {
        try TaskStateMachine.apply(.resolve(resolution: "x"), to: open, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, let metadata) = error as? PlatformError else { return false }
        return reason == "ASSIGNMENTS_OPEN" && metadata["departments"] == "C"
    }
    open.assignments[0].state = .acknowledged
    #expect(throws: PlatformError.self) { try TaskStateMachine.apply(.resolve(resolution: "x"), to: open, at: now) }
    for done: Jiceng_V1_AssignmentState in [.completed, .released] {
        open.assignments[0].state = done
        let (resolved, _) = try TaskStateMachine.apply(.resolve(resolution: "x"), to: open, at: now)
        #expect(resolved.state == .resolved)
        #expect(resolved.resolution == "x")
    }
}

@Test func failedVerificationCountsRework() throws {
    let (reworked, events) = try TaskStateMachine.apply(.verify(passed: false, note: "仍不亮"), to: task(in: .resolved), at: now)
    #expect(reworked.state == .accepted)
    #expect(reworked.reworkCount == 1)
    #expect(events.map(\.type) == [.rework])
    let (closed, _) = try TaskStateMachine.apply(.verify(passed: true, note: ""), to: task(in: .resolved), at: now)
    #expect(closed.closeTime == TaskTime.timestamp(now))
}

@Test func ratingIsOnceAndOneToFive() throws {
    let (rated, _) = try TaskStateMachine.apply(.rate(satisfaction: 4, comment: ""), to: task(in: .closed), at: now)
    #expect(rated.satisfaction == 4)
    #expect {
        try TaskStateMachine.apply(.rate(satisfaction: 5, comment: ""), to: rated, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, _) = error as? PlatformError else { return false }
        return reason == "TASK_ALREADY_RATED"
    }
    for bad: Int32 in [0, 6, -1] {
        #expect(throws: PlatformError.invalidArgument(field: "satisfaction", "满意度须为 1 到 5 (satisfaction must be 1..5, got \(bad))")) {
            try TaskStateMachine.apply(.rate(satisfaction: bad, comment: ""), to: task(in: .closed), at: now)
        }
    }
}

@Test func escalationClimbsToTheCityAndStops() throws {
    var current = task(in: .accepted)
    var levels: [Jiceng_V1_EscalationLevel] = []
    for _ in 0..<2 {
        current = try TaskStateMachine.apply(.escalate(reason: "x"), to: current, at: now).0
        levels.append(current.escalationLevel)
    }
    #expect(levels == [.district, .city])
    #expect {
        try TaskStateMachine.apply(.escalate(reason: "x"), to: current, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, _) = error as? PlatformError else { return false }
        return reason == "ESCALATION_AT_TOP"
    }
    // The sweeper still records a passed deadline at the top level.
    let (swept, events) = try TaskStateMachine.apply(.escalateForDeadline(note: "办结期限已过"), to: current, at: now)
    #expect(swept.escalationLevel == .city)
    #expect(events.map(\.type) == [.escalated])
}

@Test func extensionsAreCheckedAndMoveTheDeadlineWhenApproved() throws {
    var accepted = task(in: .accepted)
    accepted.extensions = []
    #expect(throws: PlatformError.invalidArgument(field: "new_resolve_deadline", "新的办结期限已过 (the new deadline is in the past)")) {
        try TaskStateMachine.apply(.requestExtension(newResolveDeadline: now.addingTimeInterval(-1), reason: "x"), to: accepted, at: now)
    }
    #expect(throws: PlatformError.self) {
        // Earlier than the current deadline.
        try TaskStateMachine.apply(.requestExtension(newResolveDeadline: now.addingTimeInterval(60), reason: "x"), to: accepted, at: now)
    }
    let later = now.addingTimeInterval(86400 * 5)
    let (requested, _) = try TaskStateMachine.apply(.requestExtension(newResolveDeadline: later, reason: "材料待补"), to: accepted, at: now)
    #expect(requested.extensions.map(\.state) == [.pending])
    #expect {
        try TaskStateMachine.apply(.requestExtension(newResolveDeadline: later, reason: "again"), to: requested, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, _) = error as? PlatformError else { return false }
        return reason == "EXTENSION_PENDING"
    }
    let (approved, _) = try TaskStateMachine.apply(.decideExtension(approved: true, note: "同意"), to: requested, at: now)
    #expect(approved.resolveDeadline == TaskTime.timestamp(later))
    #expect(approved.extensions.map(\.state) == [.approved])
    let (refused, _) = try TaskStateMachine.apply(.decideExtension(approved: false, note: "不同意"), to: requested, at: now)
    #expect(refused.resolveDeadline == accepted.resolveDeadline)
    #expect {
        try TaskStateMachine.apply(.decideExtension(approved: true, note: ""), to: refused, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, _) = error as? PlatformError else { return false }
        return reason == "NO_PENDING_EXTENSION"
    }
}

@Test func settlingADisputeChecksTheLead() throws {
    let disputed = task(in: .disputed)
    #expect(throws: PlatformError.self) { try TaskStateMachine.apply(.settleDispute(upheld: true, samePlan, note: ""), to: disputed, at: now) }
    #expect(throws: PlatformError.self) { try TaskStateMachine.apply(.settleDispute(upheld: false, plan, note: ""), to: disputed, at: now) }
    let (upheld, events) = try TaskStateMachine.apply(.settleDispute(upheld: true, plan, note: "改派"), to: disputed, at: now)
    #expect(upheld.leadDepartmentId == "B")
    #expect(events.first?.note == "upheld: 改派")
    let (refused, refusedEvents) = try TaskStateMachine.apply(.settleDispute(upheld: false, samePlan, note: "职责明确"), to: disputed, at: now)
    #expect(refused.leadDepartmentId == "A")
    #expect(refusedEvents.first?.note == "refused: 职责明确")
}

@Test func assignmentsMoveOnlyForward() throws {
    let accepted = task(in: .accepted)
    let (acknowledged, _) = try TaskStateMachine.apply(.acknowledgeAssignment(departmentID: "C", note: ""), to: accepted, at: now)
    #expect(acknowledged.assignments.first?.state == .acknowledged)
    #expect {
        try TaskStateMachine.apply(.acknowledgeAssignment(departmentID: "C", note: ""), to: acknowledged, at: now)
    } throws: { error in
        guard case .failedPrecondition(let reason, _, let metadata) = error as? PlatformError else { return false }
        return reason == "ASSIGNMENT_INVALID_TRANSITION" && metadata["assignment_state"] == "ASSIGNMENT_STATE_ACKNOWLEDGED"
    }
    let (completed, _) = try TaskStateMachine.apply(.completeAssignment(departmentID: "C", note: ""), to: acknowledged, at: now)
    #expect(completed.assignments.first?.state == .completed)
    #expect(throws: PlatformError.self) { try TaskStateMachine.apply(.releaseAssignment(departmentID: "C", note: ""), to: completed, at: now) }
    #expect(throws: PlatformError.self) { try TaskStateMachine.apply(.completeAssignment(departmentID: "Z", note: ""), to: accepted, at: now) }
}

@Test func aDuplicateIsCancelledAndLinked() throws {
    let (repeat_, events) = try TaskStateMachine.apply(.markDuplicate(ofTaskID: "T20261130-000000"), to: task(in: .reported), at: now)
    #expect(repeat_.state == .cancelled)
    #expect(repeat_.duplicateOfTaskId == "T20261130-000000")
    #expect(events.map(\.type) == [.markedDuplicate])
    #expect(throws: PlatformError.self) {
        try TaskStateMachine.apply(.markDuplicate(ofTaskID: "T20261130-000001"), to: task(in: .reported), at: now)
    }
}
