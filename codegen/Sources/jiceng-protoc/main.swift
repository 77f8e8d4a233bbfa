// jiceng-protoc: our protobuf compiler, with protoc's flag spelling.
//
//   jiceng-protoc -I DIR … [--descriptor_set_out=F] [--include_imports] [--include_source_info]
//                 [--swift_out=[OPTS:]DIR] [--swift_opt=OPT]…
//                 [--lint [--lint_scope=PACKAGE_PREFIX]] [--against=RELEASED_DESCRIPTOR_SET] FILES…
//
// Errors go to stderr as `path/file.proto:LINE:COL: message`, and the exit status is 1.
// --lint checks the API conventions (ProtocCore/Lint) and --against refuses breaking changes
// (ProtocCore/Compatibility); either prints one line per problem and exits 1 when there are any.
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
var lint = false
var lintScope = "jiceng."
var against: String?

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
    } else if argument == "--lint" {
        lint = true
    } else if argument.hasPrefix("--lint_scope") {
        lintScope = value("--lint_scope")
    } else if argument.hasPrefix("--against") {
        against = value("--against")
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
if descriptorSetOut == nil && swiftOut == nil && !lint && against == nil { fail("Missing output directives.") }

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
        let generated = try SwiftRenderer(options, serviceRenderer: ServiceGenerator()).render(
            files: try compiled.fileDescriptorProtos(includeSourceInfo: true), generate: Set(compiled.requested))
        for file in generated {
            // Only changed files are rewritten, so that incremental builds stay incremental.
            let url = URL(fileURLWithPath: swiftOut).appendingPathComponent(file.path)
            let data = Data(file.contents.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    } catch {
        fail("--swift_out: \(error)")
    }
}

var problems: [String] = []
if lint {
    problems += compiled.lint(scope: lintScope).map(\.description)
}
if let against {
    guard let data = FileManager.default.contents(atPath: against),
          let changes = try? compiled.breakingChanges(sinceDescriptorSet: [UInt8](data)) else {
        fail("\(against): Could not read a FileDescriptorSet.")
    }
    problems += changes.map(\.description)
}
if !problems.isEmpty { fail(problems.joined(separator: "\n")) }
