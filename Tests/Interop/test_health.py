"""grpc.health.v1.Health served by `jiceng serve`, called with stock grpcio."""
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc


def test_check_reports_serving(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        response = stub.Check(health_pb2.HealthCheckRequest(), timeout=10)
        assert response.status == health_pb2.HealthCheckResponse.SERVING


def test_check_of_unknown_service_is_not_found(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        with pytest.raises(grpc.RpcError) as info:
            stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
        assert info.value.code() == grpc.StatusCode.NOT_FOUND
        assert "no.such.Service" in info.value.details()


def test_unknown_method_is_unimplemented(server):
    with server.channel() as channel:
        call = channel.unary_unary("/grpc.health.v1.Health/NoSuchMethod")
        with pytest.raises(grpc.RpcError) as info:
            call(b"", timeout=10)
        assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED
        unknown_service = channel.unary_unary("/no.Such/Service")
        with pytest.raises(grpc.RpcError) as info:
            unknown_service(b"", timeout=10)
        assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_undecodable_request_is_invalid_argument_naming_the_field(server):
    with server.channel() as channel:
        # Field 1 (service) claims 10 bytes but only 1 follows.
        call = channel.unary_unary("/grpc.health.v1.Health/Check")
        with pytest.raises(grpc.RpcError) as info:
            call(b"\x0a\x0a\x41", timeout=10)
        assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "service" in info.value.details()
        # Invalid UTF-8 in a proto3 string.
        with pytest.raises(grpc.RpcError) as info:
            call(b"\x0a\x02\xff\xfe", timeout=10)
        assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "UTF-8" in info.value.details()


def test_raw_bytes_call_round_trips(server):
    with server.channel() as channel:
        call = channel.unary_unary("/grpc.health.v1.Health/Check")
        assert call(b"", timeout=10) == b"\x08\x01"


def test_watch_streams_current_status(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        stream = stub.Watch(health_pb2.HealthCheckRequest(), timeout=30)
        first = next(stream)
        assert first.status == health_pb2.HealthCheckResponse.SERVING
        unknown = stub.Watch(health_pb2.HealthCheckRequest(service="later.Service"), timeout=30)
        assert next(unknown).status == health_pb2.HealthCheckResponse.SERVICE_UNKNOWN
        stream.cancel()
        unknown.cancel()
        # The server is still fine after the cancellations.
        assert stub.Check(health_pb2.HealthCheckRequest(), timeout=10).status == health_pb2.HealthCheckResponse.SERVING


def test_many_concurrent_calls_on_one_channel(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        futures = [stub.Check.future(health_pb2.HealthCheckRequest(), timeout=30) for _ in range(500)]
        statuses = [f.result().status for f in futures]
        assert statuses == [health_pb2.HealthCheckResponse.SERVING] * 500

        def burst(_):
            return [stub.Check(health_pb2.HealthCheckRequest(), timeout=30).status for _ in range(50)]

        with ThreadPoolExecutor(max_workers=8) as pool:
            for result in pool.map(burst, range(8)):
                assert result == [health_pb2.HealthCheckResponse.SERVING] * 50


def test_sigterm_drains_watchers_and_exits_cleanly(server):
    with server.channel() as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        stream = stub.Watch(health_pb2.HealthCheckRequest(), timeout=30)
        assert next(stream).status == health_pb2.HealthCheckResponse.SERVING
        server.process.send_signal(signal.SIGTERM)
        # Draining flips the server to NOT_SERVING before it goes away.
        assert next(stream).status == health_pb2.HealthCheckResponse.NOT_SERVING
        stream.cancel()
    assert server.process.wait(timeout=30) == 0


def test_list_reports_every_service(server):
    with server.channel() as channel:
        call = channel.unary_unary(
            "/grpc.health.v1.Health/List",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=health_pb2.HealthListResponse.FromString,
        )
        response = call(health_pb2.HealthListRequest(), timeout=10)
        assert response.statuses[""].status == health_pb2.HealthCheckResponse.SERVING
