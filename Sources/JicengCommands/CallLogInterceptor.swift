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

    /// Logs to stderr in batches, or to `write` (tests).
    public init(write: (@Sendable (String) -> Void)? = nil) {
        if let write {
            self.write = write
        } else {
            self.write = { BufferedLineWriter.standardError.write($0) }
        }
    }

    /// Services whose successful calls are not logged: load balancers probe health every few
    /// seconds and the benchmark echo runs at line rate; their failures are still logged.
    static let quietServices: Set<String> = ["grpc.health.v1.Health", "bench.Echo"]

    public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        if Self.quietServices.contains(context.method.service) {
            do {
                try await next(context)
            } catch {
                write("\(context.method.path) \(Status(error: error).code) - -")
                throw error
            }
            return
        }
        let start = ContinuousClock.now
        let note = Note()
        var code = Status.Code.ok
        defer {
            let elapsed = ContinuousClock.now - start
            // Tenths of a millisecond, formatted by hand: String(format:) is slow on this hot path.
            let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
            let who = note.caller.withLock { $0.map { "\($0.orgID) \($0.role.name)" } } ?? "-"
            write("\(context.method.path) \(code) \(tenths / 10).\(tenths % 10)ms \(who)")
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
