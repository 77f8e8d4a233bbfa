/// How protobuf names become Swift identifiers.
///
/// The rules follow swift-protobuf's spirit, simplified: package components are Upper-camel cased
/// and joined with `_` to prefix top-level types (`jiceng.v1.Task` → `Jiceng_V1_Task`), nested types
/// nest, fields are lowerCamel (`parent_id` → `parentId`; no acronym upper-casing), and enum cases
/// drop their enum's UPPER_SNAKE prefix (`TASK_STATE_OPEN` in `TaskState` → `open`).
enum SwiftNaming {
    /// Words that must be back-ticked to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "any", "some",
    ]

    /// Members every generated message already has; a field with one of these names gets a `_p`
    /// suffix so that it cannot collide.
    static let messageMembers: Set<String> = [
        "unknownFields", "isInitialized", "protoMessageName", "protoFieldName", "encodedSize", "encode",
        "decodeMessage", "serializedBytes", "merge", "hashValue", "hash", "description", "debugDescription",
        "init", "_storage", "_uniqueStorage",
    ]

    /// Nested type names that would shadow something Swift needs inside the parent type.
    static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "String", "Int", "Int32", "Int64", "UInt32", "UInt64", "Bool",
        "Double", "Float", "Array", "Dictionary", "Optional", "Error", "UnknownFields", "ProtoMessage",
        "ProtoEnum", "BinaryEncoder", "BinaryDecoder", "WireSize", "FieldTag", "_Storage",
    ]

    /// `name` back-ticked if it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `foo_bar_baz` → `FooBarBaz` (each underscore-separated part gets its first letter upper-cased,
    /// the rest is kept as written).
    static func upperCamel(_ snake: String) -> String {
        var out = ""
        var upperNext = true
        for c in snake {
            if c == "_" {
                upperNext = true
                continue
            }
            if upperNext {
                out += c.uppercased()
                upperNext = false
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `foo_bar_baz` → `fooBarBaz`.
    static func lowerCamel(_ snake: String) -> String {
        let upper = upperCamel(snake)
        guard let first = upper.first else { return upper }
        return first.lowercased() + upper.dropFirst()
    }

    /// The prefix of top-level type names for a file: its `swift_prefix` option if set, otherwise
    /// its package's components Upper-camel cased and joined with `_` (plus a trailing `_`).
    static func typePrefix(package: String, swiftPrefix: String?) -> String {
        if let swiftPrefix { return swiftPrefix }
        if package.isEmpty { return "" }
        return package.split(separator: ".").map { upperCamel(String($0)) }.joined(separator: "_") + "_"
    }

    /// The Swift name of a message or enum nested in another type (or top-level when unprefixed).
    static func nestedTypeName(_ protoName: String, isEnum: Bool) -> String {
        guard reservedTypeNames.contains(protoName) else { return protoName }
        return protoName + (isEnum ? "Enum" : "Message")
    }

    /// The property name of a field: lowerCamel, suffixed `_p` where it would collide with a
    /// generated member.
    static func fieldName(_ protoName: String) -> String {
        let name = lowerCamel(protoName)
        return messageMembers.contains(name) ? name + "_p" : name
    }

    /// `TaskState` → `TASK_STATE_`, the prefix enum value names conventionally carry.
    static func enumValuePrefix(_ enumName: String) -> String {
        var out = ""
        var previous: Character? = nil
        for c in enumName {
            if c.isUppercase, let p = previous, p.isLowercase || p.isNumber { out += "_" }
            out += c.uppercased()
            previous = c
        }
        return out + "_"
    }

    /// The Swift case name of enum value `valueName` in enum `enumName`.
    static func enumCaseName(_ valueName: String, enumName: String) -> String {
        var name = valueName
        let prefix = enumValuePrefix(enumName)
        if name.hasPrefix(prefix) && name.count > prefix.count {
            name = String(name.dropFirst(prefix.count))
        }
        var camel = lowerCamel(name.lowercased())
        if let first = camel.first, first.isNumber { camel = "_" + camel }
        if ["unrecognized", "allCases", "rawValue", "protoEnumName", "init"].contains(camel) { camel += "_" }
        return escaped(camel)
    }

    /// A Swift string literal with the same characters as `s`.
    static func stringLiteral(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
