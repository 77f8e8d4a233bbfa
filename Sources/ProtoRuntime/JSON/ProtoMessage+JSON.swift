extension ProtoMessage {
    /// The message as proto3 JSON. `pool` must hold this message's type (generated files embed
    /// their descriptors for this) and every type its `Any` fields carry.
    public func jsonString(pool: DescriptorPool, options: ProtoJSONOptions = ProtoJSONOptions()) throws(ProtoJSONError) -> String {
        let transcoder = ProtoJSONTranscoder(pool: pool, options: options)
        let type = try transcoder.messageType(Self.protoMessageName)
        let message: DynamicMessage
        do {
            message = try DynamicMessage(descriptor: type, serializedBytes: serializedBytes(), pool: pool)
        } catch {
            // Only a pool whose descriptor disagrees with this type's generated code gets here.
            throw ProtoJSONError(path: error.field ?? "", reason: "descriptor in pool does not match \(Self.protoMessageName): \(error.kind.rawValue)")
        }
        return try transcoder.jsonString(from: message)
    }

    /// Parses proto3 JSON into a message of this type.
    public init(jsonString: String, pool: DescriptorPool, options: ProtoJSONOptions = ProtoJSONOptions()) throws(ProtoJSONError) {
        let transcoder = ProtoJSONTranscoder(pool: pool, options: options)
        let bytes = try transcoder.binary(fromJSONString: jsonString, messageName: Self.protoMessageName)
        do {
            try self.init(serializedBytes: bytes)
        } catch {
            throw ProtoJSONError(path: error.field ?? "", reason: "descriptor in pool does not match \(Self.protoMessageName): \(error.kind.rawValue)")
        }
    }
}
