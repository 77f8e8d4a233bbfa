// jiceng-protoc: our protobuf compiler, with protoc's flag spelling.
//
//   jiceng-protoc -I DIR … [--descriptor_set_out=F] [--include_imports] [--include_source_info]
//                 [--swift_out=[OPTS:]DIR] [--swift_opt=OPT]… FILES…
//
// Errors go to stderr as `path/file.proto:LINE:COL: message`, and the exit status is 1.
import Foundation
import ProtocCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

var importPaths: [String] = []
var inputs: [String] = []
var descriptorSetOut: String?
var includeImports = false
var includeSourceInfo = false
var swiftOut: String?
var swiftOptions: [String] = []
var compatibility = ProtocCompatibility.protoc321

var arguments = CommandLine.arguments.dropFirst()[...]
while let argument = arguments.popFirst() {
    /// The value of `--flag=value` or `--flag value`.
    func value(_ flag: String) -> String {
        if argument.hasPrefix(flag + "=") { return String(argument.dropFirst(flag.count + 1)) }
        if argument == flag, let next = arguments.popFirst() { return next }
        fail("Missing value for flag: \(flag)")
    }
    if argument == "-I" || argument == "-o" {
        guard let next = arguments.popFirst() else { fail("Missing value for flag: \(argument)") }
        if argument == "-I" { importPaths.append(next) } else { descriptorSetOut = next }
    } else if argument.hasPrefix("-I") {
        importPaths.append(String(argument.dropFirst(2)))
    } else if argument.hasPrefix("-o") {
        descriptorSetOut = String(argument.dropFirst(2))
    } else if argument.hasPrefix("--proto_path") {
        importPaths.append(value("--proto_path"))
    } else if argument.hasPrefix("--descriptor_set_out") {
        descriptorSetOut = value("--descriptor_set_out")
    } else if argument == "--include_imports" {
        includeImports = true
    } else if argument == "--include_source_info" {
        includeSourceInfo = true
    } else if argument.hasPrefix("--swift_out") {
        // protoc's `--x_out=OPTIONS:DIR` form carries options too.
        let spec = value("--swift_out")
        if let colon = spec.lastIndex(of: ":") {
            swiftOptions.append(String(spec[..<colon]))
            swiftOut = String(spec[spec.index(after: colon)...])
        } else {
            swiftOut = spec
        }
    } else if argument.hasPrefix("--swift_opt") {
        swiftOptions.append(value("--swift_opt"))
    } else if argument.hasPrefix("--protoc_compat") {
        // Not a protoc flag: which protoc to imitate where versions differ (3.21 or grpcio-tools).
        let name = value("--protoc_compat")
        guard let chosen = ProtocCompatibility(rawValue: name) else {
            fail("--protoc_compat must be one of: \(ProtocCompatibility.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        compatibility = chosen
    } else if argument == "--version" {
        print("jiceng-protoc (protoc 3.21 compatible)")
        exit(0)
    } else if argument.hasPrefix("-") {
        fail("Unknown flag: \(argument)")
    } else {
        inputs.append(argument)
    }
}

if inputs.isEmpty { fail("Missing input file.") }
if descriptorSetOut == nil && swiftOut == nil { fail("Missing output directives.") }

let compiled: CompiledFiles
do {
    compiled = try Compiler(importPaths: importPaths.flatMap { $0.split(separator: ":").map(String.init) }, compatibility: compatibility)
        .compile(files: inputs)
} catch {
    fail(error.description)
}

for warning in compiled.warnings {
    FileHandle.standardError.write(Data((warning.description + "\n").utf8))
}

if let descriptorSetOut {
    let bytes = compiled.descriptorSet(includeImports: includeImports, includeSourceInfo: includeSourceInfo)
    // Written in place (open, truncate, write) like protoc does, never by rename: an atomic
    // replace would turn `--descriptor_set_out=/dev/null` into a regular file.
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: descriptorSetOut))
    } catch {
        fail("\(descriptorSetOut): Could not write file.")
    }
}

if let swiftOut {
    do {
        let options = try SwiftRenderOptions(parameter: swiftOptions.joined(separator: ","))
        let generated = try SwiftRenderer(options).render(
            files: try compiled.fileDescriptorProtos(includeSourceInfo: true), generate: Set(compiled.requested))
        for file in generated {
            let url = URL(fileURLWithPath: swiftOut).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
    } catch {
        fail("--swift_out: \(error)")
    }
}
