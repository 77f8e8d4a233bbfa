import Foundation
import Testing
import RPC
@testable import HTTP2Transport

/// A throwaway PKI made with the `openssl` command: a CA, a server certificate for 127.0.0.1 and
/// localhost, a client certificate, and an unrelated CA.
private struct TestPKI {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "jiceng-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: path("san.ext"), atomically: true, encoding: .utf8)
        for ca in ["ca", "other-ca"] {
            try openssl(["req", "-x509"] + ec + ["-keyout", "\(ca).key", "-out", "\(ca).pem", "-subj", "/CN=\(ca)", "-days", "1"])
        }
        for name in ["server", "client"] {
            try openssl(["req"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(name)"])
            try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                         "-out", "\(name).pem", "-days", "1", "-extfile", "san.ext"])
        }
    }

    func path(_ name: String) -> String { directory + "/" + name }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Status(.internal, "openssl \(arguments.first ?? "") failed") }
    }
}

@Suite(.serialized, .timeLimit(.minutes(2)))
struct TLSTests {
    private func tlsServer(_ pki: TestPKI, requireClientCertificate: Bool = false) throws -> (GRPCServer, Int) {
        try startTestServer { config in
            config.tls = TLSConfiguration(
                certificateChainFile: pki.path("server.pem"), privateKeyFile: pki.path("server.key"),
                clientCertificateAuthorityFile: requireClientCertificate ? pki.path("ca.pem") : nil)
        }
    }

    private func call(_ port: Int, _ tls: ClientTLSConfiguration) async throws -> Msg {
        let transport = try HTTP2ClientTransport(target: SocketAddress(host: "127.0.0.1", port: port), tls: tls)
        return try await RPCClient(transport: transport).unary(TestMethods.unary, request: Msg(code: 42, message: "加密"))
    }

    @Test func callsOverTLSWithALPN() async throws {
        let pki = try TestPKI()
        let (server, port) = try tlsServer(pki)
        let response = try await call(port, ClientTLSConfiguration(trustRootsFile: pki.path("ca.pem")))
        #expect(response == Msg(code: 42, message: "加密"))
        // The name checked is the one asked for: "localhost" is in the certificate too.
        let named = try await call(port, ClientTLSConfiguration(trustRootsFile: pki.path("ca.pem"), serverName: "localhost"))
        #expect(named.code == 42)
        await stop(server)
    }

    @Test func untrustedServerOrWrongNameIsUnavailable() async throws {
        let pki = try TestPKI()
        let (server, port) = try tlsServer(pki)
        for tls in [ClientTLSConfiguration(trustRootsFile: pki.path("other-ca.pem")),
                    ClientTLSConfiguration(trustRootsFile: pki.path("ca.pem"), serverName: "elsewhere.example")] {
            do {
                _ = try await call(port, tls)
                Issue.record("expected UNAVAILABLE")
            } catch let status as Status {
                #expect(status.code == .unavailable)
            }
        }
        await stop(server)
    }

    @Test func mutualTLSNeedsAClientCertificate() async throws {
        let pki = try TestPKI()
        let (server, port) = try tlsServer(pki, requireClientCertificate: true)
        do {
            _ = try await call(port, ClientTLSConfiguration(trustRootsFile: pki.path("ca.pem")))
            Issue.record("expected UNAVAILABLE without a client certificate")
        } catch let status as Status {
            #expect(status.code == .unavailable)
        }
        let response = try await call(port, ClientTLSConfiguration(
            trustRootsFile: pki.path("ca.pem"), certificateChainFile: pki.path("client.pem"), privateKeyFile: pki.path("client.key")))
        #expect(response.code == 42)
        await stop(server)
    }
}
