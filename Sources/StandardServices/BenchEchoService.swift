import JicengAPI
import RPC

/// `bench.Echo`: returns the request unchanged. Served only when asked for (`jiceng serve
/// --bench`), so the transport benchmarks can measure a 16 KiB round trip next to the peers.
public struct BenchEchoService: Bench_EchoService {
    public init() {}

    public func unary(request: Bench_Blob, context: ServerContext) async throws -> Bench_Blob {
        request
    }
}
