import ProtoRuntime

/// What a method is in AIP terms, from its name and types: a standard method on a resource, a
/// state change of a resource, or something else.
enum MethodKind: Equatable {
    case get(resource: String)
    case list(resource: String)
    case create(resource: String)
    case update(resource: String)
    /// A unary, non-standard method that returns a resource: `{Verb}{R}` changing R's state.
    case stateChange
    case other

    /// The kind from the name alone (`stateChange` needs the resources; see `ResourceMethods`).
    static func standard(_ methodName: String) -> MethodKind {
        for verb in ["Get", "List", "Create", "Update"] where methodName.hasPrefix(verb) {
            let rest = methodName.dropFirst(verb.count)
            guard let first = rest.unicodeScalars.first, ("A"..."Z").contains(first) else { continue }
            let resource = String(rest)
            switch verb {
            case "Get": return .get(resource: resource)
            case "List": return .list(resource: resource)
            case "Create": return .create(resource: resource)
            default: return .update(resource: resource)
            }
        }
        return .other
    }
}

/// The methods of the services in scope, classified, and the resources they reveal.
struct ResourceMethods {
    /// One method with its service and its resolved types.
    struct Method {
        let service: SchemaIndex.Service
        let descriptor: Google_Protobuf_MethodDescriptorProto
        /// `SourceCodeInfo` path of the method.
        let path: [Int32]
        let input: SchemaIndex.Message?
        let output: SchemaIndex.Message?
        var kind: MethodKind
        var fullName: String { service.fullName + "." + descriptor.name }
        var isUnary: Bool { !descriptor.clientStreaming && !descriptor.serverStreaming }
    }

    private(set) var methods: [Method] = []
    /// Resources (messages a Get, Create or Update returns), by full name.
    private(set) var resources: Set<String> = []
    /// Resources an Update or a state change returns.
    private(set) var mutable: Set<String> = []

    init(services: [SchemaIndex.Service], index: SchemaIndex) {
        for service in services {
            for (i, method) in service.descriptor.method.enumerated() {
                let output = index.message(method.outputType)
                let kind = MethodKind.standard(method.name)
                switch kind {
                case .get(let name), .create(let name), .update(let name):
                    // A Get may return a plain `Get{X}Response`, which is not a resource.
                    if let output, output.descriptor.name.hasSuffix(name), output.descriptor.name != method.name + "Response" {
                        resources.insert(output.fullName)
                    }
                    if case .update = kind, let output { mutable.insert(output.fullName) }
                default:
                    break
                }
                methods.append(Method(service: service, descriptor: method, path: service.path + [SourcePath.serviceMethod, Int32(i)],
                                      input: index.message(method.inputType), output: output, kind: kind))
            }
        }
        for i in methods.indices where methods[i].kind == .other && methods[i].isUnary {
            if let output = methods[i].output, resources.contains(output.fullName) {
                methods[i].kind = .stateChange
                mutable.insert(output.fullName)
            }
        }
    }
}
