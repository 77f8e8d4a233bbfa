import JicengAPI
import RPC

/// `bench.Echo`: answers with its request. The transport benchmark (shared/peers harness) calls it
/// beside the same service on the peer servers, so figures compare like with like.
public struct EchoService: Bench_EchoService {
    public init() {}

    public func unary(request: Bench_Blob, context: ServerContext) async throws -> Bench_Blob {
        request
    }
}
