import Glibc

/// A non-blocking TCP listening socket. Each event loop owns one, all bound to the same port with
/// `SO_REUSEPORT`, so the kernel spreads new connections across loops without a shared accept lock.
struct ListeningSocket {
    let fd: Int32
    let address: SocketAddress

    init(binding address: SocketAddress, backlog: Int32 = 1024) throws {
        let fd = socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        do {
            try address.withSockAddr { addr, len in
                guard bind(fd, addr, len) == 0 else { throw SocketError(call: "bind \(address)") }
            }
            guard listen(fd, backlog) == 0 else { throw SocketError(call: "listen") }
        } catch {
            close(fd)
            throw error
        }
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &len) }
        }
        self.fd = fd
        self.address = SocketAddress(storage) ?? address
    }

    /// Accepts one pending connection (non-blocking, TCP_NODELAY set), or nil when none waits.
    func accept() -> (fd: Int32, peer: SocketAddress?)? {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let client = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.accept(fd, $0, &len)
            }
        }
        guard client >= 0 else { return nil }
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return (client, SocketAddress(storage))
    }
}
