// The Swift renderer: linked descriptors in, one `.pb.swift` file per generated .proto out.
//
// Generated-code conventions (see the generators for the details):
// - Types: `jiceng.v1.Task` → `Jiceng_V1_Task` (package components Upper-camel, joined with `_`;
//   `swift_prefix` replaces the package part); nested types nest (`Jiceng_V1_Task.Location`); a nested
//   type that would shadow a Swift name gets `Enum`/`Message` appended (`Type` → `TypeEnum`).
// - Messages: `public struct … : ProtoMessage` (Hashable, Sendable). Fields lowerCamel, keywords
//   back-ticked, names of generated members suffixed `_p`. Explicit presence (proto2, proto3
//   `optional`, messages): `_x: T?` + `var x` + `hasX` + `clearX()`; proto3 implicit presence:
//   plain `var x: T`. Repeated `[T]`, maps `[K: V]` (encoded sorted by key). Recursive messages keep
//   their fields in a copy-on-write `_Storage` class.
// - Oneofs: `enum OneOf_Name: Hashable, Sendable { case a(T) … }`, `var name: OneOf_Name?`, plus
//   one accessor per member. proto3 `optional` (synthetic oneofs) is plain presence.
// - Enums: closed (proto2) `enum E: Int32, ProtoEnum, CaseIterable`; open (proto3) adds
//   `case unrecognized(Int32)` with a non-failing `init(rawValue:)`. Case names drop the enum's
//   UPPER_SNAKE prefix, then lowerCamel (`TASK_STATE_OPEN` → `.open`, digits get `_`: `._2023`).
// - Extensions: accessors on the extended message reading/writing its `unknownFields`, named by the
//   extension's full name in lowerCamel (`jiceng.v1.method_access` → `jicengV1MethodAccess`).
// - Each file ends with `enum <Prefix><FileBase>_Proto: EmbeddedFileDescriptor` holding its
//   serialized `FileDescriptorProto` (no source info) and its dependencies' enums.
// - Files import the runtime module (unless they are part of it) and the modules of their
//   dependencies (`ModuleMapping`: google/protobuf/ → ProtoRuntime, else `DefaultModule`).
import ProtoRuntime

/// One Swift source file produced by the renderer.
public struct GeneratedFile: Sendable, Hashable {
    /// Path relative to the output directory (see `SwiftRenderOptions.FileNaming`).
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Why a set of descriptors could not be rendered.
public struct SwiftRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Renders linked protobuf descriptors as Swift source.
///
/// ```swift
/// let files = try SwiftRenderer(options).render(files: descriptorSet.file, generate: ["jiceng/v1/task.proto"])
/// ```
/// `files` must hold every file the generated ones depend on (transitively), in dependency order,
/// as protoc's `--include_imports` descriptor sets do. One Swift file is produced per name in
/// `generate`, in the order of `files`.
public struct SwiftRenderer: Sendable {
    public var options: SwiftRenderOptions
    /// Renders `service` declarations; nil skips services (until the gRPC layer's API is wired).
    public var serviceRenderer: (any ServiceRendering)?

    public init(_ options: SwiftRenderOptions = SwiftRenderOptions(), serviceRenderer: (any ServiceRendering)? = nil) {
        self.options = options
        self.serviceRenderer = serviceRenderer
    }

    public func render(
        files: [Google_Protobuf_FileDescriptorProto], generate: Set<String>
    ) throws(SwiftRenderError) -> [GeneratedFile] {
        let index = try DescriptorIndex(files: files, options: options)
        var out: [GeneratedFile] = []
        for file in files where generate.contains(file.name) {
            let generator = FileGenerator(file: file, index: index, options: options, serviceRenderer: serviceRenderer)
            out.append(GeneratedFile(path: options.outputPath(of: file.name), contents: try generator.render()))
        }
        let missing = generate.subtracting(files.map(\.name))
        if let name = missing.sorted().first {
            throw SwiftRenderError("\(name): asked to generate a file that is not among the descriptors")
        }
        return out
    }

    /// Renders from a serialized `FileDescriptorSet` (protoc's `--descriptor_set_out` with
    /// `--include_imports`); `generate` defaults to every file in the set.
    public func render(descriptorSet bytes: [UInt8], generate: Set<String>? = nil) throws(SwiftRenderError) -> [GeneratedFile] {
        let set: Google_Protobuf_FileDescriptorSet
        do {
            set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
        } catch {
            throw SwiftRenderError("descriptor set does not decode: \(error)")
        }
        return try render(files: set.file, generate: generate ?? Set(set.file.map(\.name)))
    }
}

/// Renders the services of a file. The gRPC layer supplies the implementation, so that the message
/// renderer does not depend on the RPC API.
public protocol ServiceRendering: Sendable {
    /// Extra modules the service code needs (imported by files that have services).
    var imports: [String] { get }

    /// Swift source for the file's `serviceIndex`-th service, given a way to name the Swift types
    /// of its messages.
    func render(
        serviceIndex: Int, file: Google_Protobuf_FileDescriptorProto,
        swiftTypeName: (String) -> String, visibility: String
    ) -> String
}
