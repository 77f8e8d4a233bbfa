import ProtoRuntime

/// The declarations of a `FileDescriptorSet` by fully qualified name, each with the file that
/// declares it and its source path, so that schema checks can follow type references and point
/// at the line that needs changing.
struct SchemaIndex {
    /// A declaration (message, enum or service) with where it is.
    struct Declaration<Descriptor> {
        /// Fully qualified, without the leading dot: `jiceng.v1.Task`.
        let fullName: String
        let descriptor: Descriptor
        let file: Google_Protobuf_FileDescriptorProto
        /// The `SourceCodeInfo` path of the declaration.
        let path: [Int32]
    }

    typealias Message = Declaration<Google_Protobuf_DescriptorProto>
    typealias Enumeration = Declaration<Google_Protobuf_EnumDescriptorProto>
    typealias Service = Declaration<Google_Protobuf_ServiceDescriptorProto>

    private(set) var messages: [String: Message] = [:]
    private(set) var enums: [String: Enumeration] = [:]
    private(set) var services: [String: Service] = [:]
    /// Declarations in file order, for deterministic reports.
    private(set) var messageOrder: [String] = []
    private(set) var enumOrder: [String] = []
    private(set) var serviceOrder: [String] = []
    /// Files by name.
    private(set) var files: [String: Google_Protobuf_FileDescriptorProto] = [:]
    private(set) var fileOrder: [String] = []

    init(_ set: Google_Protobuf_FileDescriptorSet) {
        for file in set.file {
            guard files[file.name] == nil else { continue }
            files[file.name] = file
            fileOrder.append(file.name)
            let prefix = file.package.isEmpty ? "" : file.package + "."
            for (i, message) in file.messageType.enumerated() {
                addMessage(message, prefix: prefix, file: file, path: [SourcePath.fileMessage, Int32(i)])
            }
            for (i, enumeration) in file.enumType.enumerated() {
                addEnum(enumeration, prefix: prefix, file: file, path: [SourcePath.fileEnum, Int32(i)])
            }
            for (i, service) in file.service.enumerated() {
                let name = prefix + service.name
                services[name] = Service(fullName: name, descriptor: service, file: file, path: [SourcePath.fileService, Int32(i)])
                serviceOrder.append(name)
            }
        }
    }

    private mutating func addMessage(
        _ message: Google_Protobuf_DescriptorProto, prefix: String,
        file: Google_Protobuf_FileDescriptorProto, path: [Int32]
    ) {
        let name = prefix + message.name
        messages[name] = Message(fullName: name, descriptor: message, file: file, path: path)
        messageOrder.append(name)
        for (i, nested) in message.nestedType.enumerated() {
            addMessage(nested, prefix: name + ".", file: file, path: path + [SourcePath.messageNested, Int32(i)])
        }
        for (i, nested) in message.enumType.enumerated() {
            addEnum(nested, prefix: name + ".", file: file, path: path + [SourcePath.messageEnum, Int32(i)])
        }
    }

    private mutating func addEnum(
        _ enumeration: Google_Protobuf_EnumDescriptorProto, prefix: String,
        file: Google_Protobuf_FileDescriptorProto, path: [Int32]
    ) {
        let name = prefix + enumeration.name
        enums[name] = Enumeration(fullName: name, descriptor: enumeration, file: file, path: path)
        enumOrder.append(name)
    }

    /// The message a type reference (`.pkg.Name`, as descriptors spell them) names.
    func message(_ typeName: String) -> Message? {
        messages[typeName.hasPrefix(".") ? String(typeName.dropFirst()) : typeName]
    }

    /// Every declared message, in declaration order.
    var allMessages: [Message] { messageOrder.compactMap { messages[$0] } }
    /// Every declared enum, in declaration order.
    var allEnums: [Enumeration] { enumOrder.compactMap { enums[$0] } }
    /// Every declared service, in declaration order.
    var allServices: [Service] { serviceOrder.compactMap { services[$0] } }
}

/// Field numbers of `descriptor.proto` that make up `SourceCodeInfo` paths.
enum SourcePath {
    static let fileMessage: Int32 = 4
    static let fileEnum: Int32 = 5
    static let fileService: Int32 = 6
    static let messageField: Int32 = 2
    static let messageNested: Int32 = 3
    static let messageEnum: Int32 = 4
    static let enumValue: Int32 = 2
    static let serviceMethod: Int32 = 2
}
