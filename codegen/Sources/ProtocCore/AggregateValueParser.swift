/// Parses an aggregate option value (`option (opt) = { a: 1 b { c: "x" } };`) — protobuf text
/// format — into the wire encoding of the option's message type, as protoc does through a
/// dynamic message: fields are written in field-number order (extensions included), repeated
/// values in the order given, packed when the field is packed.
struct AggregateValueParser {
    struct Failure: Error {
        var message: String
    }

    private var lexer: Lexer
    private var resolver: NameResolver

    init(text: String, resolver: NameResolver) {
        self.lexer = Lexer(bytes: Array(text.utf8))
        self.resolver = resolver
        lexer.next()
    }

    mutating func parse(_ message: MessageNode) -> Result<[UInt8], Failure> {
        do {
            let body = try parseFields(message, terminator: nil)
            return .success(body)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }

    private var current: Token { lexer.current }

    private mutating func tryConsume(_ text: String) -> Bool {
        if current.text == text && current.kind != .string {
            lexer.next()
            return true
        }
        return false
    }

    private mutating func expect(_ text: String) throws {
        guard tryConsume(text) else {
            throw Failure(message: "Expected \"\(text)\", found \"\(current.text)\".")
        }
    }

    /// Values gathered per field, encoded without tags.
    private struct Collected {
        var field: OptionField
        var values: [[UInt8]] = []
    }

    private mutating func parseFields(_ message: MessageNode, terminator: String?) throws -> [UInt8] {
        var collected: [Int32: Collected] = [:]
        var anyExpansion: [UInt8]?
        while true {
            if let terminator, tryConsume(terminator) { break }
            if terminator == nil && current.kind == .end { break }
            if current.kind == .end {
                throw Failure(message: "Expected \"\(terminator ?? "")\".")
            }
            if message.fullName == "google.protobuf.Any" && current.text == "[" && current.kind == .symbol {
                // `[type.googleapis.com/pkg.Type] { … }`: an expanded Any, written as its type URL
                // and the serialized message.
                lexer.next()
                var url = try identifier()
                while current.text == "." || current.text == "/" {
                    url += current.text
                    lexer.next()
                    url += try identifier()
                }
                try expect("]")
                guard let slash = url.lastIndex(of: "/") else {
                    throw Failure(message: "Extension \"\(url)\" is not defined or is not an extension of \"\(message.fullName)\".")
                }
                let typeName = String(url[url.index(after: slash)...])
                guard case .message(let type)? = resolver.findAnywhere(typeName)?.kind else {
                    throw Failure(message: "Could not find type \"\(url)\" stored in google.protobuf.Any.")
                }
                _ = tryConsume(":")
                let close: String
                if tryConsume("{") { close = "}" } else { try expect("<"); close = ">" }
                let body = try parseFields(type, terminator: close)
                var w = WireWriter()
                w.stringField(1, url)
                w.bytesField(2, body)
                if !tryConsume(";") { _ = tryConsume(",") }
                anyExpansion = w.bytes
                continue
            }
            let field = try parseFieldName(message)
            if collected[field.number] == nil { collected[field.number] = Collected(field: field) }
            if !field.isRepeated && !(collected[field.number]!.values.isEmpty) {
                throw Failure(message: "Non-repeated field \"\(field.name)\" is specified multiple times.")
            }
            if field.type == .message || field.type == .group {
                _ = tryConsume(":")
                if field.isRepeated && tryConsume("[") {
                    if !tryConsume("]") {
                        while true {
                            collected[field.number]!.values.append(try parseMessageValue(field))
                            if tryConsume("]") { break }
                            try expect(",")
                        }
                    }
                } else {
                    collected[field.number]!.values.append(try parseMessageValue(field))
                }
            } else {
                try expect(":")
                if field.isRepeated && tryConsume("[") {
                    if !tryConsume("]") {
                        while true {
                            collected[field.number]!.values.append(try parseScalar(field))
                            if tryConsume("]") { break }
                            try expect(",")
                        }
                    }
                } else {
                    collected[field.number]!.values.append(try parseScalar(field))
                }
            }
            if !tryConsume(";") { _ = tryConsume(",") }
        }
        let missing = message.fields.filter { $0.label == .required && collected[$0.number] == nil }.map(\.name)
        if !missing.isEmpty {
            throw Failure(message: "Message missing required fields: \(missing.joined(separator: ", "))")
        }
        if let anyExpansion {
            guard collected.isEmpty else {
                throw Failure(message: "Expected \"\(terminator ?? "")\", found \"\(current.text)\".")
            }
            return anyExpansion
        }
        var w = WireWriter()
        for number in collected.keys.sorted() {
            let entry = collected[number]!
            if entry.field.isPacked {
                guard !entry.values.isEmpty else { continue }
                w.bytesField(number, entry.values.flatMap { $0 })
                continue
            }
            for value in entry.values {
                switch entry.field.type {
                case .group:
                    w.tag(number, .startGroup)
                    w.raw(value)
                    w.tag(number, .endGroup)
                case .message, .string, .bytes:
                    w.bytesField(number, value)
                default:
                    w.tag(number, entry.field.wireType)
                    w.raw(value)
                }
            }
        }
        return w.bytes
    }

    private mutating func parseFieldName(_ message: MessageNode) throws -> OptionField {
        if tryConsume("[") {
            var name = try identifier()
            while tryConsume(".") {
                name += "." + (try identifier())
            }
            try expect("]")
            if case .field(let node)? = resolver.lookup(name, relativeTo: message.fullName)?.kind,
               node.extendee != nil, node.resolvedExtendee == "." + message.fullName {
                return OptionField(declared: node)
            }
            throw Failure(message: "Extension \"\(name)\" is not defined or is not an extension of \"\(message.fullName)\".")
        }
        guard current.kind == .identifier else {
            throw Failure(message: "Expected identifier, got: \(current.text)")
        }
        let name = current.text
        lexer.next()
        var node = message.fields.first { $0.name == name }
        if node == nil {
            node = message.fields.first { $0.name == name.lowercased() && $0.type == .group }
        }
        if let n = node, n.type == .group, n.messageType?.name != name {
            node = nil
        }
        guard let node else {
            throw Failure(message: "Message type \"\(message.fullName)\" has no field named \"\(name)\".")
        }
        return OptionField(declared: node)
    }

    private mutating func identifier() throws -> String {
        guard current.kind == .identifier else {
            throw Failure(message: "Expected identifier, got: \(current.text)")
        }
        defer { lexer.next() }
        return current.text
    }

    private var depth = 0

    private mutating func parseMessageValue(_ field: OptionField) throws -> [UInt8] {
        guard depth < 100 else {
            throw Failure(message: "Message is too deep, the parser exceeded the configured recursion limit of 100.")
        }
        depth += 1
        defer { depth -= 1 }
        let close: String
        if tryConsume("{") {
            close = "}"
        } else if tryConsume("<") {
            close = ">"
        } else {
            throw Failure(message: "Expected \"{\", found \"\(current.text)\".")
        }
        guard let type = field.messageType else { throw Failure(message: "Unknown message type for \"\(field.name)\".") }
        return try parseFields(type, terminator: close)
    }

    private mutating func parseScalar(_ field: OptionField) throws -> [UInt8] {
        var w = WireWriter()
        switch field.type {
        case .string, .bytes:
            guard current.kind == .string else {
                throw Failure(message: "Expected string, got: \(current.text)")
            }
            var bytes: [UInt8] = []
            while current.kind == .string {
                TextLiterals.appendString(token: current.text, to: &bytes)
                lexer.next()
            }
            return bytes
        case .bool:
            let text = current.text
            lexer.next()
            switch text {
            case "true", "True", "t", "1": w.varint(1)
            case "false", "False", "f", "0": w.varint(0)
            default:
                throw Failure(message: "Invalid value for boolean field \"\(field.name)\". Value: \"\(text)\".")
            }
        case .float, .double:
            let negative = tryConsume("-")
            var value: Double
            if current.kind == .integer {
                guard let v = TextLiterals.parseInteger(current.text, maxValue: .max) else {
                    throw Failure(message: "Integer out of range (\(current.text))")
                }
                value = Double(v)
            } else if current.kind == .float {
                value = TextLiterals.parseFloat(current.text)
            } else if current.kind == .identifier, ["inf", "infinity"].contains(current.text.lowercased()) {
                value = .infinity
            } else if current.kind == .identifier, current.text.lowercased() == "nan" {
                value = .nan
            } else {
                throw Failure(message: "Expected double, got: \(current.text)")
            }
            lexer.next()
            if negative { value = -value }
            OptionField.encodeScalar(field.type, double: value, into: &w)
        case .enum:
            guard let enumType = field.enumType else { throw Failure(message: "Unknown enum type.") }
            if current.kind == .identifier {
                guard let number = enumType.number(of: current.text) else {
                    throw Failure(message: "Unknown enumeration value of \"\(current.text)\" for field \"\(field.name)\".")
                }
                lexer.next()
                w.varint(UInt64(bitPattern: Int64(number)))
            } else {
                let negative = tryConsume("-")
                guard current.kind == .integer, let v = TextLiterals.parseInteger(current.text, maxValue: negative ? UInt64(Int32.max) + 1 : UInt64(Int32.max)) else {
                    throw Failure(message: "Expected integer, got: \(current.text)")
                }
                let number = negative ? Int32(truncatingIfNeeded: 0 &- Int64(v)) : Int32(v)
                if enumType.isClosed && !enumType.contains(number: number) {
                    throw Failure(message: "Unknown enumeration value of \"\(current.text)\" for field \"\(field.name)\".")
                }
                lexer.next()
                w.varint(UInt64(bitPattern: Int64(number)))
            }
        default:
            let negative = tryConsume("-")
            guard current.kind == .integer else {
                throw Failure(message: "Expected integer, got: \(current.text)")
            }
            let signed = [FieldType.int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64].contains(field.type)
            let is32 = [FieldType.int32, .sint32, .sfixed32, .uint32, .fixed32].contains(field.type)
            if negative && !signed {
                throw Failure(message: "Expected integer, got: -")
            }
            let maxValue: UInt64 = signed ? (is32 ? UInt64(Int32.max) : UInt64(Int64.max)) + (negative ? 1 : 0)
                                          : (is32 ? UInt64(UInt32.max) : UInt64.max)
            guard let v = TextLiterals.parseInteger(current.text, maxValue: maxValue) else {
                throw Failure(message: "Integer out of range (\(current.text))")
            }
            lexer.next()
            if signed {
                OptionField.encodeScalar(field.type, integer: negative ? 0 &- Int64(bitPattern: v) : Int64(bitPattern: v), into: &w)
            } else {
                OptionField.encodeScalar(field.type, unsigned: v, into: &w)
            }
        }
        return w.bytes
    }
}
