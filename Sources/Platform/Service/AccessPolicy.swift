import JicengAPI
import ProtoRuntime

/// Who may call each method, read from the `(jiceng.v1.method_access)` option of every jiceng.v1
/// method in the embedded descriptors: the schema is the single declarative table, and a method
/// without a rule is refused to everyone (and fails `AccessPolicyTests`).
public struct AccessPolicy: Sendable {
    public struct Rule: Sendable, Hashable {
        public var allowAnonymous: Bool
        public var roles: Set<Role>
        public var mutating: Bool
    }

    /// Rules by method path (`/jiceng.v1.TaskService/AcceptTask`).
    public let rules: [String: Rule]
    /// Every jiceng.v1 method path, with or without a rule.
    public let protectedMethods: [String]

    public init(files: [any EmbeddedFileDescriptor.Type] = RequestValidator.apiFiles) {
        var rules: [String: Rule] = [:]
        var methods: [String] = []
        for file in files {
            guard let proto = try? Google_Protobuf_FileDescriptorProto(serializedBytes: file.serializedFileDescriptor) else { continue }
            for service in proto.service {
                for method in service.method {
                    let path = "/\(proto.package).\(service.name)/\(method.name)"
                    methods.append(path)
                    guard method.options.hasJicengV1MethodAccess else { continue }
                    let access = method.options.jicengV1MethodAccess
                    rules[path] = Rule(
                        allowAnonymous: access.allowAnonymous,
                        roles: Set(access.roles.compactMap { Role(rawValue: $0.rawValue) }),
                        mutating: access.mutating)
                }
            }
        }
        self.rules = rules
        self.protectedMethods = methods.sorted()
    }

    /// The rule of a method; nil for methods outside jiceng.v1 (health, reflection), which are open.
    public func rule(forPath path: String) -> Rule? { rules[path] }

    /// True for a jiceng.v1 method that has no rule: it is refused.
    public func isUnruled(_ path: String) -> Bool { rules[path] == nil && path.hasPrefix("/jiceng.v1.") }
}
