import HTTP2Transport
import ProtoRuntime
import RPC

/// Turns whatever a remote command fails with into a `CommandFailure` with the right exit status
/// (see `CallExitStatus`): a status as its report, a socket or TLS failure as "cannot connect".
enum RemoteFailure {
    static func reporting(sentToken: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            throw failure
        } catch let status as Status {
            let report = StatusReport(status: status, sentToken: sentToken)
            throw CommandFailure(report.text, exitCode: report.exitCode)
        } catch let error as ProtoJSONError {
            throw CommandFailure("无法把回复转为 JSON (cannot print the response): \(error)")
        } catch let error as ProtoDecodingError {
            throw CommandFailure("回复无法解码 (undecodable response): \(error)")
        } catch {
            // Socket and TLS errors surface before any status exists: the server was never reached.
            throw CommandFailure("无法连接服务器 (cannot connect): \(error)", exitCode: CallExitStatus.unavailable)
        }
    }
}
