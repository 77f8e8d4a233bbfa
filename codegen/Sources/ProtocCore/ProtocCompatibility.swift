/// Which protoc's output to reproduce where protoc versions disagree.
///
/// Debian's protoc 3.21 is the reference. The protoc bundled with PyPI's grpcio-tools (a
/// current release) differs in three observable ways, all reproduced by `.grpcioTools`:
/// - custom options are known extension fields there, so an options message is written in
///   field-number order (built-in and custom options interleaved), pieces of one message-typed
///   option (`(opt).a = 1; (opt).b = 2;`) are merged into one value, and repeated scalar options
///   declared in proto3 files are packed; 3.21 keeps custom options as unknown fields, in source
///   order, one per statement;
/// - a block comment followed on the same line by another comment is kept as the previous
///   declaration's trailing comment (3.21 drops both).
public enum ProtocCompatibility: String, Sendable, CaseIterable {
    /// Debian's protobuf-compiler 3.21.12 (the default).
    case protoc321 = "3.21"
    /// The protoc of `python -m grpc_tools.protoc` (grpcio-tools).
    case grpcioTools = "grpcio-tools"
}
