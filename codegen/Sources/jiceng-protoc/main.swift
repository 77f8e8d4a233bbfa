// jiceng-protoc: our protobuf compiler, with protoc's flag spelling.
//
//   jiceng-protoc -I DIR … [--descriptor_set_out=F] [--include_imports] [--include_source_info]
//                 [--swift_out=DIR] [--swift_opt=KEY=VALUE …] FILES…
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

var arguments = CommandLine.arguments.dropFirst()[...]
while let argument = arguments.popFirst() {
    func value(_ flag: String) -> String {
        if argument.hasPrefix(flag + "=") { return String(argument.dropFirst(flag.count + 1)) }
        if argument == flag, let next = arguments.popFirst() { return next }
        fail("Missing value for flag: \(flag)")
    }
    if argument == "-I" || argument.hasPrefix("-I") && !argument.hasPrefix("--") {
        if argument == "-I" {
            guard let next = arguments.popFirst() else { fail("Missing value for flag: -I") }
            importPaths.append(next)
        } else {
            importPaths.append(String(argument.dropFirst(2)))
        }
    } else if argument.hasPrefix("--proto_path") {
        importPaths.append(value("--proto_path"))
    } else if argument.hasPrefix("--descriptor_set_out") || argument.hasPrefix("-o") && !argument.hasPrefix("--") {
        descriptorSetOut = argument.hasPrefix("-o") ? String(argument.dropFirst(2)) : value("--descriptor_set_out")
    } else if argument.hasPrefix("--swift_out") {
        swiftOut = value("--swift_out")
    } else if argument.hasPrefix("--swift_opt") {
        swiftOptions.append(value("--swift_opt"))
    } else if argument == "--include_imports" {
        includeImports = true
    } else if argument == "--include_source_info" {
        includeSourceInfo = true
    } else if argument.hasPrefix("-") {
        fail("Unknown flag: \(argument)")
    } else {
        inputs.append(argument)
    }
}

if inputs.isEmpty { fail("Missing input file.") }

do {
    let compiled = try Compiler(importPaths: importPaths.flatMap { $0.split(separator: ":").map(String.init) }).compile(files: inputs)
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
        try writeSwift(compiled, to: swiftOut, options: swiftOptions)
    }
} catch let error as CompileErrors {
    fail(error.description)
} catch {
    fail("\(error)")
}

/// Renders the requested files (not their imports) as Swift under `directory`, writing only files
/// whose contents changed so that incremental builds stay incremental.
func writeSwift(_ compiled: CompiledFiles, to directory: String, options: [String]) throws {
    let renderer = SwiftRenderer(
        try SwiftRenderOptions(parameter: options.joined(separator: ",")), serviceRenderer: ServiceGenerator())
    let set = compiled.descriptorSet(includeImports: true, includeSourceInfo: true)
    for file in try renderer.render(descriptorSet: set, generate: Set(compiled.requested)) {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
        let data = Data(file.contents.utf8)
        if (try? Data(contentsOf: url)) == data { continue }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
