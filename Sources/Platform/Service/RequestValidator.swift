import JicengAPI
import ProtoRuntime

/// Checks requests against the contract written in the schema itself: fields marked
/// `(jiceng.v1.field_behavior) = FIELD_BEHAVIOR_REQUIRED` must be set, strings must respect
/// `(jiceng.v1.max_length)`. Reading the rules from the embedded descriptors keeps the server, the
/// .proto files and the contract tests in agreement by construction.
///
/// Validation walks the request's wire form, so it needs no per-type code: every violation is
/// reported with its field path (`task.title`, `items[3].code`).
public struct RequestValidator: Sendable {
    /// What the schema says about one field.
    struct FieldRule: Sendable {
        var name: String
        var isString: Bool
        var isRepeated: Bool
        /// The full name (no leading dot) of a message-typed field's type.
        var messageType: String?
        var required: Bool
        var maxLength: Int
    }

    /// Field rules per message full name, then per field number.
    private let messages: [String: [Int: FieldRule]]

    /// Rules from every file embedded in JicengAPI that the given files reach.
    public init(files: [any EmbeddedFileDescriptor.Type] = RequestValidator.apiFiles) {
        var messages: [String: [Int: FieldRule]] = [:]
        var seen: Set<String> = []
        func visit(_ file: any EmbeddedFileDescriptor.Type) {
            guard seen.insert(file.protoFileName).inserted else { return }
            file.dependencies.forEach(visit)
            guard let proto = try? Google_Protobuf_FileDescriptorProto(serializedBytes: file.serializedFileDescriptor) else { return }
            let prefix = proto.package.isEmpty ? "" : proto.package + "."
            for message in proto.messageType { Self.collect(message, prefix: prefix, into: &messages) }
        }
        files.forEach(visit)
        self.messages = messages
    }

    /// The files whose messages are requests of jiceng.v1 services.
    public static let apiFiles: [any EmbeddedFileDescriptor.Type] = [
        Jiceng_V1_Org_Proto.self, Jiceng_V1_Catalogue_Proto.self, Jiceng_V1_Task_Proto.self,
        Jiceng_V1_Appraisal_Proto.self, Jiceng_V1_Audit_Proto.self,
    ]

    private static func collect(_ message: Google_Protobuf_DescriptorProto, prefix: String, into messages: inout [String: [Int: FieldRule]]) {
        let fullName = prefix + message.name
        var rules: [Int: FieldRule] = [:]
        for field in message.field {
            let options = field.options
            rules[Int(field.number)] = FieldRule(
                name: field.name,
                isString: field.type == .string,
                isRepeated: field.label == .repeated,
                messageType: field.type == .message ? String(field.typeName.drop { $0 == "." }) : nil,
                required: options.jicengV1FieldBehavior.contains(.required),
                maxLength: Int(options.jicengV1MaxLength))
        }
        messages[fullName] = rules
        for nested in message.nestedType { collect(nested, prefix: fullName + ".", into: &messages) }
    }

    /// Throws INVALID_ARGUMENT listing every violation. `enforceNestedRequired: false` checks only
    /// the request's own required fields, not those inside the resource it carries (updates send
    /// only the fields in their mask).
    public func validate<M: ProtoMessage>(_ request: M, enforceNestedRequired: Bool = true) throws(PlatformError) {
        var violations: [PlatformError.FieldViolation] = []
        let bytes = request.serializedBytes()
        bytes.withUnsafeBytes { raw in
            walk(raw, message: M.protoMessageName, path: "", nested: false, enforceNestedRequired: enforceNestedRequired,
                 depth: 0, violations: &violations)
        }
        if violations.count == 1 {
            throw .invalidArgument(field: violations[0].field, violations[0].description)
        }
        if !violations.isEmpty { throw .invalidArguments(violations) }
    }

    /// True when the schema marks `field` of `message` (full names) REQUIRED.
    public func isRequired(message: String, field: String) -> Bool {
        messages[message]?.values.contains { $0.name == field && $0.required } ?? false
    }

    private func walk(
        _ bytes: UnsafeRawBufferPointer, message: String, path: String, nested: Bool, enforceNestedRequired: Bool,
        depth: Int, violations: inout [PlatformError.FieldViolation]
    ) {
        guard let rules = messages[message], depth < 32 else { return }
        var present: Set<Int> = []
        var counts: [Int: Int] = [:]
        var decoder = BinaryDecoder(unsafeBuffer: bytes)
        do {
            while let tag = try decoder.nextTag() {
                guard let rule = rules[tag.fieldNumber], tag.wireType == .lengthDelimited || rule.messageType == nil && !rule.isString else {
                    _ = try decoder.skipValue(tag)
                    continue
                }
                present.insert(tag.fieldNumber)
                let index = counts[tag.fieldNumber, default: 0]
                counts[tag.fieldNumber] = index + 1
                let fieldPath = (path.isEmpty ? "" : path + ".") + rule.name + (rule.isRepeated ? "[\(index)]" : "")
                if rule.isString {
                    let value = try decoder.readLengthDelimited()
                    if rule.maxLength > 0 {
                        let length = String(decoding: value.bindMemory(to: UInt8.self), as: UTF8.self).unicodeScalars.count
                        if length > rule.maxLength {
                            violations.append(.init(field: fieldPath, description: "过长：\(length) 个字符，最多 \(rule.maxLength) (too long)"))
                        }
                    }
                } else if let type = rule.messageType {
                    let value = try decoder.readLengthDelimited()
                    walk(value, message: type, path: fieldPath, nested: true, enforceNestedRequired: enforceNestedRequired,
                         depth: depth + 1, violations: &violations)
                } else {
                    _ = try decoder.skipValue(tag)
                }
            }
        } catch {
            // The request decoded once already, so this cannot happen; report rather than crash.
            violations.append(.init(field: path.isEmpty ? message : path, description: "无法解析 (undecodable): \(error)"))
            return
        }
        guard !nested || enforceNestedRequired else { return }
        for (number, rule) in rules.sorted(by: { $0.key < $1.key }) where rule.required && !present.contains(number) {
            let fieldPath = (path.isEmpty ? "" : path + ".") + rule.name
            violations.append(.init(field: fieldPath, description: "必填 (required)"))
        }
    }
}
