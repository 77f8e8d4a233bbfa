import Glibc
import CEpoll
import Foundation
import Synchronization

/// Work handed to a loop from another thread; `runOnLoop` is called on the loop's thread.
protocol LoopWork: AnyObject, Sendable {
    func runOnLoop()
}

/// Runs the tasks of handlers on their connection's loop thread: no hop to the concurrency pool
/// and back for a handler that never suspends elsewhere. Only for handlers that never block.
final class LoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // The loop outlives every task it runs (its thread retains it while running).
    unowned(unsafe) let loop: EventLoop

    init(loop: EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        loop.enqueue(UnownedJob(job))
    }
}

/// A job resumed from another thread, on its way to the loop that runs it.
final class LoopJob: LoopWork, @unchecked Sendable {
    let job: UnownedJob
    unowned(unsafe) let loop: EventLoop

    init(job: UnownedJob, loop: EventLoop) {
        self.job = job
        self.loop = loop
    }

    func runOnLoop() { loop.runJobOnLoop(job) }
}

/// A closure to run on the loop (rare operations: shutdown, tests).
final class LoopClosure: LoopWork, @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
    func runOnLoop() { body() }
}

/// One thread running an epoll loop over the connections it accepted.
///
/// Everything a loop owns (its listening socket, connections, nghttp2 sessions, timers) is touched
/// only on its thread, so none of it needs a lock. Other threads reach it through `execute`, which
/// appends to an inbox and rings an eventfd — at most once until the loop drains the inbox, so a
/// burst of completed handlers costs one wake-up. Each iteration ends by flushing every connection
/// that has output: one `send` per connection per iteration.
final class EventLoop: @unchecked Sendable {
    let index: Int
    private let epollFD: Int32
    private let wakeFD: Int32
    private let inbox = Mutex<[any LoopWork]>([])
    private let wakePending = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)
    /// The loop thread's pthread id (0 before it starts): work queued from the loop's own thread
    /// skips the inbox lock and the eventfd.
    private let loopThread = Atomic<UInt>(0)
    private var localWork: [any LoopWork] = []
    private var localJobs: [UnownedJob] = []
    /// Runs the tasks of handlers that opted in to run on this loop (`Configuration.servicesOnEventLoop`).
    private(set) lazy var taskExecutor = LoopTaskExecutor(loop: self)

    // Loop-confined state.
    private var listener: ListeningSocket?
    private var connections: [Int32: HTTP2Connection] = [:]
    private var dirty: [HTTP2Connection] = []
    private var timers = TimerHeap<TimerTarget>()
    private var serverCore: ServerCore?
    private var draining = false
    private let nextSerial = Atomic<UInt64>(0)
    /// Shared by every connection of this loop: reads land here and go straight to nghttp2.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    private static let wakeToken: UInt64 = .max
    private static let listenToken: UInt64 = .max - 1

    init(index: Int) throws {
        self.index = index
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SocketError(call: "epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw SocketError(call: "eventfd") }
        register(fd: wakeFD, token: Self.wakeToken, events: EPOLLIN.rawValue)
    }

    /// Takes ownership of a listening socket (before the loop starts).
    func adopt(listener: ListeningSocket, core: ServerCore) {
        self.listener = listener
        self.serverCore = core
        register(fd: listener.fd, token: Self.listenToken, events: EPOLLIN.rawValue)
    }

    var isOnLoopThread: Bool { loopThread.load(ordering: .relaxed) == UInt(pthread_self()) }

    /// Queues work for the loop thread. Safe from any thread.
    func execute(_ work: any LoopWork) {
        if isOnLoopThread {
            localWork.append(work)
            return
        }
        if stopped.load(ordering: .relaxed) { return }
        inbox.withLock { $0.append(work) }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
    }

    func execute(_ body: @escaping () -> Void) {
        execute(LoopClosure(body))
    }

    /// Queues a job of a task running on this loop's executor.
    func enqueue(_ job: UnownedJob) {
        if isOnLoopThread {
            localJobs.append(job)
        } else {
            execute(LoopJob(job: job, loop: self))
        }
    }

    /// Starts the loop on a new thread; `onExit` runs on that thread when the loop ends.
    func start(onExit: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            run()
            onExit()
        }
        thread.name = "jiceng-loop-\(index)"
        thread.start()
    }

    // MARK: Loop-thread API

    /// A number no other connection of this loop has had (file descriptors get reused). Atomic,
    /// because client connections are created before they are handed to their loop.
    func makeSerial() -> UInt64 {
        nextSerial.add(1, ordering: .relaxed).newValue
    }

    func register(fd: Int32, token: UInt64, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(u64: token))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    func modify(fd: Int32, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(u64: UInt64(fd)))
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    func markDirty(_ connection: HTTP2Connection) {
        if !connection.isQueuedForFlush {
            connection.isQueuedForFlush = true
            dirty.append(connection)
        }
    }

    func addTimer(at deadline: Deadline, connection: HTTP2Connection, streamID: Int32) {
        timers.insert(at: deadline.uptimeNanoseconds, TimerTarget(fd: connection.fd, serial: connection.serial, streamID: streamID))
    }

    func connectionClosed(_ connection: HTTP2Connection) {
        epoll_ctl(epollFD, EPOLL_CTL_DEL, connection.fd, nil)
        connections[connection.fd] = nil
    }

    /// Adds a connection this loop did not accept (a client's), watching for `events`.
    func adopt(connection: HTTP2Connection, events: UInt32) {
        connections[connection.fd] = connection
        register(fd: connection.fd, token: UInt64(connection.fd), events: events)
    }

    /// Stops accepting, asks every connection to drain, and ends the loop once all have closed.
    func beginDrain() {
        draining = true
        if let listener {
            epoll_ctl(epollFD, EPOLL_CTL_DEL, listener.fd, nil)
            close(listener.fd)
            self.listener = nil
        }
        for connection in connections.values { connection.beginDrain() }
    }

    /// Closes every connection now, cancelling whatever is still running.
    func forceClose() {
        beginDrain()
        for connection in Array(connections.values) { connection.close() }
    }

    // MARK: The loop

    private func run() {
        loopThread.store(UInt(pthread_self()), ordering: .relaxed)
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while !(draining && connections.isEmpty) {
            let timeout = nextTimeoutMilliseconds()
            let n = events.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, Int32($0.count), timeout) }
            if n < 0 && errno != EINTR { break }
            for i in 0..<max(Int(n), 0) {
                let token = events[i].data.u64
                let flags = events[i].events
                switch token {
                case Self.wakeToken: drainInbox()
                case Self.listenToken: acceptConnections()
                default:
                    guard let connection = connections[Int32(truncatingIfNeeded: token)] else { continue }
                    if connection.connecting && flags & (EPOLLOUT.rawValue | EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
                        connection.writable()
                        continue
                    }
                    if flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && flags & EPOLLIN.rawValue == 0 {
                        connection.close()
                        continue
                    }
                    if flags & EPOLLOUT.rawValue != 0 { connection.writable() }
                    if flags & EPOLLIN.rawValue != 0 { connection.readable() }
                }
            }
            fireTimers()
            runLocalWork()
            flushDirty()
        }
        stopped.store(true, ordering: .relaxed)
        close(epollFD)
        close(wakeFD)
    }

    /// Runs jobs and work queued from this thread, including whatever they queue in turn, so a
    /// handler that completes without suspending elsewhere is answered in the same iteration.
    private func runLocalWork() {
        while !localJobs.isEmpty || !localWork.isEmpty {
            if !localJobs.isEmpty {
                let jobs = localJobs
                localJobs.removeAll(keepingCapacity: true)
                let executor = taskExecutor.asUnownedTaskExecutor()
                for job in jobs { job.runSynchronously(on: executor) }
            }
            if !localWork.isEmpty {
                let work = localWork
                localWork.removeAll(keepingCapacity: true)
                for item in work { item.runOnLoop() }
            }
        }
    }

    /// A job that arrived through the inbox joins the local queue.
    func runJobOnLoop(_ job: UnownedJob) {
        localJobs.append(job)
    }

    private func drainInbox() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
        // Clear the flag before taking the inbox: work queued after this point rings again.
        wakePending.store(false, ordering: .sequentiallyConsistent)
        let work = inbox.withLock { inbox -> [any LoopWork] in
            let taken = inbox
            inbox.removeAll(keepingCapacity: true)
            return taken
        }
        for item in work { item.runOnLoop() }
    }

    private func acceptConnections() {
        guard let listener, let serverCore else { return }
        while let (fd, peer) = listener.accept() {
            let connection = ServerConnection(fd: fd, peer: peer?.grpcPeer ?? "unknown", loop: self, core: serverCore)
            connections[fd] = connection
            register(fd: fd, token: UInt64(fd), events: EPOLLIN.rawValue)
            markDirty(connection)  // sends our SETTINGS
        }
    }

    private func nextTimeoutMilliseconds() -> Int32 {
        guard let earliest = timers.earliest else { return -1 }
        let now = Deadline.now().uptimeNanoseconds
        if earliest <= now { return 0 }
        return Int32(min((earliest - now + 999_999) / 1_000_000, 60_000))
    }

    private func fireTimers() {
        guard !timers.isEmpty else { return }
        let now = Deadline.now().uptimeNanoseconds
        while let target = timers.popDue(now: now) {
            guard let connection = connections[target.fd], connection.serial == target.serial else { continue }
            connection.timerFired(streamID: target.streamID)
        }
    }

    private func flushDirty() {
        while !dirty.isEmpty {
            let batch = dirty
            dirty.removeAll(keepingCapacity: true)
            for connection in batch {
                connection.isQueuedForFlush = false
                connection.flush()
            }
        }
    }
}

import RPC

/// What a timer fires: a stream's deadline, or (stream 0) a connection's housekeeping. It names
/// the connection by descriptor and serial number rather than holding it, so a closed connection is
/// freed at once (not when its far-off keepalive timer comes due) — and without a weak reference,
/// whose side table would put every retain of the connection on the slow path.
struct TimerTarget {
    let fd: Int32
    let serial: UInt64
    let streamID: Int32
}
