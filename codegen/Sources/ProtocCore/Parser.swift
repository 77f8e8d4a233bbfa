/// Parses the tokens of one .proto file into a `FileNode`, recording source locations
/// (`SourceCodeInfo`) in the order and with the spans protoc's parser records them.
///
/// Like protoc, the parser reports an error, skips the broken statement and carries on, so one
/// run reports several errors. Map fields get their synthesized `…Entry` types and proto3
/// `optional` fields their synthetic oneofs here, as protoc's parser does.
struct Parser {
    private var lexer: Lexer
    private let file: FileNode
    private var errors: [Diagnostic] = []
    private var syntax = ""
    private var locations: [SourceLocationRecord] = []
    private var upcomingDocComments: String?
    private var upcomingDetachedComments: [String] = []

    /// Field numbers in `descriptor.proto`, which the source paths are made of.
    private enum Path {
        static let fileMessage: Int32 = 4, fileEnum: Int32 = 5, fileService: Int32 = 6, fileExtension: Int32 = 7
        static let fileOptions: Int32 = 8, fileDependency: Int32 = 3, filePackage: Int32 = 2
        static let filePublicDependency: Int32 = 10, fileWeakDependency: Int32 = 11, fileSyntax: Int32 = 12
        static let messageName: Int32 = 1, messageField: Int32 = 2, messageNested: Int32 = 3, messageEnum: Int32 = 4
        static let messageExtensionRange: Int32 = 5, messageExtension: Int32 = 6, messageOptions: Int32 = 7
        static let messageOneof: Int32 = 8, messageReservedRange: Int32 = 9, messageReservedName: Int32 = 10
        static let fieldName: Int32 = 1, fieldExtendee: Int32 = 2, fieldNumber: Int32 = 3, fieldLabel: Int32 = 4
        static let fieldType: Int32 = 5, fieldTypeName: Int32 = 6, fieldDefault: Int32 = 7, fieldOptions: Int32 = 8
        static let fieldJSONName: Int32 = 10
        static let rangeStart: Int32 = 1, rangeEnd: Int32 = 2, extensionRangeOptions: Int32 = 3
        static let enumName: Int32 = 1, enumValue: Int32 = 2, enumOptions: Int32 = 3
        static let enumReservedRange: Int32 = 4, enumReservedName: Int32 = 5
        static let valueName: Int32 = 1, valueNumber: Int32 = 2, valueOptions: Int32 = 3
        static let serviceName: Int32 = 1, serviceMethod: Int32 = 2, serviceOptions: Int32 = 3
        static let methodName: Int32 = 1, methodInput: Int32 = 2, methodOutput: Int32 = 3, methodOptions: Int32 = 4
        static let methodClientStreaming: Int32 = 5, methodServerStreaming: Int32 = 6
        static let oneofName: Int32 = 1, oneofOptions: Int32 = 2
        static let uninterpretedOption: Int32 = 999, optionName: Int32 = 2, namePart: Int32 = 1
        static let identifierValue: Int32 = 3, positiveIntValue: Int32 = 4, negativeIntValue: Int32 = 5
        static let doubleValue: Int32 = 6, stringValue: Int32 = 7, aggregateValue: Int32 = 8
    }

    /// The sentinel for `to max` until the message's options decide the real maximum.
    private static let maxRangeSentinel: Int32 = -1

    init(fileName: String, bytes: [UInt8], compatibility: ProtocCompatibility = .protoc321) {
        self.lexer = Lexer(bytes: bytes, compatibility: compatibility)
        self.file = FileNode(name: fileName)
    }

    /// Parses the whole file. Returns the file and every error (tokenizer and parser).
    static func parse(fileName: String, bytes: [UInt8], compatibility: ProtocCompatibility = .protoc321) -> (FileNode, [Diagnostic]) {
        var parser = Parser(fileName: fileName, bytes: bytes, compatibility: compatibility)
        parser.parseFile()
        parser.drainLexerErrors()
        let all = parser.errors
        parser.file.sourceLocations = parser.locations
        return (parser.file, all)
    }

    // MARK: Tokens

    private var current: Token { lexer.current }

    private func lookingAt(_ text: String) -> Bool { current.text == text }

    private func lookingAt(_ kind: Token.Kind) -> Bool { current.kind == kind }

    /// True at the end of input, or once nesting went too deep to follow (parsing stops).
    private var atEnd: Bool { current.kind == .end || abandoned }

    /// Message nesting beyond which the parser gives up (protoc's linker already refuses 32).
    private static let maxNesting = 64
    private var nesting = 0
    private var abandoned = false

    /// Moves the tokenizer's errors (met while reading ahead) into the error list.
    private mutating func drainLexerErrors() {
        for e in lexer.takeErrors() {
            errors.append(Diagnostic(file: file.name, line: e.line, column: e.column, message: e.message))
        }
    }

    private mutating func addError(_ message: String) {
        guard !abandoned else { return }
        drainLexerErrors()
        errors.append(Diagnostic(file: file.name, line: current.line, column: current.column, message: message))
    }

    private mutating func addError(at token: Token, _ message: String) {
        drainLexerErrors()
        errors.append(Diagnostic(file: file.name, line: token.line, column: token.column, message: message))
    }

    private mutating func tryConsume(_ text: String) -> Bool {
        if lookingAt(text) {
            lexer.next()
            return true
        }
        return false
    }

    private mutating func consume(_ text: String, _ error: String? = nil) -> Bool {
        if tryConsume(text) { return true }
        addError(error ?? "Expected \"\(text)\".")
        return false
    }

    private mutating func consumeIdentifier(_ error: String) -> String? {
        if lookingAt(.identifier) {
            let text = current.text
            lexer.next()
            return text
        }
        addError(error)
        return nil
    }

    private mutating func consumeInteger(_ error: String) -> Int32? {
        guard lookingAt(.integer) else {
            addError(error)
            return nil
        }
        var value: UInt64 = 0
        if let parsed = TextLiterals.parseInteger(current.text, maxValue: UInt64(Int32.max)) {
            value = parsed
        } else {
            addError("Integer out of range.")
        }
        lexer.next()
        return Int32(truncatingIfNeeded: value)
    }

    private mutating func consumeInteger64(max: UInt64, _ error: String) -> UInt64? {
        guard lookingAt(.integer) else {
            addError(error)
            return nil
        }
        var value: UInt64 = 0
        if let parsed = TextLiterals.parseInteger(current.text, maxValue: max) {
            value = parsed
        } else {
            addError("Integer out of range.")
        }
        lexer.next()
        return value
    }

    private mutating func consumeSignedInteger(_ error: String) -> Int32? {
        var maxValue = UInt64(Int32.max)
        let negative = tryConsume("-")
        if negative { maxValue += 1 }
        guard let value = consumeInteger64(max: maxValue, error) else { return nil }
        return negative ? Int32(truncatingIfNeeded: 0 &- Int64(value)) : Int32(truncatingIfNeeded: value)
    }

    private mutating func consumeNumber(_ error: String) -> Double? {
        if lookingAt(.float) {
            let v = TextLiterals.parseFloat(current.text)
            lexer.next()
            return v
        } else if lookingAt(.integer) {
            var value: UInt64 = 0
            if let parsed = TextLiterals.parseInteger(current.text, maxValue: .max) {
                value = parsed
            } else {
                addError("Integer out of range.")
            }
            lexer.next()
            return Double(value)
        } else if lookingAt("inf") {
            lexer.next()
            return .infinity
        } else if lookingAt("nan") {
            lexer.next()
            return .nan
        }
        addError(error)
        return nil
    }

    /// A string literal, with adjacent literals concatenated as in C.
    private mutating func consumeString(_ error: String) -> [UInt8]? {
        guard lookingAt(.string) else {
            addError(error)
            return nil
        }
        var bytes: [UInt8] = []
        while lookingAt(.string) {
            TextLiterals.appendString(token: current.text, to: &bytes)
            lexer.next()
        }
        return bytes
    }

    private mutating func tryConsumeEndOfDeclaration(_ text: String, _ location: Int?) -> Bool {
        guard lookingAt(text) else { return false }
        let comments = lexer.nextWithComments()
        let leading = upcomingDocComments
        upcomingDocComments = comments.leading
        if let location {
            let detached = upcomingDetachedComments
            upcomingDetachedComments = comments.detached
            if let leading, !leading.isEmpty { locations[location].leadingComments = leading }
            if let trailing = comments.trailing, !trailing.isEmpty { locations[location].trailingComments = trailing }
            locations[location].detachedComments.append(contentsOf: detached)
        } else if text == "}" {
            upcomingDetachedComments = comments.detached
        } else {
            upcomingDetachedComments.append(contentsOf: comments.detached)
        }
        return true
    }

    private mutating func consumeEndOfDeclaration(_ text: String, _ location: Int?) -> Bool {
        if tryConsumeEndOfDeclaration(text, location) { return true }
        addError("Expected \"\(text)\".")
        return false
    }

    // MARK: Locations

    /// Starts a location at the current token (protoc's `LocationRecorder`).
    private mutating func begin(_ path: [Int32]) -> Int {
        locations.append(SourceLocationRecord(path: path, span: [Int32(current.line), Int32(current.column)]))
        return locations.count - 1
    }

    private mutating func startAt(_ location: Int, _ token: Token) {
        locations[location].span[0] = Int32(token.line)
        locations[location].span[1] = Int32(token.column)
    }

    private mutating func endAt(_ location: Int, _ token: Token) {
        if Int32(token.line) != locations[location].span[0] {
            locations[location].span.append(Int32(token.line))
        }
        locations[location].span.append(Int32(token.endColumn))
    }

    /// Ends a location at the last consumed token unless it was ended explicitly.
    private mutating func end(_ location: Int) {
        if locations[location].span.count <= 2 {
            endAt(location, lexer.previous)
        }
    }

    private func start(of location: Int) -> SourcePosition {
        SourcePosition(line: Int(locations[location].span[0]), column: Int(locations[location].span[1]))
    }

    private func path(of location: Int) -> [Int32] { locations[location].path }

    // MARK: File

    private mutating func parseFile() {
        if lookingAt(.start) {
            let comments = lexer.nextWithComments()
            upcomingDetachedComments = comments.detached
            upcomingDocComments = comments.leading
        }
        let root = begin([])
        defer { end(root) }
        file.sites[.other] = start(of: root)

        if lookingAt("edition") {
            addError("editions are not supported yet (this compiler supports syntax = \"proto2\" and \"proto3\").")
            return
        }
        if lookingAt("syntax") {
            guard parseSyntax() else { return }
            file.syntax = syntax
        } else {
            syntax = "proto2"
        }

        while !atEnd {
            if !parseTopLevelStatement(root) {
                skipStatement()
                if lookingAt("}") {
                    addError("Unmatched \"}\".")
                    let comments = lexer.nextWithComments()
                    upcomingDocComments = comments.leading
                    upcomingDetachedComments = comments.detached
                }
            }
        }
    }

    private mutating func parseSyntax() -> Bool {
        let location = begin([Path.fileSyntax])
        defer { end(location) }
        guard consume("syntax", "File must begin with a syntax statement, e.g. 'syntax = \"proto2\";'."),
              consume("=") else { return false }
        let syntaxToken = current
        guard let value = consumeString("Expected syntax identifier."),
              consumeEndOfDeclaration(";", location) else { return false }
        syntax = String(decoding: value, as: UTF8.self)
        if syntax != "proto2" && syntax != "proto3" {
            addError(at: syntaxToken, "Unrecognized syntax identifier \"\(syntax)\".  This parser only recognizes \"proto2\" and \"proto3\".")
            return false
        }
        return true
    }

    private mutating func parseTopLevelStatement(_ root: Int) -> Bool {
        if tryConsumeEndOfDeclaration(";", nil) {
            return true
        } else if lookingAt("message") {
            let location = begin([Path.fileMessage, Int32(file.messages.count)])
            defer { end(location) }
            let message = MessageNode()
            file.messages.append(message)
            return parseMessageDefinition(message, location)
        } else if lookingAt("enum") {
            let location = begin([Path.fileEnum, Int32(file.enums.count)])
            defer { end(location) }
            let node = EnumNode()
            file.enums.append(node)
            return parseEnumDefinition(node, location)
        } else if lookingAt("service") {
            let location = begin([Path.fileService, Int32(file.services.count)])
            defer { end(location) }
            let node = ServiceNode()
            file.services.append(node)
            return parseServiceDefinition(node, location)
        } else if lookingAt("extend") {
            let location = begin([Path.fileExtension])
            defer { end(location) }
            return parseExtend(into: .file, parentLocation: root, nestedTypeField: Path.fileMessage, location)
        } else if lookingAt("import") {
            return parseImport()
        } else if lookingAt("package") {
            return parsePackage()
        } else if lookingAt("option") {
            let location = begin([Path.fileOptions])
            defer { end(location) }
            if file.options == nil { file.options = OptionsNode() }
            return parseOption(file.options!, location, statement: true)
        } else {
            addError("Expected top-level statement (e.g. \"message\").")
            return false
        }
    }

    private mutating func parseImport() -> Bool {
        let location = begin([Path.fileDependency, Int32(file.dependencies.count)])
        defer { end(location) }
        let importPosition = start(of: location)
        guard consume("import") else { return false }
        if lookingAt("public") {
            let publicLocation = begin([Path.filePublicDependency, Int32(file.publicDependencies.count)])
            defer { end(publicLocation) }
            guard consume("public") else { return false }
            file.publicDependencies.append(Int32(file.dependencies.count))
        } else if lookingAt("weak") {
            let weakLocation = begin([Path.fileWeakDependency, Int32(file.weakDependencies.count)])
            defer { end(weakLocation) }
            guard consume("weak") else { return false }
            file.weakDependencies.append(Int32(file.dependencies.count))
        }
        guard let name = consumeString("Expected a string naming the file to import.") else { return false }
        file.dependencies.append(String(decoding: name, as: UTF8.self))
        file.importPositions.append(importPosition)
        return consumeEndOfDeclaration(";", location)
    }

    private mutating func parsePackage() -> Bool {
        if file.package != nil {
            addError("Multiple package definitions.")
            file.package = nil
        }
        let location = begin([Path.filePackage])
        defer { end(location) }
        file.sites[.name] = start(of: location)
        guard consume("package") else { return false }
        var package = ""
        while true {
            guard let identifier = consumeIdentifier("Expected identifier.") else {
                // protoc only has a package once it appended a part of the name.
                if !package.isEmpty { file.package = package }
                return false
            }
            package += identifier
            if !tryConsume(".") { break }
            package += "."
        }
        file.package = package
        return consumeEndOfDeclaration(";", location)
    }

    // MARK: Messages

    private mutating func parseMessageDefinition(_ message: MessageNode, _ location: Int) -> Bool {
        message.path = path(of: location)
        guard consume("message") else { return false }
        do {
            let nameLocation = begin(path(of: location) + [Path.messageName])
            defer { end(nameLocation) }
            message.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected message name.") else { return false }
            message.name = name
        }
        guard parseMessageBlock(message, location) else { return false }
        if syntax == "proto3" {
            generateSyntheticOneofs(message)
        }
        return true
    }

    /// proto3 `optional` fields each get a one-field oneof named `_field` (prefixed with `X`
    /// until the name is free), appended after the real oneofs.
    private func generateSyntheticOneofs(_ message: MessageNode) {
        var names = Set(message.fields.map(\.name))
        names.formUnion(message.oneofs.map(\.name))
        for field in message.fields where field.proto3Optional {
            var name = field.name
            if !name.hasPrefix("_") { name = "_" + name }
            while names.contains(name) { name = "X" + name }
            names.insert(name)
            field.oneofIndex = Int32(message.oneofs.count)
            let oneof = OneofNode()
            oneof.name = name
            oneof.path = message.path + [Path.messageOneof, Int32(message.oneofs.count)]
            message.oneofs.append(oneof)
        }
    }

    private mutating func parseMessageBlock(_ message: MessageNode, _ location: Int) -> Bool {
        if nesting >= Self.maxNesting {
            if !abandoned {
                errors.append(Diagnostic(file: file.name, line: nil, column: nil, message: "Reached maximum recursion limit for nested messages."))
            }
            abandoned = true
            return false
        }
        nesting += 1
        defer { nesting -= 1 }
        guard consumeEndOfDeclaration("{", location) else { return false }
        while !tryConsumeEndOfDeclaration("}", nil) {
            if atEnd {
                addError("Reached end of input in message definition (missing '}').")
                return false
            }
            if !parseMessageStatement(message, location) {
                skipStatement()
            }
        }
        let isMessageSet = message.options?.uninterpreted.contains {
            $0.name.count == 1 && !$0.name[0].isExtension && $0.name[0].name == "message_set_wire_format"
                && { if case .identifier("true") = $0.value { return true } else { return false } }($0)
        } ?? false
        let maxEnd: Int32 = isMessageSet ? Int32.max : 536_870_912
        for range in message.extensionRanges where range.end == Self.maxRangeSentinel {
            range.end = maxEnd
        }
        for i in message.reservedRanges.indices where message.reservedRanges[i].end == Self.maxRangeSentinel {
            message.reservedRanges[i].end = maxEnd
        }
        return true
    }

    private mutating func parseMessageStatement(_ message: MessageNode, _ location: Int) -> Bool {
        let base = path(of: location)
        if tryConsumeEndOfDeclaration(";", nil) {
            return true
        } else if lookingAt("message") {
            let nested = begin(base + [Path.messageNested, Int32(message.nestedMessages.count)])
            defer { end(nested) }
            let node = MessageNode()
            message.nestedMessages.append(node)
            return parseMessageDefinition(node, nested)
        } else if lookingAt("enum") {
            let nested = begin(base + [Path.messageEnum, Int32(message.enums.count)])
            defer { end(nested) }
            let node = EnumNode()
            message.enums.append(node)
            return parseEnumDefinition(node, nested)
        } else if lookingAt("extensions") {
            let rangesLocation = begin(base + [Path.messageExtensionRange])
            defer { end(rangesLocation) }
            return parseExtensions(message, rangesLocation)
        } else if lookingAt("reserved") {
            return parseReserved(message, location)
        } else if lookingAt("extend") {
            let extendLocation = begin(base + [Path.messageExtension])
            defer { end(extendLocation) }
            return parseExtend(into: .message(message), parentLocation: location, nestedTypeField: Path.messageNested, extendLocation)
        } else if lookingAt("option") {
            let optionLocation = begin(base + [Path.messageOptions])
            defer { end(optionLocation) }
            if message.options == nil { message.options = OptionsNode() }
            return parseOption(message.options!, optionLocation, statement: true)
        } else if lookingAt("oneof") {
            let index = Int32(message.oneofs.count)
            let oneofLocation = begin(base + [Path.messageOneof, index])
            defer { end(oneofLocation) }
            let oneof = OneofNode()
            oneof.path = path(of: oneofLocation)
            message.oneofs.append(oneof)
            return parseOneof(oneof, index: index, message, oneofLocation, messageLocation: location)
        } else {
            let fieldLocation = begin(base + [Path.messageField, Int32(message.fields.count)])
            defer { end(fieldLocation) }
            let field = FieldNode()
            message.fields.append(field)
            return parseMessageField(field, nestedIn: .message(message), parentLocation: location,
                                     nestedTypeField: Path.messageNested, fieldLocation)
        }
    }

    /// Where groups and map entries declared by a field go.
    private enum TypeContainer {
        case file
        case message(MessageNode)
    }

    private func nestedCount(_ container: TypeContainer) -> Int {
        switch container {
        case .file: file.messages.count
        case .message(let m): m.nestedMessages.count
        }
    }

    private func addNested(_ node: MessageNode, to container: TypeContainer) {
        switch container {
        case .file: file.messages.append(node)
        case .message(let m): m.nestedMessages.append(node)
        }
    }

    private mutating func parseMessageField(_ field: FieldNode, nestedIn container: TypeContainer, parentLocation: Int,
                                            nestedTypeField: Int32, _ fieldLocation: Int) -> Bool {
        field.path = path(of: fieldLocation)
        if lookingAt("optional") || lookingAt("repeated") || lookingAt("required") {
            let labelLocation = begin(path(of: fieldLocation) + [Path.fieldLabel])
            defer { end(labelLocation) }
            if tryConsume("optional") {
                field.label = .optional
                if syntax == "proto3" { field.proto3Optional = true }
            } else if tryConsume("repeated") {
                field.label = .repeated
            } else {
                _ = consume("required")
                field.label = .required
            }
        }
        return parseMessageFieldNoLabel(field, nestedIn: container, parentLocation: parentLocation,
                                        nestedTypeField: nestedTypeField, fieldLocation)
    }

    private struct MapTypes {
        var keyType: FieldType?
        var keyTypeName = ""
        var valueType: FieldType?
        var valueTypeName = ""
    }

    private mutating func parseMessageFieldNoLabel(_ field: FieldNode, nestedIn container: TypeContainer, parentLocation: Int,
                                                   nestedTypeField: Int32, _ fieldLocation: Int) -> Bool {
        field.path = path(of: fieldLocation)
        var map: MapTypes?
        do {
            let typeLocation = begin(path(of: fieldLocation))
            defer { end(typeLocation) }
            field.sites[.type] = start(of: typeLocation)
            var typeParsed = false
            var type: FieldType?
            var typeName = ""
            if tryConsume("map") {
                if lookingAt("<") {
                    if field.oneofIndex != nil {
                        addError("Map fields are not allowed in oneofs.")
                        return false
                    }
                    if field.label != nil {
                        addError("Field labels (required/optional/repeated) are not allowed on map fields.")
                        return false
                    }
                    if field.extendee != nil {
                        addError("Map fields are not allowed to be extensions.")
                        return false
                    }
                    field.label = .repeated
                    var types = MapTypes()
                    guard consume("<") else { return false }
                    guard parseType(&types.keyType, &types.keyTypeName) else { return false }
                    guard consume(",") else { return false }
                    guard parseType(&types.valueType, &types.valueTypeName) else { return false }
                    guard consume(">") else { return false }
                    locations[typeLocation].path.append(Path.fieldTypeName)
                    map = types
                } else {
                    typeParsed = true
                    typeName = "map"
                }
            }
            if map == nil {
                if field.label == nil && syntax == "proto3" {
                    field.label = .optional
                }
                if field.label == nil {
                    addError("Expected \"required\", \"optional\", or \"repeated\".")
                    field.label = .optional
                }
                if !typeParsed {
                    guard parseType(&type, &typeName) else { return false }
                }
                if typeName.isEmpty {
                    locations[typeLocation].path.append(Path.fieldType)
                    field.type = type
                } else {
                    locations[typeLocation].path.append(Path.fieldTypeName)
                    field.typeName = typeName
                }
            }
        }

        let nameToken = current
        do {
            let nameLocation = begin(path(of: fieldLocation) + [Path.fieldName])
            defer { end(nameLocation) }
            field.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected field name.") else { return false }
            field.name = name
        }
        guard consume("=", "Missing field number.") else { return false }
        do {
            let numberLocation = begin(path(of: fieldLocation) + [Path.fieldNumber])
            defer { end(numberLocation) }
            field.sites[.number] = start(of: numberLocation)
            guard let number = consumeInteger("Expected field number.") else { return false }
            field.number = number
        }
        guard parseFieldOptions(field, fieldLocation) else { return false }

        if field.type == .group {
            let groupLocation = begin(path(of: parentLocation) + [nestedTypeField, Int32(nestedCount(container))])
            defer { end(groupLocation) }
            locations[groupLocation].span[0] = locations[fieldLocation].span[0]
            locations[groupLocation].span[1] = locations[fieldLocation].span[1]
            let group = MessageNode()
            group.name = field.name
            group.path = path(of: groupLocation)
            addNested(group, to: container)
            do {
                let nameLocation = begin(path(of: groupLocation) + [Path.messageName])
                startAt(nameLocation, nameToken)
                endAt(nameLocation, nameToken)
                group.sites[.name] = start(of: nameLocation)
            }
            do {
                let typeNameLocation = begin(path(of: fieldLocation) + [Path.fieldTypeName])
                startAt(typeNameLocation, nameToken)
                endAt(typeNameLocation, nameToken)
                field.sites[.type] = start(of: typeNameLocation)
            }
            if let first = group.name.utf8.first, !(first >= 0x41 && first <= 0x5A) {
                addError(at: nameToken, "Group names must start with a capital letter.")
            }
            field.name = field.name.lowercased()
            field.typeName = group.name
            if lookingAt("{") {
                guard parseMessageBlock(group, groupLocation) else { return false }
            } else {
                addError("Missing group body.")
                return false
            }
        } else {
            guard consumeEndOfDeclaration(";", fieldLocation) else { return false }
        }

        if let map {
            generateMapEntry(map, field, in: container)
        }
        return true
    }

    private func generateMapEntry(_ map: MapTypes, _ field: FieldNode, in container: TypeContainer) {
        let entry = MessageNode()
        let entryName = TextLiterals.mapEntryName(field.name)
        field.typeName = entryName
        entry.name = entryName
        entry.options = OptionsNode()
        entry.options!.mapEntry = true
        let key = FieldNode()
        key.name = "key"
        key.label = .optional
        key.number = 1
        if map.keyTypeName.isEmpty { key.type = map.keyType } else { key.typeName = map.keyTypeName }
        let value = FieldNode()
        value.name = "value"
        value.label = .optional
        value.number = 2
        if map.valueTypeName.isEmpty { value.type = map.valueType } else { value.typeName = map.valueTypeName }
        // The synthesized entry has no source positions: protoc reports its errors without one.
        entry.fields = [key, value]
        entry.isSynthesizedMapEntry = true
        addNested(entry, to: container)
    }

    private mutating func parseType(_ type: inout FieldType?, _ typeName: inout String) -> Bool {
        if let keyword = FieldType.keywords[current.text] {
            type = keyword
            lexer.next()
            return true
        }
        return parseUserDefinedType(&typeName)
    }

    private mutating func parseUserDefinedType(_ typeName: inout String) -> Bool {
        typeName = ""
        if FieldType.keywords[current.text] != nil {
            addError("Expected message type.")
            typeName = current.text
            lexer.next()
            return true
        }
        if tryConsume(".") { typeName += "." }
        guard let first = consumeIdentifier("Expected type name.") else { return false }
        typeName += first
        while tryConsume(".") {
            typeName += "."
            guard let part = consumeIdentifier("Expected identifier.") else { return false }
            typeName += part
        }
        return true
    }

    private mutating func parseFieldOptions(_ field: FieldNode, _ fieldLocation: Int) -> Bool {
        guard lookingAt("[") else { return true }
        let optionsLocation = begin(path(of: fieldLocation) + [Path.fieldOptions])
        defer { end(optionsLocation) }
        guard consume("[") else { return false }
        repeat {
            if lookingAt("default") {
                guard parseDefaultAssignment(field, fieldLocation) else { return false }
            } else if lookingAt("json_name") {
                guard parseJSONName(field, fieldLocation) else { return false }
            } else {
                if field.options == nil { field.options = OptionsNode() }
                guard parseOption(field.options!, optionsLocation, statement: false) else { return false }
            }
        } while tryConsume(",")
        return consume("]")
    }

    private mutating func parseDefaultAssignment(_ field: FieldNode, _ fieldLocation: Int) -> Bool {
        if field.defaultValue != nil {
            addError("Already set option \"default\".")
            field.defaultValue = nil
        }
        guard consume("default"), consume("=") else { return false }
        let location = begin(path(of: fieldLocation) + [Path.fieldDefault])
        defer { end(location) }
        field.sites[.defaultValue] = start(of: location)
        guard let type = field.type else {
            field.defaultValue = current.text
            lexer.next()
            return true
        }
        var value = ""
        switch type {
        case .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64:
            var maxValue = UInt64(Int64.max)
            if type == .int32 || type == .sint32 || type == .sfixed32 { maxValue = UInt64(Int32.max) }
            if tryConsume("-") {
                value = "-"
                maxValue += 1
            }
            guard let number = consumeInteger64(max: maxValue, "Expected integer for field default value.") else { return false }
            value += String(number)
        case .uint32, .uint64, .fixed32, .fixed64:
            let maxValue = (type == .uint32 || type == .fixed32) ? UInt64(UInt32.max) : UInt64.max
            if tryConsume("-") {
                addError("Unsigned field can't have negative default value.")
            }
            guard let number = consumeInteger64(max: maxValue, "Expected integer for field default value.") else { return false }
            value = String(number)
        case .float, .double:
            if tryConsume("-") { value = "-" }
            guard let number = consumeNumber("Expected number.") else { return false }
            value += TextLiterals.formatDouble(number)
        case .bool:
            if tryConsume("true") {
                value = "true"
            } else if tryConsume("false") {
                value = "false"
            } else {
                addError("Expected \"true\" or \"false\".")
                return false
            }
        case .string:
            guard let bytes = consumeString("Expected string for field default value.") else { return false }
            field.defaultBytes = bytes
            value = String(decoding: bytes, as: UTF8.self)
        case .bytes:
            guard let bytes = consumeString("Expected string.") else { return false }
            value = TextLiterals.cEscape(bytes)
        case .enum:
            guard let identifier = consumeIdentifier("Expected enum identifier for field default value.") else { return false }
            value = identifier
        case .message, .group:
            addError("Messages can't have default values.")
            return false
        }
        field.defaultValue = value
        return true
    }

    private mutating func parseJSONName(_ field: FieldNode, _ fieldLocation: Int) -> Bool {
        if field.jsonName != nil {
            addError("Already set option \"json_name\".")
            field.jsonName = nil
        }
        let location = begin(path(of: fieldLocation) + [Path.fieldJSONName])
        defer { end(location) }
        field.sites[.optionName] = start(of: location)
        guard consume("json_name"), consume("=") else { return false }
        let valueLocation = begin(path(of: location))
        defer { end(valueLocation) }
        field.sites[.optionValue] = start(of: valueLocation)
        guard let value = consumeString("Expected string for JSON name.") else { return false }
        field.jsonName = String(decoding: value, as: UTF8.self)
        return true
    }

    // MARK: Options

    /// Parses `option a.(b.c).d = value;` (statement) or `a = value` inside brackets.
    private mutating func parseOption(_ options: OptionsNode, _ optionsLocation: Int, statement: Bool) -> Bool {
        let location = begin(path(of: optionsLocation) + [Path.uninterpretedOption, Int32(options.uninterpreted.count)])
        defer { end(location) }
        if statement {
            guard consume("option") else { return false }
        }
        options.uninterpreted.append(UninterpretedOption())
        let index = options.uninterpreted.count - 1
        do {
            let nameLocation = begin(path(of: location) + [Path.optionName])
            defer { end(nameLocation) }
            options.uninterpreted[index].sites[.optionName] = start(of: nameLocation)
            repeat {
                let partLocation = begin(path(of: nameLocation) + [Int32(options.uninterpreted[index].name.count)])
                defer { end(partLocation) }
                guard let part = parseOptionNamePart(partLocation) else { return false }
                options.uninterpreted[index].name.append(part)
            } while tryConsume(".")
        }
        guard consume("=") else { return false }
        do {
            let valueLocation = begin(path(of: location))
            defer { end(valueLocation) }
            options.uninterpreted[index].sites[.optionValue] = start(of: valueLocation)
            let negative = tryConsume("-")
            switch current.kind {
            case .start, .end:
                addError("Unexpected end of stream while parsing option value.")
                return false
            case .identifier:
                locations[valueLocation].path.append(Path.identifierValue)
                if negative {
                    addError("Invalid '-' symbol before identifier.")
                    return false
                }
                guard let value = consumeIdentifier("Expected identifier.") else { return false }
                options.uninterpreted[index].value = .identifier(value)
            case .integer:
                let maxValue = negative ? UInt64(Int64.max) + 1 : UInt64.max
                guard let value = consumeInteger64(max: maxValue, "Expected integer.") else { return false }
                if negative {
                    locations[valueLocation].path.append(Path.negativeIntValue)
                    options.uninterpreted[index].value = .negativeInt(Int64(bitPattern: 0 &- value))
                } else {
                    locations[valueLocation].path.append(Path.positiveIntValue)
                    options.uninterpreted[index].value = .positiveInt(value)
                }
            case .float:
                locations[valueLocation].path.append(Path.doubleValue)
                guard let value = consumeNumber("Expected number.") else { return false }
                options.uninterpreted[index].value = .double(negative ? -value : value)
            case .string:
                locations[valueLocation].path.append(Path.stringValue)
                if negative {
                    addError("Invalid '-' symbol before string.")
                    return false
                }
                guard let value = consumeString("Expected string.") else { return false }
                options.uninterpreted[index].value = .string(value)
            case .symbol:
                if lookingAt("{") {
                    locations[valueLocation].path.append(Path.aggregateValue)
                    guard let text = parseUninterpretedBlock() else { return false }
                    options.uninterpreted[index].value = .aggregate(text)
                } else {
                    addError("Expected option value.")
                    return false
                }
            }
        }
        if statement {
            return consumeEndOfDeclaration(";", location)
        }
        return true
    }

    private mutating func parseOptionNamePart(_ partLocation: Int) -> UninterpretedOption.NamePart? {
        if lookingAt("(") {
            guard consume("(") else { return nil }
            var name = ""
            do {
                let location = begin(path(of: partLocation) + [Path.namePart])
                defer { end(location) }
                if lookingAt(.identifier) {
                    guard let identifier = consumeIdentifier("Expected identifier.") else { return nil }
                    name += identifier
                }
                while lookingAt(".") {
                    guard consume(".") else { return nil }
                    name += "."
                    guard let identifier = consumeIdentifier("Expected identifier.") else { return nil }
                    name += identifier
                }
            }
            guard consume(")") else { return nil }
            return .init(name: name, isExtension: true)
        }
        let location = begin(path(of: partLocation) + [Path.namePart])
        defer { end(location) }
        guard let identifier = consumeIdentifier("Expected identifier.") else { return nil }
        return .init(name: identifier, isExtension: false)
    }

    /// The text of an aggregate value `{ … }`: its tokens joined by single spaces.
    private mutating func parseUninterpretedBlock() -> String? {
        guard consume("{") else { return nil }
        var depth = 1
        var value = ""
        while !atEnd {
            if lookingAt("{") {
                depth += 1
            } else if lookingAt("}") {
                depth -= 1
                if depth == 0 {
                    lexer.next()
                    return value
                }
            }
            if !value.isEmpty { value += " " }
            value += current.text
            lexer.next()
        }
        addError("Unexpected end of stream while parsing aggregate value.")
        return nil
    }

    // MARK: Extensions and reserved

    private mutating func parseExtensions(_ message: MessageNode, _ rangesLocation: Int) -> Bool {
        guard consume("extensions") else { return false }
        let firstNew = message.extensionRanges.count
        repeat {
            let location = begin(path(of: rangesLocation) + [Int32(message.extensionRanges.count)])
            defer { end(location) }
            let range = ExtensionRangeNode()
            range.path = path(of: location)
            range.sites[.number] = start(of: location)
            message.extensionRanges.append(range)
            var startToken = current
            var startValue: Int32 = 0
            var endValue: Int32 = 0
            do {
                let startLocation = begin(path(of: location) + [Path.rangeStart])
                defer { end(startLocation) }
                startToken = current
                guard let v = consumeInteger("Expected field number range.") else { return false }
                startValue = v
            }
            if tryConsume("to") {
                let endLocation = begin(path(of: location) + [Path.rangeEnd])
                defer { end(endLocation) }
                if tryConsume("max") {
                    endValue = Self.maxRangeSentinel - 1
                } else {
                    guard let v = consumeInteger("Expected integer.") else { return false }
                    endValue = v
                }
            } else {
                let endLocation = begin(path(of: location) + [Path.rangeEnd])
                startAt(endLocation, startToken)
                endAt(endLocation, startToken)
                endValue = startValue
            }
            range.start = startValue
            range.end = endValue &+ 1
        } while tryConsume(",")

        if lookingAt("[") {
            // Options apply to every range of the statement; protoc records their locations
            // once per range.
            let rangeIndexPosition = path(of: rangesLocation).count
            let recordedBefore = locations.count
            let options = OptionsNode()
            do {
                let indexLocation = begin(path(of: rangesLocation) + [0])
                defer { end(indexLocation) }
                let optionsLocation = begin(path(of: indexLocation) + [Path.extensionRangeOptions])
                defer { end(optionsLocation) }
                guard consume("[") else { return false }
                repeat {
                    guard parseOption(options, optionsLocation, statement: false) else { return false }
                } while tryConsume(",")
                guard consume("]") else { return false }
            }
            let recorded = Array(locations[recordedBefore...])
            locations.removeSubrange(recordedBefore...)
            for i in firstNew..<message.extensionRanges.count {
                if i == firstNew {
                    message.extensionRanges[i].options = options
                } else {
                    // protoc copies the options to the other ranges; the copies have no error
                    // positions.
                    let copy = OptionsNode()
                    copy.uninterpreted = options.uninterpreted.map {
                        var option = $0
                        option.sites = Sites()
                        return option
                    }
                    message.extensionRanges[i].options = copy
                }
                for var record in recorded where record.path.count != rangeIndexPosition + 1 {
                    record.path[rangeIndexPosition] = Int32(i)
                    locations.append(record)
                }
            }
        }
        return consumeEndOfDeclaration(";", rangesLocation)
    }

    private mutating func parseReserved(_ message: MessageNode, _ messageLocation: Int) -> Bool {
        parseReservedStatement(&message.reservedNames, &message.reservedRanges, messageLocation,
                               namesField: Path.messageReservedName, rangesField: Path.messageReservedRange, isEnum: false)
    }

    private mutating func parseEnumReserved(_ node: EnumNode, _ enumLocation: Int) -> Bool {
        parseReservedStatement(&node.reservedNames, &node.reservedRanges, enumLocation,
                               namesField: Path.enumReservedName, rangesField: Path.enumReservedRange, isEnum: true)
    }

    /// `reserved "a", "b";` or `reserved 1, 5 to 9, 100 to max;`. Enum ranges are inclusive and
    /// may be negative; message ranges are stored end-exclusive.
    private mutating func parseReservedStatement(_ names: inout [String], _ ranges: inout [RangeNode], _ parentLocation: Int,
                                                 namesField: Int32, rangesField: Int32, isEnum: Bool) -> Bool {
        let startToken = current
        guard consume("reserved") else { return false }
        if lookingAt(.string) {
            let location = begin(path(of: parentLocation) + [namesField])
            defer { end(location) }
            startAt(location, startToken)
            return parseReservedNames(&names, location)
        }
        let location = begin(path(of: parentLocation) + [rangesField])
        defer { end(location) }
        startAt(location, startToken)
        var first = true
        repeat {
            let rangeLocation = begin(path(of: location) + [Int32(ranges.count)])
            defer { end(rangeLocation) }
            let position = start(of: rangeLocation)
            ranges.append(RangeNode(start: 0, end: 0, position: position))
            var startToken = current
            var startValue: Int32 = 0
            var endValue: Int32 = 0
            do {
                let startLocation = begin(path(of: rangeLocation) + [Path.rangeStart])
                defer { end(startLocation) }
                startToken = current
                let value = isEnum
                    ? consumeSignedInteger(first ? "Expected enum value or number range." : "Expected enum number range.")
                    : consumeInteger(first ? "Expected field name or number range." : "Expected field number range.")
                guard let value else { return false }
                startValue = value
            }
            if tryConsume("to") {
                let endLocation = begin(path(of: rangeLocation) + [Path.rangeEnd])
                defer { end(endLocation) }
                if tryConsume("max") {
                    endValue = isEnum ? Int32.max : Self.maxRangeSentinel - 1
                } else {
                    let value = isEnum ? consumeSignedInteger("Expected integer.") : consumeInteger("Expected integer.")
                    guard let value else { return false }
                    endValue = value
                }
            } else {
                let endLocation = begin(path(of: rangeLocation) + [Path.rangeEnd])
                startAt(endLocation, startToken)
                endAt(endLocation, startToken)
                endValue = startValue
            }
            ranges[ranges.count - 1] = RangeNode(start: startValue, end: isEnum ? endValue : endValue &+ 1, position: position)
            first = false
        } while tryConsume(",")
        return consumeEndOfDeclaration(";", location)
    }

    private mutating func parseReservedNames(_ names: inout [String], _ location: Int) -> Bool {
        repeat {
            let nameLocation = begin(path(of: location) + [Int32(names.count)])
            defer { end(nameLocation) }
            guard let name = consumeString("Expected field name.") else { return false }
            names.append(String(decoding: name, as: UTF8.self))
        } while tryConsume(",")
        return consumeEndOfDeclaration(";", location)
    }

    private mutating func parseExtend(into container: TypeContainer, parentLocation: Int, nestedTypeField: Int32,
                                      _ extendLocation: Int) -> Bool {
        guard consume("extend") else { return false }
        let extendeeStart = current
        var extendee = ""
        guard parseUserDefinedType(&extendee) else { return false }
        let extendeeEnd = lexer.previous
        guard consumeEndOfDeclaration("{", extendLocation) else { return false }
        var isFirst = true
        repeat {
            if atEnd {
                addError("Reached end of input in extend definition (missing '}').")
                return false
            }
            let count: Int
            switch container {
            case .file: count = file.extensions.count
            case .message(let m): count = m.extensions.count
            }
            let location = begin(path(of: extendLocation) + [Int32(count)])
            defer { end(location) }
            let field = FieldNode()
            switch container {
            case .file: file.extensions.append(field)
            case .message(let m): m.extensions.append(field)
            }
            do {
                let extendeeLocation = begin(path(of: location) + [Path.fieldExtendee])
                startAt(extendeeLocation, extendeeStart)
                endAt(extendeeLocation, extendeeEnd)
                if isFirst {
                    field.sites[.extendee] = start(of: extendeeLocation)
                    isFirst = false
                }
            }
            field.extendee = extendee
            if !parseMessageField(field, nestedIn: container, parentLocation: parentLocation,
                                  nestedTypeField: nestedTypeField, location) {
                skipStatement()
            }
        } while !tryConsumeEndOfDeclaration("}", nil)
        return true
    }

    private mutating func parseOneof(_ oneof: OneofNode, index: Int32, _ message: MessageNode, _ oneofLocation: Int,
                                     messageLocation: Int) -> Bool {
        guard consume("oneof") else { return false }
        do {
            // protoc records no error position for a oneof's name.
            let nameLocation = begin(path(of: oneofLocation) + [Path.oneofName])
            defer { end(nameLocation) }
            guard let name = consumeIdentifier("Expected oneof name.") else { return false }
            oneof.name = name
        }
        guard consumeEndOfDeclaration("{", oneofLocation) else { return false }
        repeat {
            if atEnd {
                addError("Reached end of input in oneof definition (missing '}').")
                return false
            }
            if lookingAt("option") {
                let optionLocation = begin(path(of: oneofLocation) + [Path.oneofOptions])
                defer { end(optionLocation) }
                if oneof.options == nil { oneof.options = OptionsNode() }
                if !parseOption(oneof.options!, optionLocation, statement: true) { return false }
                continue
            }
            if lookingAt("required") || lookingAt("optional") || lookingAt("repeated") {
                addError("Fields in oneofs must not have labels (required / optional / repeated).")
                lexer.next()
            }
            let fieldLocation = begin(path(of: messageLocation) + [Path.messageField, Int32(message.fields.count)])
            defer { end(fieldLocation) }
            let field = FieldNode()
            field.label = .optional
            field.oneofIndex = index
            message.fields.append(field)
            if !parseMessageFieldNoLabel(field, nestedIn: .message(message), parentLocation: messageLocation,
                                         nestedTypeField: Path.messageNested, fieldLocation) {
                skipStatement()
            }
        } while !tryConsumeEndOfDeclaration("}", nil)
        return true
    }

    // MARK: Enums

    private mutating func parseEnumDefinition(_ node: EnumNode, _ location: Int) -> Bool {
        node.path = path(of: location)
        guard consume("enum") else { return false }
        do {
            let nameLocation = begin(path(of: location) + [Path.enumName])
            defer { end(nameLocation) }
            node.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected enum name.") else { return false }
            node.name = name
        }
        guard consumeEndOfDeclaration("{", location) else { return false }
        while !tryConsumeEndOfDeclaration("}", nil) {
            if atEnd {
                addError("Reached end of input in enum definition (missing '}').")
                return false
            }
            if !parseEnumStatement(node, location) {
                skipStatement()
            }
        }
        return validateEnum(node)
    }

    /// protoc's parser-level checks of `allow_alias`.
    private mutating func validateEnum(_ node: EnumNode) -> Bool {
        var hasAllowAlias = false
        var allowAlias = false
        for option in node.options?.uninterpreted ?? [] where option.name.count == 1 {
            if !option.name[0].isExtension && option.name[0].name == "allow_alias" {
                hasAllowAlias = true
                if case .identifier("true") = option.value { allowAlias = true }
                break
            }
        }
        if hasAllowAlias && !allowAlias {
            addError("\"\(node.name)\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.")
            return false
        }
        var used = Set<Int32>()
        var hasDuplicates = false
        for value in node.values where !used.insert(value.number).inserted {
            hasDuplicates = true
            break
        }
        if allowAlias && !hasDuplicates {
            addError("\"\(node.name)\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.")
            return false
        }
        return true
    }

    private mutating func parseEnumStatement(_ node: EnumNode, _ location: Int) -> Bool {
        if tryConsumeEndOfDeclaration(";", nil) {
            return true
        } else if lookingAt("option") {
            let optionLocation = begin(path(of: location) + [Path.enumOptions])
            defer { end(optionLocation) }
            if node.options == nil { node.options = OptionsNode() }
            return parseOption(node.options!, optionLocation, statement: true)
        } else if lookingAt("reserved") {
            return parseEnumReserved(node, location)
        }
        let valueLocation = begin(path(of: location) + [Path.enumValue, Int32(node.values.count)])
        defer { end(valueLocation) }
        let value = EnumValueNode()
        value.path = path(of: valueLocation)
        node.values.append(value)
        do {
            let nameLocation = begin(path(of: valueLocation) + [Path.valueName])
            defer { end(nameLocation) }
            value.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected enum constant name.") else { return false }
            value.name = name
        }
        guard consume("=", "Missing numeric value for enum constant.") else { return false }
        do {
            let numberLocation = begin(path(of: valueLocation) + [Path.valueNumber])
            defer { end(numberLocation) }
            value.sites[.number] = start(of: numberLocation)
            guard let number = consumeSignedInteger("Expected integer.") else { return false }
            value.number = number
        }
        if lookingAt("[") {
            let optionsLocation = begin(path(of: valueLocation) + [Path.valueOptions])
            defer { end(optionsLocation) }
            guard consume("[") else { return false }
            value.options = OptionsNode()
            repeat {
                guard parseOption(value.options!, optionsLocation, statement: false) else { return false }
            } while tryConsume(",")
            guard consume("]") else { return false }
        }
        return consumeEndOfDeclaration(";", valueLocation)
    }

    // MARK: Services

    private mutating func parseServiceDefinition(_ service: ServiceNode, _ location: Int) -> Bool {
        service.path = path(of: location)
        guard consume("service") else { return false }
        do {
            let nameLocation = begin(path(of: location) + [Path.serviceName])
            defer { end(nameLocation) }
            service.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected service name.") else { return false }
            service.name = name
        }
        guard consumeEndOfDeclaration("{", location) else { return false }
        while !tryConsumeEndOfDeclaration("}", nil) {
            if atEnd {
                addError("Reached end of input in service definition (missing '}').")
                return false
            }
            if !parseServiceStatement(service, location) {
                skipStatement()
            }
        }
        return true
    }

    private mutating func parseServiceStatement(_ service: ServiceNode, _ location: Int) -> Bool {
        if tryConsumeEndOfDeclaration(";", nil) {
            return true
        } else if lookingAt("option") {
            let optionLocation = begin(path(of: location) + [Path.serviceOptions])
            defer { end(optionLocation) }
            if service.options == nil { service.options = OptionsNode() }
            return parseOption(service.options!, optionLocation, statement: true)
        }
        let methodLocation = begin(path(of: location) + [Path.serviceMethod, Int32(service.methods.count)])
        defer { end(methodLocation) }
        let method = MethodNode()
        method.path = path(of: methodLocation)
        service.methods.append(method)
        return parseServiceMethod(method, methodLocation)
    }

    private mutating func parseServiceMethod(_ method: MethodNode, _ location: Int) -> Bool {
        guard consume("rpc") else { return false }
        do {
            let nameLocation = begin(path(of: location) + [Path.methodName])
            defer { end(nameLocation) }
            method.sites[.name] = start(of: nameLocation)
            guard let name = consumeIdentifier("Expected method name.") else { return false }
            method.name = name
        }
        guard consume("(") else { return false }
        do {
            if lookingAt("stream") {
                let streamLocation = begin(path(of: location) + [Path.methodClientStreaming])
                defer { end(streamLocation) }
                method.sites[.other] = start(of: streamLocation)
                method.clientStreaming = true
                guard consume("stream") else { return false }
            }
            let typeLocation = begin(path(of: location) + [Path.methodInput])
            defer { end(typeLocation) }
            method.sites[.inputType] = start(of: typeLocation)
            guard parseUserDefinedType(&method.inputType) else { return false }
        }
        guard consume(")"), consume("returns"), consume("(") else { return false }
        do {
            if lookingAt("stream") {
                let streamLocation = begin(path(of: location) + [Path.methodServerStreaming])
                defer { end(streamLocation) }
                method.sites[.other] = start(of: streamLocation)
                guard consume("stream") else { return false }
                method.serverStreaming = true
            }
            let typeLocation = begin(path(of: location) + [Path.methodOutput])
            defer { end(typeLocation) }
            method.sites[.outputType] = start(of: typeLocation)
            guard parseUserDefinedType(&method.outputType) else { return false }
        }
        guard consume(")") else { return false }
        if lookingAt("{") {
            // protoc creates the (possibly empty) options message as soon as it sees the block.
            if method.options == nil { method.options = OptionsNode() }
            _ = consumeEndOfDeclaration("{", location)
            while !tryConsumeEndOfDeclaration("}", nil) {
                if atEnd {
                    addError("Reached end of input in method options (missing '}').")
                    return false
                }
                if tryConsumeEndOfDeclaration(";", nil) {
                    continue
                }
                let optionLocation = begin(path(of: location) + [Path.methodOptions])
                defer { end(optionLocation) }
                if method.options == nil { method.options = OptionsNode() }
                if !parseOption(method.options!, optionLocation, statement: true) {
                    skipStatement()
                }
            }
            return true
        }
        return consumeEndOfDeclaration(";", location)
    }

    // MARK: Recovery

    private mutating func skipStatement() {
        while true {
            if atEnd { return }
            if lookingAt(.symbol) {
                if tryConsumeEndOfDeclaration(";", nil) { return }
                if tryConsume("{") {
                    skipRestOfBlock()
                    return
                }
                if lookingAt("}") { return }
            }
            lexer.next()
        }
    }

    /// protoc's recursive block skipping, as a loop (a run of `{` must not exhaust the stack).
    private mutating func skipRestOfBlock() {
        var depth = 1
        while true {
            if atEnd { return }
            if lookingAt(.symbol) {
                if tryConsumeEndOfDeclaration("}", nil) {
                    depth -= 1
                    if depth == 0 { return }
                } else if tryConsume("{") {
                    depth += 1
                    continue
                }
            }
            lexer.next()
        }
    }
}
