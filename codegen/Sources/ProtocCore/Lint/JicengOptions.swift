import ProtoRuntime

/// The custom options of `jiceng/v1/options.proto`, read from the options' unknown fields by
/// number. ProtocCore must not depend on the generated JicengAPI module (that module is built
/// by this compiler), so the numbers are repeated here; options.proto is their source of truth.
enum JicengOptions {
    /// `(jiceng.v1.field_behavior)` on `FieldOptions`: repeated `FieldBehavior`.
    static let fieldBehaviorNumber = 52001
    /// `(jiceng.v1.max_length)` on `FieldOptions`.
    static let maxLengthNumber = 52002
    /// `(jiceng.v1.method_access)` on `MethodOptions`: a `MethodAccess` message.
    static let methodAccessNumber = 52001
    /// `MethodAccess.mutating`.
    static let mutatingNumber = 3

    /// `jiceng.v1.FieldBehavior.FIELD_BEHAVIOR_REQUIRED`.
    static let required: Int32 = 1

    /// The field's `(jiceng.v1.field_behavior)` values, packed or not.
    static func fieldBehaviors(_ field: Google_Protobuf_FieldDescriptorProto) -> [Int32] {
        var values: [Int32] = []
        try? field.options.unknownFields.decodeFields(numbered: fieldBehaviorNumber) { (tag: FieldTag, decoder: inout BinaryDecoder) throws(ProtoDecodingError) in
            if tag.wireType == .varint || tag.wireType == .lengthDelimited {
                try decoder.readRepeated(tag, into: &values) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readEnum() }
            } else {
                _ = try decoder.skipValue(tag)
            }
        }
        return values
    }

    /// Whether the field is marked `FIELD_BEHAVIOR_REQUIRED`.
    static func isRequired(_ field: Google_Protobuf_FieldDescriptorProto) -> Bool {
        fieldBehaviors(field).contains(required)
    }

    /// The parts of a `(jiceng.v1.method_access)` the lint needs.
    struct MethodAccess {
        /// `MethodAccess.mutating`.
        var mutating = false
    }

    /// The method's `(jiceng.v1.method_access)`, nil when absent. The message's fields are read
    /// the same way as the option itself, from a copy of its bytes.
    static func methodAccess(_ method: Google_Protobuf_MethodDescriptorProto) -> MethodAccess? {
        var body: [UInt8]?
        try? method.options.unknownFields.decodeFields(numbered: methodAccessNumber) { (tag: FieldTag, decoder: inout BinaryDecoder) throws(ProtoDecodingError) in
            if tag.wireType == .lengthDelimited {
                // Several occurrences of a message field merge: concatenating them does the same.
                body = (body ?? []) + Array(try decoder.readLengthDelimited())
            } else {
                _ = try decoder.skipValue(tag)
            }
        }
        guard let body else { return nil }
        var access = MethodAccess()
        try? UnknownFields(bytes: body).decodeFields(numbered: mutatingNumber) { (tag: FieldTag, decoder: inout BinaryDecoder) throws(ProtoDecodingError) in
            if tag.wireType == .varint {
                access.mutating = try decoder.readBool()
            } else {
                _ = try decoder.skipValue(tag)
            }
        }
        return access
    }
}
