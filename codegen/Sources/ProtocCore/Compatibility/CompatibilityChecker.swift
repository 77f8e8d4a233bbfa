import ProtoRuntime

/// Compares a schema with an earlier release of it and lists the changes that break wire or
/// JSON compatibility (see `BreakingChangeRule`). Additions are always safe: fields, enum values,
/// messages, enums, methods, services, comments and options (other than `json_name`).
///
/// Deliberately conservative: every change of a field's type is breaking, even the ones the wire
/// happens to tolerate (int32 → int64 reads back truncated in old code, and the JSON form of 64-bit
/// integers is a string). Retiring a field or an enum value is fine only when both its number and
/// its name are reserved, so that neither can come back with another meaning.
public struct CompatibilityChecker: Sendable {
    public init() {}

    /// The breaking changes from `old` to `new`, in the order of the old declarations.
    public func check(old: Google_Protobuf_FileDescriptorSet, new: Google_Protobuf_FileDescriptorSet) -> [BreakingChange] {
        var comparison = SchemaComparison(old: SchemaIndex(old), new: SchemaIndex(new))
        comparison.run()
        return comparison.changes
    }
}

extension CompiledFiles {
    /// The breaking changes between `old` (a released `FileDescriptorSet`) and these files with
    /// their imports.
    public func breakingChanges(since old: Google_Protobuf_FileDescriptorSet) -> [BreakingChange] {
        let bytes = descriptorSet(includeImports: true, includeSourceInfo: true)
        // The bytes were written by DescriptorWriter a moment ago; they always decode.
        guard let new = try? Google_Protobuf_FileDescriptorSet(serializedBytes: bytes) else { return [] }
        return CompatibilityChecker().check(old: old, new: new)
    }

    /// The breaking changes since the serialized `FileDescriptorSet` `released`.
    public func breakingChanges(sinceDescriptorSet released: [UInt8]) throws(ProtoDecodingError) -> [BreakingChange] {
        breakingChanges(since: try Google_Protobuf_FileDescriptorSet(serializedBytes: released))
    }
}

/// One comparison run.
private struct SchemaComparison {
    let old: SchemaIndex
    let new: SchemaIndex
    private(set) var changes: [BreakingChange] = []
    private var locations: [String: SourceLocations] = [:]

    init(old: SchemaIndex, new: SchemaIndex) {
        self.old = old
        self.new = new
    }

    mutating func run() {
        for name in old.fileOrder {
            guard let before = old.files[name], let after = new.files[name], before.package != after.package else { continue }
            report(.packageChanged, after, nil, "Package of \(name) changed from \"\(before.package)\" to \"\(after.package)\".")
        }
        let used = typesInUse(old)
        for before in old.allMessages {
            if let after = new.messages[before.fullName] {
                compareFields(before, after)
            } else if used.contains(before.fullName) && !isWellKnown(before.file) {
                report(.messageRemoved, before.file, nil, "Message \(before.fullName) was removed but is used by the released schema.")
            }
        }
        for before in old.allEnums {
            if let after = new.enums[before.fullName] {
                compareValues(before, after)
            } else if !isWellKnown(before.file) {
                report(.enumRemoved, before.file, nil, "Enum \(before.fullName) was removed.")
            }
        }
        for before in old.allServices {
            if let after = new.services[before.fullName] {
                compareMethods(before, after)
            } else {
                report(.serviceRemoved, before.file, nil, "Service \(before.fullName) was removed.")
            }
        }
    }

    /// Files of protobuf's own well-known types, which the release carries only as imports: when
    /// the schema stops importing one, its types are no longer in the set but nobody removed them.
    private func isWellKnown(_ file: Google_Protobuf_FileDescriptorProto) -> Bool {
        file.package == "google.protobuf"
    }

    /// Messages some field or method of `schema` refers to.
    private func typesInUse(_ schema: SchemaIndex) -> Set<String> {
        var used = Set<String>()
        for message in schema.allMessages {
            for field in message.descriptor.field where field.type == .message || field.type == .group {
                used.insert(String(field.typeName.drop { $0 == "." }))
            }
        }
        for service in schema.allServices {
            for method in service.descriptor.method {
                used.insert(String(method.inputType.drop { $0 == "." }))
                used.insert(String(method.outputType.drop { $0 == "." }))
            }
        }
        return used
    }

    // MARK: Messages

    private mutating func compareFields(_ before: SchemaIndex.Message, _ after: SchemaIndex.Message) {
        let fields = after.descriptor.field
        for field in before.descriptor.field {
            let qualified = "\(before.fullName).\(field.name)"
            guard let i = fields.firstIndex(where: { $0.number == field.number }) else {
                if let moved = fields.firstIndex(where: { $0.name == field.name }) {
                    report(.fieldRenumbered, after.file, after.path + [SourcePath.messageField, Int32(moved)],
                           "Field \(qualified) changed number from \(field.number) to \(fields[moved].number).")
                } else if !isReserved(field.number, field.name, after.descriptor) {
                    report(.fieldRemoved, after.file, after.path,
                           "Field \(qualified) (number \(field.number)) was removed; to retire it, reserve both its number and its name.")
                }
                continue
            }
            let path = after.path + [SourcePath.messageField, Int32(i)]
            let current = fields[i]
            if current.name != field.name {
                report(.fieldRenamed, after.file, path, "Field \(field.number) of \(before.fullName) was renamed from \(field.name) to \(current.name), which changes its JSON name.")
            } else if jsonName(current) != jsonName(field) {
                report(.fieldJSONNameChanged, after.file, path, "JSON name of \(qualified) changed from \(jsonName(field)) to \(jsonName(current)).")
            }
            if current.type != field.type || current.typeName != field.typeName {
                report(.fieldTypeChanged, after.file, path, "Type of \(qualified) changed from \(typeDescription(field)) to \(typeDescription(current)).")
            }
            if (current.label == .repeated) != (field.label == .repeated) || (current.label == .required) != (field.label == .required) {
                report(.fieldCardinalityChanged, after.file, path, "\(qualified) changed from \(field.label) to \(current.label).")
            }
            let oneofBefore = oneofName(field, in: before.descriptor), oneofAfter = oneofName(current, in: after.descriptor)
            if oneofBefore != oneofAfter {
                report(.fieldOneofChanged, after.file, path,
                       "\(qualified) moved from \(oneofBefore.map { "oneof \($0)" } ?? "no oneof") to \(oneofAfter.map { "oneof \($0)" } ?? "no oneof").")
            }
        }
    }

    private func isReserved(_ number: Int32, _ name: String, _ message: Google_Protobuf_DescriptorProto) -> Bool {
        // Message reserved ranges are end-exclusive in descriptors.
        message.reservedName.contains(name) && message.reservedRange.contains { $0.start <= number && number < $0.end }
    }

    /// The key proto3 JSON uses: `json_name` when the compiler recorded one, else lowerCamelCase.
    private func jsonName(_ field: Google_Protobuf_FieldDescriptorProto) -> String {
        if field.hasJsonName { return field.jsonName }
        var result = ""
        var upperNext = false
        for character in field.name {
            if character == "_" {
                upperNext = true
            } else {
                result += upperNext ? character.uppercased() : String(character)
                upperNext = false
            }
        }
        return result
    }

    private func typeDescription(_ field: Google_Protobuf_FieldDescriptorProto) -> String {
        field.type == .message || field.type == .enum || field.type == .group ? String(field.typeName.drop { $0 == "." }) : "\(field.type)"
    }

    /// The field's real oneof; proto3 `optional` fields sit in a synthetic one that changes nothing.
    private func oneofName(_ field: Google_Protobuf_FieldDescriptorProto, in message: Google_Protobuf_DescriptorProto) -> String? {
        guard field.hasOneofIndex, !field.proto3Optional, Int(field.oneofIndex) < message.oneofDecl.count else { return nil }
        return message.oneofDecl[Int(field.oneofIndex)].name
    }

    // MARK: Enums

    private mutating func compareValues(_ before: SchemaIndex.Enumeration, _ after: SchemaIndex.Enumeration) {
        let values = after.descriptor.value
        for value in before.descriptor.value {
            let sameNumber = values.indices.filter { values[$0].number == value.number }
            if sameNumber.isEmpty {
                let reserved = after.descriptor.reservedName.contains(value.name)
                    && after.descriptor.reservedRange.contains { $0.start <= value.number && value.number <= $0.end }  // enum ranges are inclusive
                if !reserved {
                    report(.enumValueRemoved, after.file, after.path,
                           "Enum value \(before.fullName).\(value.name) (\(value.number)) was removed; to retire it, reserve both its number and its name.")
                }
            } else if !sameNumber.contains(where: { values[$0].name == value.name }) {
                report(.enumValueRenamed, after.file, after.path + [SourcePath.enumValue, Int32(sameNumber[0])],
                       "Enum value \(value.number) of \(before.fullName) was renamed from \(value.name) to \(values[sameNumber[0]].name), which changes its JSON and text form.")
            }
        }
    }

    // MARK: Services

    private mutating func compareMethods(_ before: SchemaIndex.Service, _ after: SchemaIndex.Service) {
        let methods = after.descriptor.method
        for method in before.descriptor.method {
            let qualified = "\(before.fullName).\(method.name)"
            guard let i = methods.firstIndex(where: { $0.name == method.name }) else {
                report(.methodRemoved, after.file, after.path, "Method \(qualified) was removed (or renamed).")
                continue
            }
            let path = after.path + [SourcePath.serviceMethod, Int32(i)]
            let current = methods[i]
            if current.inputType != method.inputType {
                report(.methodInputChanged, after.file, path, "Request type of \(qualified) changed from \(method.inputType.dropFirst()) to \(current.inputType.dropFirst()).")
            }
            if current.outputType != method.outputType {
                report(.methodOutputChanged, after.file, path, "Response type of \(qualified) changed from \(method.outputType.dropFirst()) to \(current.outputType.dropFirst()).")
            }
            if current.clientStreaming != method.clientStreaming || current.serverStreaming != method.serverStreaming {
                report(.methodStreamingChanged, after.file, path,
                       "Streaming of \(qualified) changed from \(streaming(method)) to \(streaming(current)).")
            }
        }
    }

    private func streaming(_ method: Google_Protobuf_MethodDescriptorProto) -> String {
        switch (method.clientStreaming, method.serverStreaming) {
        case (false, false): "unary"
        case (true, false): "client streaming"
        case (false, true): "server streaming"
        case (true, true): "bidirectional streaming"
        }
    }

    // MARK: Reporting

    private mutating func report(_ rule: BreakingChangeRule, _ file: Google_Protobuf_FileDescriptorProto, _ path: [Int32]?, _ message: String) {
        var start: (line: Int, column: Int)?
        if let path {
            if locations[file.name] == nil { locations[file.name] = SourceLocations(file) }
            start = locations[file.name]?.start(of: path)
        }
        changes.append(BreakingChange(rule: rule, file: file.name, line: start?.line, column: start?.column, message: message))
    }
}
