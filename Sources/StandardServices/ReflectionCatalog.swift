import ProtoRuntime

/// The schema the server can describe: every embedded .proto file reachable from the registered
/// services, indexed by file name, by fully qualified symbol and by extension, as server
/// reflection needs it.
public struct ReflectionCatalog: Sendable {
    struct File: Sendable {
        var serialized: [UInt8]
        var dependencies: [String]
    }

    private(set) var files: [String: File] = [:]
    /// Fully qualified symbol (message, enum, service, method, extension, field) → file name.
    private(set) var symbols: [String: String] = [:]
    /// Extended message (full name) → extension number → file name.
    private(set) var extensions: [String: [Int32: String]] = [:]

    /// Indexes `roots` and everything they import.
    public init(_ roots: [any EmbeddedFileDescriptor.Type]) {
        for root in roots { add(root) }
    }

    private mutating func add(_ root: any EmbeddedFileDescriptor.Type) {
        var pending: [any EmbeddedFileDescriptor.Type] = [root]
        while let file = pending.popLast() {
            let fileName = file.protoFileName
            guard files[fileName] == nil else { continue }
            let serialized = file.serializedFileDescriptor
            let dependencies: [any EmbeddedFileDescriptor.Type] = file.dependencies
            files[fileName] = File(serialized: serialized, dependencies: dependencies.map { $0.protoFileName })
            pending.append(contentsOf: dependencies)
            if let proto = try? Google_Protobuf_FileDescriptorProto(serializedBytes: serialized) {
                index(proto)
            }
        }
    }

    private mutating func index(_ proto: Google_Protobuf_FileDescriptorProto) {
        let name = proto.name
        let prefix = proto.package.isEmpty ? "" : proto.package + "."
        for message in proto.messageType { index(message, prefix: prefix, file: name) }
        for e in proto.enumType { symbols[prefix + e.name] = name }
        for service in proto.service {
            symbols[prefix + service.name] = name
            for method in service.method { symbols[prefix + service.name + "." + method.name] = name }
        }
        for x in proto.extension { indexExtension(x, scope: prefix, file: name) }
    }

    private mutating func index(_ message: Google_Protobuf_DescriptorProto, prefix: String, file: String) {
        let full = prefix + message.name
        symbols[full] = file
        for field in message.field { symbols[full + "." + field.name] = file }
        for nested in message.nestedType { index(nested, prefix: full + ".", file: file) }
        for e in message.enumType { symbols[full + "." + e.name] = file }
        for x in message.extension { indexExtension(x, scope: full + ".", file: file) }
    }

    private mutating func indexExtension(_ field: Google_Protobuf_FieldDescriptorProto, scope: String, file: String) {
        symbols[scope + field.name] = file
        let extendee = String(field.extendee.drop { $0 == "." })
        extensions[extendee, default: [:]][field.number] = file
    }

    public func hasFile(_ name: String) -> Bool { files[name] != nil }

    /// The file defining `symbol`, if known.
    public func file(containingSymbol symbol: String) -> String? {
        symbols[symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol]
    }

    public func file(containingExtension number: Int32, of type: String) -> String? {
        extensions[type]?[number]
    }

    /// Every extension number known for a message type (sorted), or nil for an unknown type.
    public func extensionNumbers(of type: String) -> [Int32]? {
        guard symbols[type] != nil else { return nil }
        return (extensions[type] ?? [:]).keys.sorted()
    }

    /// `name` and its transitive imports, the file itself first, each once, leaving out those in
    /// `alreadySent` (clients cache what a stream already delivered).
    public func fileWithDependencies(_ name: String, alreadySent: inout Set<String>) -> [[UInt8]]? {
        guard files[name] != nil else { return nil }
        var out: [[UInt8]] = []
        var stack = [name]
        while let next = stack.popLast() {
            guard let file = files[next], alreadySent.insert(next).inserted else { continue }
            out.append(file.serialized)
            stack.append(contentsOf: file.dependencies.reversed())
        }
        return out
    }
}
