import ProtoRuntime

/// Finds a symbol in a set of descriptor files and writes it back as `.proto` source: how
/// `jiceng describe` shows a message, enum, service or method. Comments and options are not
/// reproduced; types are written fully qualified (`.jiceng.v1.Task`) so nothing is ambiguous.
struct ProtoSourceRenderer {
    let files: [Google_Protobuf_FileDescriptorProto]

    /// The source of `symbol` preceded by `// file.proto`, or nil when no file defines it.
    func render(_ symbol: String) -> String? {
        let wanted = symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol
        for file in files {
            let scope = file.package
            let syntax = file.syntax.isEmpty ? "proto2" : file.syntax
            if let found = findMessage(wanted, in: file.messageType, scope: scope, syntax: syntax)
                ?? findEnum(wanted, in: file.enumType, scope: scope)
                ?? findService(wanted, in: file, scope: scope) {
                return "// \(file.name)\n" + found
            }
        }
        return nil
    }

    private func qualified(_ scope: String, _ name: String) -> String { scope.isEmpty ? name : scope + "." + name }

    private func findMessage(_ wanted: String, in messages: [Google_Protobuf_DescriptorProto], scope: String, syntax: String) -> String? {
        for message in messages {
            let name = qualified(scope, message.name)
            if name == wanted { return self.message(message, syntax: syntax, indent: "") }
            if let nested = findMessage(wanted, in: message.nestedType, scope: name, syntax: syntax)
                ?? findEnum(wanted, in: message.enumType, scope: name) {
                return nested
            }
        }
        return nil
    }

    private func findEnum(_ wanted: String, in enums: [Google_Protobuf_EnumDescriptorProto], scope: String) -> String? {
        enums.first { qualified(scope, $0.name) == wanted }.map { enumeration($0, indent: "") }
    }

    private func findService(_ wanted: String, in file: Google_Protobuf_FileDescriptorProto, scope: String) -> String? {
        for service in file.service {
            let name = qualified(scope, service.name)
            if name == wanted {
                let methods = service.method.map { "  " + rpc($0) + "\n" }.joined()
                return "service \(service.name) {\n\(methods)}\n"
            }
            if let method = service.method.first(where: { qualified(name, $0.name) == wanted }) {
                return rpc(method) + "\n"
            }
        }
        return nil
    }

    private func rpc(_ method: Google_Protobuf_MethodDescriptorProto) -> String {
        let input = (method.clientStreaming ? "stream " : "") + method.inputType
        let output = (method.serverStreaming ? "stream " : "") + method.outputType
        return "rpc \(method.name)(\(input)) returns (\(output));"
    }

    private func message(_ message: Google_Protobuf_DescriptorProto, syntax: String, indent: String) -> String {
        let inner = indent + "  "
        var body = ""
        let mapEntries = Dictionary(message.nestedType.filter(\.options.mapEntry).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var renderedOneofs: Set<Int32> = []
        for field in message.field {
            // Members of a real oneof are written inside it, at the place of its first member.
            if field.hasOneofIndex && !field.proto3Optional {
                guard renderedOneofs.insert(field.oneofIndex).inserted else { continue }
                let members = message.field.filter { $0.hasOneofIndex && $0.oneofIndex == field.oneofIndex }
                body += "\(inner)oneof \(message.oneofDecl[Int(field.oneofIndex)].name) {\n"
                for member in members { body += inner + "  " + fieldLine(member, syntax: syntax, mapEntries: mapEntries, inOneof: true) + "\n" }
                body += "\(inner)}\n"
            } else {
                body += inner + fieldLine(field, syntax: syntax, mapEntries: mapEntries, inOneof: false) + "\n"
            }
        }
        for nested in message.nestedType where !nested.options.mapEntry {
            body += self.message(nested, syntax: syntax, indent: inner)
        }
        for nested in message.enumType { body += enumeration(nested, indent: inner) }
        for range in message.reservedRange {
            let end = range.end - 1
            body += "\(inner)reserved \(range.start == end ? "\(range.start)" : "\(range.start) to \(end)");\n"
        }
        if !message.reservedName.isEmpty {
            body += "\(inner)reserved \(message.reservedName.map { "\"\($0)\"" }.joined(separator: ", "));\n"
        }
        return "\(indent)message \(message.name) {\n\(body)\(indent)}\n"
    }

    private func fieldLine(_ field: Google_Protobuf_FieldDescriptorProto, syntax: String, mapEntries: [String: Google_Protobuf_DescriptorProto], inOneof: Bool) -> String {
        let entryName = field.typeName.split(separator: ".").last.map(String.init) ?? ""
        if field.label == .repeated, field.type == .message, let entry = mapEntries[entryName], entry.field.count == 2 {
            return "map<\(typeName(entry.field[0])), \(typeName(entry.field[1]))> \(field.name) = \(field.number);"
        }
        var label = ""
        if field.label == .repeated {
            label = "repeated "
        } else if field.label == .required {
            label = "required "
        } else if !inOneof && (field.proto3Optional || syntax == "proto2") {
            label = "optional "
        }
        return "\(label)\(typeName(field)) \(field.name) = \(field.number);"
    }

    private func typeName(_ field: Google_Protobuf_FieldDescriptorProto) -> String {
        switch field.type {
        case .message, .group, .enum: field.typeName
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        }
    }

    private func enumeration(_ enumeration: Google_Protobuf_EnumDescriptorProto, indent: String) -> String {
        let values = enumeration.value.map { "\(indent)  \($0.name) = \($0.number);\n" }.joined()
        return "\(indent)enum \(enumeration.name) {\n\(values)\(indent)}\n"
    }
}
