// The parsed form of a .proto file. Its shape follows `google.protobuf.FileDescriptorProto`
// (what protoc's parser produces), so the linker can resolve it in place and the descriptor
// writer can emit it field by field; every node also remembers where its parts were written,
// for error messages.

/// The kinds of scalar and composite field types, numbered as in `FieldDescriptorProto.Type`.
public enum FieldType: Int32, Sendable, CaseIterable {
    case double = 1, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes,
        uint32, `enum`, sfixed32, sfixed64, sint32, sint64

    /// The keyword naming a scalar type in .proto source (`message`/`enum` have none).
    static let keywords: [String: FieldType] = [
        "double": .double, "float": .float, "int64": .int64, "uint64": .uint64, "int32": .int32,
        "fixed64": .fixed64, "fixed32": .fixed32, "bool": .bool, "string": .string, "group": .group,
        "bytes": .bytes, "uint32": .uint32, "sfixed32": .sfixed32, "sfixed64": .sfixed64,
        "sint32": .sint32, "sint64": .sint64,
    ]

    var isPackable: Bool {
        switch self {
        case .string, .group, .message, .bytes: false
        default: true
        }
    }
}

/// Field cardinality, numbered as in `FieldDescriptorProto.Label`.
public enum FieldLabel: Int32, Sendable {
    case optional = 1, required, repeated
}

/// Where protoc's error reporter can point for an element (`DescriptorPool::ErrorCollector`'s
/// `ErrorLocation`): the parser records the start of each part it reads.
enum ErrorSite: Hashable, Sendable {
    case name, number, type, extendee, defaultValue, optionName, optionValue, inputType, outputType, other
}

/// Positions recorded for the parts of one element.
struct Sites: Sendable {
    private var positions: [ErrorSite: SourcePosition] = [:]
    subscript(site: ErrorSite) -> SourcePosition? {
        get { positions[site] }
        // Like protoc's source location table, the first position recorded for a part wins
        // (a group's field keeps its `group` keyword as its type position).
        set { if let newValue, positions[site] == nil { positions[site] = newValue } }
    }
}

/// One `option name = value` (or `[name = value]`) as written, before interpretation.
struct UninterpretedOption {
    struct NamePart {
        var name: String
        var isExtension: Bool
    }

    enum Value {
        case identifier(String)
        case positiveInt(UInt64)
        case negativeInt(Int64)
        case double(Double)
        case string([UInt8])
        case aggregate(String)
    }

    var name: [NamePart] = []
    var value: Value = .identifier("")
    var sites = Sites()

    /// The name as protoc prints it in errors, e.g. `(my.opt).field`.
    var displayName: String {
        name.map { $0.isExtension ? "(\($0.name))" : $0.name }.joined(separator: ".")
    }
}

/// An element's options: those written in the source, and (after linking) their encoding.
final class OptionsNode {
    var uninterpreted: [UninterpretedOption] = []
    /// Set by the parser on synthesized map entry types (`MessageOptions.map_entry`).
    var mapEntry = false
    /// The interpreted options message in wire format (known fields in number order, then
    /// custom options in the order they were written), filled in by the linker.
    var encoded: [UInt8] = []
    /// Interpreted built-in boolean options by name (`packed`, `allow_alias`, …), for validation.
    var builtinBools: [String: Bool] = [:]

    func builtinBool(_ name: String) -> Bool? {
        if name == "map_entry" && mapEntry { return true }
        return builtinBools[name]
    }
}

final class FileNode {
    /// The virtual path (relative to the import path that found it).
    var name: String
    var package: String?
    var syntax: String?
    var dependencies: [String] = []
    var publicDependencies: [Int32] = []
    var weakDependencies: [Int32] = []
    var messages: [MessageNode] = []
    var enums: [EnumNode] = []
    var services: [ServiceNode] = []
    var extensions: [FieldNode] = []
    var options: OptionsNode?
    var sourceLocations: [SourceLocationRecord] = []
    var sites = Sites()
    /// Position of each `import` statement, by dependency index.
    var importPositions: [SourcePosition] = []

    init(name: String) {
        self.name = name
    }

    var isProto3: Bool { syntax == "proto3" }

    /// Where errors about an import point: protoc keeps one position per imported name, the
    /// last `import` statement naming it.
    func importPosition(of dependency: String) -> SourcePosition {
        let index = dependencies.lastIndex(of: dependency) ?? 0
        return index < importPositions.count ? importPositions[index] : SourcePosition(line: 0, column: 0)
    }
}

final class MessageNode {
    var name = ""
    var fields: [FieldNode] = []
    var nestedMessages: [MessageNode] = []
    var enums: [EnumNode] = []
    var extensionRanges: [ExtensionRangeNode] = []
    var extensions: [FieldNode] = []
    var options: OptionsNode?
    var oneofs: [OneofNode] = []
    var reservedRanges: [RangeNode] = []
    var reservedNames: [String] = []
    var sites = Sites()
    /// How many leading fields are numbered 1, 2, 3, … in order (protoc's
    /// `sequential_field_limit_`).
    var sequentialFieldLimit: Int {
        var limit = 0
        while limit < fields.count && limit < 65535 && fields[limit].number == Int32(limit + 1) { limit += 1 }
        return limit
    }

    /// True for the `…Entry` type the parser makes for a `map<K, V>` field.
    var isSynthesizedMapEntry = false
    /// Filled in by the linker.
    var fullName = ""
    /// Source path components (e.g. [4, 0, 3, 1]) used for option source info.
    var path: [Int32] = []
}

final class FieldNode {
    var name = ""
    var number: Int32 = 0
    var label: FieldLabel?
    var type: FieldType?
    var typeName: String?
    var extendee: String?
    var defaultValue: String?
    /// The raw bytes of a `string` field's default (which need not be valid UTF-8).
    var defaultBytes: [UInt8]?
    var oneofIndex: Int32?
    var jsonName: String?
    var options: OptionsNode?
    var proto3Optional = false
    var isInProto3File = false
    var sites = Sites()
    var path: [Int32] = []

    // Linker results.
    var fullName = ""
    var resolvedTypeName: String?
    var resolvedExtendee: String?
    /// The default value normalized the way protoc writes it back out.
    var resolvedDefault: String?
    weak var messageType: MessageNode?
    weak var enumType: EnumNode?
}

final class OneofNode {
    var name = ""
    var options: OptionsNode?
    var sites = Sites()
    var path: [Int32] = []
    var fullName = ""
}

final class ExtensionRangeNode {
    var start: Int32 = 0
    var end: Int32 = 0
    var options: OptionsNode?
    var sites = Sites()
    var path: [Int32] = []
}

/// A reserved range (messages: end exclusive; enums: end inclusive, as in the descriptors).
struct RangeNode {
    var start: Int32
    var end: Int32
    var position: SourcePosition
}

final class EnumNode {
    var name = ""
    var values: [EnumValueNode] = []
    var options: OptionsNode?
    var reservedRanges: [RangeNode] = []
    var reservedNames: [String] = []
    var sites = Sites()
    var path: [Int32] = []
    var fullName = ""
    /// The scope enum values live in (enum values are siblings of their enum).
    var valueScope = ""
    var isInProto3File = false
}

final class EnumValueNode {
    var name = ""
    var number: Int32 = 0
    var options: OptionsNode?
    var sites = Sites()
    var path: [Int32] = []
    var fullName = ""
}

final class ServiceNode {
    var name = ""
    var methods: [MethodNode] = []
    var options: OptionsNode?
    var sites = Sites()
    var path: [Int32] = []
    var fullName = ""
}

final class MethodNode {
    var name = ""
    var inputType = ""
    var outputType = ""
    var clientStreaming = false
    var serverStreaming = false
    var options: OptionsNode?
    var sites = Sites()
    var path: [Int32] = []
    var fullName = ""
    var resolvedInput = ""
    var resolvedOutput = ""
}

/// One `SourceCodeInfo.Location`, recorded in the order protoc's parser creates them.
struct SourceLocationRecord {
    var path: [Int32]
    var span: [Int32]
    var leadingComments: String?
    var trailingComments: String?
    var detachedComments: [String] = []
}
