/// The fields of `descriptor.proto`'s options messages as of protobuf 21.x (what protoc 3.21
/// interprets `option x = …;` against), so files need not import descriptor.proto to use them.
enum BuiltinOptions {
    enum Kind {
        case file, message, field, oneof, `enum`, enumValue, service, method, extensionRange

        var messageName: String {
            switch self {
            case .file: "google.protobuf.FileOptions"
            case .message: "google.protobuf.MessageOptions"
            case .field: "google.protobuf.FieldOptions"
            case .oneof: "google.protobuf.OneofOptions"
            case .enum: "google.protobuf.EnumOptions"
            case .enumValue: "google.protobuf.EnumValueOptions"
            case .service: "google.protobuf.ServiceOptions"
            case .method: "google.protobuf.MethodOptions"
            case .extensionRange: "google.protobuf.ExtensionRangeOptions"
            }
        }

        var fields: [Field] {
            switch self {
            case .file: BuiltinOptions.fileOptions
            case .message: BuiltinOptions.messageOptions
            case .field: BuiltinOptions.fieldOptions
            case .enum: BuiltinOptions.enumOptions
            case .enumValue: [Field("deprecated", 1, .bool)]
            case .service: [Field("deprecated", 33, .bool)]
            case .method: BuiltinOptions.methodOptions
            case .oneof, .extensionRange: []
            }
        }
    }

    struct Field {
        var name: String
        var number: Int32
        var type: FieldType
        /// For enum fields: the enum's full name and its values.
        var enumName: String?
        var enumValues: [(String, Int32)]

        init(_ name: String, _ number: Int32, _ type: FieldType, enumName: String? = nil, _ enumValues: [(String, Int32)] = []) {
            self.name = name
            self.number = number
            self.type = type
            self.enumName = enumName
            self.enumValues = enumValues
        }
    }

    static let fileOptions: [Field] = [
        Field("java_package", 1, .string), Field("java_outer_classname", 8, .string),
        Field("java_multiple_files", 10, .bool), Field("java_generate_equals_and_hash", 20, .bool),
        Field("java_string_check_utf8", 27, .bool),
        Field("optimize_for", 9, .enum, enumName: "google.protobuf.FileOptions.OptimizeMode",
              [("SPEED", 1), ("CODE_SIZE", 2), ("LITE_RUNTIME", 3)]),
        Field("go_package", 11, .string), Field("cc_generic_services", 16, .bool),
        Field("java_generic_services", 17, .bool), Field("py_generic_services", 18, .bool),
        Field("php_generic_services", 42, .bool), Field("deprecated", 23, .bool),
        Field("cc_enable_arenas", 31, .bool), Field("objc_class_prefix", 36, .string),
        Field("csharp_namespace", 37, .string), Field("swift_prefix", 39, .string),
        Field("php_class_prefix", 40, .string), Field("php_namespace", 41, .string),
        Field("php_metadata_namespace", 44, .string), Field("ruby_package", 45, .string),
    ]

    static let messageOptions: [Field] = [
        Field("message_set_wire_format", 1, .bool), Field("no_standard_descriptor_accessor", 2, .bool),
        Field("deprecated", 3, .bool), Field("map_entry", 7, .bool),
    ]

    static let fieldOptions: [Field] = [
        Field("ctype", 1, .enum, enumName: "google.protobuf.FieldOptions.CType",
              [("STRING", 0), ("CORD", 1), ("STRING_PIECE", 2)]),
        Field("packed", 2, .bool),
        Field("jstype", 6, .enum, enumName: "google.protobuf.FieldOptions.JSType",
              [("JS_NORMAL", 0), ("JS_STRING", 1), ("JS_NUMBER", 2)]),
        Field("lazy", 5, .bool), Field("unverified_lazy", 15, .bool), Field("deprecated", 3, .bool),
        Field("weak", 10, .bool),
    ]

    static let enumOptions: [Field] = [Field("allow_alias", 2, .bool), Field("deprecated", 3, .bool)]

    static let methodOptions: [Field] = [
        Field("deprecated", 33, .bool),
        Field("idempotency_level", 34, .enum, enumName: "google.protobuf.MethodOptions.IdempotencyLevel",
              [("IDEMPOTENCY_UNKNOWN", 0), ("NO_SIDE_EFFECTS", 1), ("IDEMPOTENT", 2)]),
    ]
}
