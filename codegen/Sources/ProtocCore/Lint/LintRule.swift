/// The API conventions the schema lint checks (DESIGN.md §3, after Google's AIP). The raw value
/// is the rule's stable id, printed in every finding and used by tests.
public enum LintRule: String, CaseIterable, Sendable {
    /// Method `Foo` takes `FooRequest`.
    case requestName = "request-name"
    /// `List{X}` returns `List{X}Response`; `Get{X}`, `Create{X}` and `Update{X}` return `…{X}`
    /// (a `Get` may instead return `Get{X}Response`).
    case responseName = "response-name"
    /// Every method carries `(jiceng.v1.method_access)`.
    case methodAccess = "method-access"
    /// `Create`, `Update` and state-changing methods are marked `mutating`.
    case mutatingMethod = "mutating-method"
    /// A mutating method's request has `string request_id`, marked REQUIRED (client-streaming
    /// requests only carry it, in their first message).
    case requestID = "request-id"
    /// `Create{X}Request` and `Update{X}Request` carry the resource they create or change.
    case resourceField = "resource-field"
    /// `Update{X}Request` has `google.protobuf.FieldMask update_mask`.
    case updateMask = "update-mask"
    /// A resource (returned by Get, Create or Update) has an `etag` exactly when it is mutable
    /// (returned by Update or by a state change).
    case etagMutable = "etag-mutable"
    /// A state change names its resource by `id` and carries `etag` when the resource has one.
    case stateChangeFields = "state-change-fields"
    /// A List request has `int32 page_size` and `string page_token`; its response has
    /// `string next_page_token` and `int32 total_size`.
    case pagination = "pagination"
    /// Enum values start with the enum's name in UPPER_SNAKE_CASE and an underscore.
    case enumValuePrefix = "enum-value-prefix"
    /// An enum's zero value is `{PREFIX}_UNSPECIFIED`.
    case enumZeroUnspecified = "enum-zero-unspecified"
    /// Field names are lower_snake_case.
    case fieldNameCase = "field-name-case"
    /// Message, enum, service and method names are UpperCamelCase.
    case typeNameCase = "type-name-case"
    /// Services, methods, messages and enums have a leading comment, and so do the fields of
    /// resources (what clients read and write).
    case documented = "documented"
}

/// One convention broken, at the declaration that breaks it.
public typealias LintFinding = SchemaFinding<LintRule>
