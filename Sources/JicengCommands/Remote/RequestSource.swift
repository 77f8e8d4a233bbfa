import Foundation

/// Where `jiceng call` takes its request JSON from: `--json TEXT`, `--data @FILE`, `--data -`
/// (stdin) or `--data TEXT`. A call with one request takes the whole text as one message (`{}`
/// when nothing is given); a client-streaming call takes one message per non-empty line.
struct RequestSource: Sendable {
    private enum Origin: Sendable {
        case text(String)
        case file(String)
        case standardInput
    }

    private let origin: Origin
    /// The request text of a single-request call; nil for a streaming one.
    let single: String?

    /// The largest request text read for one call: a guard against `--data @/dev/zero`.
    static let maxSingleRequestBytes = 64 << 20

    init(json: String?, data: String?, streaming: Bool) throws(CommandFailure) {
        if let json {
            origin = .text(json)
        } else if let data, data == "-" {
            origin = .standardInput
        } else if let data, data.hasPrefix("@") {
            origin = .file(String(data.dropFirst()))
        } else if let data {
            origin = .text(data)
        } else {
            origin = streaming ? .standardInput : .text("{}")
        }
        single = streaming ? nil : try Self.wholeText(origin)
    }

    /// Calls `body` with each non-empty line, reading stdin lazily so that an interactive bidi
    /// session sends each line as it is typed.
    func forEachLine(_ body: (String) async throws -> Void) async throws {
        switch origin {
        case .text(let text):
            for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) { try await body(String(line)) }
        case .file(let path):
            for line in try Self.wholeText(.file(path)).split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                try await body(String(line))
            }
        case .standardInput:
            while let line = readLine() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                try await body(line)
            }
        }
    }

    private static func wholeText(_ origin: Origin) throws(CommandFailure) -> String {
        let data: Data
        switch origin {
        case .text(let text):
            return text
        case .file(let path):
            guard let read = FileManager.default.contents(atPath: path) else {
                throw .usage("无法读取请求文件 (cannot read) \(path)")
            }
            data = read
        case .standardInput:
            data = (try? FileHandle.standardInput.read(upToCount: maxSingleRequestBytes + 1)) ?? Data()
        }
        guard data.count <= maxSingleRequestBytes else { throw .usage("请求过大 (request larger than 64 MiB)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("请求不是 UTF-8 文本 (request is not UTF-8)", exitCode: CallExitStatus.invalidArgument) }
        return text
    }
}
