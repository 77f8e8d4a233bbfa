import Foundation
import ProtoRuntime

// One fuzz input exercises one decoder, chosen by its first byte; the rest is the payload. Every
// decoder must either refuse the payload with an error or accept it, and whatever it accepts
// must re-encode stably (encode → decode → encode gives the same bytes). A crash, a sanitizer
// report or a failed `precondition` here is a bug.

let schema: DescriptorPool = {
    let bytes = [UInt8](Data(base64Encoded: embeddedDescriptorSetBase64)!)
    return try! DescriptorPool(serializedFileDescriptorSet: bytes)
}()
let everything = schema.message(named: "jicengtest.Everything")!
let legacy = schema.message(named: "jicengtest.Legacy")!
let transcoder = ProtoJSONTranscoder(pool: schema)
let lenientTranscoder = ProtoJSONTranscoder(pool: schema, options: ProtoJSONOptions(ignoreUnknownFields: true))

/// Runs one input; shared by the libFuzzer entry point and the corpus replayer.
func fuzzOne(_ input: [UInt8]) {
    guard let mode = input.first else { return }
    let payload = Array(input.dropFirst())
    switch mode % 4 {
    case 0:
        // Generated code: descriptor.proto's own types.
        guard let set = try? Google_Protobuf_FileDescriptorSet(serializedBytes: payload) else { return }
        let once = set.serializedBytes()
        precondition(once.count == set.encodedSize())
        let again = try! Google_Protobuf_FileDescriptorSet(serializedBytes: once).serializedBytes()
        precondition(once == again, "FileDescriptorSet re-encoding is not stable")
    case 1:
        // Descriptor-driven binary decoding (what `jiceng call` and the JSON transcoder use).
        let type = payload.first.map { $0 & 1 == 0 ? everything : legacy } ?? everything
        guard let m = try? DynamicMessage(descriptor: type, serializedBytes: payload, pool: schema) else { return }
        let once = m.serializedBytes()
        let again = try! DynamicMessage(descriptor: type, serializedBytes: once, pool: schema).serializedBytes()
        precondition(once == again, "DynamicMessage re-encoding is not stable")
        // Whatever decodes must also survive JSON, unless JSON cannot express it (out-of-range
        // timestamps, unknown Any types…), which must be an error, not a crash.
        if let json = try? transcoder.jsonString(from: m) {
            let back = try! transcoder.binary(fromJSONString: json, messageName: type.fullName)
            let json2 = try! transcoder.jsonString(fromBinary: back, messageName: type.fullName)
            precondition(json == json2, "JSON round trip is not stable: \(json) then \(json2)")
        }
    default:
        // proto3 JSON text.
        let text = String(decoding: payload, as: UTF8.self)
        let t = mode % 4 == 2 ? transcoder : lenientTranscoder
        guard let bytes = try? t.binary(fromJSONString: text, messageName: "jicengtest.Everything") else { return }
        let json = try! t.jsonString(fromBinary: bytes, messageName: "jicengtest.Everything")
        let again = try! t.binary(fromJSONString: json, messageName: "jicengtest.Everything")
        precondition(bytes == again, "JSON → binary → JSON → binary is not stable")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`, and libFuzzer brings its own `main`
/// (hence `--allow-multiple-definition` in the build command). Whichever the linker keeps starts
/// the same libFuzzer driver over `LLVMFuzzerTestOneInput`.
@_cdecl("jiceng_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in LLVMFuzzerTestOneInput(data, size) }
}
#else
/// Without libFuzzer: replays the files (or directories of files) given as arguments, so a crash
/// the fuzzer found can be rerun and debugged in an ordinary build.
@main
enum CorpusReplayer {
    static func main() throws {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                fuzzOne([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
#endif
