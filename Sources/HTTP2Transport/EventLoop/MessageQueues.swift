/// Messages a task sends towards a loop, with the byte count that drives backpressure: the
/// writer waits above `highWater` outstanding bytes and is resumed below `lowWater`.
/// Lives inside a lock-protected state; it does no locking itself.
struct OutboundMessages {
    static let highWater = 256 * 1024
    static let lowWater = 64 * 1024

    private(set) var messages: [[UInt8]] = []
    private(set) var outstandingBytes = 0
    var writer: CheckedContinuation<Void, any Error>?

    /// Queues a message; true when the writer should now wait for the loop to catch up.
    mutating func enqueue(_ message: [UInt8], counted: Bool = true) -> Bool {
        messages.append(message)
        guard counted else { return false }
        outstandingBytes += message.count
        return outstandingBytes > Self.highWater
    }

    var mustWait: Bool { outstandingBytes > Self.highWater }

    /// Everything queued so far, for the loop.
    mutating func take() -> [[UInt8]] {
        defer { messages.removeAll() }
        return messages
    }

    /// The loop sent `count` bytes; returns the writer to resume, if it may go on.
    mutating func acknowledge(_ count: Int) -> CheckedContinuation<Void, any Error>? {
        outstandingBytes -= count
        guard outstandingBytes <= Self.lowWater, let w = writer else { return nil }
        writer = nil
        return w
    }
}

/// Messages a loop delivers to one reading task, in order, with the waiting reader if any, and
/// the flow-control bookkeeping that makes a slow reader slow down its peer.
/// Lives inside a lock-protected state; it does no locking itself.
struct InboundMessages {
    /// Past this many unread bytes the loop stops granting the peer flow-control credit.
    static let creditLimit = 256 * 1024

    private var messages: [[UInt8]] = []
    private var head = 0
    private(set) var bytes = 0
    var reader: CheckedContinuation<[UInt8]?, any Error>?
    /// The loop is holding back credit until the reader catches up.
    private var creditWithheld = false

    /// For bytes arriving from the peer: true when the loop must withhold their credit.
    mutating func shouldWithholdCredit() -> Bool {
        guard bytes >= Self.creditLimit else { return false }
        creditWithheld = true
        return true
    }

    /// After the reader took a message: true when withheld credit may now be returned.
    mutating func releaseCredit() -> Bool {
        guard creditWithheld, bytes < Self.creditLimit else { return false }
        creditWithheld = false
        return true
    }

    var isEmpty: Bool { head >= messages.count }

    /// Hands `message` to the waiting reader (returned, to resume outside the lock) or queues it.
    mutating func push(_ message: [UInt8]) -> CheckedContinuation<[UInt8]?, any Error>? {
        if let r = reader {
            reader = nil
            return r
        }
        messages.append(message)
        bytes += message.count
        return nil
    }

    mutating func pop() -> [UInt8]? {
        guard head < messages.count else { return nil }
        let m = messages[head]
        head += 1
        if head == messages.count {
            messages.removeAll(keepingCapacity: true)
            head = 0
        }
        bytes -= m.count
        return m
    }
}
