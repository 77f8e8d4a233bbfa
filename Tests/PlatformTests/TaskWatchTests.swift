import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Synchronization
import Testing
@testable import Platform

/// What a watcher's stream carries, as the transport would receive it; `hold()` makes writes
/// wait (a client that stopped reading) until `release()`.
final class WatchSink: ServerResponseSink {
    private struct State {
        var events: [Jiceng_V1_TaskEvent] = []
        var held = false
        var blocked: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    var events: [Jiceng_V1_TaskEvent] { state.withLock { $0.events } }
    var seqs: [Int64] { events.map(\.seq) }

    func hold() { state.withLock { $0.held = true } }

    func release() {
        let waiting = state.withLock { state in
            state.held = false
            defer { state.blocked = [] }
            return state.blocked
        }
        waiting.forEach { $0.resume() }
    }

    func write(framed message: [UInt8]) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wait = state.withLock { state in
                if state.held { state.blocked.append(continuation) }
                return state.held
            }
            if !wait { continuation.resume() }
        }
        let event = try Jiceng_V1_TaskEvent(serializedBytes: Array(message.dropFirst(MessageFraming.headerSize)))
        state.withLock { $0.events.append(event) }
    }
}

/// Waits (without a time limit that could make the test flaky, but bounded) for `condition`.
func eventually(_ condition: @Sendable () async throws -> Bool) async throws {
    for _ in 0..<2000 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(5))
    }
    Issue.record("condition not reached")
}

@Suite struct TaskWatchTests {
    private func watch(_ f: TaskFixture, role: Role = .auditor, org: String = TaskOrg.city, after: Int64 = 0,
                       filter: Jiceng_V1_TaskFilter = Jiceng_V1_TaskFilter(), sink: WatchSink) -> Task<Status?, Never> {
        var request = Jiceng_V1_WatchTasksRequest()
        request.afterSeq = after
        request.filter = filter
        let ready = request
        return Task {
            await thrownStatus {
                try await f.as(role, org) { service in
                    try await service.watchTasks(request: ready, responses: ResponseWriter(sink: sink), context: TaskFixture.context())
                }
            }
        }
    }

    @Test func replayThenLiveWithNoneLostNoneRepeated() async throws {
        let f = try await TaskFixture()
        for _ in 0..<3 { _ = try await f.create() }
        let sink = WatchSink()
        let watcher = watch(f, sink: sink)
        try await eventually { sink.events.count == 3 }
        // Live events while and after the watcher replays.
        for _ in 0..<20 { _ = try await f.create(town: TaskOrg.street) }
        try await eventually { sink.events.count == 23 }
        #expect(sink.seqs == Array(1...23))
        watcher.cancel()
        _ = await watcher.value
        try await eventually { f.service.feed.subscriberCount == 0 }

        // Resuming after seq 20 gives exactly 21...23, then live.
        let resumed = WatchSink()
        let second = watch(f, after: 20, sink: resumed)
        try await eventually { resumed.events.count == 3 }
        _ = try await f.create()
        try await eventually { resumed.events.count == 4 }
        #expect(resumed.seqs == [21, 22, 23, 24])
        second.cancel()
        _ = await second.value
    }

    @Test func watchersSeeOnlyTheirScopeAndFilter() async throws {
        let f = try await TaskFixture()
        let townSink = WatchSink()
        let streetSink = WatchSink()
        let filtered = WatchSink()
        let town = watch(f, role: .townOperator, org: TaskOrg.town, sink: townSink)
        let street = watch(f, role: .townOperator, org: TaskOrg.street, sink: streetSink)
        var filter = Jiceng_V1_TaskFilter()
        filter.townId = TaskOrg.street
        let auditor = watch(f, filter: filter, sink: filtered)
        try await eventually { f.service.feed.subscriberCount == 3 }
        let mine = try await f.create()
        _ = try await f.create(town: TaskOrg.street)
        _ = try await f.dispatch(mine)
        try await eventually { townSink.events.count == 2 && streetSink.events.count == 1 && filtered.events.count == 1 }
        #expect(townSink.events.allSatisfy { $0.townId == TaskOrg.town })
        #expect(townSink.events.map(\.type) == [.created, .dispatched])
        #expect(streetSink.events.map(\.townId) == [TaskOrg.street])
        #expect(filtered.events.map(\.townId) == [TaskOrg.street])
        for watcher in [town, street, auditor] { watcher.cancel(); _ = await watcher.value }

        // Asking for another town's feed is refused outright.
        var foreign = Jiceng_V1_TaskFilter()
        foreign.townId = TaskOrg.street
        let refused = await watch(f, role: .townOperator, org: TaskOrg.town, filter: foreign, sink: WatchSink()).value
        #expect(refused?.code == .permissionDenied)
    }

    @Test func aWatcherThatFallsBehindIsToldWhereToResume() async throws {
        let f = try await TaskFixture(watchBufferCapacity: 3)
        _ = try await f.create()
        let sink = WatchSink()
        let watcher = watch(f, sink: sink)
        // Once the one replayed event arrived, the watcher is live.
        try await eventually { sink.events.count == 1 }
        sink.hold()
        let blocked = try await f.create()
        // The watcher takes that event and blocks writing it; five more overflow its queue of three.
        for _ in 0..<5 { _ = try await f.create() }
        try await eventually { f.service.feed.publishedSeq == 7 }
        sink.release()
        let status = await watcher.value
        #expect(status?.code == .resourceExhausted)
        #expect(errorInfo(status)?.metadata["resume_after_seq"] == "2")
        #expect(status?.message.contains("after_seq=2") == true)
        #expect(sink.seqs == [1, 2])
        #expect(blocked.id == sink.events.last?.taskId)

        // Resuming from there loses nothing.
        let resumed = WatchSink()
        let again = watch(f, after: 2, sink: resumed)
        try await eventually { resumed.events.count == 5 }
        #expect(resumed.seqs == [3, 4, 5, 6, 7])
        again.cancel()
        _ = await again.value
    }

    @Test func watchersStartingDuringWritesMissAndRepeatNothing() async throws {
        let f = try await TaskFixture()
        for _ in 0..<5 { _ = try await f.create() }
        // Watchers start while tasks are being created: some events reach them both from the
        // table and from the feed, and must come once.
        let writer = Task {
            for index in 0..<40 { _ = try await f.create(title: "并发事项\(index)") }
        }
        var sinks: [WatchSink] = []
        var watchers: [Task<Status?, Never>] = []
        for _ in 0..<4 {
            let sink = WatchSink()
            sinks.append(sink)
            watchers.append(watch(f, sink: sink))
            try await Task.sleep(for: .milliseconds(3))
        }
        try await writer.value
        for sink in sinks {
            try await eventually { sink.events.count >= 45 }
            #expect(sink.seqs == Array(1...45))
        }
        for watcher in watchers { watcher.cancel(); _ = await watcher.value }
    }
}
