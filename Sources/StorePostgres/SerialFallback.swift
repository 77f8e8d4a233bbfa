import Foundation

/// Lets a write that keeps losing serialization conflicts run alone.
///
/// Writes normally run side by side, each holding this gate shared. A write retried several
/// times (a hot row that many writers read and update) takes it exclusively instead: it waits
/// for the writes in progress to finish, holds new ones back, and so runs without a competitor
/// from this process, instead of losing to fresh writes until its retries run out. Waiting
/// exclusive holders go before new shared ones, so the fallback cannot be starved.
final class SerialFallback: @unchecked Sendable {
    private let condition = NSCondition()
    private var sharedHolders = 0
    private var exclusiveHeld = false
    private var exclusiveWaiting = 0

    func withAccess<R>(exclusive: Bool, _ body: () -> R) -> R {
        exclusive ? lockExclusive() : lockShared()
        defer { exclusive ? unlockExclusive() : unlockShared() }
        return body()
    }

    private func lockShared() {
        condition.lock()
        while exclusiveHeld || exclusiveWaiting > 0 { condition.wait() }
        sharedHolders += 1
        condition.unlock()
    }

    private func unlockShared() {
        condition.lock()
        sharedHolders -= 1
        if sharedHolders == 0 { condition.broadcast() }
        condition.unlock()
    }

    private func lockExclusive() {
        condition.lock()
        exclusiveWaiting += 1
        while exclusiveHeld || sharedHolders > 0 { condition.wait() }
        exclusiveWaiting -= 1
        exclusiveHeld = true
        condition.unlock()
    }

    private func unlockExclusive() {
        condition.lock()
        exclusiveHeld = false
        condition.broadcast()
        condition.unlock()
    }
}
