/// Turns a parsed file into a linked one, with every check protoc's `DescriptorBuilder` makes:
/// names are qualified and registered (duplicates refused), type names resolved by protoc's
/// scoping rules, numbers, ranges, oneofs, maps and proto3 rules validated, defaults normalized
/// and options interpreted.
///
/// Errors follow protoc's order and wording; an element's position is the one the parser
/// recorded for the part protoc points at.
struct Linker {
    let file: FileNode
    let table: SymbolTable
    private var resolver: NameResolver
    /// The imports this file took names from (valid after `link()`).
    var usage: DependencyUsage { resolver.usage }
    private(set) var errors: [Diagnostic] = []
    /// Every options-bearing element in protoc's build order, for interpretation.
    private var pendingOptions: [PendingOptions] = []

    struct PendingOptions {
        var options: OptionsNode
        var kind: BuiltinOptions.Kind
        /// Path of the element's options in the source info (element path + options field).
        var path: [Int32]
        /// Scope custom option names are resolved in.
        var nameScope: String
    }

    let compatibility: ProtocCompatibility

    init(file: FileNode, table: SymbolTable, visibleFiles: [FileNode], compatibility: ProtocCompatibility = .protoc321) {
        self.file = file
        self.compatibility = compatibility
        self.table = table
        self.resolver = NameResolver(table: table, file: file, visibleFiles: visibleFiles)
    }

    /// True once an error (not just a warning) was found.
    var hasErrors: Bool { errors.contains { !$0.isWarning } }

    private mutating func warning(_ message: String, _ sites: Sites, _ site: ErrorSite) {
        let position = sites[site]
        errors.append(Diagnostic(file: file.name, line: position?.line, column: position?.column, message: message, isWarning: true))
    }

    private mutating func error(_ message: String, _ sites: Sites, _ site: ErrorSite) {
        let position = sites[site]
        errors.append(Diagnostic(file: file.name, line: position?.line, column: position?.column, message: message))
    }

    private mutating func error(_ message: String, at position: SourcePosition?) {
        errors.append(Diagnostic(file: file.name, line: position?.line, column: position?.column, message: message))
    }

    private var package: String { file.package ?? "" }

    private func qualify(_ scope: String, _ name: String) -> String {
        scope.isEmpty ? name : scope + "." + name
    }

    // MARK: Entry point

    /// Links the file; on success its nodes carry resolved names and encoded options. After
    /// earlier errors (e.g. a failed import) options are neither interpreted nor validated, as
    /// in protoc.
    mutating func link(afterErrors: Bool = false) {
        if let package = file.package, !package.isEmpty {
            addPackage(package)
        }
        for message in file.messages { buildMessage(message, scope: package, depth: 1) }
        for node in file.enums { buildEnum(node, scope: package) }
        for service in file.services { buildService(service) }
        for (i, field) in file.extensions.enumerated() {
            field.path = [7, Int32(i)]
            buildField(field, scope: package, isExtension: true, inProto3: file.isProto3)
        }
        if let options = file.options {
            pendingOptions.append(PendingOptions(options: options, kind: .file, path: [8], nameScope: package + ".dummy"))
        }

        for message in file.messages { crossLinkMessage(message) }
        for field in file.extensions { crossLinkField(field, containingMessage: nil) }
        for service in file.services { crossLinkService(service) }
        if !hints.isEmpty { suggestFieldNumbers() }

        defer {
            if hasErrors || afterErrors {
                for message in file.messages { detectMapConflicts(message) }
            }
        }
        guard !hasErrors && !afterErrors else { return }
        var interpreter = OptionInterpreter(file: file, resolver: resolver, table: table, compatibility: compatibility)
        // An element's options stop at its first bad one; the other elements are still tried.
        for pending in pendingOptions {
            _ = interpreter.interpret(pending)
        }
        errors += interpreter.errors
        guard !hasErrors else { return }
        interpreter.updateSourceLocations()

        validateFile()
    }

    // MARK: Field number hints

    /// protoc suggests free field numbers for a top-level message after a numbering error.
    private struct FieldNumberHint {
        var count: Int32 = 0
        var position: SourcePosition?
        var hasReason = false
    }

    private var hints: [ObjectIdentifier: FieldNumberHint] = [:]

    private mutating func requestHint(_ message: MessageNode?, at position: SourcePosition?, start: Int32 = 0, end: Int32 = 1) {
        guard let message else { return }
        func fit(_ v: Int64) -> Int64 { min(max(v, 0), 536_870_911) }
        var hint = hints[ObjectIdentifier(message), default: FieldNumberHint()]
        hint.count = Int32(fit(Int64(hint.count) + fit(fit(Int64(end)) - fit(Int64(start)))))
        if !hint.hasReason {
            hint.hasReason = true
            hint.position = position
        }
        hints[ObjectIdentifier(message)] = hint
    }

    private mutating func suggestFieldNumbers() {
        for message in file.messages {
            guard let hint = hints[ObjectIdentifier(message)] else { continue }
            var remaining = min(3, hint.count)
            guard remaining > 0 else { continue }
            var used: [(from: Int64, to: Int64)] = []
            func addNumber(_ n: Int32) {
                guard n > 0 && n <= 536_870_911 else { return }
                if let last = used.last, Int64(n) == last.to {
                    used[used.count - 1].to = Int64(n) + 1
                } else {
                    used.append((Int64(n), Int64(n) + 1))
                }
            }
            func addRange(_ from: Int32, _ to: Int32) {
                let f = max(0, min(536_870_912, Int64(from))), t = max(0, min(536_870_912, Int64(to)))
                if f < t { used.append((f, t)) }
            }
            for field in message.fields { addNumber(field.number) }
            for field in message.extensions { addNumber(field.number) }
            for range in message.reservedRanges { addRange(range.start, range.end) }
            for range in message.extensionRanges { addRange(range.start, range.end) }
            used.append((536_870_911, Int64(Int32.max)))
            used.append((19000, 19999))
            used.sort { ($0.from, $0.to) < ($1.from, $1.to) }
            var current: Int64 = 1
            var suggestions: [String] = []
            for range in used {
                while current < range.from && remaining > 0 {
                    suggestions.append(String(current))
                    current += 1
                    remaining -= 1
                }
                if remaining == 0 { break }
                current = max(current, range.to)
            }
            error("Suggested field numbers for \(message.fullName): \(suggestions.joined(separator: ", "))", at: hint.position)
        }
    }

    // MARK: Symbols

    private mutating func addPackage(_ name: String) {
        if let existing = table[name] {
            if case .package = existing.kind { return }
            error("\"\(name)\" is already defined (as something other than a package) in file \"\(existing.file.name)\".", file.sites, .name)
            return
        }
        _ = table.add(name, .init(kind: .package, file: file))
        if let dot = name.lastIndex(of: ".") {
            addPackage(String(name[..<dot]))
        }
    }

    @discardableResult
    private mutating func addSymbol(_ fullName: String, _ kind: SymbolTable.Kind, _ sites: Sites) -> Bool {
        guard let existing = table.add(fullName, .init(kind: kind, file: file)) else { return true }
        if existing.file === file {
            if let dot = fullName.lastIndex(of: ".") {
                error("\"\(fullName[fullName.index(after: dot)...])\" is already defined in \"\(fullName[..<dot])\".", sites, .name)
            } else {
                error("\"\(fullName)\" is already defined.", sites, .name)
            }
        } else {
            error("\"\(fullName)\" is already defined in file \"\(existing.file.name)\".", sites, .name)
        }
        return false
    }

    // MARK: Build

    /// protoc builds at most 31 levels of nested messages.
    private static let maxMessageDepth = 32
    private var tooDeep = Set<ObjectIdentifier>()

    private mutating func buildMessage(_ message: MessageNode, scope: String, depth: Int) {
        message.fullName = qualify(scope, message.name)
        if depth >= Self.maxMessageDepth {
            error("Reached maximum recursion limit for nested messages.", at: nil)
            tooDeep.insert(ObjectIdentifier(message))
            return
        }

        for (i, oneof) in message.oneofs.enumerated() {
            oneof.fullName = message.fullName + "." + oneof.name
            oneof.path = message.path + [8, Int32(i)]
            if let options = oneof.options {
                pendingOptions.append(PendingOptions(options: options, kind: .oneof, path: oneof.path + [2], nameScope: oneof.fullName))
            }
            addSymbol(oneof.fullName, .oneof(oneof), oneof.sites)
        }
        for (i, field) in message.fields.enumerated() {
            field.path = message.path + [2, Int32(i)]
            buildField(field, scope: message.fullName, isExtension: false, inProto3: file.isProto3, in: message)
        }
        for (i, node) in message.enums.enumerated() {
            node.path = message.path + [4, Int32(i)]
            buildEnum(node, scope: message.fullName)
        }
        for (i, range) in message.extensionRanges.enumerated() {
            range.path = message.path + [5, Int32(i)]
            if range.start <= 0 {
                requestHint(message, at: range.sites[.number], start: range.start, end: range.end)
                error("Extension numbers must be positive integers.", range.sites, .number)
            }
            if range.start >= range.end {
                error("Extension range end number must be greater than start number.", range.sites, .number)
            }
            if let options = range.options {
                pendingOptions.append(PendingOptions(options: options, kind: .extensionRange, path: range.path + [3], nameScope: message.fullName))
            }
        }
        for (i, field) in message.extensions.enumerated() {
            field.path = message.path + [6, Int32(i)]
            buildField(field, scope: message.fullName, isExtension: true, inProto3: file.isProto3, in: message)
        }
        for range in message.reservedRanges where range.start <= 0 {
            requestHint(message, at: nil, start: range.start, end: range.end)
            error("Reserved numbers must be positive integers.", at: nil)
        }
        // protoc builds nested messages last, then takes the message's own options and
        // registers its name.
        for (i, nested) in message.nestedMessages.enumerated() {
            nested.path = message.path + [3, Int32(i)]
            buildMessage(nested, scope: message.fullName, depth: depth + 1)
        }
        if let options = message.options {
            pendingOptions.append(PendingOptions(options: options, kind: .message, path: message.path + [7], nameScope: message.fullName))
        }
        addSymbol(message.fullName, .message(message), message.sites)

        for (i, range1) in message.reservedRanges.enumerated() {
            for range2 in message.reservedRanges[(i + 1)...] where range1.end > range2.start && range2.end > range1.start {
                error("Reserved range \(range2.start) to \(range2.end &- 1) overlaps with already-defined range \(range1.start) to \(range1.end &- 1).", at: nil)
            }
        }
        var reservedNames = Set<String>()
        for name in message.reservedNames where !reservedNames.insert(name).inserted {
            error("Field name \"\(name)\" is reserved multiple times.", message.sites, .name)
        }
        for field in message.fields {
            for range in message.extensionRanges where range.start <= field.number && field.number < range.end {
                requestHint(message, at: range.sites[.number])
                error("Extension range \(range.start) to \(range.end &- 1) includes field \"\(field.name)\" (\(field.number)).", range.sites, .number)
            }
            for range in message.reservedRanges where range.start <= field.number && field.number < range.end {
                requestHint(message, at: nil)
                error("Field \"\(field.name)\" uses reserved number \(field.number).", at: nil)
            }
            if reservedNames.contains(field.name) {
                error("Field name \"\(field.name)\" is reserved.", field.sites, .name)
            }
        }
        for (i, range1) in message.extensionRanges.enumerated() {
            for range2 in message.reservedRanges where range1.end > range2.start && range2.end > range1.start {
                error("Extension range \(range1.start) to \(range1.end &- 1) overlaps with reserved range \(range2.start) to \(range2.end &- 1).", range1.sites, .number)
            }
            for range2 in message.extensionRanges[(i + 1)...] where range1.end > range2.start && range2.end > range1.start {
                error("Extension range \(range2.start) to \(range2.end &- 1) overlaps with already-defined range \(range1.start) to \(range1.end &- 1).", range1.sites, .number)
            }
        }
    }

    private mutating func buildField(_ field: FieldNode, scope: String, isExtension: Bool, inProto3: Bool, in message: MessageNode? = nil) {
        field.fullName = qualify(scope, field.name)
        field.isInProto3File = inProto3
        if field.label == .required && isExtension {
            error("The extension \(field.fullName) cannot be required.", field.sites, .type)
        }
        if field.defaultValue != nil && field.label == .repeated {
            error("Repeated fields can't have default values.", field.sites, .defaultValue)
        }
        if let type = field.type, let raw = field.defaultValue {
            normalizeDefault(field, type: type, raw: raw)
        }
        if field.number <= 0 {
            requestHint(message, at: field.sites[.number])
            error("Field numbers must be positive integers.", field.sites, .number)
        } else if !isExtension && field.number > 536_870_911 {
            requestHint(message, at: field.sites[.number])
            error("Field numbers cannot be greater than 536870911.", field.sites, .number)
        } else if field.number >= 19000 && field.number <= 19999 {
            requestHint(message, at: field.sites[.number])
            error("Field numbers 19000 through 19999 are reserved for the protocol buffer library implementation.", field.sites, .number)
        }
        if field.proto3Optional && !isExtension && field.oneofIndex == nil {
            // Only possible inside a (proto3, hence invalid) group, which gets no synthetic oneofs.
            error("Fields with proto3_optional set must be a member of a one-field oneof", at: nil)
        }
        if let options = field.options {
            pendingOptions.append(PendingOptions(options: options, kind: .field, path: field.path + [8], nameScope: field.fullName))
        }
        addSymbol(field.fullName, .field(field), field.sites)
    }

    /// Parses a scalar default as protoc's builder does and stores it the way protoc prints it
    /// back (`DefaultValueAsString`).
    private mutating func normalizeDefault(_ field: FieldNode, type: FieldType, raw: String) {
        func couldNotParse() {
            error("Couldn't parse default value \"\(raw)\".", field.sites, .defaultValue)
        }
        switch type {
        case .int32, .sint32, .sfixed32, .int64, .sint64, .sfixed64:
            if let v = Int64(raw) { field.resolvedDefault = String(v) } else { couldNotParse() }
        case .uint32, .fixed32, .uint64, .fixed64:
            if let v = UInt64(raw) { field.resolvedDefault = String(v) } else { couldNotParse() }
        case .float:
            switch raw {
            case "inf": field.resolvedDefault = "inf"
            case "-inf": field.resolvedDefault = "-inf"
            case "nan": field.resolvedDefault = "nan"
            default:
                if let d = Double(raw) { field.resolvedDefault = TextLiterals.formatFloat(Float(d)) } else { couldNotParse() }
            }
        case .double:
            switch raw {
            case "inf", "-inf", "nan": field.resolvedDefault = raw
            default:
                if let d = Double(raw) { field.resolvedDefault = TextLiterals.formatDouble(d) } else { couldNotParse() }
            }
        case .bool:
            if raw == "true" || raw == "false" {
                field.resolvedDefault = raw
            } else {
                error("Boolean default must be true or false.", field.sites, .defaultValue)
            }
        case .string:
            field.resolvedDefault = raw
        case .bytes:
            field.resolvedDefault = TextLiterals.cEscape(TextLiterals.cUnescape(raw))
        case .enum:
            break
        case .message, .group:
            error("Messages can't have default values.", field.sites, .defaultValue)
        }
    }

    private mutating func buildEnum(_ node: EnumNode, scope: String) {
        node.fullName = qualify(scope, node.name)
        node.valueScope = scope
        node.isInProto3File = file.isProto3
        if node.values.isEmpty {
            error("Enums must contain at least one value.", node.sites, .name)
        }
        var namesInEnum = Set<String>()
        for (i, value) in node.values.enumerated() {
            value.path = node.path + [2, Int32(i)]
            value.fullName = qualify(scope, value.name)
            let addedOuter = addSymbol(value.fullName, .enumValue(value, node), value.sites)
            let addedInner = namesInEnum.insert(value.name).inserted
            if addedInner && !addedOuter {
                let outer = scope.isEmpty ? "the global scope" : "\"\(scope)\""
                error("Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"\(value.name)\" must be unique within \(outer), not just within \"\(node.name)\".", value.sites, .name)
            }
            if let options = value.options {
                pendingOptions.append(PendingOptions(options: options, kind: .enumValue, path: value.path + [3], nameScope: value.fullName))
            }
        }
        checkEnumValueUniqueness(node)
        for range in node.reservedRanges where range.start > range.end {
            error("Reserved range end number must be greater than start number.", at: nil)
        }
        if let options = node.options {
            pendingOptions.append(PendingOptions(options: options, kind: .enum, path: node.path + [3], nameScope: node.fullName))
        }
        addSymbol(node.fullName, .enum(node), node.sites)
        var reservedNames = Set<String>()
        for name in node.reservedNames where !reservedNames.insert(name).inserted {
            error("Enum value \"\(name)\" is reserved multiple times.", node.sites, .name)
        }
        for value in node.values {
            for range in node.reservedRanges where range.start <= value.number && value.number <= range.end {
                error("Enum value \"\(value.name)\" uses reserved number \(value.number).", at: nil)
            }
            if reservedNames.contains(value.name) {
                error("Enum value \"\(value.name)\" is reserved.", value.sites, .name)
            }
        }
        for (i, range1) in node.reservedRanges.enumerated() {
            for range2 in node.reservedRanges[(i + 1)...] where range1.end >= range2.start && range2.end >= range1.start {
                error("Reserved range \(range2.start) to \(range2.end) overlaps with already-defined range \(range1.start) to \(range1.end).", at: nil)
            }
        }
    }

    /// Values must stay distinct once the enum's name is stripped as a prefix and the rest is
    /// PascalCased (`FOO_BAR_X` vs `X` in `enum FooBar`): an error in proto3, a warning in proto2.
    private mutating func checkEnumValueUniqueness(_ node: EnumNode) {
        let prefix = Array(node.name.utf8.filter { $0 != UInt8(ascii: "_") }.map { Self.asciiLower($0) })
        func stripPrefix(_ name: String) -> [UInt8] {
            let s = Array(name.utf8)
            var i = 0, j = 0
            while i < s.count && j < prefix.count {
                if s[i] == UInt8(ascii: "_") { i += 1; continue }
                if Self.asciiLower(s[i]) != prefix[j] { return s }
                i += 1
                j += 1
            }
            if j < prefix.count { return s }
            while i < s.count && s[i] == UInt8(ascii: "_") { i += 1 }
            return i == s.count ? s : Array(s[i...])
        }
        func pascalCase(_ s: [UInt8]) -> [UInt8] {
            var upper = true
            var result: [UInt8] = []
            for c in s {
                if c == UInt8(ascii: "_") {
                    upper = true
                } else {
                    result.append(upper ? Self.asciiUpper(c) : Self.asciiLower(c))
                    upper = false
                }
            }
            return result
        }
        var seen: [[UInt8]: EnumValueNode] = [:]
        for value in node.values {
            let key = pascalCase(stripPrefix(value.name))
            guard let first = seen[key] else {
                seen[key] = value
                continue
            }
            if first.name != value.name && first.number != value.number {
                let message = "Enum name \(value.name) has the same name as \(first.name) if you ignore case and strip out the enum name prefix (if any). This is error-prone and can lead to undefined behavior. Please avoid doing this. If you are using allow_alias, please assign the same numeric value to both enums."
                if file.isProto3 { error(message, value.sites, .name) } else { warning(message, value.sites, .name) }
            }
        }
    }

    private static func asciiLower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
    private static func asciiUpper(_ c: UInt8) -> UInt8 { c >= 0x61 && c <= 0x7A ? c - 32 : c }

    private mutating func buildService(_ service: ServiceNode) {
        service.fullName = qualify(package, service.name)
        for (i, method) in service.methods.enumerated() {
            method.path = service.path + [2, Int32(i)]
            method.fullName = service.fullName + "." + method.name
            if let options = method.options {
                pendingOptions.append(PendingOptions(options: options, kind: .method, path: method.path + [4], nameScope: method.fullName))
            }
            addSymbol(method.fullName, .method(method), method.sites)
        }
        if let options = service.options {
            pendingOptions.append(PendingOptions(options: options, kind: .service, path: service.path + [3], nameScope: service.fullName))
        }
        addSymbol(service.fullName, .service(service), service.sites)
    }

    // MARK: Cross-link

    private mutating func notDefined(_ name: String, _ sites: Sites, _ site: ErrorSite) {
        for message in resolver.notDefinedMessages(name) {
            error(message, sites, site)
        }
    }

    private mutating func crossLinkMessage(_ message: MessageNode) {
        guard !tooDeep.contains(ObjectIdentifier(message)) else { return }
        for nested in message.nestedMessages { crossLinkMessage(nested) }
        for field in message.fields { crossLinkField(field, containingMessage: message) }
        for field in message.extensions { crossLinkField(field, containingMessage: nil) }

        var oneofFieldCounts = [Int](repeating: 0, count: message.oneofs.count)
        for (i, field) in message.fields.enumerated() {
            guard let index = field.oneofIndex.map(Int.init), index < message.oneofs.count else { continue }
            if oneofFieldCounts[index] > 0 && message.fields[i - 1].oneofIndex != field.oneofIndex {
                let previous = message.fields[i - 1]
                error("Fields in the same oneof must be defined consecutively. \"\(previous.name)\" cannot be defined before the completion of the \"\(message.oneofs[index].name)\" oneof definition.", previous.sites, .type)
            }
            oneofFieldCounts[index] += 1
        }
        for (i, oneof) in message.oneofs.enumerated() where oneofFieldCounts[i] == 0 {
            error("Oneof must have at least one field.", oneof.sites, .name)
        }
    }

    private var sequentialLimits: [ObjectIdentifier: Int] = [:]

    /// `MessageNode.sequentialFieldLimit`, computed once per message.
    private mutating func sequentialLimit(of message: MessageNode) -> Int {
        if let known = sequentialLimits[ObjectIdentifier(message)] { return known }
        let limit = message.sequentialFieldLimit
        sequentialLimits[ObjectIdentifier(message)] = limit
        return limit
    }

    /// Numbers used so far per containing message (fields and extensions alike), keyed by the
    /// message itself: two same-named messages (already an error) do not clash again.
    private var numbersInUse: [ObjectIdentifier: [Int32: FieldNode]] = [:]

    private mutating func crossLinkField(_ field: FieldNode, containingMessage: MessageNode?) {
        var containingName = containingMessage?.fullName
        var containingNode = containingMessage
        if let extendee = field.extendee {
            guard let symbol = resolver.lookup(extendee, relativeTo: field.fullName) else {
                notDefined(extendee, field.sites, .extendee)
                return
            }
            guard case .message(let target) = symbol.kind else {
                error("\"\(extendee)\" is not a message type.", field.sites, .extendee)
                return
            }
            field.resolvedExtendee = "." + target.fullName
            containingName = target.fullName
            containingNode = target
            if !target.extensionRanges.contains(where: { $0.start <= field.number && field.number < $0.end }) {
                error("\"\(target.fullName)\" does not declare \(field.number) as an extension number.", field.sites, .number)
            }
        }

        if let typeName = field.typeName {
            guard let symbol = resolver.lookup(typeName, relativeTo: field.fullName, typesOnly: true) else {
                notDefined(typeName, field.sites, .type)
                return
            }
            if field.type == nil {
                switch symbol.kind {
                case .message: field.type = .message
                case .enum: field.type = .enum
                default:
                    error("\"\(typeName)\" is not a type.", field.sites, .type)
                    return
                }
            }
            switch field.type! {
            case .message, .group:
                guard case .message(let target) = symbol.kind else {
                    error("\"\(typeName)\" is not a message type.", field.sites, .type)
                    return
                }
                field.messageType = target
                field.resolvedTypeName = "." + target.fullName
                if field.defaultValue != nil {
                    error("Messages can't have default values.", field.sites, .defaultValue)
                }
            case .enum:
                guard case .enum(let target) = symbol.kind else {
                    error("\"\(typeName)\" is not an enum type.", field.sites, .type)
                    return
                }
                field.enumType = target
                field.resolvedTypeName = "." + target.fullName
                if let value = field.defaultValue {
                    if !TextLiterals.isIdentifier(value) {
                        error("Default value for an enum field must be an identifier.", field.sites, .defaultValue)
                    } else if case .enumValue(_, let owner)? = resolver.lookup(value, relativeTo: target.fullName)?.kind, owner === target {
                        field.resolvedDefault = value
                    } else {
                        error("Enum type \"\(target.fullName)\" has no value named \"\(value)\".", field.sites, .defaultValue)
                    }
                }
            default:
                error("Field with primitive type has type_name.", field.sites, .type)
            }
        }

        guard let containingName, let containingNode else { return }
        let key = ObjectIdentifier(containingNode)
        // protoc finds the leading run of fields numbered 1, 2, 3, … by position, even in another
        // file, so an extension can clash with one of those.
        var sequentialClash: FieldNode?
        let sequential = sequentialLimit(of: containingNode)
        if field.number >= 1 && Int(field.number) <= sequential {
            let occupant = containingNode.fields[Int(field.number) - 1]
            if field.extendee != nil || occupant !== field { sequentialClash = occupant }
        }
        if let existing = sequentialClash ?? (sequential >= Int(field.number) && field.number >= 1 ? nil : numbersInUse[key]?[field.number]) {
            if field.extendee != nil {
                error("Extension number \(field.number) has already been used in \"\(containingName)\" by extension \"\(existing.fullName)\".", field.sites, .number)
            } else {
                error("Field number \(field.number) has already been used in \"\(containingName)\" by field \"\(existing.name)\".", field.sites, .number)
            }
        } else if !(field.number >= 1 && Int(field.number) <= sequential) {
            numbersInUse[key, default: [:]][field.number] = field
            if field.extendee != nil, let other = table.addExtension(field, extendee: containingName, file: file) {
                // Only a warning in protoc (existing schemas have such clashes).
                warning("Extension number \(field.number) has already been used in \"\(containingName)\" by extension \"\(other.fullName)\" defined in \(table.file(ofExtension: other)?.name ?? "").", field.sites, .number)
            }
        }
    }

    private mutating func crossLinkService(_ service: ServiceNode) {
        for method in service.methods {
            if let symbol = resolver.lookup(method.inputType, relativeTo: method.fullName) {
                if case .message(let m) = symbol.kind {
                    method.resolvedInput = "." + m.fullName
                } else {
                    error("\"\(method.inputType)\" is not a message type.", method.sites, .inputType)
                }
            } else {
                notDefined(method.inputType, method.sites, .inputType)
            }
            if let symbol = resolver.lookup(method.outputType, relativeTo: method.fullName) {
                if case .message(let m) = symbol.kind {
                    method.resolvedOutput = "." + m.fullName
                } else {
                    error("\"\(method.outputType)\" is not a message type.", method.sites, .outputType)
                }
            } else {
                notDefined(method.outputType, method.sites, .outputType)
            }
        }
    }

    /// Once something failed, protoc explains clashes with synthesized map entry types.
    private mutating func detectMapConflicts(_ message: MessageNode) {
        var seen: [String: MessageNode] = [:]
        for nested in message.nestedMessages {
            if let existing = seen[nested.name] {
                if existing.options?.mapEntry == true || nested.options?.mapEntry == true {
                    error("Expanded map entry type \(nested.name) conflicts with an existing nested message type.", message.sites, .name)
                    break
                }
            } else {
                seen[nested.name] = nested
            }
            detectMapConflicts(nested)
        }
        for (names, kind) in [(message.fields.map(\.name), "field"), (message.enums.map(\.name), "enum type"), (message.oneofs.map(\.name), "oneof type")] {
            for name in names {
                if let entry = seen[name], entry.options?.mapEntry == true {
                    error("Expanded map entry type \(entry.name) conflicts with an existing \(kind).", message.sites, .name)
                }
            }
        }
    }

    // MARK: Validation (after options are interpreted)

    private mutating func validateFile() {
        for message in file.messages { validateMessage(message) }
        for node in file.enums { validateEnum(node) }
        for field in file.extensions { validateField(field, in: nil) }
        if file.isProto3 {
            for field in file.extensions { validateProto3Field(field) }
            for message in file.messages { validateProto3Message(message) }
            for node in file.enums { validateProto3Enum(node) }
        }
    }

    private mutating func validateMessage(_ message: MessageNode) {
        for field in message.fields { validateField(field, in: message) }
        for nested in message.nestedMessages { validateMessage(nested) }
        for node in message.enums { validateEnum(node) }
        for field in message.extensions { validateField(field, in: nil) }
        let isMessageSet = message.options?.builtinBool("message_set_wire_format") ?? false
        let maxNumber: Int64 = isMessageSet ? Int64(Int32.max) : 536_870_911
        for range in message.extensionRanges where Int64(range.end) > maxNumber + 1 {
            error("Extension numbers cannot be greater than \(maxNumber).", range.sites, .number)
        }
    }

    private mutating func validateField(_ field: FieldNode, in message: MessageNode?) {
        if (field.options?.builtinBool("lazy") ?? false) || (field.options?.builtinBool("unverified_lazy") ?? false),
           field.type != .message {
            error("[lazy = true] can only be specified for submessage fields.", field.sites, .type)
        }
        if field.options?.builtinBool("packed") ?? false, !(field.label == .repeated && field.type!.isPackable) {
            error("[packed = true] can only be specified for repeated primitive fields.", field.sites, .type)
        }
        if let message, message.options?.builtinBool("message_set_wire_format") ?? false {
            error("MessageSets cannot have fields, only extensions.", field.sites, .name)
        }
        if field.extendee != nil, let target = extendeeNode(field), target.options?.builtinBool("message_set_wire_format") ?? false {
            if field.label != .optional || field.type != .message {
                error("Extensions of MessageSets must be optional messages.", field.sites, .type)
            }
        }
        if let entry = field.messageType, entry.options?.mapEntry ?? false || (entry.options?.builtinBool("map_entry") ?? false) {
            if !validateMapEntry(field, entry) {
                error("map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.", field.sites, .type)
            }
        }
        if field.extendee != nil, let json = field.jsonName, json != TextLiterals.jsonName(field.name) {
            error("option json_name is not allowed on extension fields.", field.sites, .optionName)
        }
    }

    private func extendeeNode(_ field: FieldNode) -> MessageNode? {
        guard let name = field.resolvedExtendee, case .message(let m)? = table[String(name.dropFirst())]?.kind else { return nil }
        return m
    }

    private mutating func validateMapEntry(_ field: FieldNode, _ entry: MessageNode) -> Bool {
        guard entry.extensions.isEmpty, field.label == .repeated, entry.extensionRanges.isEmpty,
              entry.nestedMessages.isEmpty, entry.enums.isEmpty, entry.fields.count == 2,
              entry.name == TextLiterals.mapEntryName(field.name),
              field.fullName.split(separator: ".").dropLast().joined(separator: ".") == entry.fullName.split(separator: ".").dropLast().joined(separator: ".")
        else { return false }
        let key = entry.fields[0], value = entry.fields[1]
        guard key.label == .optional, key.number == 1, key.name == "key",
              value.label == .optional, value.number == 2, value.name == "value" else { return false }
        switch key.type {
        case .enum?:
            error("Key in map fields cannot be enum types.", field.sites, .type)
        case .float?, .double?, .message?, .group?, .bytes?:
            error("Key in map fields cannot be float/double, bytes or message types.", field.sites, .type)
        default:
            break
        }
        if value.type == .enum, let e = value.enumType, let first = e.values.first, first.number != 0 {
            error("Enum value in map must define 0 as the first value.", field.sites, .type)
        }
        return true
    }

    private mutating func validateEnum(_ node: EnumNode) {
        let allowAlias = node.options?.builtinBool("allow_alias") ?? false
        guard !allowAlias else { return }
        var used: [Int32: String] = [:]
        for value in node.values {
            if let first = used[value.number] {
                error("\"\(value.fullName)\" uses the same enum value as \"\(first)\". If this is intended, set 'option allow_alias = true;' to the enum definition.", value.sites, .number)
            } else {
                used[value.number] = value.fullName
            }
        }
    }

    private mutating func validateProto3Message(_ message: MessageNode) {
        for nested in message.nestedMessages { validateProto3Message(nested) }
        for node in message.enums { validateProto3Enum(node) }
        for field in message.fields { validateProto3Field(field) }
        for field in message.extensions { validateProto3Field(field) }
        if let range = message.extensionRanges.first {
            error("Extension ranges are not allowed in proto3.", range.sites, .number)
        }
        if message.options?.builtinBool("message_set_wire_format") ?? false {
            error("MessageSet is not supported in proto3.", message.sites, .name)
        }
        var byLowercase: [String: FieldNode] = [:]
        for field in message.fields {
            let key = String(field.name.filter { $0 != "_" }.lowercased())
            if let other = byLowercase[key] {
                error("The JSON camel-case name of field \"\(field.name)\" conflicts with field \"\(other.name)\". This is not allowed in proto3.", field.sites, .name)
            } else {
                byLowercase[key] = field
            }
        }
    }

    private static let proto3Extendees: Set<String> = [
        ".google.protobuf.FileOptions", ".google.protobuf.MessageOptions", ".google.protobuf.FieldOptions",
        ".google.protobuf.EnumOptions", ".google.protobuf.EnumValueOptions", ".google.protobuf.ServiceOptions",
        ".google.protobuf.MethodOptions", ".google.protobuf.OneofOptions", ".google.protobuf.ExtensionRangeOptions",
    ]

    private mutating func validateProto3Field(_ field: FieldNode) {
        if let extendee = field.resolvedExtendee, !Self.proto3Extendees.contains(extendee) {
            error("Extensions in proto3 are only allowed for defining options.", field.sites, .extendee)
        }
        if field.label == .required {
            error("Required fields are not allowed in proto3.", field.sites, .type)
        }
        if field.defaultValue != nil {
            error("Explicit default values are not allowed in proto3.", field.sites, .defaultValue)
        }
        if let e = field.enumType, let owner = table[e.fullName]?.file, !owner.isProto3 {
            let container = field.fullName.split(separator: ".").dropLast().joined(separator: ".")
            error("Enum type \"\(e.fullName)\" is not a proto3 enum, but is used in \"\(container)\" which is a proto3 message type.", field.sites, .type)
        }
        if field.type == .group {
            error("Groups are not supported in proto3 syntax.", field.sites, .type)
        }
    }

    private mutating func validateProto3Enum(_ node: EnumNode) {
        if let first = node.values.first, first.number != 0 {
            error("The first enum value must be zero in proto3.", first.sites, .number)
        }
    }
}
