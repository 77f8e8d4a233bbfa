import JicengAPI
import Platform
import RPC
import StandardServices

/// Everything `jiceng serve` hosts: health, reflection, and every jiceng.v1 service (real ones
/// over the environment, stubs for those not built yet).
public enum PlatformServices {
    /// The services, health first. `catalogue` and `tasks` are the ones the server built (the task
    /// service routes through the catalogue's routing, and the deadline sweeper wakes its event
    /// feed); fresh ones when not given. `bench` adds `bench.Echo`, which only the transport
    /// benchmark calls; `interop` adds `grpc.testing.TestService`, for gRPC's interoperability cases.
    public static func all(environment: PlatformEnvironment, health: HealthService, bench: Bool = false, interop: Bool = false,
                           catalogue: CatalogueService? = nil, tasks: TaskService? = nil) -> [any RPCService] {
        let catalogue = catalogue ?? CatalogueService(environment: environment)
        var services: [any RPCService] = [
            health,
            OrgService(environment: environment),
            AuditService(environment: environment),
            catalogue,
            tasks ?? TaskService(environment: environment, router: catalogue.routing),
            AppraisalService(environment: environment),
        ]
        if bench { services.append(BenchEchoService()) }
        if interop { services.append(InteropTestService()) }
        let hosted = Set(services.flatMap { $0.methods.map(\.descriptor.service) })
        let reflection = ReflectionService(serviceNames: Array(hosted) + [
            Grpc_Reflection_V1_ServerReflection.serviceName, Grpc_Reflection_V1alpha_ServerReflection.serviceName,
        ])
        services += [reflection, ReflectionServiceV1Alpha(reflection)]
        return services
    }

    /// The interceptors, outermost first: the call log sees every call, refused ones included.
    public static func interceptors(environment: PlatformEnvironment, log: CallLogInterceptor = CallLogInterceptor()) -> [any ServerInterceptor] {
        [
            log,
            AccessInterceptor(authenticator: StoredTokenAuthenticator(database: environment.database, clock: environment.clock)),
            CallLogInterceptor.CallerCapture(),
        ]
    }
}
