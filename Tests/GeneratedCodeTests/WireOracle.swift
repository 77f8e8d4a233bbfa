import Foundation
import ProtoRuntime
import Testing

/// Python's protobuf runtime (in the test venv) as an independent oracle of the wire format; see
/// wire_oracle.py for the protocol. The schema it gets is the descriptors our generated files
/// embed, so this also checks the embedded descriptors.
enum WireOracle {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every embedded file reachable from the corpus, dependencies first.
    static var descriptorSet: [UInt8] {
        var set = Google_Protobuf_FileDescriptorSet()
        var seen: Set<String> = []
        func add(_ file: any EmbeddedFileDescriptor.Type) {
            guard !seen.contains(file.protoFileName) else { return }
            for dependency in file.dependencies { add(dependency) }
            seen.insert(file.protoFileName)
            set.file.append(try! Google_Protobuf_FileDescriptorProto(serializedBytes: file.serializedFileDescriptor))
        }
        for file in corpusFiles { add(file) }
        return set.serializedBytes()
    }

    static let corpusFiles: [any EmbeddedFileDescriptor.Type] = [
        Render_V3_Proto3Types_Proto.self, Render_V2_Proto2Types_Proto.self, Render_Opts_Options_Proto.self,
    ]

    /// Sends `request` (plus the descriptor set) to the oracle and returns its answer.
    static func ask(_ request: [String: Any]) throws -> [String: Any] {
        var request = request
        request["descriptor_set"] = hex(descriptorSet)
        let python = root.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw OracleError("the test venv is missing: run `make venv` in \(root.path)")
        }
        let p = Process()
        p.executableURL = python
        p.arguments = [root.appendingPathComponent("Tests/GeneratedCodeTests/wire_oracle.py").path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: request))
        try input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: answer) as? [String: Any] else {
            throw OracleError("oracle failed: \(String(decoding: stderr, as: UTF8.self))")
        }
        return object
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for b in bytes {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 0xF)])
        }
        return s
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8? = nil
        for c in hex.utf8 {
            let v = c <= UInt8(ascii: "9") ? c - UInt8(ascii: "0") : c - UInt8(ascii: "a") + 10
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}

struct OracleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
