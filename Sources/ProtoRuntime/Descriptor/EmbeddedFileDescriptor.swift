/// A .proto file compiled into this program: generated code emits one conforming enum per file
/// (`jiceng/v1/task.proto` → `Jiceng_V1_Task_Proto`), so that reflection and JSON can find the
/// schema at run time without the .proto sources.
public protocol EmbeddedFileDescriptor: Sendable {
    /// The file's path as imported (`jiceng/v1/task.proto`).
    static var protoFileName: String { get }
    /// The file's `google.protobuf.FileDescriptorProto` in wire format, without source info.
    static var serializedFileDescriptor: [UInt8] { get }
    /// The embedded files this one imports, in import order.
    static var dependencies: [any EmbeddedFileDescriptor.Type] { get }
}
