import ProtoRuntime

/// Everything the generators need to know about the types of all input files: Swift names,
/// syntax-dependent semantics and the whole-program properties (recursion, required fields).
struct DescriptorIndex {
    struct MessageInfo {
        let descriptor: Google_Protobuf_DescriptorProto
        /// `jiceng.v1.Task.Location` (no leading dot).
        let fullName: String
        /// `Jiceng_V1_Task.Location`.
        let swiftName: String
        let fileName: String
        let isProto3: Bool
        /// The message reaches itself through singular message fields, so its fields live in a
        /// copy-on-write storage class (a struct cannot contain itself).
        var usesStorage = false
        /// The message or something it contains has proto2 `required` fields.
        var needsInitializationCheck = false
        var isMapEntry: Bool { descriptor.options.mapEntry }
    }

    struct EnumInfo {
        let descriptor: Google_Protobuf_EnumDescriptorProto
        let fullName: String
        let swiftName: String
        let fileName: String
        /// proto2 enums are closed: unknown numbers are not values of the enum.
        let isClosed: Bool

        /// The Swift case for the value named `valueName`; aliases resolve to their first case.
        func caseName(ofValue valueName: String) -> String? {
            guard let value = descriptor.value.first(where: { $0.name == valueName }) else { return nil }
            let first = descriptor.value.first { $0.number == value.number }!
            return SwiftNaming.enumCaseName(first.name, enumName: descriptor.name)
        }

        /// The first declared value's case: the enum's default.
        var defaultCaseName: String {
            SwiftNaming.enumCaseName(descriptor.value.first?.name ?? "", enumName: descriptor.name)
        }
    }

    /// Keyed by fully qualified name with a leading dot, as `type_name` spells it.
    private(set) var messages: [String: MessageInfo] = [:]
    private(set) var enums: [String: EnumInfo] = [:]
    let files: [String: Google_Protobuf_FileDescriptorProto]
    let options: SwiftRenderOptions

    init(files: [Google_Protobuf_FileDescriptorProto], options: SwiftRenderOptions) throws(SwiftRenderError) {
        self.options = options
        var byName: [String: Google_Protobuf_FileDescriptorProto] = [:]
        for file in files { byName[file.name] = file }
        self.files = byName
        for file in files {
            switch file.syntax {
            case "", "proto2", "proto3": break
            default: throw SwiftRenderError("\(file.name): syntax '\(file.syntax)' is not supported (only proto2 and proto3)")
            }
            let prefix = SwiftNaming.typePrefix(
                package: file.package, swiftPrefix: file.options.hasSwiftPrefix ? file.options.swiftPrefix : nil)
            let scope = file.package.isEmpty ? "" : file.package
            for m in file.messageType {
                register(m, scope: scope, swiftName: Self.topLevelName(prefix, m.name, isEnum: false), file: file)
            }
            for e in file.enumType {
                register(e, scope: scope, swiftName: Self.topLevelName(prefix, e.name, isEnum: true), file: file)
            }
        }
        computeStorage()
        computeInitializationChecks()
    }

    private static func topLevelName(_ prefix: String, _ name: String, isEnum: Bool) -> String {
        prefix.isEmpty ? SwiftNaming.nestedTypeName(name, isEnum: isEnum) : prefix + name
    }

    private mutating func register(
        _ m: Google_Protobuf_DescriptorProto, scope: String, swiftName: String, file: Google_Protobuf_FileDescriptorProto
    ) {
        let fullName = scope.isEmpty ? m.name : scope + "." + m.name
        messages["." + fullName] = MessageInfo(
            descriptor: m, fullName: fullName, swiftName: swiftName, fileName: file.name,
            isProto3: file.syntax == "proto3")
        for nested in m.nestedType {
            register(nested, scope: fullName, swiftName: swiftName + "." + SwiftNaming.nestedTypeName(nested.name, isEnum: false), file: file)
        }
        for e in m.enumType {
            register(e, scope: fullName, swiftName: swiftName + "." + SwiftNaming.nestedTypeName(e.name, isEnum: true), file: file)
        }
    }

    private mutating func register(
        _ e: Google_Protobuf_EnumDescriptorProto, scope: String, swiftName: String, file: Google_Protobuf_FileDescriptorProto
    ) {
        let fullName = scope.isEmpty ? e.name : scope + "." + e.name
        enums["." + fullName] = EnumInfo(
            descriptor: e, fullName: fullName, swiftName: swiftName, fileName: file.name,
            isClosed: file.syntax != "proto3")
    }

    func message(_ typeName: String) throws(SwiftRenderError) -> MessageInfo {
        guard let m = messages[typeName] else { throw SwiftRenderError("unknown message type '\(typeName)'") }
        return m
    }

    func enumeration(_ typeName: String) throws(SwiftRenderError) -> EnumInfo {
        guard let e = enums[typeName] else { throw SwiftRenderError("unknown enum type '\(typeName)'") }
        return e
    }

    /// Message types held by value in a singular field (including oneof members): the edges
    /// along which a struct would contain another struct.
    private func singularMessageEdges(_ m: MessageInfo) -> [String] {
        m.descriptor.field.compactMap { f in
            guard f.label != .repeated, f.type == .message || f.type == .group else { return nil }
            return f.typeName
        }
    }

    private mutating func computeStorage() {
        for (name, info) in messages {
            // Depth-first search for a path back to `name`.
            var seen: Set<String> = []
            var stack = singularMessageEdges(info)
            var recursive = false
            while let next = stack.popLast() {
                if next == name { recursive = true; break }
                guard seen.insert(next).inserted, let m = messages[next] else { continue }
                stack.append(contentsOf: singularMessageEdges(m))
            }
            messages[name]!.usesStorage = recursive
        }
    }

    private mutating func computeInitializationChecks() {
        for (name, info) in messages where info.descriptor.field.contains(where: { $0.label == .required }) {
            messages[name]!.needsInitializationCheck = true
        }
        // Propagate to containers until nothing changes (cycles terminate: flags only turn on).
        var changed = true
        while changed {
            changed = false
            for (name, info) in messages where !info.needsInitializationCheck {
                let contains = info.descriptor.field.contains { f in
                    guard f.type == .message || f.type == .group else { return false }
                    return messages[f.typeName]?.needsInitializationCheck ?? false
                }
                if contains {
                    messages[name]!.needsInitializationCheck = true
                    changed = true
                }
            }
        }
    }

    /// The Swift name of the message or enum `typeName` (`.pkg.Name`).
    func swiftTypeName(_ typeName: String) -> String {
        messages[typeName]?.swiftName ?? enums[typeName]?.swiftName ?? "<unknown \(typeName)>"
    }
}
