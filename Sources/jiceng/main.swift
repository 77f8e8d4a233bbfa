// The `jiceng` command: serve, admin, call and the human-friendly subcommands.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "--version", "version":
    print("jiceng 0.1.0")
default:
    FileHandle.standardError.write(Data("用法: jiceng serve|admin|call …（服务器尚在建设中）\n".utf8))
    exit(64)
}
