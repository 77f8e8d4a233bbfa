// The `jiceng` command: serve, admin, call and the human-friendly subcommands.
import Foundation
import HTTP2Transport
import JicengAPI
import RPC
import StandardServices

/// `jiceng serve [--listen HOST:PORT] [--data DIR]`: serves until SIGTERM or SIGINT, then drains.
func serve(_ arguments: ArraySlice<String>) -> Never {
    var listen = "127.0.0.1:50051"
    var data = "./jiceng-data"
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--listen": listen = rest.popFirst() ?? ""
        case "--data": data = rest.popFirst() ?? ""
        case "--demo": break
        default: fail("未知参数 (unknown argument): \(flag)")
        }
    }
    guard let address = SocketAddress(parsing: listen) else { fail("--listen 需要 HOST:PORT: \(listen)") }
    _ = data  // The store arrives with the domain; health needs no data.

    let health = HealthService()
    var services: [any RPCService] = [health, EchoService()]
    let hosted = Set(services.flatMap { $0.methods.map(\.descriptor.service) })
    let reflection = ReflectionService(serviceNames: Array(hosted) + [
        Grpc_Reflection_V1_ServerReflection.serviceName, Grpc_Reflection_V1alpha_ServerReflection.serviceName,
    ])
    services += [reflection, ReflectionServiceV1Alpha(reflection)]
    let server = GRPCServer(configuration: .init(listen: address), services: services)
    server.onShutdown { health.enterShutdown() }
    do {
        try server.start()
    } catch {
        fail("无法监听 \(listen): \(error)")
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
    fail("用法: jiceng serve [--listen 127.0.0.1:50051] [--data DIR]")
}
