import ProtoRuntime

/// Generates typed accessors for an `extend` field on its extended message.
///
/// Extension fields arrive in the extended message's `unknownFields` (the message does not declare
/// them), so the accessor decodes them from there by field number on every read and re-encodes
/// them there on every write. That is what reading custom options such as
/// `(jiceng.v1.method_access)` from an embedded `MethodOptions` needs, with no registry.
/// Naming: the extension's full name, lowerCamel (`jiceng.v1.method_access` → `jicengV1MethodAccess`).
struct ExtensionGenerator {
    let field: FieldGenerator
    let extendee: String
    let fullName: String
    let property: String
    let upperName: String
    let path: [Int32]
    let comments: DocComments
    let visibility: String

    init(
        _ descriptor: Google_Protobuf_FieldDescriptorProto, scope: String, isProto3: Bool, path: [Int32],
        index: DescriptorIndex, comments: DocComments, visibility: String
    ) throws(SwiftRenderError) {
        field = try FieldGenerator(
            descriptor, fieldIndex: 0, isProto3: isProto3, realOneofIndex: nil, isExtension: true, index: index)
        extendee = try index.message(descriptor.extendee).swiftName
        fullName = scope.isEmpty ? descriptor.name : scope + "." + descriptor.name
        let name = SwiftNaming.lowerCamel(fullName.replacingAll(".", with: "_"))
        property = SwiftNaming.escaped(name)
        upperName = SwiftNaming.upperCamel(name)
        self.path = path
        self.comments = comments
        self.visibility = visibility
    }

    func emit(into w: inout SourceWriter) {
        let v = visibility
        let number = field.number
        let isRepeated = if case .repeated = field.kind { true } else { false }
        let storedType = isRepeated ? field.propertyType : field.propertyType + "?"
        w.block("extension \(extendee)") { w in
            comments.emit(path, into: &w)
            w.line("///")
            w.line("/// Extension `\(fullName)` (field \(number)), kept in `unknownFields`.")
            w.block("\(v)var \(property): \(field.propertyType)") { w in
                w.block("get") { w in
                    w.line("var value: \(storedType) = \(isRepeated ? "[]" : "nil")")
                    let sink = field.value.closedEnum != nil ? "ignored" : "_"
                    if sink == "ignored" { w.line("var ignored = UnknownFields()  // unknown enum numbers read as absent") }
                    w.closureBlock("try? unknownFields.decodeFields(numbered: \(number)) { (tag: FieldTag, decoder: inout BinaryDecoder) throws(ProtoDecodingError) in") { w in
                        w.switchBlock("tag.fieldNumber") { w in
                            field.emitDecodeCases(into: &w, x: "value", unknownFields: sink)
                            w.line("default: _ = try decoder.skipValue(tag)")
                        }
                    }
                    if sink == "ignored" { w.line("_ = ignored") }
                    w.line(isRepeated ? "return value" : "return value ?? \(field.defaultLiteral)")
                }
                w.block("set") { w in
                    w.line("let value: \(storedType) = newValue")
                    w.line("var size = 0")
                    field.emitSize(into: &w, x: "value")
                    w.closureBlock("unknownFields.replaceFields(numbered: \(number), size: size) { (encoder: inout BinaryEncoder) in") { w in
                        field.emitEncode(into: &w, x: "value")
                    }
                }
            }
            w.line("/// Whether extension `\(fullName)` is present.")
            w.line("\(v)var has\(upperName): Bool { unknownFields.containsField(numbered: \(number)) }")
            w.line("/// Removes extension `\(fullName)`.")
            w.line("\(v)mutating func clear\(upperName)() { unknownFields.replaceFields(numbered: \(number), size: 0) { _ in } }")
        }
    }
}
