import Foundation
import Synchronization

/// Collects log lines in memory and writes them to a file descriptor in batches from one
/// background thread, so that a busy server pays one `write` per batch, not one per call.
/// Lines are flushed at least every `interval`, and at once when the buffer passes 64 KiB.
public final class BufferedLineWriter: Sendable {
    private let buffer = Mutex<[UInt8]>([])
    private let descriptor: Int32
    private let wake = DispatchSemaphore(value: 0)

    /// The server's log: standard error.
    public static let standardError = BufferedLineWriter()

    public init(descriptor: Int32 = STDERR_FILENO, interval: Duration = .milliseconds(50)) {
        self.descriptor = descriptor
        let thread = Thread { [self] in
            let nanos = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
            while true {
                _ = wake.wait(timeout: .now() + .nanoseconds(nanos))
                flush()
            }
        }
        thread.name = "log-writer"
        thread.start()
    }

    /// Queues one line (a newline is added).
    public func write(_ line: String) {
        let full = buffer.withLock { buffer -> Bool in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            return buffer.count > 64 * 1024
        }
        if full { wake.signal() }
    }

    /// Writes everything queued so far.
    public func flush() {
        let pending = buffer.withLock { buffer -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        var offset = 0
        pending.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
