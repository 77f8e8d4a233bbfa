/// Interprets `option` statements into encoded options messages, as protoc's
/// `OptionInterpreter` does: each option becomes a wire-format field (custom options stay
/// "unknown" extension fields in the order written; built-in ones end up as known fields in
/// field-number order), and source locations of options move to the interpreted field's path.
struct OptionInterpreter {
    let file: FileNode
    var resolver: NameResolver
    let table: SymbolTable
    private(set) var errors: [Diagnostic] = []
    /// Source path of each interpreted `uninterpreted_option` → path of the field it set.
    private var interpretedPaths: [[Int32]: [Int32]] = [:]
    private var repeatedCounts: [[Int32]: Int32] = [:]

    let compatibility: ProtocCompatibility

    init(file: FileNode, resolver: NameResolver, table: SymbolTable, compatibility: ProtocCompatibility = .protoc321) {
        self.file = file
        self.compatibility = compatibility
        self.resolver = resolver
        self.table = table
    }

    private mutating func error(_ message: String, _ option: UninterpretedOption, _ site: ErrorSite) {
        let p = option.sites[site]
        errors.append(Diagnostic(file: file.name, line: p?.line, column: p?.column, message: message))
    }

    /// Interprets every option of one element; false after the first error (protoc stops there).
    mutating func interpret(_ pending: Linker.PendingOptions) -> Bool {
        var entries: [UInt8] = []
        if !pending.options.uninterpreted.isEmpty {
            // protoc looks the options message up by name, which counts as using
            // descriptor.proto when it is imported (no unused-import warning then).
            _ = resolver.find(pending.kind.messageName)
        }
        for (i, option) in pending.options.uninterpreted.enumerated() {
            let sourcePath = pending.path + [999, Int32(i)]
            guard let (encoded, destPath) = interpretOne(option, pending, existing: entries) else { return false }
            entries += encoded
            interpretedPaths[sourcePath] = destPath
        }
        finish(pending, entries)
        return true
    }

    /// Re-reads the interpreted fields the way protoc's reparse does: built-in fields become known
    /// fields (written in number order, after the parser's `map_entry`), the rest stay unknown.
    private func finish(_ pending: Linker.PendingOptions, _ entries: [UInt8]) {
        let builtin = pending.kind.fields
        var known: [(Int32, [UInt8])] = []
        var unknown: [UInt8] = []
        let options = pending.options
        if options.mapEntry {
            var w = WireWriter()
            w.boolField(7, true)
            known.append((7, w.bytes))
        }
        for field in WireField.parse(entries) ?? [] {
            var w = WireWriter()
            field.write(to: &w)
            if let spec = builtin.first(where: { $0.number == field.number }) {
                if let i = known.firstIndex(where: { $0.0 == field.number }) { known.remove(at: i) }
                known.append((field.number, w.bytes))
                if spec.type == .bool { options.builtinBools[spec.name] = field.payload != [0] }
            } else {
                unknown += w.bytes
            }
        }
        var encoded: [UInt8] = []
        for (_, bytes) in known.enumerated().sorted(by: { $0.element.0 != $1.element.0 ? $0.element.0 < $1.element.0 : $0.offset < $1.offset }).map(\.element) {
            encoded += bytes
        }
        options.encoded = encoded + unknown
        if compatibility == .grpcioTools {
            options.encoded = OptionsNormalizer(table: table).normalize(options.encoded, kind: pending.kind)
        }
    }

    private mutating func interpretOne(_ option: UninterpretedOption, _ pending: Linker.PendingOptions,
                                       existing: [UInt8]) -> ([UInt8], [Int32])? {
        guard let first = option.name.first else { return nil }
        if first.name == "uninterpreted_option" {
            error("Option must not use reserved name \"uninterpreted_option\".", option, .optionName)
            return nil
        }
        var destPath = pending.path
        var descriptorName = pending.kind.messageName
        var currentMessage: MessageNode? = nil
        var field: OptionField? = nil
        var intermediate: [OptionField] = []
        var debugName = ""
        for (i, part) in option.name.enumerated() {
            if !debugName.isEmpty { debugName += "." }
            var found: OptionField?
            var resolvedButUndefined: String?
            if part.isExtension {
                debugName += "(\(part.name))"
                let symbol = resolver.lookup(part.name, relativeTo: pending.nameScope)
                resolvedButUndefined = resolver.failure.resolvedButUndefined
                if case .field(let node)? = symbol?.kind {
                    found = OptionField(declared: node)
                }
            } else {
                debugName += part.name
                if let message = currentMessage {
                    if let node = message.fields.first(where: { $0.name == part.name }) {
                        found = OptionField(declared: node)
                    }
                } else if i == 0, let spec = pending.kind.fields.first(where: { $0.name == part.name }) {
                    found = OptionField(builtin: spec, in: pending.kind)
                }
            }
            guard let f = found else {
                if let resolved = resolvedButUndefined {
                    error("Option \"\(debugName)\" is resolved to \"(\(resolved))\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \"(.\(debugName.dropFirst())\") to start from the outermost scope.", option, .optionName)
                } else {
                    error("Option \"\(debugName)\" unknown. Ensure that your proto definition file imports the proto which defines the option.", option, .optionName)
                }
                return nil
            }
            if f.containingType != descriptorName {
                let shortName = descriptorName.split(separator: ".").last.map(String.init) ?? descriptorName
                error("Option field \"\(debugName)\" is not a field or extension of message \"\(shortName)\".", option, .optionName)
                return nil
            }
            destPath.append(f.number)
            if i < option.name.count - 1 {
                guard f.type == .message || f.type == .group, let next = f.messageType else {
                    error("Option \"\(debugName)\" is an atomic type, not a message.", option, .optionName)
                    return nil
                }
                if f.isRepeated {
                    error("Option field \"\(debugName)\" is a repeated message. Repeated message options must be initialized using an aggregate value.", option, .optionName)
                    return nil
                }
                intermediate.append(f)
                currentMessage = next
                descriptorName = next.fullName
            }
            field = f
        }
        guard let leaf = field else { return nil }

        if !leaf.isRepeated, isAlreadySet(existing, path: intermediate, leaf: leaf) {
            error("Option \"\(debugName)\" was already set.", option, .optionName)
            return nil
        }
        guard var encoded = encodeValue(option, leaf) else { return nil }
        for outer in intermediate.reversed() {
            var w = WireWriter()
            if outer.type == .group {
                w.tag(outer.number, .startGroup)
                w.raw(encoded)
                w.tag(outer.number, .endGroup)
            } else {
                w.bytesField(outer.number, encoded)
            }
            encoded = w.bytes
        }
        if leaf.isRepeated {
            let index = repeatedCounts[destPath, default: 0]
            repeatedCounts[destPath] = index + 1
            destPath.append(index)
        }
        return (encoded, destPath)
    }

    private func isAlreadySet(_ bytes: [UInt8], path: [OptionField], leaf: OptionField) -> Bool {
        guard let fields = WireField.parse(bytes) else { return false }
        guard let outer = path.first else {
            return fields.contains { $0.number == leaf.number }
        }
        for f in fields where f.number == outer.number {
            if (outer.type == .group && f.type == .startGroup) || (outer.type != .group && f.type == .lengthDelimited) {
                if isAlreadySet(f.payload, path: Array(path.dropFirst()), leaf: leaf) { return true }
            }
        }
        return false
    }

    /// The leaf option's field (tag and value), checked the way protoc's `SetOptionValue` checks.
    private mutating func encodeValue(_ option: UninterpretedOption, _ field: OptionField) -> [UInt8]? {
        var w = WireWriter()
        let name = field.fullName
        switch field.type {
        case .int32, .sint32, .sfixed32:
            let v: Int64
            switch option.value {
            case .positiveInt(let p):
                guard p <= UInt64(Int32.max) else { error("Value out of range for int32 option \"\(name)\".", option, .optionValue); return nil }
                v = Int64(p)
            case .negativeInt(let n):
                guard n >= Int64(Int32.min) else { error("Value out of range for int32 option \"\(name)\".", option, .optionValue); return nil }
                v = n
            default:
                error("Value must be integer for int32 option \"\(name)\".", option, .optionValue); return nil
            }
            w.tag(field.number, field.wireType)
            OptionField.encodeScalar(field.type, integer: v, into: &w)
        case .int64, .sint64, .sfixed64:
            let v: Int64
            switch option.value {
            case .positiveInt(let p):
                guard p <= UInt64(Int64.max) else { error("Value out of range for int64 option \"\(name)\".", option, .optionValue); return nil }
                v = Int64(p)
            case .negativeInt(let n):
                v = n
            default:
                error("Value must be integer for int64 option \"\(name)\".", option, .optionValue); return nil
            }
            w.tag(field.number, field.wireType)
            OptionField.encodeScalar(field.type, integer: v, into: &w)
        case .uint32, .fixed32:
            guard case .positiveInt(let p) = option.value else {
                error("Value must be non-negative integer for uint32 option \"\(name)\".", option, .optionValue); return nil
            }
            guard p <= UInt64(UInt32.max) else { error("Value out of range for uint32 option \"\(field.name)\".", option, .optionValue); return nil }
            w.tag(field.number, field.wireType)
            OptionField.encodeScalar(field.type, unsigned: p, into: &w)
        case .uint64, .fixed64:
            guard case .positiveInt(let p) = option.value else {
                error("Value must be non-negative integer for uint64 option \"\(name)\".", option, .optionValue); return nil
            }
            w.tag(field.number, field.wireType)
            OptionField.encodeScalar(field.type, unsigned: p, into: &w)
        case .float, .double:
            let v: Double
            switch option.value {
            case .double(let d): v = d
            case .positiveInt(let p): v = Double(p)
            case .negativeInt(let n): v = Double(n)
            default:
                error("Value must be number for \(field.type == .float ? "float" : "double") option \"\(name)\".", option, .optionValue); return nil
            }
            w.tag(field.number, field.wireType)
            OptionField.encodeScalar(field.type, double: v, into: &w)
        case .bool:
            guard case .identifier(let id) = option.value else {
                error("Value must be identifier for boolean option \"\(name)\".", option, .optionValue); return nil
            }
            guard id == "true" || id == "false" else {
                error("Value must be \"true\" or \"false\" for boolean option \"\(name)\".", option, .optionValue); return nil
            }
            w.tag(field.number, .varint)
            w.varint(id == "true" ? 1 : 0)
        case .enum:
            guard case .identifier(let id) = option.value else {
                error("Value must be identifier for enum-valued option \"\(name)\".", option, .optionValue); return nil
            }
            guard let enumType = field.enumType else { return nil }
            var number = enumType.number(of: id)
            if case .declared(let node) = enumType {
                number = nil
                let qualified = node.valueScope.isEmpty ? id : node.valueScope + "." + id
                if case .enumValue(let value, let owner)? = resolver.findAnywhere(qualified)?.kind {
                    if owner !== node {
                        error("Enum type \"\(node.fullName)\" has no value named \"\(id)\" for option \"\(name)\". This appears to be a value from a sibling type.", option, .optionValue)
                        return nil
                    }
                    number = value.number
                }
            }
            guard let number else {
                error("Enum type \"\(enumType.fullName)\" has no value named \"\(id)\" for option \"\(name)\".", option, .optionValue)
                return nil
            }
            w.tag(field.number, .varint)
            w.varint(UInt64(bitPattern: Int64(number)))
        case .string, .bytes:
            guard case .string(let bytes) = option.value else {
                error("Value must be quoted string for string option \"\(name)\".", option, .optionValue); return nil
            }
            w.bytesField(field.number, bytes)
        case .message, .group:
            guard case .aggregate(let text) = option.value else {
                error("Option \"\(name)\" is a message. To set the entire message, use syntax like \"\(field.name) = { <proto text format> }\". To set fields within it, use syntax like \"\(field.name).foo = value\".", option, .optionValue)
                return nil
            }
            guard let message = field.messageType else { return nil }
            var parser = AggregateValueParser(text: text, resolver: resolver)
            switch parser.parse(message) {
            case .success(let body):
                if field.type == .group {
                    w.tag(field.number, .startGroup)
                    w.raw(body)
                    w.tag(field.number, .endGroup)
                } else {
                    w.bytesField(field.number, body)
                }
            case .failure(let failure):
                error("Error while parsing option value for \"\(field.name)\": \(failure.message)", option, .optionValue)
                return nil
            }
        }
        return w.bytes
    }

    /// Rewrites the file's source locations as protoc's `UpdateSourceCodeInfo` does: an
    /// interpreted option's location takes the path of the field it set, and the locations of its
    /// name parts and value are dropped.
    func updateSourceLocations() {
        guard !interpretedPaths.isEmpty else { return }
        var result: [SourceLocationRecord] = []
        var removingUnder: [Int32]? = nil
        for location in file.sourceLocations {
            if let prefix = removingUnder {
                if location.path.count >= prefix.count && Array(location.path.prefix(prefix.count)) == prefix {
                    continue
                }
                removingUnder = nil
            }
            if let dest = interpretedPaths[location.path] {
                removingUnder = location.path
                var replaced = location
                replaced.path = dest
                result.append(replaced)
            } else {
                result.append(location)
            }
        }
        file.sourceLocations = result
    }
}
