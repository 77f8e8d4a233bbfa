/// Why a message could not be decoded, and where.
///
/// `fieldPath` names the field that was being read, outermost first (`task.location.lat`), so that
/// a gRPC server can answer INVALID_ARGUMENT naming the field.
public struct ProtoDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case truncated = "message is truncated"
        case malformedVarint = "varint is longer than 10 bytes"
        case invalidFieldNumber = "invalid field number"
        case invalidWireType = "invalid wire type"
        case invalidUTF8 = "string is not valid UTF-8"
        case recursionLimitExceeded = "messages nested too deeply"
        case lengthTooLarge = "length prefix exceeds the remaining input"
        case unmatchedEndGroup = "end-group tag does not match its start"
        case missingRequiredField = "required field is missing"
        case invalidValue = "invalid value"
    }

    public var kind: Kind
    /// The full name of the top-level message being decoded, when known.
    public var messageName: String?
    /// Field names (or `#number` where the name is unknown), outermost first.
    public var fieldPath: [String]
    /// Extra context for `.invalidValue` and friends.
    public var detail: String?

    public init(_ kind: Kind, messageName: String? = nil, fieldPath: [String] = [], detail: String? = nil) {
        self.kind = kind
        self.messageName = messageName
        self.fieldPath = fieldPath
        self.detail = detail
    }

    /// The dotted field path (`task.title`), or nil when the error is not inside a field.
    public var field: String? { fieldPath.isEmpty ? nil : fieldPath.joined(separator: ".") }

    public var description: String {
        var s = ""
        if let messageName { s += messageName + ": " }
        if let field { s += "field \(field): " }
        s += kind.rawValue
        if let detail { s += " (\(detail))" }
        return s
    }
}

/// Bounds applied while decoding untrusted input.
public struct DecodingOptions: Sendable, Hashable {
    /// How deeply messages (and groups) may nest.
    public var maxDepth: Int = 100
    /// Drop unknown fields instead of preserving them.
    public var discardUnknownFields: Bool = false

    public init(maxDepth: Int = 100, discardUnknownFields: Bool = false) {
        self.maxDepth = maxDepth
        self.discardUnknownFields = discardUnknownFields
    }

    public static let `default` = DecodingOptions()
}
