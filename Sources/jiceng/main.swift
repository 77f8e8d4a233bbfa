// The `jiceng` command: serve, admin, call and the human-friendly subcommands.
import Foundation
import HTTP2Transport
import RPC
import StandardServices

/// `jiceng serve [--listen HOST:PORT] [--data DIR] [--tls-cert PEM --tls-key PEM [--tls-client-ca PEM]] [--bench]`:
/// serves until SIGTERM or SIGINT, then drains. `--bench` adds `bench.Echo` for the transport benchmarks.
func serve(_ arguments: ArraySlice<String>) -> Never {
    var listen = "127.0.0.1:50051"
    var data = "./jiceng-data"
    var tlsCertificate: String?
    var tlsKey: String?
    var tlsClientCA: String?
    var bench = false
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--listen": listen = rest.popFirst() ?? ""
        case "--data": data = rest.popFirst() ?? ""
        case "--tls-cert": tlsCertificate = rest.popFirst()
        case "--tls-key": tlsKey = rest.popFirst()
        case "--tls-client-ca": tlsClientCA = rest.popFirst()
        case "--bench": bench = true
        case "--demo": break
        default: fail("未知参数 (unknown argument): \(flag)")
        }
    }
    guard let address = SocketAddress(parsing: listen) else { fail("--listen 需要 HOST:PORT: \(listen)") }
    _ = data  // The store arrives with the domain; health needs no data.

    var configuration = GRPCServer.Configuration(listen: address)
    switch (tlsCertificate, tlsKey) {
    case (let certificate?, let key?):
        configuration.tls = TLSConfiguration(certificateChainFile: certificate, privateKeyFile: key, clientCertificateAuthorityFile: tlsClientCA)
    case (nil, nil):
        guard tlsClientCA == nil else { fail("--tls-client-ca 需要 --tls-cert 和 --tls-key") }
    default:
        fail("--tls-cert 和 --tls-key 须同时给出 (both --tls-cert and --tls-key are needed)")
    }

    let health = HealthService()
    // Health checks and the echo never block: answering them on the loop thread saves two thread hops.
    configuration.servicesOnEventLoop = ["grpc.health.v1.Health", "bench.Echo"]
    var services: [any RPCService] = [health]
    if bench { services.append(BenchEchoService()) }
    let server = GRPCServer(configuration: configuration, services: services)
    server.onShutdown { health.enterShutdown() }
    do {
        try server.start()
    } catch {
        fail("无法启动 (cannot start) \(listen): \(error)")
    }
    FileHandle.standardError.write(Data("jiceng 正在监听 \(server.boundAddress?.description ?? listen)\n".utf8))

    let signals = [SIGTERM, SIGINT].map { signo -> DispatchSourceSignal in
        signal(signo, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
        source.setEventHandler { server.shutdown(grace: .seconds(10)) }
        source.resume()
        return source
    }
    let done = DispatchSemaphore(value: 0)
    Task {
        await server.waitUntilStopped()
        done.signal()
    }
    done.wait()
    withExtendedLifetime(signals) {}
    FileHandle.standardError.write(Data("jiceng 已停止\n".utf8))
    exit(0)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "--version", "version":
    print("jiceng 0.1.0")
case "serve":
    serve(arguments.dropFirst())
default:
    fail("用法: jiceng serve [--listen 127.0.0.1:50051] [--data DIR] [--tls-cert PEM --tls-key PEM [--tls-client-ca PEM]]")
}
