import JicengAPI
import ProtoRuntime

/// Catalogue item fields as proto3 JSON values, for version diffs. The values come from the
/// runtime's proto3 JSON transcoder over the embedded schema, so a diff shows exactly what a
/// client reading the item as JSON would see (enum names, `"14400s"` durations, RFC 3339 times).
enum CatalogueItemJSON {
    /// Every content field of an item, in field-number order: identity (id), bookkeeping (etag,
    /// times) and state are not content.
    static let contentFieldNames = [
        "owner_id", "list", "code", "title", "description", "domain", "power_type", "legal_basis",
        "lead_department_id", "cooperating_department_ids", "grid_capable", "delegation", "service",
        "response_sla", "source_item_id", "keywords",
    ]

    private static let transcoder: ProtoJSONTranscoder? = {
        guard let pool = try? DescriptorPool(embedded: [Jiceng_V1_Catalogue_Proto.self]) else { return nil }
        return ProtoJSONTranscoder(pool: pool, options: ProtoJSONOptions(preserveProtoFieldNames: true, emitDefaultValues: true))
    }()

    /// The item's content fields as JSON text by proto field name; an unset message is `null`.
    static func values(of item: Jiceng_V1_CatalogueItem) -> [String: String] {
        guard let transcoder,
              let json = try? transcoder.jsonString(fromBinary: item.serializedBytes(), messageName: Jiceng_V1_CatalogueItem.protoMessageName),
              case .object(let members)? = try? JSONValue.parse(json)
        else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in members { values[key] = value.serialized }
        for name in contentFieldNames where values[name] == nil { values[name] = "null" }
        return values
    }
}
