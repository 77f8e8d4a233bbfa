/// Finds the handler for a request's `:path` among the services a server hosts.
public struct ServiceRouter: Sendable {
    private let methods: [String: ServerMethod]

    public init(services: [any RPCService]) {
        var methods: [String: ServerMethod] = [:]
        for service in services {
            for method in service.methods {
                precondition(methods[method.descriptor.path] == nil, "method \(method.descriptor) registered twice")
                methods[method.descriptor.path] = method
            }
        }
        self.methods = methods
    }

    /// The method served at `path` (`/package.Service/Method`), if any.
    public func method(forPath path: String) -> ServerMethod? {
        methods[path]
    }

    /// Every hosted service name, sorted (for reflection and health listings).
    public var serviceNames: [String] {
        Array(Set(methods.values.map(\.descriptor.service))).sorted()
    }
}
