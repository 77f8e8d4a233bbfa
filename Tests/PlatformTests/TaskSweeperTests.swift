import Foundation
import JicengAPI
import Testing
@testable import Platform

@Suite struct TaskSweeperTests {
    @Test func passedDeadlinesEscalateOnceEachAcrossRestarts() async throws {
        let f = try await TaskFixture()
        let sweeper = TaskSweeper(environment: f.environment, feed: f.service.feed)
        let dispatched = try await f.dispatch(try await f.create(urgency: .urgent))
        // Urgent: clock time, 8 hours to accept.
        #expect(TaskTime.date(dispatched.acceptDeadline) == TaskFixture.start.addingTimeInterval(8 * 3600))
        #expect(try await sweeper.sweep(now: f.clock.now()) == 0)

        f.clock.advance(by: 8 * 3600 + 1)
        #expect(try await sweeper.sweep(now: f.clock.now()) == 1)
        #expect(try await sweeper.sweep(now: f.clock.now()) == 0)
        // A new sweeper (a restarted server) remembers through the table.
        let restarted = TaskSweeper(environment: f.environment, feed: f.service.feed)
        #expect(try await restarted.sweep(now: f.clock.now()) == 0)
        let escalated = try await f.get(dispatched.id)
        #expect(escalated.escalationLevel == .district)
        #expect(escalated.state == .dispatched)

        // Accepting late moves on to the resolve deadline, which escalates once more when it passes.
        let accepted = try await f.accept(escalated)
        // The resolve deadline runs from the acceptance: 10 working days of 7.5 hours, in clock time.
        #expect(TaskTime.date(accepted.resolveDeadline) == f.clock.now().addingTimeInterval(75 * 3600))
        #expect(try await restarted.sweep(now: f.clock.now()) == 0)
        f.clock.set(TaskTime.date(accepted.resolveDeadline).addingTimeInterval(1))
        #expect(try await restarted.sweep(now: f.clock.now()) == 1)
        #expect(try await f.get(dispatched.id).escalationLevel == .city)

        let events = try await f.history(dispatched.id).filter { $0.type == .escalated }
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.actor.orgId.isEmpty && $0.actor.tokenId.isEmpty })
        #expect(try await f.count("SELECT COUNT(*) FROM audit_events WHERE method = 'TaskSweeper/Escalate'") == 2)
    }

    @Test func anApprovedExtensionCanEscalateAgainWhenItTooPasses() async throws {
        let f = try await TaskFixture()
        let sweeper = TaskSweeper(environment: f.environment, feed: f.service.feed)
        let accepted = try await f.accept(try await f.dispatch(try await f.create(urgency: .critical)))
        // Critical: a quarter of the default 10 working days (of 7.5 hours), in clock time.
        #expect(TaskTime.date(accepted.resolveDeadline) == TaskFixture.start.addingTimeInterval(75 * 3600 / 4))
        f.clock.advance(by: 75 * 3600 / 4 + 1)
        #expect(try await sweeper.sweep(now: f.clock.now()) == 1)

        _ = try await f.extendApproved(try await f.get(accepted.id), to: f.clock.now().addingTimeInterval(3600))
        #expect(try await sweeper.sweep(now: f.clock.now()) == 0)
        f.clock.advance(by: 3601)
        #expect(try await sweeper.sweep(now: f.clock.now()) == 1)
        #expect(try await sweeper.sweep(now: f.clock.now()) == 0)
    }

    @Test func normalDeadlinesCountWorkingTime() async throws {
        let f = try await TaskFixture()
        // Friday 16:30 in Shanghai: one working hour left that day.
        f.clock.set(TaskFixture.start.addingTimeInterval(4 * 86400 + 7.5 * 3600))
        let dispatched = try await f.dispatch(try await f.create())
        let calendar = WorkCalendar.chinaDefault
        let expected = try calendar.deadline(after: f.clock.now(), workingSeconds: 8 * 3600)
        #expect(TaskTime.date(dispatched.acceptDeadline) == expected)
        // Over the weekend: far more than 8 clock hours.
        #expect(expected.timeIntervalSince(f.clock.now()) > 48 * 3600)
    }

    @Test func theStartedLoopSweepsOnItsOwn() async throws {
        let f = try await TaskFixture()
        let dispatched = try await f.dispatch(try await f.create(urgency: .critical))
        f.clock.advance(by: 3 * 3600)
        let sweeper = TaskSweeper.start(f.environment, feed: f.service.feed, interval: .milliseconds(20))
        defer { sweeper.stop() }
        var level = Jiceng_V1_EscalationLevel.town
        for _ in 0..<500 where level == .town {
            try await Task.sleep(for: .milliseconds(10))
            level = try await f.get(dispatched.id).escalationLevel
        }
        #expect(level == .district)
    }
}
