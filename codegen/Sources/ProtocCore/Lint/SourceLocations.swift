import ProtoRuntime

/// A file's `SourceCodeInfo`, looked up by path: where a declaration starts and the comment
/// written above it.
struct SourceLocations {
    private var byPath: [[Int32]: Google_Protobuf_SourceCodeInfo.Location] = [:]

    init(_ file: Google_Protobuf_FileDescriptorProto) {
        for location in file.sourceCodeInfo.location where byPath[location.path] == nil {
            byPath[location.path] = location
        }
    }

    /// The 0-based line and column where the declaration at `path` starts, if known.
    func start(of path: [Int32]) -> (line: Int, column: Int)? {
        guard let span = byPath[path]?.span, span.count >= 3 else { return nil }
        return (Int(span[0]), Int(span[1]))
    }

    /// Whether the declaration at `path` has a non-empty comment directly above it.
    func hasLeadingComment(_ path: [Int32]) -> Bool {
        guard let location = byPath[path] else { return false }
        return location.hasLeadingComments
            && !location.leadingComments.allSatisfy { $0.isWhitespace }
    }
}
