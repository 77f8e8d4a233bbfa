/// A set of `.proto` files' types, looked up by full name: the type registry for descriptor-driven
/// work (proto3 JSON, `Any`, the `jiceng call` client, which learns descriptors by server
/// reflection).
///
/// A pool is immutable once built. Generated code embeds each file's serialized
/// `FileDescriptorProto`, so a pool for generated types is `DescriptorPool(serializedFiles:)` over
/// those blobs; `adding(_:)` makes a larger pool without touching the original.
public final class DescriptorPool: Sendable {
    /// The files, in the order they were added.
    public let files: [Google_Protobuf_FileDescriptorProto]
    private let messages: [String: MessageDescriptor]
    private let enums: [String: EnumDescriptor]
    private let services: [String: [ServiceMethodDescriptor]]

    /// Why a set of files cannot form a pool.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Builds a pool from parsed files. Every message and enum a field refers to must be in them.
    public init(files: [Google_Protobuf_FileDescriptorProto]) throws(DescriptorPool.Error) {
        var seenFiles: [String: Google_Protobuf_FileDescriptorProto] = [:]
        var unique: [Google_Protobuf_FileDescriptorProto] = []
        for f in files {
            if let existing = seenFiles[f.name] {
                // The same file twice (e.g. a shared import) is fine; two different files of one name are not.
                if existing != f { throw Error(description: "two different files named \(f.name)") }
                continue
            }
            seenFiles[f.name] = f
            unique.append(f)
        }
        self.files = unique

        // First pass: collect message prototypes (to know which are map entries) and enums.
        var protos: [String: (Google_Protobuf_DescriptorProto, file: Google_Protobuf_FileDescriptorProto)] = [:]
        var enums: [String: EnumDescriptor] = [:]
        func collect(_ message: Google_Protobuf_DescriptorProto, scope: String, file: Google_Protobuf_FileDescriptorProto) throws(DescriptorPool.Error) {
            let name = scope.isEmpty ? message.name : scope + "." + message.name
            guard protos[name] == nil else { throw Error(description: "\(name) is defined twice") }
            protos[name] = (message, file)
            for nested in message.nestedType { try collect(nested, scope: name, file: file) }
            for e in message.enumType { try collectEnum(e, scope: name, file: file) }
        }
        func collectEnum(_ e: Google_Protobuf_EnumDescriptorProto, scope: String, file: Google_Protobuf_FileDescriptorProto) throws(DescriptorPool.Error) {
            let name = scope.isEmpty ? e.name : scope + "." + e.name
            guard enums[name] == nil else { throw Error(description: "\(name) is defined twice") }
            let closed = file.syntax != "proto3" && file.syntax != "editions"
            enums[name] = EnumDescriptor(fullName: name, proto: e, isClosed: closed)
        }
        for file in unique {
            for m in file.messageType { try collect(m, scope: file.package, file: file) }
            for e in file.enumType { try collectEnum(e, scope: file.package, file: file) }
        }

        // Second pass: build descriptors with resolved field kinds.
        var messages: [String: MessageDescriptor] = [:]
        for (name, (proto, file)) in protos {
            let isProto3 = file.syntax == "proto3"
            var fields: [FieldDescriptor] = []
            for f in proto.field {
                let typeName = f.typeName.hasPrefix(".") ? String(f.typeName.dropFirst()) : f.typeName
                var mapEntry: Google_Protobuf_DescriptorProto? = nil
                switch f.type {
                case .message, .group:
                    guard let target = protos[typeName] else {
                        throw Error(description: "\(name).\(f.name): unknown type \(f.typeName)")
                    }
                    if f.label == .repeated && target.0.options.mapEntry { mapEntry = target.0 }
                case .enum:
                    guard enums[typeName] != nil else {
                        throw Error(description: "\(name).\(f.name): unknown enum \(f.typeName)")
                    }
                default: break
                }
                fields.append(FieldDescriptor(proto: f, isProto3: isProto3, mapEntry: mapEntry))
            }
            let oneofs = proto.oneofDecl.enumerated().map { index, decl in
                let members = proto.field.filter { $0.hasOneofIndex && Int($0.oneofIndex) == index }
                return OneofDescriptor(
                    name: decl.name, fieldNumbers: members.map { Int($0.number) },
                    isSynthetic: members.count == 1 && members[0].proto3Optional)
            }
            messages[name] = MessageDescriptor(fullName: name, fileName: file.name, proto: proto, fields: fields, oneofs: oneofs)
        }
        self.messages = messages
        self.enums = enums

        var services: [String: [ServiceMethodDescriptor]] = [:]
        for file in unique {
            for service in file.service {
                let serviceName = file.package.isEmpty ? service.name : file.package + "." + service.name
                var methods: [ServiceMethodDescriptor] = []
                for m in service.method {
                    let input = m.inputType.hasPrefix(".") ? String(m.inputType.dropFirst()) : m.inputType
                    let output = m.outputType.hasPrefix(".") ? String(m.outputType.dropFirst()) : m.outputType
                    guard let i = messages[input], let o = messages[output] else {
                        throw Error(description: "\(serviceName).\(m.name): unknown request or response type")
                    }
                    methods.append(ServiceMethodDescriptor(
                        serviceName: serviceName, name: m.name, input: i, output: o,
                        clientStreaming: m.clientStreaming, serverStreaming: m.serverStreaming))
                }
                services[serviceName] = methods
            }
        }
        self.services = services
    }

    /// Builds a pool from a serialized `FileDescriptorSet` (what `protoc --descriptor_set_out`
    /// writes).
    public convenience init(serializedFileDescriptorSet bytes: [UInt8]) throws {
        let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
        try self.init(files: set.file)
    }

    /// Builds a pool from serialized `FileDescriptorProto`s (what generated code embeds and server
    /// reflection returns).
    public convenience init(serializedFiles: [[UInt8]]) throws {
        var files: [Google_Protobuf_FileDescriptorProto] = []
        for bytes in serializedFiles { files.append(try Google_Protobuf_FileDescriptorProto(serializedBytes: bytes)) }
        try self.init(files: files)
    }

    /// Builds a pool from files compiled into this program (generated `…_Proto` enums) and,
    /// transitively, the files they import.
    public convenience init(embedded roots: [any EmbeddedFileDescriptor.Type]) throws {
        var seen: Set<String> = []
        var ordered: [[UInt8]] = []
        // Dependencies first, so every file follows the files it imports.
        func visit(_ file: any EmbeddedFileDescriptor.Type) {
            guard seen.insert(file.protoFileName).inserted else { return }
            for dependency in file.dependencies { visit(dependency) }
            ordered.append(file.serializedFileDescriptor)
        }
        for root in roots { visit(root) }
        try self.init(serializedFiles: ordered)
    }

    /// The well-known types this runtime compiles in (Any, Timestamp, Duration, FieldMask,
    /// Struct, wrappers, Empty, descriptor.proto): enough for JSON of those types, and the base
    /// to which generated files add their own with `adding(_:)`.
    public static let wellKnownTypes: DescriptorPool = {
        do {
            return try DescriptorPool(embedded: [
                Google_Protobuf_Any_Proto.self, Google_Protobuf_Descriptor_Proto.self, Google_Protobuf_Duration_Proto.self,
                Google_Protobuf_Empty_Proto.self, Google_Protobuf_FieldMask_Proto.self, Google_Protobuf_Struct_Proto.self,
                Google_Protobuf_Timestamp_Proto.self, Google_Protobuf_Wrappers_Proto.self,
            ])
        } catch {
            // The embedded files are generated from the same sources as this module; a failure
            // is a build defect, not a run-time condition.
            preconditionFailure("embedded well-known types do not form a pool: \(error)")
        }
    }()

    /// A new pool holding this pool's files and `more`.
    public func adding(_ more: [Google_Protobuf_FileDescriptorProto]) throws(DescriptorPool.Error) -> DescriptorPool {
        try DescriptorPool(files: files + more)
    }

    /// A new pool holding this pool's files and the embedded files `roots` (with their imports).
    public func adding(embedded roots: [any EmbeddedFileDescriptor.Type]) throws -> DescriptorPool {
        try DescriptorPool(files: files + DescriptorPool(embedded: roots).files)
    }

    /// The message type named `fullName` (a leading dot is allowed).
    public func message(named fullName: String) -> MessageDescriptor? {
        messages[fullName.hasPrefix(".") ? String(fullName.dropFirst()) : fullName]
    }

    /// The enum type named `fullName` (a leading dot is allowed).
    public func enumType(named fullName: String) -> EnumDescriptor? {
        enums[fullName.hasPrefix(".") ? String(fullName.dropFirst()) : fullName]
    }

    /// The message type an `Any` type URL names (`type.googleapis.com/jiceng.v1.Task`).
    public func message(forTypeURL url: String) -> MessageDescriptor? {
        guard let slash = url.lastIndex(of: "/") else { return message(named: url) }
        return message(named: String(url[url.index(after: slash)...]))
    }

    /// Every service's full name, sorted.
    public var serviceNames: [String] { services.keys.sorted() }

    /// The methods of service `fullName` in declaration order (nil: no such service).
    public func methods(ofService fullName: String) -> [ServiceMethodDescriptor]? { services[fullName] }

    /// A method by its gRPC path (`/jiceng.v1.TaskService/CreateTask`) or dotted full name
    /// (`jiceng.v1.TaskService.CreateTask`).
    public func method(named name: String) -> ServiceMethodDescriptor? {
        let trimmed = name.hasPrefix("/") ? String(name.dropFirst()) : name
        guard let split = trimmed.lastIndex(where: { $0 == "/" || $0 == "." }) else { return nil }
        let service = String(trimmed[..<split])
        let method = String(trimmed[trimmed.index(after: split)...])
        return services[service]?.first { $0.name == method }
    }

    /// A field by its full name (`jiceng.v1.Task.accept_deadline`).
    public func field(named fullName: String) -> FieldDescriptor? {
        guard let dot = fullName.lastIndex(of: ".") else { return nil }
        return message(named: String(fullName[..<dot]))?.field(named: String(fullName[fullName.index(after: dot)...]))
    }

    /// Every message type's full name, sorted.
    public var messageNames: [String] { messages.keys.sorted() }

    /// The message type of field `field` (a message, group or map field).
    func messageType(of field: FieldDescriptor) -> MessageDescriptor {
        // The initializer checked every reference, so a miss here is a bug in the pool itself.
        guard let m = messages[field.typeName] else { preconditionFailure("unresolved \(field.typeName)") }
        return m
    }

    func enumType(of field: FieldDescriptor) -> EnumDescriptor {
        guard let e = enums[field.typeName] else { preconditionFailure("unresolved \(field.typeName)") }
        return e
    }
}
