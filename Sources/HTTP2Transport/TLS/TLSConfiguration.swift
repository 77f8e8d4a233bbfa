import COpenSSL

/// Server TLS settings: a certificate chain and key (PEM files), and optionally a CA whose
/// client certificates are required (mutual TLS).
public struct TLSConfiguration: Sendable {
    public var certificateChainFile: String
    public var privateKeyFile: String
    /// When set, clients must present a certificate signed by this CA (PEM).
    public var clientCertificateAuthorityFile: String?

    public init(certificateChainFile: String, privateKeyFile: String, clientCertificateAuthorityFile: String? = nil) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.clientCertificateAuthorityFile = clientCertificateAuthorityFile
    }
}

/// Client TLS settings: which roots to trust, the name to verify, and an optional client
/// certificate for servers that require one.
public struct ClientTLSConfiguration: Sendable {
    /// PEM file of trusted roots; nil uses the system's default trust store.
    public var trustRootsFile: String?
    /// The name the server's certificate must carry (and the SNI sent); nil uses the target host.
    public var serverName: String?
    public var certificateChainFile: String?
    public var privateKeyFile: String?

    public init(trustRootsFile: String? = nil, serverName: String? = nil, certificateChainFile: String? = nil, privateKeyFile: String? = nil) {
        self.trustRootsFile = trustRootsFile
        self.serverName = serverName
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
    }
}

/// An OpenSSL server context built from a `TLSConfiguration`: TLS 1.2 or newer, ALPN `h2` only
/// (gRPC requires HTTP/2; a client that does not offer `h2` is refused during the handshake).
final class TLSContext: @unchecked Sendable {
    // The SSL_CTX is configured in init and only read (to create sessions) afterwards, which
    // OpenSSL allows from any thread.
    let context: OpaquePointer

    init(_ configuration: TLSConfiguration) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw TLSError.last("SSL_CTX_new") }
        self.context = context
        _ = SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil)
        _ = SSL_CTX_ctrl(context, SSL_CTRL_MODE, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER), nil)
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainFile) == 1 else {
            throw TLSError.last("certificate \(configuration.certificateChainFile)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyFile, SSL_FILETYPE_PEM) == 1,
              SSL_CTX_check_private_key(context) == 1 else {
            throw TLSError.last("private key \(configuration.privateKeyFile)")
        }
        if let ca = configuration.clientCertificateAuthorityFile {
            guard SSL_CTX_load_verify_locations(context, ca, nil) == 1 else { throw TLSError.last("client CA \(ca)") }
            SSL_CTX_set_client_CA_list(context, SSL_load_client_CA_file(ca))
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        SSL_CTX_set_alpn_select_cb(context, { _, out, outLength, offered, offeredLength, _ in
            // The client's list is length-prefixed protocol names; pick "h2" or refuse.
            guard let offered, let out, let outLength else { return SSL_TLSEXT_ERR_ALERT_FATAL }
            var i = 0
            while i < Int(offeredLength) {
                let length = Int(offered[i])
                if length == 2 && i + 2 < Int(offeredLength) && offered[i + 1] == UInt8(ascii: "h") && offered[i + 2] == UInt8(ascii: "2") {
                    out.pointee = offered + i + 1
                    outLength.pointee = 2
                    return SSL_TLSEXT_ERR_OK
                }
                i += 1 + length
            }
            return SSL_TLSEXT_ERR_ALERT_FATAL
        }, nil)
    }

    /// A client context: verifies the server against the configured roots and offers ALPN `h2`.
    init(client configuration: ClientTLSConfiguration) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw TLSError.last("SSL_CTX_new") }
        self.context = context
        _ = SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil)
        _ = SSL_CTX_ctrl(context, SSL_CTRL_MODE, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER), nil)
        if let roots = configuration.trustRootsFile {
            guard SSL_CTX_load_verify_locations(context, roots, nil) == 1 else { throw TLSError.last("trust roots \(roots)") }
        } else {
            SSL_CTX_set_default_verify_paths(context)
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if let certificate = configuration.certificateChainFile, let key = configuration.privateKeyFile {
            guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1 else { throw TLSError.last("certificate \(certificate)") }
            guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else { throw TLSError.last("private key \(key)") }
        }
        let alpn: [UInt8] = [2, UInt8(ascii: "h"), UInt8(ascii: "2")]
        // Unlike most of OpenSSL, set_alpn_protos returns 0 on success.
        guard SSL_CTX_set_alpn_protos(context, alpn, UInt32(alpn.count)) == 0 else { throw TLSError.last("ALPN") }
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// A client-side TLS session over `fd` that sends SNI and verifies `serverName` (a DNS name or
    /// an IP address) against the server's certificate.
    func makeClientSession(fd: Int32, serverName: String) -> OpaquePointer? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, fd)
        SSL_set_connect_state(ssl)
        let isIPAddress = serverName.contains(":") || serverName.allSatisfy { $0.isNumber || $0 == "." }
        if isIPAddress {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName)
        } else {
            _ = serverName.withCString { SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: $0)) }
            SSL_set1_host(ssl, serverName)
        }
        return ssl
    }

    /// A server-side TLS session over `fd`.
    func makeSession(fd: Int32) -> OpaquePointer? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, fd)
        SSL_set_accept_state(ssl)
        return ssl
    }
}

/// A TLS set-up failure, with OpenSSL's reason.
public struct TLSError: Error, Sendable, CustomStringConvertible {
    public let description: String

    static func last(_ what: String) -> TLSError {
        let code = ERR_get_error()
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return TLSError(description: "\(what): \(reason)")
    }
}
