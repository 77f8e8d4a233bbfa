// jiceng-watch-example: follows TaskService.WatchTasks and prints each event, the way an
// integration (a district dashboard, a messaging bridge) would use the JicengClient library.
//
//   jiceng-watch-example [--server 127.0.0.1:50051] [--token T | env JICENG_TOKEN] [--state FILE]
//
// The last seen event's seq is kept in the state file, so a restarted watcher resumes where it
// stopped; a dropped stream is reopened after an exponential backoff with jitter.
import Foundation
import JicengAPI
import JicengClient
import RPC

/// Takes `--name value` out of `arguments`.
func option(_ name: String, from arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}

var arguments = Array(CommandLine.arguments.dropFirst())
let server = option("--server", from: &arguments) ?? "127.0.0.1:50051"
let token = option("--token", from: &arguments) ?? ProcessInfo.processInfo.environment["JICENG_TOKEN"]
let statePath = option("--state", from: &arguments) ?? "watch-tasks.seq"
guard arguments.isEmpty else {
    FileHandle.standardError.write(Data("用法: jiceng-watch-example [--server ADDR] [--token T] [--state FILE]\n".utf8))
    exit(64)
}

/// The seq of the last event printed, persisted so that a restart resumes after it.
func lastSeenSeq(_ statePath: String) -> Int64 {
    guard let text = try? String(contentsOfFile: statePath, encoding: .utf8) else { return 0 }
    return Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
}

func remember(_ seq: Int64, in statePath: String) {
    // Written to a temporary file and renamed, so a crash never leaves a half-written number.
    let temporary = statePath + ".tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: Data("\(seq)\n".utf8)) else { return }
    _ = rename(temporary, statePath)
}

let connection: JicengConnection
do {
    connection = try JicengConnection(server: server, token: token)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(64)
}

let backoff = RetryPolicy(maxAttempts: .max, initialBackoff: .milliseconds(200), maxBackoff: .seconds(30))
var failures = 0
while true {
    var request = Jiceng_V1_WatchTasksRequest()
    request.afterSeq = lastSeenSeq(statePath)
    do {
        try await connection.tasks.watchTasks(request) { event in
            failures = 0
            let line = "#\(event.seq) \(event.taskId) \(event.type) \(event.fromState) → \(event.toState) \(event.note)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
            remember(event.seq, in: statePath)
        }
        // The server ended the stream (it is shutting down, say): reconnect at once.
    } catch let status as Status where [.unauthenticated, .permissionDenied, .invalidArgument, .unimplemented].contains(status.code) {
        // Waiting will not fix these.
        FileHandle.standardError.write(Data("watch failed: \(status)\n".utf8))
        exit(1)
    } catch {
        failures += 1
        let pause = backoff.backoff(beforeRetry: failures)
        FileHandle.standardError.write(Data("watch interrupted (\(error)); reconnecting in \(pause)\n".utf8))
        try? await Task.sleep(for: pause)
    }
}
