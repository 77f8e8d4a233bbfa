// The `jiceng` command: serve, admin, call and the human-friendly subcommands. The commands live
// in JicengCommands; this file only dispatches and turns failures into exit codes.
import Foundation
import JicengCommands

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "--version", "version":
        print("jiceng 0.1.0")
    case "serve":
        try await ServeCommand.run(arguments.dropFirst())
    case "admin":
        try await AdminCommand.run(Array(arguments.dropFirst()))
    case "call":
        try await CallCommand.run(arguments.dropFirst())
    case "list":
        try await ListCommand.run(arguments.dropFirst())
    case "describe":
        try await DescribeCommand.run(arguments.dropFirst())
    case "catalogue":
        try await CatalogueCommand.run(Array(arguments.dropFirst()))
    case "appraisal":
        try await AppraisalCommand.run(Array(arguments.dropFirst()))
    default:
        throw CommandFailure.usage(ServeCommand.usage + "\n" + AdminCommand.usage + "\n" + CallCommand.usage + "\n" + CatalogueCommand.usage + "\n" + AppraisalCommand.usage)
    }
} catch let failure as CommandFailure {
    FileHandle.standardError.write(Data((failure.message + "\n").utf8))
    exit(failure.exitCode)
} catch {
    FileHandle.standardError.write(Data("错误: \(error)\n".utf8))
    exit(1)
}
exit(0)
