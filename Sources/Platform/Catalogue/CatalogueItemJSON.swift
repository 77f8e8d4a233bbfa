import Foundation
import JicengAPI
import ProtoRuntime

/// Renders catalogue item fields as proto3 JSON values, for version diffs: strings quoted, enums
/// by their value names (read from the embedded schema, so they never drift from the .proto),
/// durations as `"14400s"`, messages as objects.
enum CatalogueItemJSON {
    struct Field: Sendable {
        let name: String
        let render: @Sendable (Jiceng_V1_CatalogueItem) -> String
    }

    /// Every content field of an item, in field-number order.
    static let contentFields: [Field] = [
        Field(name: "owner_id") { string($0.ownerId) },
        Field(name: "list") { enumName("ListKind", $0.list.rawValue) },
        Field(name: "code") { string($0.code) },
        Field(name: "title") { string($0.title) },
        Field(name: "description") { string($0.description_p) },
        Field(name: "domain") { enumName("Domain", $0.domain.rawValue) },
        Field(name: "power_type") { enumName("PowerType", $0.powerType.rawValue) },
        Field(name: "legal_basis") { string($0.legalBasis) },
        Field(name: "lead_department_id") { string($0.leadDepartmentId) },
        Field(name: "cooperating_department_ids") { array($0.cooperatingDepartmentIds.map(string)) },
        Field(name: "grid_capable") { $0.gridCapable ? "true" : "false" },
        Field(name: "delegation") { $0.hasDelegation ? delegation($0.delegation) : "null" },
        Field(name: "service") { $0.hasService ? service($0.service) : "null" },
        Field(name: "response_sla") { $0.hasResponseSla ? sla($0.responseSla) : "null" },
        Field(name: "source_item_id") { string($0.sourceItemId) },
        Field(name: "keywords") { array($0.keywords.map(string)) },
    ]

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func array(_ values: [String]) -> String { "[" + values.joined(separator: ",") + "]" }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func duration(_ d: Google_Protobuf_Duration) -> String {
        guard d.nanos != 0 else { return string("\(d.seconds)s") }
        let fraction = String(format: "%09d", abs(Int(d.nanos)))
        return string("\(d.seconds).\(fraction)s")
    }

    static func timestamp(_ t: Google_Protobuf_Timestamp) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(t.seconds))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return string(formatter.string(from: date))
    }

    private static func delegation(_ d: Jiceng_V1_Delegation) -> String {
        object([("fromDepartmentId", string(d.fromDepartmentId)), ("townIds", array(d.townIds.map(string))),
                ("mode", enumName("DelegationMode", d.mode.rawValue)),
                ("effectiveTime", d.hasEffectiveTime ? timestamp(d.effectiveTime) : "null"),
                ("document", string(d.document))])
    }

    private static func service(_ s: Jiceng_V1_ServiceInfo) -> String {
        object([("counter", string(s.counter)), ("online", s.online ? "true" : "false"),
                ("promisedDays", String(s.promisedDays)), ("materials", array(s.materials.map(string)))])
    }

    private static func sla(_ s: Jiceng_V1_ResponseSla) -> String {
        object([("acceptWithin", s.hasAcceptWithin ? duration(s.acceptWithin) : "null"),
                ("resolveWithin", s.hasResolveWithin ? duration(s.resolveWithin) : "null")])
    }

    /// The value name of `number` in enum `jiceng.v1.<enumName>`, quoted; the number itself when
    /// the schema does not know it (as proto3 JSON writes unknown enum values).
    static func enumName(_ enumName: String, _ number: Int32) -> String {
        enumValueNames[enumName]?[number].map(string) ?? String(number)
    }

    private static let enumValueNames: [String: [Int32: String]] = {
        guard let file = try? Google_Protobuf_FileDescriptorProto(
            serializedBytes: Jiceng_V1_Catalogue_Proto.serializedFileDescriptor)
        else { return [:] }
        var names: [String: [Int32: String]] = [:]
        for e in file.enumType {
            names[e.name] = Dictionary(e.value.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        return names
    }()
}
