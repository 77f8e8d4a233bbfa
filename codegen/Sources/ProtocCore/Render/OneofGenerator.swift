import ProtoRuntime

/// Generates a real `oneof`: a Swift enum with one case per member, an optional property of
/// that enum on the message, and the members' parts of encoding and decoding. (proto3 `optional`
/// fields live in synthetic oneofs; those are plain presence fields and never get here.)
struct OneofGenerator {
    let descriptor: Google_Protobuf_OneofDescriptorProto
    /// Index in the message's `oneof_decl` (for doc comment paths).
    let declarationIndex: Int
    let name: String
    let property: String
    /// `OneOf_Kind`.
    let enumName: String
    var members: [FieldGenerator] = []

    init(_ descriptor: Google_Protobuf_OneofDescriptorProto, declarationIndex: Int) {
        self.descriptor = descriptor
        self.declarationIndex = declarationIndex
        name = SwiftNaming.fieldName(descriptor.name)
        property = SwiftNaming.escaped(name)
        enumName = "OneOf_" + SwiftNaming.upperCamel(descriptor.name)
    }

    func slot(usesStorage: Bool) -> String { usesStorage ? "_" + name : property }

    func emitEnum(into w: inout SourceWriter, visibility v: String, comments: DocComments, messagePath: [Int32]) {
        w.line("/// The field set in oneof `\(descriptor.name)`, if any.")
        w.block("\(v)enum \(enumName): Hashable, Sendable") { w in
            for m in members {
                comments.emit(messagePath + [2, m.fieldIndex], into: &w)
                w.line("case \(m.property)(\(m.value.swiftType))")
            }
        }
    }

    func emitProperty(into w: inout SourceWriter, usesStorage: Bool, visibility v: String) {
        if usesStorage {
            w.block("\(v)var \(property): \(enumName)?") { w in
                w.line("get { _storage._\(name) }")
                w.line("set { _uniqueStorage()._\(name) = newValue }")
            }
        } else {
            w.line("\(v)var \(property): \(enumName)? = nil")
        }
    }

    /// Size of the members in `subset` (consecutive by field number): one switch over the enum.
    func emitSize(into w: inout SourceWriter, subset: [FieldGenerator], p: String) {
        w.switchBlock("\(p + slot(usesStorage: p == "storage."))") { w in
            for m in subset {
                let binding = m.value.fixedSize == nil ? "(let v)" : ""
                w.line("case .\(m.property)\(binding)?: size += \(m.value.sizeWithTag("v", number: m.number))")
            }
            w.line("default: break")
        }
    }

    func emitEncode(into w: inout SourceWriter, subset: [FieldGenerator], p: String) {
        w.switchBlock("\(p + slot(usesStorage: p == "storage."))") { w in
            for m in subset {
                w.line("case .\(m.property)(let v)?:")
                w.indent()
                for s in m.value.writeWithTag("v", number: m.number) { w.line(s) }
                w.outdent()
            }
            w.line("default: break")
        }
    }

    func emitDecodeCase(into w: inout SourceWriter, member m: FieldGenerator, p: String, unknownFields: String) {
        let x = p + slot(usesStorage: p == "storage.")
        w.line("case \(m.number) where tag.wireType == \(m.value.wireType):")
        w.indent()
        var statements = m.value.readStatements(
            decoder: "decoder", number: m.number, existing: nil, unknownFields: unknownFields,
            store: { "\(x) = .\(m.property)(\($0))" })
        if m.value.isMessageLike {
            // A second occurrence of the same member merges into the first, as for any message field.
            statements.insert("if case .\(m.property)(let existing)? = \(x) { v = existing }", at: 1)
        }
        for s in statements { w.line(s) }
        w.outdent()
    }

    func emitInitializationCheck(into w: inout SourceWriter, p: String) {
        let x = p + slot(usesStorage: p == "storage.")
        for m in members where m.needsInitializationCheck {
            w.line("if case .\(m.property)(let v)? = \(x), !v.isInitialized { return false }")
        }
    }
}
