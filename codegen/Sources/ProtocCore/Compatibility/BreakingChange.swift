/// A change between two versions of a schema that old clients or servers would not survive, on
/// the wire or in JSON. The raw value is the check's stable id.
public enum BreakingChangeRule: String, CaseIterable, Sendable {
    case packageChanged = "package-changed"
    case messageRemoved = "message-removed"
    case enumRemoved = "enum-removed"
    /// A field number gone, unless its number and name are both reserved now.
    case fieldRemoved = "field-removed"
    /// The same field name under another number.
    case fieldRenumbered = "field-renumbered"
    /// The same number under another name (the JSON key changes).
    case fieldRenamed = "field-renamed"
    case fieldJSONNameChanged = "field-json-name-changed"
    case fieldTypeChanged = "field-type-changed"
    /// Singular ↔ repeated, or required ↔ not.
    case fieldCardinalityChanged = "field-cardinality-changed"
    /// Into, out of, or between oneofs.
    case fieldOneofChanged = "field-oneof-changed"
    case enumValueRemoved = "enum-value-removed"
    case enumValueRenamed = "enum-value-renamed"
    case serviceRemoved = "service-removed"
    case methodRemoved = "method-removed"
    case methodInputChanged = "method-input-changed"
    case methodOutputChanged = "method-output-changed"
    case methodStreamingChanged = "method-streaming-changed"
}

/// One breaking change, reported at the new declaration when there is one (else in the old file).
public typealias BreakingChange = SchemaFinding<BreakingChangeRule>
