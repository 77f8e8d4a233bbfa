// Bootstrap copy of the code jiceng-protoc generates for google/protobuf/descriptor.proto.
// The compiler reads and writes descriptors with these types; once the Swift renderer lands it
// regenerates this file and the regeneration check keeps it current. Do not edit by hand.

public struct Google_Protobuf_FileDescriptorSet: ProtoMessage {
    public var file: [Google_Protobuf_FileDescriptorProto] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "google.protobuf.FileDescriptorSet"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "file"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in file { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in file {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FileDescriptorProto()
                try decoder.readMessage(into: &v)
                file.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_FileDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var package: String {
        get { _package ?? "" }
        set { _package = newValue }
    }
    public var hasPackage: Bool { _package != nil }
    public mutating func clearPackage() { _package = nil }
    public var dependency: [String] = []
    public var publicDependency: [Int32] = []
    public var weakDependency: [Int32] = []
    public var optionDependency: [String] = []
    public var messageType: [Google_Protobuf_DescriptorProto] = []
    public var enumType: [Google_Protobuf_EnumDescriptorProto] = []
    public var service: [Google_Protobuf_ServiceDescriptorProto] = []
    public var `extension`: [Google_Protobuf_FieldDescriptorProto] = []
    public var options: Google_Protobuf_FileOptions {
        get { _options ?? Google_Protobuf_FileOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var sourceCodeInfo: Google_Protobuf_SourceCodeInfo {
        get { _sourceCodeInfo ?? Google_Protobuf_SourceCodeInfo() }
        set { _sourceCodeInfo = newValue }
    }
    public var hasSourceCodeInfo: Bool { _sourceCodeInfo != nil }
    public mutating func clearSourceCodeInfo() { _sourceCodeInfo = nil }
    public var syntax: String {
        get { _syntax ?? "" }
        set { _syntax = newValue }
    }
    public var hasSyntax: Bool { _syntax != nil }
    public mutating func clearSyntax() { _syntax = nil }
    public var edition: Google_Protobuf_Edition {
        get { _edition ?? .unknown }
        set { _edition = newValue }
    }
    public var hasEdition: Bool { _edition != nil }
    public mutating func clearEdition() { _edition = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _package: String? = nil
    var _options: Google_Protobuf_FileOptions? = nil
    var _sourceCodeInfo: Google_Protobuf_SourceCodeInfo? = nil
    var _syntax: String? = nil
    var _edition: Google_Protobuf_Edition? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FileDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "package"
        case 3: "dependency"
        case 4: "message_type"
        case 5: "enum_type"
        case 6: "service"
        case 7: "extension"
        case 8: "options"
        case 9: "source_code_info"
        case 10: "public_dependency"
        case 11: "weak_dependency"
        case 12: "syntax"
        case 14: "edition"
        case 15: "option_dependency"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        if let v = _package { size += 1 + WireSize.string(v) }
        for v in dependency { size += 1 + WireSize.string(v) }
        for v in messageType { size += 1 + WireSize.message(v) }
        for v in enumType { size += 1 + WireSize.message(v) }
        for v in service { size += 1 + WireSize.message(v) }
        for v in `extension` { size += 1 + WireSize.message(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        if let v = _sourceCodeInfo { size += 1 + WireSize.message(v) }
        for v in publicDependency { size += 1 + WireSize.int32(v) }
        for v in weakDependency { size += 1 + WireSize.int32(v) }
        if let v = _syntax { size += 1 + WireSize.string(v) }
        if let v = _edition { size += 1 + WireSize.int32(v.rawValue) }
        for v in optionDependency { size += 1 + WireSize.string(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _package {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(v)
        }
        for v in dependency {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeString(v)
        }
        for v in messageType {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in enumType {
            encoder.writeTag(5, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in service {
            encoder.writeTag(6, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in `extension` {
            encoder.writeTag(7, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _options {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _sourceCodeInfo {
            encoder.writeTag(9, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in publicDependency {
            encoder.writeTag(10, .varint)
            encoder.writeInt32(v)
        }
        for v in weakDependency {
            encoder.writeTag(11, .varint)
            encoder.writeInt32(v)
        }
        if let v = _syntax {
            encoder.writeTag(12, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _edition {
            encoder.writeTag(14, .varint)
            encoder.writeEnum(v.rawValue)
        }
        for v in optionDependency {
            encoder.writeTag(15, .lengthDelimited)
            encoder.writeString(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                _package = try decoder.readString(validateUTF8: false)
            case 3 where tag.wireType == .lengthDelimited:
                dependency.append(try decoder.readString(validateUTF8: false))
            case 4 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_DescriptorProto()
                try decoder.readMessage(into: &v)
                messageType.append(v)
            case 5 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_EnumDescriptorProto()
                try decoder.readMessage(into: &v)
                enumType.append(v)
            case 6 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_ServiceDescriptorProto()
                try decoder.readMessage(into: &v)
                service.append(v)
            case 7 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FieldDescriptorProto()
                try decoder.readMessage(into: &v)
                `extension`.append(v)
            case 8 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_FileOptions()
                try decoder.readMessage(into: &v)
                _options = v
            case 9 where tag.wireType == .lengthDelimited:
                var v = _sourceCodeInfo ?? Google_Protobuf_SourceCodeInfo()
                try decoder.readMessage(into: &v)
                _sourceCodeInfo = v
            case 10 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                try decoder.readRepeated(tag, into: &publicDependency) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt32() }
            case 11 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                try decoder.readRepeated(tag, into: &weakDependency) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt32() }
            case 12 where tag.wireType == .lengthDelimited:
                _syntax = try decoder.readString(validateUTF8: false)
            case 14 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_Edition(rawValue: raw) { _edition = v }
                else { unknownFields.append(fieldNumber: 14, varint: UInt64(bitPattern: Int64(raw))) }
            case 15 where tag.wireType == .lengthDelimited:
                optionDependency.append(try decoder.readString(validateUTF8: false))
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_DescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var field: [Google_Protobuf_FieldDescriptorProto] = []
    public var `extension`: [Google_Protobuf_FieldDescriptorProto] = []
    public var nestedType: [Google_Protobuf_DescriptorProto] = []
    public var enumType: [Google_Protobuf_EnumDescriptorProto] = []
    public var extensionRange: [Google_Protobuf_DescriptorProto.ExtensionRange] = []
    public var oneofDecl: [Google_Protobuf_OneofDescriptorProto] = []
    public var options: Google_Protobuf_MessageOptions {
        get { _options ?? Google_Protobuf_MessageOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var reservedRange: [Google_Protobuf_DescriptorProto.ReservedRange] = []
    public var reservedName: [String] = []
    public var visibility: Google_Protobuf_SymbolVisibility {
        get { _visibility ?? .visibilityUnset }
        set { _visibility = newValue }
    }
    public var hasVisibility: Bool { _visibility != nil }
    public mutating func clearVisibility() { _visibility = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _options: Google_Protobuf_MessageOptions? = nil
    var _visibility: Google_Protobuf_SymbolVisibility? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.DescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "field"
        case 3: "nested_type"
        case 4: "enum_type"
        case 5: "extension_range"
        case 6: "extension"
        case 7: "options"
        case 8: "oneof_decl"
        case 9: "reserved_range"
        case 10: "reserved_name"
        case 11: "visibility"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        for v in field { size += 1 + WireSize.message(v) }
        for v in nestedType { size += 1 + WireSize.message(v) }
        for v in enumType { size += 1 + WireSize.message(v) }
        for v in extensionRange { size += 1 + WireSize.message(v) }
        for v in `extension` { size += 1 + WireSize.message(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        for v in oneofDecl { size += 1 + WireSize.message(v) }
        for v in reservedRange { size += 1 + WireSize.message(v) }
        for v in reservedName { size += 1 + WireSize.string(v) }
        if let v = _visibility { size += 1 + WireSize.int32(v.rawValue) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        for v in field {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in nestedType {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in enumType {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in extensionRange {
            encoder.writeTag(5, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in `extension` {
            encoder.writeTag(6, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _options {
            encoder.writeTag(7, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in oneofDecl {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in reservedRange {
            encoder.writeTag(9, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in reservedName {
            encoder.writeTag(10, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _visibility {
            encoder.writeTag(11, .varint)
            encoder.writeEnum(v.rawValue)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FieldDescriptorProto()
                try decoder.readMessage(into: &v)
                field.append(v)
            case 3 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_DescriptorProto()
                try decoder.readMessage(into: &v)
                nestedType.append(v)
            case 4 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_EnumDescriptorProto()
                try decoder.readMessage(into: &v)
                enumType.append(v)
            case 5 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_DescriptorProto.ExtensionRange()
                try decoder.readMessage(into: &v)
                extensionRange.append(v)
            case 6 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FieldDescriptorProto()
                try decoder.readMessage(into: &v)
                `extension`.append(v)
            case 7 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_MessageOptions()
                try decoder.readMessage(into: &v)
                _options = v
            case 8 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_OneofDescriptorProto()
                try decoder.readMessage(into: &v)
                oneofDecl.append(v)
            case 9 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_DescriptorProto.ReservedRange()
                try decoder.readMessage(into: &v)
                reservedRange.append(v)
            case 10 where tag.wireType == .lengthDelimited:
                reservedName.append(try decoder.readString(validateUTF8: false))
            case 11 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_SymbolVisibility(rawValue: raw) { _visibility = v }
                else { unknownFields.append(fieldNumber: 11, varint: UInt64(bitPattern: Int64(raw))) }
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct ExtensionRange: ProtoMessage {
        public var start: Int32 {
            get { _start ?? 0 }
            set { _start = newValue }
        }
        public var hasStart: Bool { _start != nil }
        public mutating func clearStart() { _start = nil }
        public var end: Int32 {
            get { _end ?? 0 }
            set { _end = newValue }
        }
        public var hasEnd: Bool { _end != nil }
        public mutating func clearEnd() { _end = nil }
        public var options: Google_Protobuf_ExtensionRangeOptions {
            get { _options ?? Google_Protobuf_ExtensionRangeOptions() }
            set { _options = newValue }
        }
        public var hasOptions: Bool { _options != nil }
        public mutating func clearOptions() { _options = nil }
        public var unknownFields = UnknownFields()
        var _start: Int32? = nil
        var _end: Int32? = nil
        var _options: Google_Protobuf_ExtensionRangeOptions? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.DescriptorProto.ExtensionRange"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "start"
            case 2: "end"
            case 3: "options"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _start { size += 1 + WireSize.int32(v) }
            if let v = _end { size += 1 + WireSize.int32(v) }
            if let v = _options { size += 1 + WireSize.message(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _start {
                encoder.writeTag(1, .varint)
                encoder.writeInt32(v)
            }
            if let v = _end {
                encoder.writeTag(2, .varint)
                encoder.writeInt32(v)
            }
            if let v = _options {
                encoder.writeTag(3, .lengthDelimited)
                encoder.writeMessage(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint:
                    _start = try decoder.readInt32()
                case 2 where tag.wireType == .varint:
                    _end = try decoder.readInt32()
                case 3 where tag.wireType == .lengthDelimited:
                    var v = _options ?? Google_Protobuf_ExtensionRangeOptions()
                    try decoder.readMessage(into: &v)
                    _options = v
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }

    public struct ReservedRange: ProtoMessage {
        public var start: Int32 {
            get { _start ?? 0 }
            set { _start = newValue }
        }
        public var hasStart: Bool { _start != nil }
        public mutating func clearStart() { _start = nil }
        public var end: Int32 {
            get { _end ?? 0 }
            set { _end = newValue }
        }
        public var hasEnd: Bool { _end != nil }
        public mutating func clearEnd() { _end = nil }
        public var unknownFields = UnknownFields()
        var _start: Int32? = nil
        var _end: Int32? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.DescriptorProto.ReservedRange"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "start"
            case 2: "end"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _start { size += 1 + WireSize.int32(v) }
            if let v = _end { size += 1 + WireSize.int32(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _start {
                encoder.writeTag(1, .varint)
                encoder.writeInt32(v)
            }
            if let v = _end {
                encoder.writeTag(2, .varint)
                encoder.writeInt32(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint:
                    _start = try decoder.readInt32()
                case 2 where tag.wireType == .varint:
                    _end = try decoder.readInt32()
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }
}

public struct Google_Protobuf_ExtensionRangeOptions: ProtoMessage {
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var declaration: [Google_Protobuf_ExtensionRangeOptions.Declaration] = []
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var verification: Google_Protobuf_ExtensionRangeOptions.VerificationState {
        get { _verification ?? .unverified }
        set { _verification = newValue }
    }
    public var hasVerification: Bool { _verification != nil }
    public mutating func clearVerification() { _verification = nil }
    public var unknownFields = UnknownFields()
    var _features: Google_Protobuf_FeatureSet? = nil
    var _verification: Google_Protobuf_ExtensionRangeOptions.VerificationState? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.ExtensionRangeOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 2: "declaration"
        case 3: "verification"
        case 50: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in declaration { size += 1 + WireSize.message(v) }
        if let v = _verification { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _features { size += 2 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in declaration {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _verification {
            encoder.writeTag(3, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _features {
            encoder.writeTag(50, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 2 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_ExtensionRangeOptions.Declaration()
                try decoder.readMessage(into: &v)
                declaration.append(v)
            case 3 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_ExtensionRangeOptions.VerificationState(rawValue: raw) { _verification = v }
                else { unknownFields.append(fieldNumber: 3, varint: UInt64(bitPattern: Int64(raw))) }
            case 50 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct Declaration: ProtoMessage {
        public var number: Int32 {
            get { _number ?? 0 }
            set { _number = newValue }
        }
        public var hasNumber: Bool { _number != nil }
        public mutating func clearNumber() { _number = nil }
        public var fullName: String {
            get { _fullName ?? "" }
            set { _fullName = newValue }
        }
        public var hasFullName: Bool { _fullName != nil }
        public mutating func clearFullName() { _fullName = nil }
        public var type: String {
            get { _type ?? "" }
            set { _type = newValue }
        }
        public var hasType: Bool { _type != nil }
        public mutating func clearType() { _type = nil }
        public var reserved: Bool {
            get { _reserved ?? false }
            set { _reserved = newValue }
        }
        public var hasReserved: Bool { _reserved != nil }
        public mutating func clearReserved() { _reserved = nil }
        public var repeated: Bool {
            get { _repeated ?? false }
            set { _repeated = newValue }
        }
        public var hasRepeated: Bool { _repeated != nil }
        public mutating func clearRepeated() { _repeated = nil }
        public var unknownFields = UnknownFields()
        var _number: Int32? = nil
        var _fullName: String? = nil
        var _type: String? = nil
        var _reserved: Bool? = nil
        var _repeated: Bool? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.ExtensionRangeOptions.Declaration"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "number"
            case 2: "full_name"
            case 3: "type"
            case 5: "reserved"
            case 6: "repeated"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _number { size += 1 + WireSize.int32(v) }
            if let v = _fullName { size += 1 + WireSize.string(v) }
            if let v = _type { size += 1 + WireSize.string(v) }
            if _reserved != nil { size += 2 }
            if _repeated != nil { size += 2 }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _number {
                encoder.writeTag(1, .varint)
                encoder.writeInt32(v)
            }
            if let v = _fullName {
                encoder.writeTag(2, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _type {
                encoder.writeTag(3, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _reserved {
                encoder.writeTag(5, .varint)
                encoder.writeBool(v)
            }
            if let v = _repeated {
                encoder.writeTag(6, .varint)
                encoder.writeBool(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint:
                    _number = try decoder.readInt32()
                case 2 where tag.wireType == .lengthDelimited:
                    _fullName = try decoder.readString(validateUTF8: false)
                case 3 where tag.wireType == .lengthDelimited:
                    _type = try decoder.readString(validateUTF8: false)
                case 5 where tag.wireType == .varint:
                    _reserved = try decoder.readBool()
                case 6 where tag.wireType == .varint:
                    _repeated = try decoder.readBool()
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }

    public enum VerificationState: Int32, ProtoEnum {
        case declaration = 0
        case unverified = 1

        public static let protoEnumName = "google.protobuf.ExtensionRangeOptions.VerificationState"
    }
}

public struct Google_Protobuf_FieldDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var number: Int32 {
        get { _number ?? 0 }
        set { _number = newValue }
    }
    public var hasNumber: Bool { _number != nil }
    public mutating func clearNumber() { _number = nil }
    public var label: Google_Protobuf_FieldDescriptorProto.Label {
        get { _label ?? .optional }
        set { _label = newValue }
    }
    public var hasLabel: Bool { _label != nil }
    public mutating func clearLabel() { _label = nil }
    public var type: Google_Protobuf_FieldDescriptorProto.TypeEnum {
        get { _type ?? .double }
        set { _type = newValue }
    }
    public var hasType: Bool { _type != nil }
    public mutating func clearType() { _type = nil }
    public var typeName: String {
        get { _typeName ?? "" }
        set { _typeName = newValue }
    }
    public var hasTypeName: Bool { _typeName != nil }
    public mutating func clearTypeName() { _typeName = nil }
    public var extendee: String {
        get { _extendee ?? "" }
        set { _extendee = newValue }
    }
    public var hasExtendee: Bool { _extendee != nil }
    public mutating func clearExtendee() { _extendee = nil }
    public var defaultValue: String {
        get { _defaultValue ?? "" }
        set { _defaultValue = newValue }
    }
    public var hasDefaultValue: Bool { _defaultValue != nil }
    public mutating func clearDefaultValue() { _defaultValue = nil }
    public var oneofIndex: Int32 {
        get { _oneofIndex ?? 0 }
        set { _oneofIndex = newValue }
    }
    public var hasOneofIndex: Bool { _oneofIndex != nil }
    public mutating func clearOneofIndex() { _oneofIndex = nil }
    public var jsonName: String {
        get { _jsonName ?? "" }
        set { _jsonName = newValue }
    }
    public var hasJsonName: Bool { _jsonName != nil }
    public mutating func clearJsonName() { _jsonName = nil }
    public var options: Google_Protobuf_FieldOptions {
        get { _options ?? Google_Protobuf_FieldOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var proto3Optional: Bool {
        get { _proto3Optional ?? false }
        set { _proto3Optional = newValue }
    }
    public var hasProto3Optional: Bool { _proto3Optional != nil }
    public mutating func clearProto3Optional() { _proto3Optional = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _number: Int32? = nil
    var _label: Google_Protobuf_FieldDescriptorProto.Label? = nil
    var _type: Google_Protobuf_FieldDescriptorProto.TypeEnum? = nil
    var _typeName: String? = nil
    var _extendee: String? = nil
    var _defaultValue: String? = nil
    var _oneofIndex: Int32? = nil
    var _jsonName: String? = nil
    var _options: Google_Protobuf_FieldOptions? = nil
    var _proto3Optional: Bool? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FieldDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "extendee"
        case 3: "number"
        case 4: "label"
        case 5: "type"
        case 6: "type_name"
        case 7: "default_value"
        case 8: "options"
        case 9: "oneof_index"
        case 10: "json_name"
        case 17: "proto3_optional"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        if let v = _extendee { size += 1 + WireSize.string(v) }
        if let v = _number { size += 1 + WireSize.int32(v) }
        if let v = _label { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _type { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _typeName { size += 1 + WireSize.string(v) }
        if let v = _defaultValue { size += 1 + WireSize.string(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        if let v = _oneofIndex { size += 1 + WireSize.int32(v) }
        if let v = _jsonName { size += 1 + WireSize.string(v) }
        if _proto3Optional != nil { size += 3 }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _extendee {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _number {
            encoder.writeTag(3, .varint)
            encoder.writeInt32(v)
        }
        if let v = _label {
            encoder.writeTag(4, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _type {
            encoder.writeTag(5, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _typeName {
            encoder.writeTag(6, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _defaultValue {
            encoder.writeTag(7, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _options {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _oneofIndex {
            encoder.writeTag(9, .varint)
            encoder.writeInt32(v)
        }
        if let v = _jsonName {
            encoder.writeTag(10, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _proto3Optional {
            encoder.writeTag(17, .varint)
            encoder.writeBool(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                _extendee = try decoder.readString(validateUTF8: false)
            case 3 where tag.wireType == .varint:
                _number = try decoder.readInt32()
            case 4 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FieldDescriptorProto.Label(rawValue: raw) { _label = v }
                else { unknownFields.append(fieldNumber: 4, varint: UInt64(bitPattern: Int64(raw))) }
            case 5 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FieldDescriptorProto.TypeEnum(rawValue: raw) { _type = v }
                else { unknownFields.append(fieldNumber: 5, varint: UInt64(bitPattern: Int64(raw))) }
            case 6 where tag.wireType == .lengthDelimited:
                _typeName = try decoder.readString(validateUTF8: false)
            case 7 where tag.wireType == .lengthDelimited:
                _defaultValue = try decoder.readString(validateUTF8: false)
            case 8 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_FieldOptions()
                try decoder.readMessage(into: &v)
                _options = v
            case 9 where tag.wireType == .varint:
                _oneofIndex = try decoder.readInt32()
            case 10 where tag.wireType == .lengthDelimited:
                _jsonName = try decoder.readString(validateUTF8: false)
            case 17 where tag.wireType == .varint:
                _proto3Optional = try decoder.readBool()
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public enum TypeEnum: Int32, ProtoEnum {
        case double = 1
        case float = 2
        case int64 = 3
        case uint64 = 4
        case int32 = 5
        case fixed64 = 6
        case fixed32 = 7
        case bool = 8
        case string = 9
        case group = 10
        case message = 11
        case bytes = 12
        case uint32 = 13
        case `enum` = 14
        case sfixed32 = 15
        case sfixed64 = 16
        case sint32 = 17
        case sint64 = 18

        public static let protoEnumName = "google.protobuf.FieldDescriptorProto.Type"
    }

    public enum Label: Int32, ProtoEnum {
        case optional = 1
        case repeated = 3
        case required = 2

        public static let protoEnumName = "google.protobuf.FieldDescriptorProto.Label"
    }
}

public struct Google_Protobuf_OneofDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var options: Google_Protobuf_OneofOptions {
        get { _options ?? Google_Protobuf_OneofOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _options: Google_Protobuf_OneofOptions? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.OneofDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "options"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _options {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_OneofOptions()
                try decoder.readMessage(into: &v)
                _options = v
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_EnumDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var value: [Google_Protobuf_EnumValueDescriptorProto] = []
    public var options: Google_Protobuf_EnumOptions {
        get { _options ?? Google_Protobuf_EnumOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var reservedRange: [Google_Protobuf_EnumDescriptorProto.EnumReservedRange] = []
    public var reservedName: [String] = []
    public var visibility: Google_Protobuf_SymbolVisibility {
        get { _visibility ?? .visibilityUnset }
        set { _visibility = newValue }
    }
    public var hasVisibility: Bool { _visibility != nil }
    public mutating func clearVisibility() { _visibility = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _options: Google_Protobuf_EnumOptions? = nil
    var _visibility: Google_Protobuf_SymbolVisibility? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.EnumDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "value"
        case 3: "options"
        case 4: "reserved_range"
        case 5: "reserved_name"
        case 6: "visibility"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        for v in value { size += 1 + WireSize.message(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        for v in reservedRange { size += 1 + WireSize.message(v) }
        for v in reservedName { size += 1 + WireSize.string(v) }
        if let v = _visibility { size += 1 + WireSize.int32(v.rawValue) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        for v in value {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _options {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in reservedRange {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in reservedName {
            encoder.writeTag(5, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _visibility {
            encoder.writeTag(6, .varint)
            encoder.writeEnum(v.rawValue)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_EnumValueDescriptorProto()
                try decoder.readMessage(into: &v)
                value.append(v)
            case 3 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_EnumOptions()
                try decoder.readMessage(into: &v)
                _options = v
            case 4 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_EnumDescriptorProto.EnumReservedRange()
                try decoder.readMessage(into: &v)
                reservedRange.append(v)
            case 5 where tag.wireType == .lengthDelimited:
                reservedName.append(try decoder.readString(validateUTF8: false))
            case 6 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_SymbolVisibility(rawValue: raw) { _visibility = v }
                else { unknownFields.append(fieldNumber: 6, varint: UInt64(bitPattern: Int64(raw))) }
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct EnumReservedRange: ProtoMessage {
        public var start: Int32 {
            get { _start ?? 0 }
            set { _start = newValue }
        }
        public var hasStart: Bool { _start != nil }
        public mutating func clearStart() { _start = nil }
        public var end: Int32 {
            get { _end ?? 0 }
            set { _end = newValue }
        }
        public var hasEnd: Bool { _end != nil }
        public mutating func clearEnd() { _end = nil }
        public var unknownFields = UnknownFields()
        var _start: Int32? = nil
        var _end: Int32? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.EnumDescriptorProto.EnumReservedRange"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "start"
            case 2: "end"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _start { size += 1 + WireSize.int32(v) }
            if let v = _end { size += 1 + WireSize.int32(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _start {
                encoder.writeTag(1, .varint)
                encoder.writeInt32(v)
            }
            if let v = _end {
                encoder.writeTag(2, .varint)
                encoder.writeInt32(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint:
                    _start = try decoder.readInt32()
                case 2 where tag.wireType == .varint:
                    _end = try decoder.readInt32()
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }
}

public struct Google_Protobuf_EnumValueDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var number: Int32 {
        get { _number ?? 0 }
        set { _number = newValue }
    }
    public var hasNumber: Bool { _number != nil }
    public mutating func clearNumber() { _number = nil }
    public var options: Google_Protobuf_EnumValueOptions {
        get { _options ?? Google_Protobuf_EnumValueOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _number: Int32? = nil
    var _options: Google_Protobuf_EnumValueOptions? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.EnumValueDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "number"
        case 3: "options"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        if let v = _number { size += 1 + WireSize.int32(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _number {
            encoder.writeTag(2, .varint)
            encoder.writeInt32(v)
        }
        if let v = _options {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .varint:
                _number = try decoder.readInt32()
            case 3 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_EnumValueOptions()
                try decoder.readMessage(into: &v)
                _options = v
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_ServiceDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var method: [Google_Protobuf_MethodDescriptorProto] = []
    public var options: Google_Protobuf_ServiceOptions {
        get { _options ?? Google_Protobuf_ServiceOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _options: Google_Protobuf_ServiceOptions? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.ServiceDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "method"
        case 3: "options"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        for v in method { size += 1 + WireSize.message(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        for v in method {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _options {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_MethodDescriptorProto()
                try decoder.readMessage(into: &v)
                method.append(v)
            case 3 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_ServiceOptions()
                try decoder.readMessage(into: &v)
                _options = v
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_MethodDescriptorProto: ProtoMessage {
    public var name: String {
        get { _name ?? "" }
        set { _name = newValue }
    }
    public var hasName: Bool { _name != nil }
    public mutating func clearName() { _name = nil }
    public var inputType: String {
        get { _inputType ?? "" }
        set { _inputType = newValue }
    }
    public var hasInputType: Bool { _inputType != nil }
    public mutating func clearInputType() { _inputType = nil }
    public var outputType: String {
        get { _outputType ?? "" }
        set { _outputType = newValue }
    }
    public var hasOutputType: Bool { _outputType != nil }
    public mutating func clearOutputType() { _outputType = nil }
    public var options: Google_Protobuf_MethodOptions {
        get { _options ?? Google_Protobuf_MethodOptions() }
        set { _options = newValue }
    }
    public var hasOptions: Bool { _options != nil }
    public mutating func clearOptions() { _options = nil }
    public var clientStreaming: Bool {
        get { _clientStreaming ?? false }
        set { _clientStreaming = newValue }
    }
    public var hasClientStreaming: Bool { _clientStreaming != nil }
    public mutating func clearClientStreaming() { _clientStreaming = nil }
    public var serverStreaming: Bool {
        get { _serverStreaming ?? false }
        set { _serverStreaming = newValue }
    }
    public var hasServerStreaming: Bool { _serverStreaming != nil }
    public mutating func clearServerStreaming() { _serverStreaming = nil }
    public var unknownFields = UnknownFields()
    var _name: String? = nil
    var _inputType: String? = nil
    var _outputType: String? = nil
    var _options: Google_Protobuf_MethodOptions? = nil
    var _clientStreaming: Bool? = nil
    var _serverStreaming: Bool? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.MethodDescriptorProto"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "name"
        case 2: "input_type"
        case 3: "output_type"
        case 4: "options"
        case 5: "client_streaming"
        case 6: "server_streaming"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _name { size += 1 + WireSize.string(v) }
        if let v = _inputType { size += 1 + WireSize.string(v) }
        if let v = _outputType { size += 1 + WireSize.string(v) }
        if let v = _options { size += 1 + WireSize.message(v) }
        if _clientStreaming != nil { size += 2 }
        if _serverStreaming != nil { size += 2 }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _name {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _inputType {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _outputType {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _options {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _clientStreaming {
            encoder.writeTag(5, .varint)
            encoder.writeBool(v)
        }
        if let v = _serverStreaming {
            encoder.writeTag(6, .varint)
            encoder.writeBool(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _name = try decoder.readString(validateUTF8: false)
            case 2 where tag.wireType == .lengthDelimited:
                _inputType = try decoder.readString(validateUTF8: false)
            case 3 where tag.wireType == .lengthDelimited:
                _outputType = try decoder.readString(validateUTF8: false)
            case 4 where tag.wireType == .lengthDelimited:
                var v = _options ?? Google_Protobuf_MethodOptions()
                try decoder.readMessage(into: &v)
                _options = v
            case 5 where tag.wireType == .varint:
                _clientStreaming = try decoder.readBool()
            case 6 where tag.wireType == .varint:
                _serverStreaming = try decoder.readBool()
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_FileOptions: ProtoMessage {
    public var javaPackage: String {
        get { _javaPackage ?? "" }
        set { _javaPackage = newValue }
    }
    public var hasJavaPackage: Bool { _javaPackage != nil }
    public mutating func clearJavaPackage() { _javaPackage = nil }
    public var javaOuterClassname: String {
        get { _javaOuterClassname ?? "" }
        set { _javaOuterClassname = newValue }
    }
    public var hasJavaOuterClassname: Bool { _javaOuterClassname != nil }
    public mutating func clearJavaOuterClassname() { _javaOuterClassname = nil }
    public var javaMultipleFiles: Bool {
        get { _javaMultipleFiles ?? false }
        set { _javaMultipleFiles = newValue }
    }
    public var hasJavaMultipleFiles: Bool { _javaMultipleFiles != nil }
    public mutating func clearJavaMultipleFiles() { _javaMultipleFiles = nil }
    public var javaGenerateEqualsAndHash: Bool {
        get { _javaGenerateEqualsAndHash ?? false }
        set { _javaGenerateEqualsAndHash = newValue }
    }
    public var hasJavaGenerateEqualsAndHash: Bool { _javaGenerateEqualsAndHash != nil }
    public mutating func clearJavaGenerateEqualsAndHash() { _javaGenerateEqualsAndHash = nil }
    public var javaStringCheckUtf8: Bool {
        get { _javaStringCheckUtf8 ?? false }
        set { _javaStringCheckUtf8 = newValue }
    }
    public var hasJavaStringCheckUtf8: Bool { _javaStringCheckUtf8 != nil }
    public mutating func clearJavaStringCheckUtf8() { _javaStringCheckUtf8 = nil }
    public var optimizeFor: Google_Protobuf_FileOptions.OptimizeMode {
        get { _optimizeFor ?? .speed }
        set { _optimizeFor = newValue }
    }
    public var hasOptimizeFor: Bool { _optimizeFor != nil }
    public mutating func clearOptimizeFor() { _optimizeFor = nil }
    public var goPackage: String {
        get { _goPackage ?? "" }
        set { _goPackage = newValue }
    }
    public var hasGoPackage: Bool { _goPackage != nil }
    public mutating func clearGoPackage() { _goPackage = nil }
    public var ccGenericServices: Bool {
        get { _ccGenericServices ?? false }
        set { _ccGenericServices = newValue }
    }
    public var hasCcGenericServices: Bool { _ccGenericServices != nil }
    public mutating func clearCcGenericServices() { _ccGenericServices = nil }
    public var javaGenericServices: Bool {
        get { _javaGenericServices ?? false }
        set { _javaGenericServices = newValue }
    }
    public var hasJavaGenericServices: Bool { _javaGenericServices != nil }
    public mutating func clearJavaGenericServices() { _javaGenericServices = nil }
    public var pyGenericServices: Bool {
        get { _pyGenericServices ?? false }
        set { _pyGenericServices = newValue }
    }
    public var hasPyGenericServices: Bool { _pyGenericServices != nil }
    public mutating func clearPyGenericServices() { _pyGenericServices = nil }
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var ccEnableArenas: Bool {
        get { _ccEnableArenas ?? true }
        set { _ccEnableArenas = newValue }
    }
    public var hasCcEnableArenas: Bool { _ccEnableArenas != nil }
    public mutating func clearCcEnableArenas() { _ccEnableArenas = nil }
    public var objcClassPrefix: String {
        get { _objcClassPrefix ?? "" }
        set { _objcClassPrefix = newValue }
    }
    public var hasObjcClassPrefix: Bool { _objcClassPrefix != nil }
    public mutating func clearObjcClassPrefix() { _objcClassPrefix = nil }
    public var csharpNamespace: String {
        get { _csharpNamespace ?? "" }
        set { _csharpNamespace = newValue }
    }
    public var hasCsharpNamespace: Bool { _csharpNamespace != nil }
    public mutating func clearCsharpNamespace() { _csharpNamespace = nil }
    public var swiftPrefix: String {
        get { _swiftPrefix ?? "" }
        set { _swiftPrefix = newValue }
    }
    public var hasSwiftPrefix: Bool { _swiftPrefix != nil }
    public mutating func clearSwiftPrefix() { _swiftPrefix = nil }
    public var phpClassPrefix: String {
        get { _phpClassPrefix ?? "" }
        set { _phpClassPrefix = newValue }
    }
    public var hasPhpClassPrefix: Bool { _phpClassPrefix != nil }
    public mutating func clearPhpClassPrefix() { _phpClassPrefix = nil }
    public var phpNamespace: String {
        get { _phpNamespace ?? "" }
        set { _phpNamespace = newValue }
    }
    public var hasPhpNamespace: Bool { _phpNamespace != nil }
    public mutating func clearPhpNamespace() { _phpNamespace = nil }
    public var phpMetadataNamespace: String {
        get { _phpMetadataNamespace ?? "" }
        set { _phpMetadataNamespace = newValue }
    }
    public var hasPhpMetadataNamespace: Bool { _phpMetadataNamespace != nil }
    public mutating func clearPhpMetadataNamespace() { _phpMetadataNamespace = nil }
    public var rubyPackage: String {
        get { _rubyPackage ?? "" }
        set { _rubyPackage = newValue }
    }
    public var hasRubyPackage: Bool { _rubyPackage != nil }
    public mutating func clearRubyPackage() { _rubyPackage = nil }
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _javaPackage: String? = nil
    var _javaOuterClassname: String? = nil
    var _javaMultipleFiles: Bool? = nil
    var _javaGenerateEqualsAndHash: Bool? = nil
    var _javaStringCheckUtf8: Bool? = nil
    var _optimizeFor: Google_Protobuf_FileOptions.OptimizeMode? = nil
    var _goPackage: String? = nil
    var _ccGenericServices: Bool? = nil
    var _javaGenericServices: Bool? = nil
    var _pyGenericServices: Bool? = nil
    var _deprecated: Bool? = nil
    var _ccEnableArenas: Bool? = nil
    var _objcClassPrefix: String? = nil
    var _csharpNamespace: String? = nil
    var _swiftPrefix: String? = nil
    var _phpClassPrefix: String? = nil
    var _phpNamespace: String? = nil
    var _phpMetadataNamespace: String? = nil
    var _rubyPackage: String? = nil
    var _features: Google_Protobuf_FeatureSet? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FileOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "java_package"
        case 8: "java_outer_classname"
        case 9: "optimize_for"
        case 10: "java_multiple_files"
        case 11: "go_package"
        case 16: "cc_generic_services"
        case 17: "java_generic_services"
        case 18: "py_generic_services"
        case 20: "java_generate_equals_and_hash"
        case 23: "deprecated"
        case 27: "java_string_check_utf8"
        case 31: "cc_enable_arenas"
        case 36: "objc_class_prefix"
        case 37: "csharp_namespace"
        case 39: "swift_prefix"
        case 40: "php_class_prefix"
        case 41: "php_namespace"
        case 44: "php_metadata_namespace"
        case 45: "ruby_package"
        case 50: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _javaPackage { size += 1 + WireSize.string(v) }
        if let v = _javaOuterClassname { size += 1 + WireSize.string(v) }
        if let v = _optimizeFor { size += 1 + WireSize.int32(v.rawValue) }
        if _javaMultipleFiles != nil { size += 2 }
        if let v = _goPackage { size += 1 + WireSize.string(v) }
        if _ccGenericServices != nil { size += 3 }
        if _javaGenericServices != nil { size += 3 }
        if _pyGenericServices != nil { size += 3 }
        if _javaGenerateEqualsAndHash != nil { size += 3 }
        if _deprecated != nil { size += 3 }
        if _javaStringCheckUtf8 != nil { size += 3 }
        if _ccEnableArenas != nil { size += 3 }
        if let v = _objcClassPrefix { size += 2 + WireSize.string(v) }
        if let v = _csharpNamespace { size += 2 + WireSize.string(v) }
        if let v = _swiftPrefix { size += 2 + WireSize.string(v) }
        if let v = _phpClassPrefix { size += 2 + WireSize.string(v) }
        if let v = _phpNamespace { size += 2 + WireSize.string(v) }
        if let v = _phpMetadataNamespace { size += 2 + WireSize.string(v) }
        if let v = _rubyPackage { size += 2 + WireSize.string(v) }
        if let v = _features { size += 2 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _javaPackage {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _javaOuterClassname {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _optimizeFor {
            encoder.writeTag(9, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _javaMultipleFiles {
            encoder.writeTag(10, .varint)
            encoder.writeBool(v)
        }
        if let v = _goPackage {
            encoder.writeTag(11, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _ccGenericServices {
            encoder.writeTag(16, .varint)
            encoder.writeBool(v)
        }
        if let v = _javaGenericServices {
            encoder.writeTag(17, .varint)
            encoder.writeBool(v)
        }
        if let v = _pyGenericServices {
            encoder.writeTag(18, .varint)
            encoder.writeBool(v)
        }
        if let v = _javaGenerateEqualsAndHash {
            encoder.writeTag(20, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecated {
            encoder.writeTag(23, .varint)
            encoder.writeBool(v)
        }
        if let v = _javaStringCheckUtf8 {
            encoder.writeTag(27, .varint)
            encoder.writeBool(v)
        }
        if let v = _ccEnableArenas {
            encoder.writeTag(31, .varint)
            encoder.writeBool(v)
        }
        if let v = _objcClassPrefix {
            encoder.writeTag(36, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _csharpNamespace {
            encoder.writeTag(37, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _swiftPrefix {
            encoder.writeTag(39, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _phpClassPrefix {
            encoder.writeTag(40, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _phpNamespace {
            encoder.writeTag(41, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _phpMetadataNamespace {
            encoder.writeTag(44, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _rubyPackage {
            encoder.writeTag(45, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _features {
            encoder.writeTag(50, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                _javaPackage = try decoder.readString(validateUTF8: false)
            case 8 where tag.wireType == .lengthDelimited:
                _javaOuterClassname = try decoder.readString(validateUTF8: false)
            case 9 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FileOptions.OptimizeMode(rawValue: raw) { _optimizeFor = v }
                else { unknownFields.append(fieldNumber: 9, varint: UInt64(bitPattern: Int64(raw))) }
            case 10 where tag.wireType == .varint:
                _javaMultipleFiles = try decoder.readBool()
            case 11 where tag.wireType == .lengthDelimited:
                _goPackage = try decoder.readString(validateUTF8: false)
            case 16 where tag.wireType == .varint:
                _ccGenericServices = try decoder.readBool()
            case 17 where tag.wireType == .varint:
                _javaGenericServices = try decoder.readBool()
            case 18 where tag.wireType == .varint:
                _pyGenericServices = try decoder.readBool()
            case 20 where tag.wireType == .varint:
                _javaGenerateEqualsAndHash = try decoder.readBool()
            case 23 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 27 where tag.wireType == .varint:
                _javaStringCheckUtf8 = try decoder.readBool()
            case 31 where tag.wireType == .varint:
                _ccEnableArenas = try decoder.readBool()
            case 36 where tag.wireType == .lengthDelimited:
                _objcClassPrefix = try decoder.readString(validateUTF8: false)
            case 37 where tag.wireType == .lengthDelimited:
                _csharpNamespace = try decoder.readString(validateUTF8: false)
            case 39 where tag.wireType == .lengthDelimited:
                _swiftPrefix = try decoder.readString(validateUTF8: false)
            case 40 where tag.wireType == .lengthDelimited:
                _phpClassPrefix = try decoder.readString(validateUTF8: false)
            case 41 where tag.wireType == .lengthDelimited:
                _phpNamespace = try decoder.readString(validateUTF8: false)
            case 44 where tag.wireType == .lengthDelimited:
                _phpMetadataNamespace = try decoder.readString(validateUTF8: false)
            case 45 where tag.wireType == .lengthDelimited:
                _rubyPackage = try decoder.readString(validateUTF8: false)
            case 50 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public enum OptimizeMode: Int32, ProtoEnum {
        case speed = 1
        case codeSize = 2
        case liteRuntime = 3

        public static let protoEnumName = "google.protobuf.FileOptions.OptimizeMode"
    }
}

public struct Google_Protobuf_MessageOptions: ProtoMessage {
    public var messageSetWireFormat: Bool {
        get { _messageSetWireFormat ?? false }
        set { _messageSetWireFormat = newValue }
    }
    public var hasMessageSetWireFormat: Bool { _messageSetWireFormat != nil }
    public mutating func clearMessageSetWireFormat() { _messageSetWireFormat = nil }
    public var noStandardDescriptorAccessor: Bool {
        get { _noStandardDescriptorAccessor ?? false }
        set { _noStandardDescriptorAccessor = newValue }
    }
    public var hasNoStandardDescriptorAccessor: Bool { _noStandardDescriptorAccessor != nil }
    public mutating func clearNoStandardDescriptorAccessor() { _noStandardDescriptorAccessor = nil }
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var mapEntry: Bool {
        get { _mapEntry ?? false }
        set { _mapEntry = newValue }
    }
    public var hasMapEntry: Bool { _mapEntry != nil }
    public mutating func clearMapEntry() { _mapEntry = nil }
    public var deprecatedLegacyJsonFieldConflicts: Bool {
        get { _deprecatedLegacyJsonFieldConflicts ?? false }
        set { _deprecatedLegacyJsonFieldConflicts = newValue }
    }
    public var hasDeprecatedLegacyJsonFieldConflicts: Bool { _deprecatedLegacyJsonFieldConflicts != nil }
    public mutating func clearDeprecatedLegacyJsonFieldConflicts() { _deprecatedLegacyJsonFieldConflicts = nil }
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _messageSetWireFormat: Bool? = nil
    var _noStandardDescriptorAccessor: Bool? = nil
    var _deprecated: Bool? = nil
    var _mapEntry: Bool? = nil
    var _deprecatedLegacyJsonFieldConflicts: Bool? = nil
    var _features: Google_Protobuf_FeatureSet? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.MessageOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "message_set_wire_format"
        case 2: "no_standard_descriptor_accessor"
        case 3: "deprecated"
        case 7: "map_entry"
        case 11: "deprecated_legacy_json_field_conflicts"
        case 12: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if _messageSetWireFormat != nil { size += 2 }
        if _noStandardDescriptorAccessor != nil { size += 2 }
        if _deprecated != nil { size += 2 }
        if _mapEntry != nil { size += 2 }
        if _deprecatedLegacyJsonFieldConflicts != nil { size += 2 }
        if let v = _features { size += 1 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _messageSetWireFormat {
            encoder.writeTag(1, .varint)
            encoder.writeBool(v)
        }
        if let v = _noStandardDescriptorAccessor {
            encoder.writeTag(2, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecated {
            encoder.writeTag(3, .varint)
            encoder.writeBool(v)
        }
        if let v = _mapEntry {
            encoder.writeTag(7, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecatedLegacyJsonFieldConflicts {
            encoder.writeTag(11, .varint)
            encoder.writeBool(v)
        }
        if let v = _features {
            encoder.writeTag(12, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .varint:
                _messageSetWireFormat = try decoder.readBool()
            case 2 where tag.wireType == .varint:
                _noStandardDescriptorAccessor = try decoder.readBool()
            case 3 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 7 where tag.wireType == .varint:
                _mapEntry = try decoder.readBool()
            case 11 where tag.wireType == .varint:
                _deprecatedLegacyJsonFieldConflicts = try decoder.readBool()
            case 12 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_FieldOptions: ProtoMessage {
    public var ctype: Google_Protobuf_FieldOptions.CType {
        get { _ctype ?? .string }
        set { _ctype = newValue }
    }
    public var hasCtype: Bool { _ctype != nil }
    public mutating func clearCtype() { _ctype = nil }
    public var packed: Bool {
        get { _packed ?? false }
        set { _packed = newValue }
    }
    public var hasPacked: Bool { _packed != nil }
    public mutating func clearPacked() { _packed = nil }
    public var jstype: Google_Protobuf_FieldOptions.JSType {
        get { _jstype ?? .jsNormal }
        set { _jstype = newValue }
    }
    public var hasJstype: Bool { _jstype != nil }
    public mutating func clearJstype() { _jstype = nil }
    public var lazy: Bool {
        get { _lazy ?? false }
        set { _lazy = newValue }
    }
    public var hasLazy: Bool { _lazy != nil }
    public mutating func clearLazy() { _lazy = nil }
    public var unverifiedLazy: Bool {
        get { _unverifiedLazy ?? false }
        set { _unverifiedLazy = newValue }
    }
    public var hasUnverifiedLazy: Bool { _unverifiedLazy != nil }
    public mutating func clearUnverifiedLazy() { _unverifiedLazy = nil }
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var weak: Bool {
        get { _weak ?? false }
        set { _weak = newValue }
    }
    public var hasWeak: Bool { _weak != nil }
    public mutating func clearWeak() { _weak = nil }
    public var debugRedact: Bool {
        get { _debugRedact ?? false }
        set { _debugRedact = newValue }
    }
    public var hasDebugRedact: Bool { _debugRedact != nil }
    public mutating func clearDebugRedact() { _debugRedact = nil }
    public var retention: Google_Protobuf_FieldOptions.OptionRetention {
        get { _retention ?? .retentionUnknown }
        set { _retention = newValue }
    }
    public var hasRetention: Bool { _retention != nil }
    public mutating func clearRetention() { _retention = nil }
    public var targets: [Google_Protobuf_FieldOptions.OptionTargetType] = []
    public var editionDefaults: [Google_Protobuf_FieldOptions.EditionDefault] = []
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var featureSupport: Google_Protobuf_FieldOptions.FeatureSupport {
        get { _featureSupport ?? Google_Protobuf_FieldOptions.FeatureSupport() }
        set { _featureSupport = newValue }
    }
    public var hasFeatureSupport: Bool { _featureSupport != nil }
    public mutating func clearFeatureSupport() { _featureSupport = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _ctype: Google_Protobuf_FieldOptions.CType? = nil
    var _packed: Bool? = nil
    var _jstype: Google_Protobuf_FieldOptions.JSType? = nil
    var _lazy: Bool? = nil
    var _unverifiedLazy: Bool? = nil
    var _deprecated: Bool? = nil
    var _weak: Bool? = nil
    var _debugRedact: Bool? = nil
    var _retention: Google_Protobuf_FieldOptions.OptionRetention? = nil
    var _features: Google_Protobuf_FeatureSet? = nil
    var _featureSupport: Google_Protobuf_FieldOptions.FeatureSupport? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FieldOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "ctype"
        case 2: "packed"
        case 3: "deprecated"
        case 5: "lazy"
        case 6: "jstype"
        case 10: "weak"
        case 15: "unverified_lazy"
        case 16: "debug_redact"
        case 17: "retention"
        case 19: "targets"
        case 20: "edition_defaults"
        case 21: "features"
        case 22: "feature_support"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _ctype { size += 1 + WireSize.int32(v.rawValue) }
        if _packed != nil { size += 2 }
        if _deprecated != nil { size += 2 }
        if _lazy != nil { size += 2 }
        if let v = _jstype { size += 1 + WireSize.int32(v.rawValue) }
        if _weak != nil { size += 2 }
        if _unverifiedLazy != nil { size += 2 }
        if _debugRedact != nil { size += 3 }
        if let v = _retention { size += 2 + WireSize.int32(v.rawValue) }
        for v in targets { size += 2 + WireSize.int32(v.rawValue) }
        for v in editionDefaults { size += 2 + WireSize.message(v) }
        if let v = _features { size += 2 + WireSize.message(v) }
        if let v = _featureSupport { size += 2 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _ctype {
            encoder.writeTag(1, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _packed {
            encoder.writeTag(2, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecated {
            encoder.writeTag(3, .varint)
            encoder.writeBool(v)
        }
        if let v = _lazy {
            encoder.writeTag(5, .varint)
            encoder.writeBool(v)
        }
        if let v = _jstype {
            encoder.writeTag(6, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _weak {
            encoder.writeTag(10, .varint)
            encoder.writeBool(v)
        }
        if let v = _unverifiedLazy {
            encoder.writeTag(15, .varint)
            encoder.writeBool(v)
        }
        if let v = _debugRedact {
            encoder.writeTag(16, .varint)
            encoder.writeBool(v)
        }
        if let v = _retention {
            encoder.writeTag(17, .varint)
            encoder.writeEnum(v.rawValue)
        }
        for v in targets {
            encoder.writeTag(19, .varint)
            encoder.writeEnum(v.rawValue)
        }
        for v in editionDefaults {
            encoder.writeTag(20, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _features {
            encoder.writeTag(21, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _featureSupport {
            encoder.writeTag(22, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FieldOptions.CType(rawValue: raw) { _ctype = v }
                else { unknownFields.append(fieldNumber: 1, varint: UInt64(bitPattern: Int64(raw))) }
            case 2 where tag.wireType == .varint:
                _packed = try decoder.readBool()
            case 3 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 5 where tag.wireType == .varint:
                _lazy = try decoder.readBool()
            case 6 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FieldOptions.JSType(rawValue: raw) { _jstype = v }
                else { unknownFields.append(fieldNumber: 6, varint: UInt64(bitPattern: Int64(raw))) }
            case 10 where tag.wireType == .varint:
                _weak = try decoder.readBool()
            case 15 where tag.wireType == .varint:
                _unverifiedLazy = try decoder.readBool()
            case 16 where tag.wireType == .varint:
                _debugRedact = try decoder.readBool()
            case 17 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FieldOptions.OptionRetention(rawValue: raw) { _retention = v }
                else { unknownFields.append(fieldNumber: 17, varint: UInt64(bitPattern: Int64(raw))) }
            case 19 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                var raws: [Int32] = []
                try decoder.readRepeated(tag, into: &raws) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readEnum() }
                for raw in raws {
                    if let v = Google_Protobuf_FieldOptions.OptionTargetType(rawValue: raw) { targets.append(v) }
                    else { unknownFields.append(fieldNumber: 19, varint: UInt64(bitPattern: Int64(raw))) }
                }
            case 20 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FieldOptions.EditionDefault()
                try decoder.readMessage(into: &v)
                editionDefaults.append(v)
            case 21 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 22 where tag.wireType == .lengthDelimited:
                var v = _featureSupport ?? Google_Protobuf_FieldOptions.FeatureSupport()
                try decoder.readMessage(into: &v)
                _featureSupport = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct EditionDefault: ProtoMessage {
        public var edition: Google_Protobuf_Edition {
            get { _edition ?? .unknown }
            set { _edition = newValue }
        }
        public var hasEdition: Bool { _edition != nil }
        public mutating func clearEdition() { _edition = nil }
        public var value: String {
            get { _value ?? "" }
            set { _value = newValue }
        }
        public var hasValue: Bool { _value != nil }
        public mutating func clearValue() { _value = nil }
        public var unknownFields = UnknownFields()
        var _edition: Google_Protobuf_Edition? = nil
        var _value: String? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.FieldOptions.EditionDefault"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 2: "value"
            case 3: "edition"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _value { size += 1 + WireSize.string(v) }
            if let v = _edition { size += 1 + WireSize.int32(v.rawValue) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _value {
                encoder.writeTag(2, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _edition {
                encoder.writeTag(3, .varint)
                encoder.writeEnum(v.rawValue)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 2 where tag.wireType == .lengthDelimited:
                    _value = try decoder.readString(validateUTF8: false)
                case 3 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_Edition(rawValue: raw) { _edition = v }
                    else { unknownFields.append(fieldNumber: 3, varint: UInt64(bitPattern: Int64(raw))) }
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }

    public struct FeatureSupport: ProtoMessage {
        public var editionIntroduced: Google_Protobuf_Edition {
            get { _editionIntroduced ?? .unknown }
            set { _editionIntroduced = newValue }
        }
        public var hasEditionIntroduced: Bool { _editionIntroduced != nil }
        public mutating func clearEditionIntroduced() { _editionIntroduced = nil }
        public var editionDeprecated: Google_Protobuf_Edition {
            get { _editionDeprecated ?? .unknown }
            set { _editionDeprecated = newValue }
        }
        public var hasEditionDeprecated: Bool { _editionDeprecated != nil }
        public mutating func clearEditionDeprecated() { _editionDeprecated = nil }
        public var deprecationWarning: String {
            get { _deprecationWarning ?? "" }
            set { _deprecationWarning = newValue }
        }
        public var hasDeprecationWarning: Bool { _deprecationWarning != nil }
        public mutating func clearDeprecationWarning() { _deprecationWarning = nil }
        public var editionRemoved: Google_Protobuf_Edition {
            get { _editionRemoved ?? .unknown }
            set { _editionRemoved = newValue }
        }
        public var hasEditionRemoved: Bool { _editionRemoved != nil }
        public mutating func clearEditionRemoved() { _editionRemoved = nil }
        public var removalError: String {
            get { _removalError ?? "" }
            set { _removalError = newValue }
        }
        public var hasRemovalError: Bool { _removalError != nil }
        public mutating func clearRemovalError() { _removalError = nil }
        public var unknownFields = UnknownFields()
        var _editionIntroduced: Google_Protobuf_Edition? = nil
        var _editionDeprecated: Google_Protobuf_Edition? = nil
        var _deprecationWarning: String? = nil
        var _editionRemoved: Google_Protobuf_Edition? = nil
        var _removalError: String? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.FieldOptions.FeatureSupport"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "edition_introduced"
            case 2: "edition_deprecated"
            case 3: "deprecation_warning"
            case 4: "edition_removed"
            case 5: "removal_error"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _editionIntroduced { size += 1 + WireSize.int32(v.rawValue) }
            if let v = _editionDeprecated { size += 1 + WireSize.int32(v.rawValue) }
            if let v = _deprecationWarning { size += 1 + WireSize.string(v) }
            if let v = _editionRemoved { size += 1 + WireSize.int32(v.rawValue) }
            if let v = _removalError { size += 1 + WireSize.string(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _editionIntroduced {
                encoder.writeTag(1, .varint)
                encoder.writeEnum(v.rawValue)
            }
            if let v = _editionDeprecated {
                encoder.writeTag(2, .varint)
                encoder.writeEnum(v.rawValue)
            }
            if let v = _deprecationWarning {
                encoder.writeTag(3, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _editionRemoved {
                encoder.writeTag(4, .varint)
                encoder.writeEnum(v.rawValue)
            }
            if let v = _removalError {
                encoder.writeTag(5, .lengthDelimited)
                encoder.writeString(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_Edition(rawValue: raw) { _editionIntroduced = v }
                    else { unknownFields.append(fieldNumber: 1, varint: UInt64(bitPattern: Int64(raw))) }
                case 2 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_Edition(rawValue: raw) { _editionDeprecated = v }
                    else { unknownFields.append(fieldNumber: 2, varint: UInt64(bitPattern: Int64(raw))) }
                case 3 where tag.wireType == .lengthDelimited:
                    _deprecationWarning = try decoder.readString(validateUTF8: false)
                case 4 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_Edition(rawValue: raw) { _editionRemoved = v }
                    else { unknownFields.append(fieldNumber: 4, varint: UInt64(bitPattern: Int64(raw))) }
                case 5 where tag.wireType == .lengthDelimited:
                    _removalError = try decoder.readString(validateUTF8: false)
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }

    public enum CType: Int32, ProtoEnum {
        case string = 0
        case cord = 1
        case stringPiece = 2

        public static let protoEnumName = "google.protobuf.FieldOptions.CType"
    }

    public enum JSType: Int32, ProtoEnum {
        case jsNormal = 0
        case jsString = 1
        case jsNumber = 2

        public static let protoEnumName = "google.protobuf.FieldOptions.JSType"
    }

    public enum OptionRetention: Int32, ProtoEnum {
        case retentionUnknown = 0
        case retentionRuntime = 1
        case retentionSource = 2

        public static let protoEnumName = "google.protobuf.FieldOptions.OptionRetention"
    }

    public enum OptionTargetType: Int32, ProtoEnum {
        case targetTypeUnknown = 0
        case targetTypeFile = 1
        case targetTypeExtensionRange = 2
        case targetTypeMessage = 3
        case targetTypeField = 4
        case targetTypeOneof = 5
        case targetTypeEnum = 6
        case targetTypeEnumEntry = 7
        case targetTypeService = 8
        case targetTypeMethod = 9

        public static let protoEnumName = "google.protobuf.FieldOptions.OptionTargetType"
    }
}

public struct Google_Protobuf_OneofOptions: ProtoMessage {
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _features: Google_Protobuf_FeatureSet? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.OneofOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _features { size += 1 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _features {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_EnumOptions: ProtoMessage {
    public var allowAlias: Bool {
        get { _allowAlias ?? false }
        set { _allowAlias = newValue }
    }
    public var hasAllowAlias: Bool { _allowAlias != nil }
    public mutating func clearAllowAlias() { _allowAlias = nil }
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var deprecatedLegacyJsonFieldConflicts: Bool {
        get { _deprecatedLegacyJsonFieldConflicts ?? false }
        set { _deprecatedLegacyJsonFieldConflicts = newValue }
    }
    public var hasDeprecatedLegacyJsonFieldConflicts: Bool { _deprecatedLegacyJsonFieldConflicts != nil }
    public mutating func clearDeprecatedLegacyJsonFieldConflicts() { _deprecatedLegacyJsonFieldConflicts = nil }
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _allowAlias: Bool? = nil
    var _deprecated: Bool? = nil
    var _deprecatedLegacyJsonFieldConflicts: Bool? = nil
    var _features: Google_Protobuf_FeatureSet? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.EnumOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 2: "allow_alias"
        case 3: "deprecated"
        case 6: "deprecated_legacy_json_field_conflicts"
        case 7: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if _allowAlias != nil { size += 2 }
        if _deprecated != nil { size += 2 }
        if _deprecatedLegacyJsonFieldConflicts != nil { size += 2 }
        if let v = _features { size += 1 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _allowAlias {
            encoder.writeTag(2, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecated {
            encoder.writeTag(3, .varint)
            encoder.writeBool(v)
        }
        if let v = _deprecatedLegacyJsonFieldConflicts {
            encoder.writeTag(6, .varint)
            encoder.writeBool(v)
        }
        if let v = _features {
            encoder.writeTag(7, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 2 where tag.wireType == .varint:
                _allowAlias = try decoder.readBool()
            case 3 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 6 where tag.wireType == .varint:
                _deprecatedLegacyJsonFieldConflicts = try decoder.readBool()
            case 7 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_EnumValueOptions: ProtoMessage {
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var debugRedact: Bool {
        get { _debugRedact ?? false }
        set { _debugRedact = newValue }
    }
    public var hasDebugRedact: Bool { _debugRedact != nil }
    public mutating func clearDebugRedact() { _debugRedact = nil }
    public var featureSupport: Google_Protobuf_FieldOptions.FeatureSupport {
        get { _featureSupport ?? Google_Protobuf_FieldOptions.FeatureSupport() }
        set { _featureSupport = newValue }
    }
    public var hasFeatureSupport: Bool { _featureSupport != nil }
    public mutating func clearFeatureSupport() { _featureSupport = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _deprecated: Bool? = nil
    var _features: Google_Protobuf_FeatureSet? = nil
    var _debugRedact: Bool? = nil
    var _featureSupport: Google_Protobuf_FieldOptions.FeatureSupport? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.EnumValueOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "deprecated"
        case 2: "features"
        case 3: "debug_redact"
        case 4: "feature_support"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if _deprecated != nil { size += 2 }
        if let v = _features { size += 1 + WireSize.message(v) }
        if _debugRedact != nil { size += 2 }
        if let v = _featureSupport { size += 1 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _deprecated {
            encoder.writeTag(1, .varint)
            encoder.writeBool(v)
        }
        if let v = _features {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _debugRedact {
            encoder.writeTag(3, .varint)
            encoder.writeBool(v)
        }
        if let v = _featureSupport {
            encoder.writeTag(4, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 2 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 3 where tag.wireType == .varint:
                _debugRedact = try decoder.readBool()
            case 4 where tag.wireType == .lengthDelimited:
                var v = _featureSupport ?? Google_Protobuf_FieldOptions.FeatureSupport()
                try decoder.readMessage(into: &v)
                _featureSupport = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_ServiceOptions: ProtoMessage {
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _features: Google_Protobuf_FeatureSet? = nil
    var _deprecated: Bool? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.ServiceOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 33: "deprecated"
        case 34: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if _deprecated != nil { size += 3 }
        if let v = _features { size += 2 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _deprecated {
            encoder.writeTag(33, .varint)
            encoder.writeBool(v)
        }
        if let v = _features {
            encoder.writeTag(34, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 33 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 34 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }
}

public struct Google_Protobuf_MethodOptions: ProtoMessage {
    public var deprecated: Bool {
        get { _deprecated ?? false }
        set { _deprecated = newValue }
    }
    public var hasDeprecated: Bool { _deprecated != nil }
    public mutating func clearDeprecated() { _deprecated = nil }
    public var idempotencyLevel: Google_Protobuf_MethodOptions.IdempotencyLevel {
        get { _idempotencyLevel ?? .idempotencyUnknown }
        set { _idempotencyLevel = newValue }
    }
    public var hasIdempotencyLevel: Bool { _idempotencyLevel != nil }
    public mutating func clearIdempotencyLevel() { _idempotencyLevel = nil }
    public var features: Google_Protobuf_FeatureSet {
        get { _features ?? Google_Protobuf_FeatureSet() }
        set { _features = newValue }
    }
    public var hasFeatures: Bool { _features != nil }
    public mutating func clearFeatures() { _features = nil }
    public var uninterpretedOption: [Google_Protobuf_UninterpretedOption] = []
    public var unknownFields = UnknownFields()
    var _deprecated: Bool? = nil
    var _idempotencyLevel: Google_Protobuf_MethodOptions.IdempotencyLevel? = nil
    var _features: Google_Protobuf_FeatureSet? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.MethodOptions"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 33: "deprecated"
        case 34: "idempotency_level"
        case 35: "features"
        case 999: "uninterpreted_option"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if _deprecated != nil { size += 3 }
        if let v = _idempotencyLevel { size += 2 + WireSize.int32(v.rawValue) }
        if let v = _features { size += 2 + WireSize.message(v) }
        for v in uninterpretedOption { size += 2 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _deprecated {
            encoder.writeTag(33, .varint)
            encoder.writeBool(v)
        }
        if let v = _idempotencyLevel {
            encoder.writeTag(34, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _features {
            encoder.writeTag(35, .lengthDelimited)
            encoder.writeMessage(v)
        }
        for v in uninterpretedOption {
            encoder.writeTag(999, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 33 where tag.wireType == .varint:
                _deprecated = try decoder.readBool()
            case 34 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_MethodOptions.IdempotencyLevel(rawValue: raw) { _idempotencyLevel = v }
                else { unknownFields.append(fieldNumber: 34, varint: UInt64(bitPattern: Int64(raw))) }
            case 35 where tag.wireType == .lengthDelimited:
                var v = _features ?? Google_Protobuf_FeatureSet()
                try decoder.readMessage(into: &v)
                _features = v
            case 999 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption()
                try decoder.readMessage(into: &v)
                uninterpretedOption.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public enum IdempotencyLevel: Int32, ProtoEnum {
        case idempotencyUnknown = 0
        case noSideEffects = 1
        case idempotent = 2

        public static let protoEnumName = "google.protobuf.MethodOptions.IdempotencyLevel"
    }
}

public struct Google_Protobuf_UninterpretedOption: ProtoMessage {
    public var name: [Google_Protobuf_UninterpretedOption.NamePart] = []
    public var identifierValue: String {
        get { _identifierValue ?? "" }
        set { _identifierValue = newValue }
    }
    public var hasIdentifierValue: Bool { _identifierValue != nil }
    public mutating func clearIdentifierValue() { _identifierValue = nil }
    public var positiveIntValue: UInt64 {
        get { _positiveIntValue ?? 0 }
        set { _positiveIntValue = newValue }
    }
    public var hasPositiveIntValue: Bool { _positiveIntValue != nil }
    public mutating func clearPositiveIntValue() { _positiveIntValue = nil }
    public var negativeIntValue: Int64 {
        get { _negativeIntValue ?? 0 }
        set { _negativeIntValue = newValue }
    }
    public var hasNegativeIntValue: Bool { _negativeIntValue != nil }
    public mutating func clearNegativeIntValue() { _negativeIntValue = nil }
    public var doubleValue: Double {
        get { _doubleValue ?? 0 }
        set { _doubleValue = newValue }
    }
    public var hasDoubleValue: Bool { _doubleValue != nil }
    public mutating func clearDoubleValue() { _doubleValue = nil }
    public var stringValue: [UInt8] {
        get { _stringValue ?? [] }
        set { _stringValue = newValue }
    }
    public var hasStringValue: Bool { _stringValue != nil }
    public mutating func clearStringValue() { _stringValue = nil }
    public var aggregateValue: String {
        get { _aggregateValue ?? "" }
        set { _aggregateValue = newValue }
    }
    public var hasAggregateValue: Bool { _aggregateValue != nil }
    public mutating func clearAggregateValue() { _aggregateValue = nil }
    public var unknownFields = UnknownFields()
    var _identifierValue: String? = nil
    var _positiveIntValue: UInt64? = nil
    var _negativeIntValue: Int64? = nil
    var _doubleValue: Double? = nil
    var _stringValue: [UInt8]? = nil
    var _aggregateValue: String? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.UninterpretedOption"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 2: "name"
        case 3: "identifier_value"
        case 4: "positive_int_value"
        case 5: "negative_int_value"
        case 6: "double_value"
        case 7: "string_value"
        case 8: "aggregate_value"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in name { size += 1 + WireSize.message(v) }
        if let v = _identifierValue { size += 1 + WireSize.string(v) }
        if let v = _positiveIntValue { size += 1 + WireSize.varint(v) }
        if let v = _negativeIntValue { size += 1 + WireSize.int64(v) }
        if _doubleValue != nil { size += 9 }
        if let v = _stringValue { size += 1 + WireSize.bytes(v) }
        if let v = _aggregateValue { size += 1 + WireSize.string(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in name {
            encoder.writeTag(2, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _identifierValue {
            encoder.writeTag(3, .lengthDelimited)
            encoder.writeString(v)
        }
        if let v = _positiveIntValue {
            encoder.writeTag(4, .varint)
            encoder.writeUInt64(v)
        }
        if let v = _negativeIntValue {
            encoder.writeTag(5, .varint)
            encoder.writeInt64(v)
        }
        if let v = _doubleValue {
            encoder.writeTag(6, .fixed64)
            encoder.writeDouble(v)
        }
        if let v = _stringValue {
            encoder.writeTag(7, .lengthDelimited)
            encoder.writeBytes(v)
        }
        if let v = _aggregateValue {
            encoder.writeTag(8, .lengthDelimited)
            encoder.writeString(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 2 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_UninterpretedOption.NamePart()
                try decoder.readMessage(into: &v)
                name.append(v)
            case 3 where tag.wireType == .lengthDelimited:
                _identifierValue = try decoder.readString(validateUTF8: false)
            case 4 where tag.wireType == .varint:
                _positiveIntValue = try decoder.readUInt64()
            case 5 where tag.wireType == .varint:
                _negativeIntValue = try decoder.readInt64()
            case 6 where tag.wireType == .fixed64:
                _doubleValue = try decoder.readDouble()
            case 7 where tag.wireType == .lengthDelimited:
                _stringValue = try decoder.readBytes()
            case 8 where tag.wireType == .lengthDelimited:
                _aggregateValue = try decoder.readString(validateUTF8: false)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct NamePart: ProtoMessage {
        public var namePart: String {
            get { _namePart ?? "" }
            set { _namePart = newValue }
        }
        public var hasNamePart: Bool { _namePart != nil }
        public mutating func clearNamePart() { _namePart = nil }
        public var isExtension: Bool {
            get { _isExtension ?? false }
            set { _isExtension = newValue }
        }
        public var hasIsExtension: Bool { _isExtension != nil }
        public mutating func clearIsExtension() { _isExtension = nil }
        public var unknownFields = UnknownFields()
        var _namePart: String? = nil
        var _isExtension: Bool? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.UninterpretedOption.NamePart"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "name_part"
            case 2: "is_extension"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _namePart { size += 1 + WireSize.string(v) }
            if _isExtension != nil { size += 2 }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _namePart {
                encoder.writeTag(1, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _isExtension {
                encoder.writeTag(2, .varint)
                encoder.writeBool(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .lengthDelimited:
                    _namePart = try decoder.readString(validateUTF8: false)
                case 2 where tag.wireType == .varint:
                    _isExtension = try decoder.readBool()
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }

        public var isInitialized: Bool {
            if _namePart == nil { return false }
            if _isExtension == nil { return false }
            return true
        }
    }
}

public struct Google_Protobuf_FeatureSet: ProtoMessage {
    public var fieldPresence: Google_Protobuf_FeatureSet.FieldPresence {
        get { _fieldPresence ?? .unknown }
        set { _fieldPresence = newValue }
    }
    public var hasFieldPresence: Bool { _fieldPresence != nil }
    public mutating func clearFieldPresence() { _fieldPresence = nil }
    public var enumType: Google_Protobuf_FeatureSet.EnumType {
        get { _enumType ?? .unknown }
        set { _enumType = newValue }
    }
    public var hasEnumType: Bool { _enumType != nil }
    public mutating func clearEnumType() { _enumType = nil }
    public var repeatedFieldEncoding: Google_Protobuf_FeatureSet.RepeatedFieldEncoding {
        get { _repeatedFieldEncoding ?? .unknown }
        set { _repeatedFieldEncoding = newValue }
    }
    public var hasRepeatedFieldEncoding: Bool { _repeatedFieldEncoding != nil }
    public mutating func clearRepeatedFieldEncoding() { _repeatedFieldEncoding = nil }
    public var utf8Validation: Google_Protobuf_FeatureSet.Utf8Validation {
        get { _utf8Validation ?? .unknown }
        set { _utf8Validation = newValue }
    }
    public var hasUtf8Validation: Bool { _utf8Validation != nil }
    public mutating func clearUtf8Validation() { _utf8Validation = nil }
    public var messageEncoding: Google_Protobuf_FeatureSet.MessageEncoding {
        get { _messageEncoding ?? .unknown }
        set { _messageEncoding = newValue }
    }
    public var hasMessageEncoding: Bool { _messageEncoding != nil }
    public mutating func clearMessageEncoding() { _messageEncoding = nil }
    public var jsonFormat: Google_Protobuf_FeatureSet.JsonFormat {
        get { _jsonFormat ?? .unknown }
        set { _jsonFormat = newValue }
    }
    public var hasJsonFormat: Bool { _jsonFormat != nil }
    public mutating func clearJsonFormat() { _jsonFormat = nil }
    public var enforceNamingStyle: Google_Protobuf_FeatureSet.EnforceNamingStyle {
        get { _enforceNamingStyle ?? .unknown }
        set { _enforceNamingStyle = newValue }
    }
    public var hasEnforceNamingStyle: Bool { _enforceNamingStyle != nil }
    public mutating func clearEnforceNamingStyle() { _enforceNamingStyle = nil }
    public var defaultSymbolVisibility: Google_Protobuf_FeatureSet.VisibilityFeature.DefaultSymbolVisibility {
        get { _defaultSymbolVisibility ?? .unknown }
        set { _defaultSymbolVisibility = newValue }
    }
    public var hasDefaultSymbolVisibility: Bool { _defaultSymbolVisibility != nil }
    public mutating func clearDefaultSymbolVisibility() { _defaultSymbolVisibility = nil }
    public var enforceProtoLimits: Google_Protobuf_FeatureSet.ProtoLimitsFeature.EnforceProtoLimits {
        get { _enforceProtoLimits ?? .protoLimitsUnknown }
        set { _enforceProtoLimits = newValue }
    }
    public var hasEnforceProtoLimits: Bool { _enforceProtoLimits != nil }
    public mutating func clearEnforceProtoLimits() { _enforceProtoLimits = nil }
    public var unknownFields = UnknownFields()
    var _fieldPresence: Google_Protobuf_FeatureSet.FieldPresence? = nil
    var _enumType: Google_Protobuf_FeatureSet.EnumType? = nil
    var _repeatedFieldEncoding: Google_Protobuf_FeatureSet.RepeatedFieldEncoding? = nil
    var _utf8Validation: Google_Protobuf_FeatureSet.Utf8Validation? = nil
    var _messageEncoding: Google_Protobuf_FeatureSet.MessageEncoding? = nil
    var _jsonFormat: Google_Protobuf_FeatureSet.JsonFormat? = nil
    var _enforceNamingStyle: Google_Protobuf_FeatureSet.EnforceNamingStyle? = nil
    var _defaultSymbolVisibility: Google_Protobuf_FeatureSet.VisibilityFeature.DefaultSymbolVisibility? = nil
    var _enforceProtoLimits: Google_Protobuf_FeatureSet.ProtoLimitsFeature.EnforceProtoLimits? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FeatureSet"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "field_presence"
        case 2: "enum_type"
        case 3: "repeated_field_encoding"
        case 4: "utf8_validation"
        case 5: "message_encoding"
        case 6: "json_format"
        case 7: "enforce_naming_style"
        case 8: "default_symbol_visibility"
        case 9: "enforce_proto_limits"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        if let v = _fieldPresence { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _enumType { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _repeatedFieldEncoding { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _utf8Validation { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _messageEncoding { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _jsonFormat { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _enforceNamingStyle { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _defaultSymbolVisibility { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _enforceProtoLimits { size += 1 + WireSize.int32(v.rawValue) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        if let v = _fieldPresence {
            encoder.writeTag(1, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _enumType {
            encoder.writeTag(2, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _repeatedFieldEncoding {
            encoder.writeTag(3, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _utf8Validation {
            encoder.writeTag(4, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _messageEncoding {
            encoder.writeTag(5, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _jsonFormat {
            encoder.writeTag(6, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _enforceNamingStyle {
            encoder.writeTag(7, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _defaultSymbolVisibility {
            encoder.writeTag(8, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _enforceProtoLimits {
            encoder.writeTag(9, .varint)
            encoder.writeEnum(v.rawValue)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.FieldPresence(rawValue: raw) { _fieldPresence = v }
                else { unknownFields.append(fieldNumber: 1, varint: UInt64(bitPattern: Int64(raw))) }
            case 2 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.EnumType(rawValue: raw) { _enumType = v }
                else { unknownFields.append(fieldNumber: 2, varint: UInt64(bitPattern: Int64(raw))) }
            case 3 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.RepeatedFieldEncoding(rawValue: raw) { _repeatedFieldEncoding = v }
                else { unknownFields.append(fieldNumber: 3, varint: UInt64(bitPattern: Int64(raw))) }
            case 4 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.Utf8Validation(rawValue: raw) { _utf8Validation = v }
                else { unknownFields.append(fieldNumber: 4, varint: UInt64(bitPattern: Int64(raw))) }
            case 5 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.MessageEncoding(rawValue: raw) { _messageEncoding = v }
                else { unknownFields.append(fieldNumber: 5, varint: UInt64(bitPattern: Int64(raw))) }
            case 6 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.JsonFormat(rawValue: raw) { _jsonFormat = v }
                else { unknownFields.append(fieldNumber: 6, varint: UInt64(bitPattern: Int64(raw))) }
            case 7 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.EnforceNamingStyle(rawValue: raw) { _enforceNamingStyle = v }
                else { unknownFields.append(fieldNumber: 7, varint: UInt64(bitPattern: Int64(raw))) }
            case 8 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.VisibilityFeature.DefaultSymbolVisibility(rawValue: raw) { _defaultSymbolVisibility = v }
                else { unknownFields.append(fieldNumber: 8, varint: UInt64(bitPattern: Int64(raw))) }
            case 9 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_FeatureSet.ProtoLimitsFeature.EnforceProtoLimits(rawValue: raw) { _enforceProtoLimits = v }
                else { unknownFields.append(fieldNumber: 9, varint: UInt64(bitPattern: Int64(raw))) }
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct VisibilityFeature: ProtoMessage {
        public var unknownFields = UnknownFields()

        public init() {}

        public static let protoMessageName = "google.protobuf.FeatureSet.VisibilityFeature"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            default: nil
            }
        }

        public func encodedSize() -> Int {
            unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }

        public enum DefaultSymbolVisibility: Int32, ProtoEnum {
            case unknown = 0
            case exportAll = 1
            case exportTopLevel = 2
            case localAll = 3
            case strict = 4

            public static let protoEnumName = "google.protobuf.FeatureSet.VisibilityFeature.DefaultSymbolVisibility"
        }
    }

    public struct ProtoLimitsFeature: ProtoMessage {
        public var unknownFields = UnknownFields()

        public init() {}

        public static let protoMessageName = "google.protobuf.FeatureSet.ProtoLimitsFeature"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            default: nil
            }
        }

        public func encodedSize() -> Int {
            unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }

        public enum EnforceProtoLimits: Int32, ProtoEnum {
            case protoLimitsUnknown = 0
            case legacyNoExplicitLimits = 1
            case protoLimits2026 = 2

            public static let protoEnumName = "google.protobuf.FeatureSet.ProtoLimitsFeature.EnforceProtoLimits"
        }
    }

    public enum FieldPresence: Int32, ProtoEnum {
        case unknown = 0
        case explicit = 1
        case implicit = 2
        case legacyRequired = 3

        public static let protoEnumName = "google.protobuf.FeatureSet.FieldPresence"
    }

    public enum EnumType: Int32, ProtoEnum {
        case unknown = 0
        case open = 1
        case closed = 2

        public static let protoEnumName = "google.protobuf.FeatureSet.EnumType"
    }

    public enum RepeatedFieldEncoding: Int32, ProtoEnum {
        case unknown = 0
        case packed = 1
        case expanded = 2

        public static let protoEnumName = "google.protobuf.FeatureSet.RepeatedFieldEncoding"
    }

    public enum Utf8Validation: Int32, ProtoEnum {
        case unknown = 0
        case verify = 2
        case none = 3

        public static let protoEnumName = "google.protobuf.FeatureSet.Utf8Validation"
    }

    public enum MessageEncoding: Int32, ProtoEnum {
        case unknown = 0
        case lengthPrefixed = 1
        case delimited = 2

        public static let protoEnumName = "google.protobuf.FeatureSet.MessageEncoding"
    }

    public enum JsonFormat: Int32, ProtoEnum {
        case unknown = 0
        case allow = 1
        case legacyBestEffort = 2

        public static let protoEnumName = "google.protobuf.FeatureSet.JsonFormat"
    }

    public enum EnforceNamingStyle: Int32, ProtoEnum {
        case unknown = 0
        case style2024 = 1
        case styleLegacy = 2
        case style2026 = 3

        public static let protoEnumName = "google.protobuf.FeatureSet.EnforceNamingStyle"
    }
}

public struct Google_Protobuf_FeatureSetDefaults: ProtoMessage {
    public var defaults: [Google_Protobuf_FeatureSetDefaults.FeatureSetEditionDefault] = []
    public var minimumEdition: Google_Protobuf_Edition {
        get { _minimumEdition ?? .unknown }
        set { _minimumEdition = newValue }
    }
    public var hasMinimumEdition: Bool { _minimumEdition != nil }
    public mutating func clearMinimumEdition() { _minimumEdition = nil }
    public var maximumEdition: Google_Protobuf_Edition {
        get { _maximumEdition ?? .unknown }
        set { _maximumEdition = newValue }
    }
    public var hasMaximumEdition: Bool { _maximumEdition != nil }
    public mutating func clearMaximumEdition() { _maximumEdition = nil }
    public var unknownFields = UnknownFields()
    var _minimumEdition: Google_Protobuf_Edition? = nil
    var _maximumEdition: Google_Protobuf_Edition? = nil

    public init() {}

    public static let protoMessageName = "google.protobuf.FeatureSetDefaults"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "defaults"
        case 4: "minimum_edition"
        case 5: "maximum_edition"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in defaults { size += 1 + WireSize.message(v) }
        if let v = _minimumEdition { size += 1 + WireSize.int32(v.rawValue) }
        if let v = _maximumEdition { size += 1 + WireSize.int32(v.rawValue) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in defaults {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeMessage(v)
        }
        if let v = _minimumEdition {
            encoder.writeTag(4, .varint)
            encoder.writeEnum(v.rawValue)
        }
        if let v = _maximumEdition {
            encoder.writeTag(5, .varint)
            encoder.writeEnum(v.rawValue)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_FeatureSetDefaults.FeatureSetEditionDefault()
                try decoder.readMessage(into: &v)
                defaults.append(v)
            case 4 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_Edition(rawValue: raw) { _minimumEdition = v }
                else { unknownFields.append(fieldNumber: 4, varint: UInt64(bitPattern: Int64(raw))) }
            case 5 where tag.wireType == .varint:
                let raw = try decoder.readEnum()
                if let v = Google_Protobuf_Edition(rawValue: raw) { _maximumEdition = v }
                else { unknownFields.append(fieldNumber: 5, varint: UInt64(bitPattern: Int64(raw))) }
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct FeatureSetEditionDefault: ProtoMessage {
        public var edition: Google_Protobuf_Edition {
            get { _edition ?? .unknown }
            set { _edition = newValue }
        }
        public var hasEdition: Bool { _edition != nil }
        public mutating func clearEdition() { _edition = nil }
        public var overridableFeatures: Google_Protobuf_FeatureSet {
            get { _overridableFeatures ?? Google_Protobuf_FeatureSet() }
            set { _overridableFeatures = newValue }
        }
        public var hasOverridableFeatures: Bool { _overridableFeatures != nil }
        public mutating func clearOverridableFeatures() { _overridableFeatures = nil }
        public var fixedFeatures: Google_Protobuf_FeatureSet {
            get { _fixedFeatures ?? Google_Protobuf_FeatureSet() }
            set { _fixedFeatures = newValue }
        }
        public var hasFixedFeatures: Bool { _fixedFeatures != nil }
        public mutating func clearFixedFeatures() { _fixedFeatures = nil }
        public var unknownFields = UnknownFields()
        var _edition: Google_Protobuf_Edition? = nil
        var _overridableFeatures: Google_Protobuf_FeatureSet? = nil
        var _fixedFeatures: Google_Protobuf_FeatureSet? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.FeatureSetDefaults.FeatureSetEditionDefault"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 3: "edition"
            case 4: "overridable_features"
            case 5: "fixed_features"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if let v = _edition { size += 1 + WireSize.int32(v.rawValue) }
            if let v = _overridableFeatures { size += 1 + WireSize.message(v) }
            if let v = _fixedFeatures { size += 1 + WireSize.message(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if let v = _edition {
                encoder.writeTag(3, .varint)
                encoder.writeEnum(v.rawValue)
            }
            if let v = _overridableFeatures {
                encoder.writeTag(4, .lengthDelimited)
                encoder.writeMessage(v)
            }
            if let v = _fixedFeatures {
                encoder.writeTag(5, .lengthDelimited)
                encoder.writeMessage(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 3 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_Edition(rawValue: raw) { _edition = v }
                    else { unknownFields.append(fieldNumber: 3, varint: UInt64(bitPattern: Int64(raw))) }
                case 4 where tag.wireType == .lengthDelimited:
                    var v = _overridableFeatures ?? Google_Protobuf_FeatureSet()
                    try decoder.readMessage(into: &v)
                    _overridableFeatures = v
                case 5 where tag.wireType == .lengthDelimited:
                    var v = _fixedFeatures ?? Google_Protobuf_FeatureSet()
                    try decoder.readMessage(into: &v)
                    _fixedFeatures = v
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }
}

public struct Google_Protobuf_SourceCodeInfo: ProtoMessage {
    public var location: [Google_Protobuf_SourceCodeInfo.Location] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "google.protobuf.SourceCodeInfo"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "location"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in location { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in location {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_SourceCodeInfo.Location()
                try decoder.readMessage(into: &v)
                location.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct Location: ProtoMessage {
        public var path: [Int32] = []
        public var span: [Int32] = []
        public var leadingComments: String {
            get { _leadingComments ?? "" }
            set { _leadingComments = newValue }
        }
        public var hasLeadingComments: Bool { _leadingComments != nil }
        public mutating func clearLeadingComments() { _leadingComments = nil }
        public var trailingComments: String {
            get { _trailingComments ?? "" }
            set { _trailingComments = newValue }
        }
        public var hasTrailingComments: Bool { _trailingComments != nil }
        public mutating func clearTrailingComments() { _trailingComments = nil }
        public var leadingDetachedComments: [String] = []
        public var unknownFields = UnknownFields()
        var _leadingComments: String? = nil
        var _trailingComments: String? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.SourceCodeInfo.Location"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "path"
            case 2: "span"
            case 3: "leading_comments"
            case 4: "trailing_comments"
            case 6: "leading_detached_comments"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if !path.isEmpty {
                var body = 0
                for v in path { body += WireSize.int32(v) }
                size += 1 + WireSize.delimited(body)
            }
            if !span.isEmpty {
                var body = 0
                for v in span { body += WireSize.int32(v) }
                size += 1 + WireSize.delimited(body)
            }
            if let v = _leadingComments { size += 1 + WireSize.string(v) }
            if let v = _trailingComments { size += 1 + WireSize.string(v) }
            for v in leadingDetachedComments { size += 1 + WireSize.string(v) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if !path.isEmpty {
                encoder.writeTag(1, .lengthDelimited)
                var body = 0
                for v in path { body += WireSize.int32(v) }
                encoder.writeVarint(UInt64(body))
                for v in path { encoder.writeInt32(v) }
            }
            if !span.isEmpty {
                encoder.writeTag(2, .lengthDelimited)
                var body = 0
                for v in span { body += WireSize.int32(v) }
                encoder.writeVarint(UInt64(body))
                for v in span { encoder.writeInt32(v) }
            }
            if let v = _leadingComments {
                encoder.writeTag(3, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _trailingComments {
                encoder.writeTag(4, .lengthDelimited)
                encoder.writeString(v)
            }
            for v in leadingDetachedComments {
                encoder.writeTag(6, .lengthDelimited)
                encoder.writeString(v)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                    try decoder.readRepeated(tag, into: &path) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt32() }
                case 2 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                    try decoder.readRepeated(tag, into: &span) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt32() }
                case 3 where tag.wireType == .lengthDelimited:
                    _leadingComments = try decoder.readString(validateUTF8: false)
                case 4 where tag.wireType == .lengthDelimited:
                    _trailingComments = try decoder.readString(validateUTF8: false)
                case 6 where tag.wireType == .lengthDelimited:
                    leadingDetachedComments.append(try decoder.readString(validateUTF8: false))
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }
    }
}

public struct Google_Protobuf_GeneratedCodeInfo: ProtoMessage {
    public var annotation: [Google_Protobuf_GeneratedCodeInfo.Annotation] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "google.protobuf.GeneratedCodeInfo"

    public static func protoFieldName(_ number: Int) -> String? {
        switch number {
        case 1: "annotation"
        default: nil
        }
    }

    public func encodedSize() -> Int {
        var size = 0
        for v in annotation { size += 1 + WireSize.message(v) }
        return size + unknownFields.bytes.count
    }

    public func encode(to encoder: inout BinaryEncoder) {
        for v in annotation {
            encoder.writeTag(1, .lengthDelimited)
            encoder.writeMessage(v)
        }
        encoder.writeRaw(unknownFields.bytes)
    }

    public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
        while let tag = try decoder.nextTag() {
            switch tag.fieldNumber {
            case 1 where tag.wireType == .lengthDelimited:
                var v = Google_Protobuf_GeneratedCodeInfo.Annotation()
                try decoder.readMessage(into: &v)
                annotation.append(v)
            default:
                try decoder.skipField(tag, into: &unknownFields)
            }
        }
    }

    public struct Annotation: ProtoMessage {
        public var path: [Int32] = []
        public var sourceFile: String {
            get { _sourceFile ?? "" }
            set { _sourceFile = newValue }
        }
        public var hasSourceFile: Bool { _sourceFile != nil }
        public mutating func clearSourceFile() { _sourceFile = nil }
        public var begin: Int32 {
            get { _begin ?? 0 }
            set { _begin = newValue }
        }
        public var hasBegin: Bool { _begin != nil }
        public mutating func clearBegin() { _begin = nil }
        public var end: Int32 {
            get { _end ?? 0 }
            set { _end = newValue }
        }
        public var hasEnd: Bool { _end != nil }
        public mutating func clearEnd() { _end = nil }
        public var semantic: Google_Protobuf_GeneratedCodeInfo.Annotation.Semantic {
            get { _semantic ?? .none }
            set { _semantic = newValue }
        }
        public var hasSemantic: Bool { _semantic != nil }
        public mutating func clearSemantic() { _semantic = nil }
        public var unknownFields = UnknownFields()
        var _sourceFile: String? = nil
        var _begin: Int32? = nil
        var _end: Int32? = nil
        var _semantic: Google_Protobuf_GeneratedCodeInfo.Annotation.Semantic? = nil

        public init() {}

        public static let protoMessageName = "google.protobuf.GeneratedCodeInfo.Annotation"

        public static func protoFieldName(_ number: Int) -> String? {
            switch number {
            case 1: "path"
            case 2: "source_file"
            case 3: "begin"
            case 4: "end"
            case 5: "semantic"
            default: nil
            }
        }

        public func encodedSize() -> Int {
            var size = 0
            if !path.isEmpty {
                var body = 0
                for v in path { body += WireSize.int32(v) }
                size += 1 + WireSize.delimited(body)
            }
            if let v = _sourceFile { size += 1 + WireSize.string(v) }
            if let v = _begin { size += 1 + WireSize.int32(v) }
            if let v = _end { size += 1 + WireSize.int32(v) }
            if let v = _semantic { size += 1 + WireSize.int32(v.rawValue) }
            return size + unknownFields.bytes.count
        }

        public func encode(to encoder: inout BinaryEncoder) {
            if !path.isEmpty {
                encoder.writeTag(1, .lengthDelimited)
                var body = 0
                for v in path { body += WireSize.int32(v) }
                encoder.writeVarint(UInt64(body))
                for v in path { encoder.writeInt32(v) }
            }
            if let v = _sourceFile {
                encoder.writeTag(2, .lengthDelimited)
                encoder.writeString(v)
            }
            if let v = _begin {
                encoder.writeTag(3, .varint)
                encoder.writeInt32(v)
            }
            if let v = _end {
                encoder.writeTag(4, .varint)
                encoder.writeInt32(v)
            }
            if let v = _semantic {
                encoder.writeTag(5, .varint)
                encoder.writeEnum(v.rawValue)
            }
            encoder.writeRaw(unknownFields.bytes)
        }

        public mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError) {
            while let tag = try decoder.nextTag() {
                switch tag.fieldNumber {
                case 1 where tag.wireType == .varint || tag.wireType == .lengthDelimited:
                    try decoder.readRepeated(tag, into: &path) { (d: inout BinaryDecoder) throws(ProtoDecodingError) in try d.readInt32() }
                case 2 where tag.wireType == .lengthDelimited:
                    _sourceFile = try decoder.readString(validateUTF8: false)
                case 3 where tag.wireType == .varint:
                    _begin = try decoder.readInt32()
                case 4 where tag.wireType == .varint:
                    _end = try decoder.readInt32()
                case 5 where tag.wireType == .varint:
                    let raw = try decoder.readEnum()
                    if let v = Google_Protobuf_GeneratedCodeInfo.Annotation.Semantic(rawValue: raw) { _semantic = v }
                    else { unknownFields.append(fieldNumber: 5, varint: UInt64(bitPattern: Int64(raw))) }
                default:
                    try decoder.skipField(tag, into: &unknownFields)
                }
            }
        }

        public enum Semantic: Int32, ProtoEnum {
            case none = 0
            case set = 1
            case alias = 2

            public static let protoEnumName = "google.protobuf.GeneratedCodeInfo.Annotation.Semantic"
        }
    }
}

public enum Google_Protobuf_Edition: Int32, ProtoEnum {
    case unknown = 0
    case legacy = 900
    case proto2 = 998
    case proto3 = 999
    case _2023 = 1000
    case _2024 = 1001
    case _2026 = 1002
    case unstable = 9999
    case _1TestOnly = 1
    case _2TestOnly = 2
    case _99997TestOnly = 99997
    case _99998TestOnly = 99998
    case _99999TestOnly = 99999
    case max = 2147483647

    public static let protoEnumName = "google.protobuf.Edition"
}

public enum Google_Protobuf_SymbolVisibility: Int32, ProtoEnum {
    case visibilityUnset = 0
    case visibilityLocal = 1
    case visibilityExport = 2

    public static let protoEnumName = "google.protobuf.SymbolVisibility"
}

