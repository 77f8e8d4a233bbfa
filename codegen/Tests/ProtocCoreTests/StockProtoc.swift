import Foundation

/// Runs Debian's stock `protoc` (the oracle our compiler must match byte for byte).
enum StockProtoc {
    static let path: String? = ["/usr/bin/protoc", "/usr/local/bin/protoc"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Output {
        var status: Int32
        var descriptorSet: [UInt8]
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Output {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("protoc-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments + ["--descriptor_set_out=\(out.path)"]
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let bytes = (try? Data(contentsOf: out)).map { [UInt8]($0) } ?? []
        return Output(status: process.terminationStatus, descriptorSet: bytes, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A descriptor set as protoc's text format, for readable diffs.
    static func decode(_ bytes: [UInt8]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["--decode=google.protobuf.FileDescriptorSet", "-I/usr/include", "google/protobuf/descriptor.proto"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "<cannot run protoc --decode: \(error)>" }
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The first lines where two texts differ, with a little context.
    static func diff(_ expected: String, _ actual: String, limit: Int = 12) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(a.count, b.count) where lines.count < limit {
            let x = i < a.count ? String(a[i]) : "<none>"
            let y = i < b.count ? String(b[i]) : "<none>"
            if x != y { lines.append("line \(i + 1):\n  protoc: \(x)\n  ours:   \(y)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// The corpus of .proto files next to this test file.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    /// Relative paths of the .proto files under `subdirectory` (recursively, skipping Errors/
    /// unless asked for).
    static func files(under subdirectory: String = "") -> [String] {
        let root = subdirectory.isEmpty ? directory : directory + "/" + subdirectory
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            guard item.hasSuffix(".proto") else { continue }
            if subdirectory.isEmpty && item.hasPrefix("Errors/") { continue }
            result.append(subdirectory.isEmpty ? item : subdirectory + "/" + item)
        }
        return result.sorted()
    }
}
