import ProtoRuntime

extension CompiledFiles {
    /// Every compiled file as a `FileDescriptorProto`, dependencies before dependents (the order
    /// the Swift renderer needs). Decoded from the exact bytes protoc would write.
    public func fileDescriptorProtos(includeSourceInfo: Bool = false) throws(ProtoDecodingError) -> [Google_Protobuf_FileDescriptorProto] {
        var result: [Google_Protobuf_FileDescriptorProto] = []
        for file in files {
            result.append(try Google_Protobuf_FileDescriptorProto(serializedBytes: DescriptorWriter.fileDescriptor(file, includeSourceInfo: includeSourceInfo)))
        }
        return result
    }

    /// `descriptorSet(includeImports:includeSourceInfo:)` decoded.
    public func fileDescriptorSet(includeImports: Bool, includeSourceInfo: Bool) throws(ProtoDecodingError) -> Google_Protobuf_FileDescriptorSet {
        try Google_Protobuf_FileDescriptorSet(serializedBytes: descriptorSet(includeImports: includeImports, includeSourceInfo: includeSourceInfo))
    }
}
