import Dispatch
import Foundation
import HTTP2Transport
import Platform
import StandardServices
import Store

/// `jiceng serve [--listen HOST:PORT] [--data DIR] [--demo]`: opens (or creates) the data
/// directory, optionally fills an empty one with the demo city, and serves until SIGTERM or
/// SIGINT, then drains in-flight calls and closes the store.
public enum ServeCommand {
    public static let usage = """
        用法: jiceng serve [--listen 127.0.0.1:50051] [--data ./jiceng-data] [--demo]
                           [--tls-cert PEM --tls-key PEM [--tls-client-ca PEM]] [--bench] [--interop]
        """

    /// The steps `--demo` runs after the org tree and tokens; each domain area adds its seeder.
    public static let demoSeeders: [any DemoSeeder] = [CatalogueDemoSeeder(), DemoTaskSeeder(routing: CatalogueRouting()),
                                                       AppraisalDemoSeeder()]

    public static func run(_ arguments: some Sequence<String>) async throws {
        var options = try CommandArguments(arguments, flagNames: ["--demo", "--bench", "--interop"])
        let listen = options.option("--listen") ?? "127.0.0.1:50051"
        let data = options.option("--data") ?? "./jiceng-data"
        let demo = options.flag("--demo")
        let bench = options.flag("--bench")
        let interop = options.flag("--interop")
        let tlsCertificate = options.option("--tls-cert")
        let tlsKey = options.option("--tls-key")
        let tlsClientCA = options.option("--tls-client-ca")
        try options.finish()
        guard let address = SocketAddress(parsing: listen) else { throw CommandFailure.usage("--listen 需要 HOST:PORT: \(listen)") }
        var configuration = GRPCServer.Configuration(listen: address)
        // Health and the benchmark echo never block, so they run on the connection's loop thread
        // and skip two thread hops; everything that touches the store runs on the pool.
        configuration.servicesOnEventLoop = ["grpc.health.v1.Health", "bench.Echo"]
        switch (tlsCertificate, tlsKey) {
        case (let certificate?, let key?):
            configuration.tls = TLSConfiguration(
                certificateChainFile: certificate, privateKeyFile: key, clientCertificateAuthorityFile: tlsClientCA)
        case (nil, nil):
            guard tlsClientCA == nil else { throw CommandFailure.usage("--tls-client-ca 需要 --tls-cert 和 --tls-key") }
        default:
            throw CommandFailure.usage("--tls-cert 和 --tls-key 须同时给出 (both --tls-cert and --tls-key are needed)")
        }

        let database = try await DataDirectory.open(data)
        let clock = SystemClock()
        if demo {
            let outcome = try await DemoCityBuilder(seeders: demoSeeders)
                .buildIfEmpty(database: database, dataDirectory: data, now: clock.now())
            switch outcome {
            case .created(let units, let tokens):
                report("已创建演示城市 江临市：\(units) 个组织，\(tokens) 个令牌")
            case .alreadyPopulated:
                report("数据目录已有数据，--demo 未做任何改动")
            }
        }
        let directory = try await database.read { tx in try OrgStore.directory(in: tx) }
        let environment = PlatformEnvironment(database: database, clock: clock, directory: directory)

        let health = HealthService()
        let catalogue = CatalogueService(environment: environment)
        let tasks = TaskService(environment: environment, router: catalogue.routing)
        let sweeper = TaskSweeper.start(environment, feed: tasks.feed)
        let server = GRPCServer(
            configuration: configuration,
            services: PlatformServices.all(environment: environment, health: health, bench: bench, interop: interop,
                                           catalogue: catalogue, tasks: tasks),
            interceptors: PlatformServices.interceptors(environment: environment))
        server.onShutdown { health.enterShutdown() }
        do {
            try server.start()
        } catch {
            throw CommandFailure("无法监听 \(listen): \(error)")
        }
        let bound = server.boundAddress?.description ?? listen
        report("jiceng 正在监听 \(bound)，数据目录 \(data)（\(directory.count) 个组织）")
        report(tryItOut(address: bound, data: data))

        let signals = [SIGTERM, SIGINT].map { signo -> DispatchSourceSignal in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { server.shutdown(grace: .seconds(10)) }
            source.resume()
            return source
        }
        await server.waitUntilStopped()
        sweeper.stop()
        withExtendedLifetime(signals) {}
        await database.close()
        BufferedLineWriter.standardError.flush()
        report("jiceng 已停止")
    }

    /// Where the tokens are and one command to try, with a real token when the demo wrote some.
    static func tryItOut(address: String, data: String) -> String {
        let tokensFile = (data as NSString).appendingPathComponent(DemoCityBuilder.tokensFileName)
        let cityAdmin = (try? String(contentsOfFile: tokensFile, encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix(Role.cityAdmin.name + " ") }?
            .split(separator: " ").last.map(String.init)
        guard let token = cityAdmin else {
            return "令牌: 用 jiceng admin token issue --data \(data) --org ID --role CITY_ADMIN 签发"
        }
        return """
            令牌在 \(tokensFile)（每行: 角色 组织 令牌）。试一试:
              grpcurl -plaintext -H 'authorization: Bearer \(token)' -d '{"page_size": 5}' \(address) jiceng.v1.OrgService/ListOrgUnits
            """
    }

    static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
