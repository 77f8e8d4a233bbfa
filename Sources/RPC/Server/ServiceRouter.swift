#if canImport(Glibc)
import Glibc
#endif

/// Finds the handler for a request's `:path` among the services a server hosts.
public struct ServiceRouter: Sendable {
    private let methods: [String: ServerMethod]
    /// The same methods grouped by path length, for lookups straight from header bytes without
    /// first building a `String` (a heap allocation per call for any realistic path).
    private let byLength: [Int: [(path: [UInt8], method: ServerMethod)]]

    public init(services: [any RPCService]) {
        var methods: [String: ServerMethod] = [:]
        for service in services {
            for method in service.methods {
                precondition(methods[method.descriptor.path] == nil, "method \(method.descriptor) registered twice")
                methods[method.descriptor.path] = method
            }
        }
        self.methods = methods
        var byLength: [Int: [(path: [UInt8], method: ServerMethod)]] = [:]
        for (path, method) in methods {
            byLength[path.utf8.count, default: []].append((Array(path.utf8), method))
        }
        self.byLength = byLength
    }

    /// The method served at the path given as raw header bytes, if any.
    public func method(forPath path: UnsafeBufferPointer<UInt8>) -> ServerMethod? {
        guard let candidates = byLength[path.count], let base = path.baseAddress else { return nil }
        for candidate in candidates {
            let same = candidate.path.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, path.count) == 0 }
            if same { return candidate.method }
        }
        return nil
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
