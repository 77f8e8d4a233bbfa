import Glibc

/// An IPv4 or IPv6 address and port to listen on or connect to.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `[v6]:port` or `:port` (all interfaces).
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.init(host: host.isEmpty ? "0.0.0.0" : host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    var isIPv6: Bool { host.contains(":") }

    /// True when `host` is a literal IPv4 or IPv6 address (no name lookup needed).
    var isLiteral: Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// This address with its host name looked up (`getaddrinfo`, which may block: call it off the
    /// event loops). Literal addresses are returned as they are.
    public func resolved() throws -> SocketAddress {
        if isLiteral { return self }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &results)
        guard rc == 0, let first = results else {
            throw SocketError(message: "cannot resolve \(host): \(String(decoding: Array(UnsafeBufferPointer(start: gai_strerror(rc), count: strlen(gai_strerror(rc)))).map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        defer { freeaddrinfo(results) }
        // Prefer IPv4 when both exist: servers here usually listen on 127.0.0.1 or 0.0.0.0.
        var chosen = first
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET {
                chosen = entry
                break
            }
            cursor = entry.pointee.ai_next
        }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: chosen.pointee.ai_addr, count: Int(chosen.pointee.ai_addrlen)))
        }
        guard let address = SocketAddress(storage) else { throw SocketError(message: "cannot resolve \(host)") }
        return address
    }

    /// Calls `body` with this address as a `sockaddr`; throws for a host that is not a literal IP.
    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) throws -> R {
        if isIPv6 {
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &addr.sin6_addr) == 1 else { throw SocketError(message: "not an IPv6 address: \(host)") }
            return try withUnsafePointer(to: &addr) {
                try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { throw SocketError(message: "not an IPv4 address: \(host)") }
        return try withUnsafePointer(to: &addr) {
            try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    /// Reads an address the kernel filled in (accept, getsockname).
    init?(_ storage: sockaddr_storage) {
        var storage = storage
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            let (ip, port) = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p -> (String, Int) in
                    var a = p.pointee.sin_addr
                    inet_ntop(AF_INET, &a, &buffer, socklen_t(buffer.count))
                    return (String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(UInt16(bigEndian: p.pointee.sin_port)))
                }
            }
            self.init(host: ip, port: port)
        case AF_INET6:
            let (ip, port) = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p -> (String, Int) in
                    var a = p.pointee.sin6_addr
                    inet_ntop(AF_INET6, &a, &buffer, socklen_t(buffer.count))
                    return (String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(UInt16(bigEndian: p.pointee.sin6_port)))
                }
            }
            self.init(host: ip, port: port)
        default:
            return nil
        }
    }

    /// The gRPC peer string (`ipv4:127.0.0.1:5000`, `ipv6:[::1]:5000`).
    var grpcPeer: String { isIPv6 ? "ipv6:[\(host)]:\(port)" : "ipv4:\(host):\(port)" }
}

/// A failed socket call, with errno's text.
public struct SocketError: Error, Sendable, CustomStringConvertible {
    public let message: String

    init(message: String) { self.message = message }

    init(call: String, errno code: Int32 = errno) {
        self.message = "\(call): \(String(cString: strerror(code)))"
    }

    public var description: String { message }
}
