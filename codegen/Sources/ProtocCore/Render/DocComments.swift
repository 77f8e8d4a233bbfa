import ProtoRuntime

/// The comments protoc recorded in a file's `SourceCodeInfo`, found by descriptor path
/// (`[4, 0, 2, 1]` = first message, second field), rendered as `///` doc comments.
struct DocComments {
    private var byPath: [[Int32]: String] = [:]

    init(file: Google_Protobuf_FileDescriptorProto) {
        for location in file.sourceCodeInfo.location {
            let text = location.hasLeadingComments ? location.leadingComments : location.trailingComments
            if !text.isEmpty { byPath[location.path] = text }
        }
    }

    /// `///` lines for the element at `path` (none when it has no comment).
    func lines(_ path: [Int32]) -> [String] {
        guard let text = byPath[path] else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
        while lines.first?.allSatisfy({ $0 == " " }) == true { lines.removeFirst() }
        return lines.map { line in
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            return trimmed.isEmpty ? "///" : "///" + (trimmed.hasPrefix(" ") ? "" : " ") + trimmed
        }
    }

    func emit(_ path: [Int32], into w: inout SourceWriter) {
        for line in lines(path) { w.line(line) }
    }
}
