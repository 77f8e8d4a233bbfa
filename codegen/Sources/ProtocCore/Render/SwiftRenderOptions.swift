/// Options of the Swift renderer, spelled on the command line as `--swift_opt=Key=Value,Key=Value`.
public struct SwiftRenderOptions: Sendable, Hashable {
    /// Where a generated file goes relative to the output directory.
    public enum FileNaming: String, Sendable, Hashable {
        /// `jiceng/v1/task.proto` → `jiceng/v1/task.pb.swift` (the default: mirrors the proto tree).
        case fullPath = "FullPath"
        /// `jiceng/v1/task.proto` → `jiceng_v1_task.pb.swift` (one flat directory, no collisions).
        case pathToUnderscores = "PathToUnderscores"
        /// `jiceng/v1/task.proto` → `task.pb.swift`.
        case dropPath = "DropPath"
    }

    /// Access level of generated declarations.
    public enum Visibility: String, Sendable, Hashable {
        case `public` = "Public"
        case `internal` = "Internal"
        case `package` = "Package"
    }

    public var fileNaming: FileNaming = .fullPath
    public var visibility: Visibility = .public
    /// Which Swift module holds the types of a .proto file, by the longest matching path prefix.
    /// Files matching no prefix belong to `defaultModule`.
    public var moduleMappings: [String: String] = ["google/protobuf/": "ProtoRuntime"]
    public var defaultModule: String = "JicengAPI"
    /// The module with the protobuf runtime; generated files import it unless they are part of it.
    public var runtimeModule: String = "ProtoRuntime"
    /// Embed each file's serialized `FileDescriptorProto` (needed by reflection and JSON).
    public var embedDescriptors: Bool = true

    public init() {}

    /// Parses protoc-style parameters: `Key=Value` pairs separated by commas.
    /// Keys: `FileNaming`, `Visibility`, `DefaultModule`, `RuntimeModule`, `EmbedDescriptors`
    /// (`true`/`false`) and `ModuleMapping` (`path/prefix/=Module`, repeatable).
    public init(parameter: String) throws(SwiftRenderError) {
        self.init()
        for item in parameter.split(separator: ",") where !item.isEmpty {
            guard let eq = item.firstIndex(of: "=") else {
                throw SwiftRenderError("option '\(item)' is not Key=Value")
            }
            let key = item[..<eq].trimmingSpaces
            let value = item[item.index(after: eq)...].trimmingSpaces
            switch key {
            case "FileNaming":
                guard let v = FileNaming(rawValue: value) else {
                    throw SwiftRenderError("FileNaming must be FullPath, PathToUnderscores or DropPath, not '\(value)'")
                }
                fileNaming = v
            case "Visibility":
                guard let v = Visibility(rawValue: value) else {
                    throw SwiftRenderError("Visibility must be Public, Internal or Package, not '\(value)'")
                }
                visibility = v
            case "DefaultModule": defaultModule = value
            case "RuntimeModule": runtimeModule = value
            case "EmbedDescriptors":
                guard value == "true" || value == "false" else {
                    throw SwiftRenderError("EmbedDescriptors must be true or false, not '\(value)'")
                }
                embedDescriptors = value == "true"
            case "ModuleMapping":
                guard let sep = value.lastIndex(of: "=") else {
                    throw SwiftRenderError("ModuleMapping must be path/prefix/=Module, not '\(value)'")
                }
                moduleMappings[String(value[..<sep])] = String(value[value.index(after: sep)...])
            default:
                throw SwiftRenderError("unknown Swift option '\(key)'")
            }
        }
    }

    /// The module that holds the types of `protoFile`.
    func module(of protoFile: String) -> String {
        var best: (prefix: String, module: String)? = nil
        for (prefix, module) in moduleMappings where protoFile.hasPrefix(prefix) {
            if best == nil || prefix.count > best!.prefix.count { best = (prefix, module) }
        }
        return best?.module ?? defaultModule
    }

    /// The output path of the Swift file generated for `protoFile`.
    func outputPath(of protoFile: String) -> String {
        var base = protoFile
        if base.hasSuffix(".proto") { base.removeLast(".proto".count) }
        switch fileNaming {
        case .fullPath: break
        case .pathToUnderscores: base = base.replacingAll("/", with: "_")
        case .dropPath: base = String(base.split(separator: "/").last ?? Substring(base))
        }
        return base + ".pb.swift"
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
