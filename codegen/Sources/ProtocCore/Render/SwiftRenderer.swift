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

    /// Swift source for `service`, given a way to name the Swift types of its messages.
    func render(
        service: Google_Protobuf_ServiceDescriptorProto, file: Google_Protobuf_FileDescriptorProto,
        swiftTypeName: (String) -> String, visibility: String
    ) -> String
}
