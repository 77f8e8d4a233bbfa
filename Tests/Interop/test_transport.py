"""Transport behaviour of `jiceng serve` as stock grpcio sees it: limits, compression, metadata."""
import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc


def test_oversized_request_is_resource_exhausted(server):
    # 5 MiB of an unknown field: over the 4 MiB default receive limit.
    big = b"\x7a" + b"\x80\x80\x40" + b"\x00" * (5 << 20)
    with server.channel() as channel:
        call = channel.unary_unary("/grpc.health.v1.Health/Check")
        with pytest.raises(grpc.RpcError) as info:
            call(big, timeout=30)
        assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED


@pytest.mark.parametrize("compression", [grpc.Compression.Gzip, grpc.Compression.Deflate])
def test_compressed_requests_are_accepted(server, compression):
    with grpc.insecure_channel(server.address, compression=compression) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        response = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=10)
        assert response.status == health_pb2.HealthCheckResponse.SERVING


def test_metadata_and_deadlines_are_accepted(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        response, call = stub.Check.with_call(
            health_pb2.HealthCheckRequest(),
            timeout=0.5,
            metadata=[("x-request-id", "42"), ("trace-bin", b"\x00\x01\xff")],
        )
        assert response.status == health_pb2.HealthCheckResponse.SERVING
        assert call.code() == grpc.StatusCode.OK


def test_bench_echo_round_trips_16k():
    from conftest import start_server, stop_server

    server = start_server("--bench")
    try:
        blob = b"\x0a\x80\x80\x01" + bytes(range(256)) * 64  # Blob{data: 16 KiB}
        with server.channel() as channel:
            assert channel.unary_unary("/bench.Echo/Unary")(blob, timeout=10) == blob
    finally:
        stop_server(server)
