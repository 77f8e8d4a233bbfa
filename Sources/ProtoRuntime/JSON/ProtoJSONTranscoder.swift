/// Options for the proto3 JSON mapping.
public struct ProtoJSONOptions: Sendable, Hashable {
    /// Write proto field names (`accept_deadline`) instead of JSON names (`acceptDeadline`).
    public var preserveProtoFieldNames = false
    /// Also write fields without presence that hold their default (0, "", false, [], {}).
    public var emitDefaultValues = false
    /// Skip JSON members (and enum names) the schema does not know instead of failing.
    public var ignoreUnknownFields = false
    /// How deeply messages may nest (the same bound as binary decoding).
    public var maxDepth = 100
    /// Write indented, one member per line (for people, e.g. `jiceng call`), instead of compact.
    public var prettyPrinted = false

    public init(
        preserveProtoFieldNames: Bool = false, emitDefaultValues: Bool = false, ignoreUnknownFields: Bool = false,
        maxDepth: Int = 100, prettyPrinted: Bool = false
    ) {
        self.preserveProtoFieldNames = preserveProtoFieldNames
        self.emitDefaultValues = emitDefaultValues
        self.ignoreUnknownFields = ignoreUnknownFields
        self.maxDepth = maxDepth
        self.prettyPrinted = prettyPrinted
    }
}

/// Why JSON could not be turned into a message (or a message into JSON), and where:
/// `task.accept_deadline: invalid timestamp "tomorrow"`.
public struct ProtoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Proto field names from the outermost message, with `[index]` and `["key"]` for elements;
    /// empty for the message itself.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// Converts between protobuf messages and proto3 JSON using descriptors only, so it serves
/// generated types and types learned at run time (server reflection) alike.
///
/// The mapping follows https://protobuf.dev/programming-guides/json/ including the well-known
/// types; `Any` resolves its type URL through `pool`.
public struct ProtoJSONTranscoder: Sendable {
    public let pool: DescriptorPool
    public var options: ProtoJSONOptions

    public init(pool: DescriptorPool, options: ProtoJSONOptions = ProtoJSONOptions()) {
        self.pool = pool
        self.options = options
    }

    /// The type named `fullName`, or an error naming it.
    public func messageType(_ fullName: String) throws(ProtoJSONError) -> MessageDescriptor {
        guard let d = pool.message(named: fullName) else { throw ProtoJSONError(path: "", reason: "unknown message type \(fullName)") }
        return d
    }

    // MARK: Binary ↔ JSON text

    /// Binary protobuf of type `messageName` → JSON text.
    public func jsonString(fromBinary bytes: [UInt8], messageName: String) throws -> String {
        let type = try messageType(messageName)
        let message = try DynamicMessage(descriptor: type, serializedBytes: bytes, pool: pool)
        return try jsonString(from: message)
    }

    /// JSON text → binary protobuf of type `messageName` (fields in number order, maps sorted).
    public func binary(fromJSONString text: String, messageName: String) throws(ProtoJSONError) -> [UInt8] {
        try message(fromJSONString: text, type: try messageType(messageName)).serializedBytes()
    }

    // MARK: Messages ↔ JSON

    public func jsonString(from message: DynamicMessage) throws(ProtoJSONError) -> String {
        let json = try jsonValue(from: message)
        return options.prettyPrinted ? json.prettySerialized : json.serialized
    }

    public func message(fromJSONString text: String, type: MessageDescriptor) throws(ProtoJSONError) -> DynamicMessage {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text, maxDepth: options.maxDepth * 2 + 8)
        } catch {
            throw ProtoJSONError(path: "", reason: error.description)
        }
        return try message(fromJSON: json, type: type)
    }

    public func jsonValue(from message: DynamicMessage) throws(ProtoJSONError) -> JSONValue {
        try encodeMessage(message, path: "", depth: 0)
    }

    public func message(fromJSON json: JSONValue, type: MessageDescriptor) throws(ProtoJSONError) -> DynamicMessage {
        try decodeMessage(json, type: type, path: "", depth: 0)
    }
}

/// Path building for error messages.
extension String {
    func appendingField(_ name: String) -> String { isEmpty ? name : self + "." + name }
}
