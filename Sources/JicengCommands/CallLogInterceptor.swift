import Foundation
import Platform
import RPC
import Synchronization

/// Writes one line per call to stderr: method, status code, milliseconds, and the caller's org
/// and role once authenticated.
///
/// It runs outermost, so refused calls are logged too; the caller becomes known only further in,
/// so `CallLogInterceptor.CallerCapture` (placed after the access interceptor) reports it back.
public struct CallLogInterceptor: ServerInterceptor {
    /// Where the caller of the current call is noted for the log line.
    final class Note: Sendable {
        let caller = Mutex<Caller?>(nil)
    }

    @TaskLocal static var note: Note?

    private let write: @Sendable (String) -> Void

    /// Logs to stderr, or to `write` (tests).
    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.write = write
    }

    public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        let start = ContinuousClock.now
        let note = Note()
        var code = Status.Code.ok
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let who = note.caller.withLock { $0.map { "\($0.orgID) \($0.role.name)" } } ?? "-"
            write("\(context.method.path) \(code) \(String(format: "%.1f", ms))ms \(who)")
        }
        do {
            try await Self.$note.withValue(note) { try await next(context) }
        } catch {
            code = Status(error: error).code
            throw error
        }
    }

    /// Notes the authenticated caller for the enclosing `CallLogInterceptor`; place it after the
    /// access interceptor.
    public struct CallerCapture: ServerInterceptor {
        public init() {}

        public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
            if let caller = CurrentCall.caller { CallLogInterceptor.note?.caller.withLock { $0 = caller } }
            try await next(context)
        }
    }
}
