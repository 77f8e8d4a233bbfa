"""gRPC's official interoperability cases, run by stock grpcio against `jiceng serve --interop`.

Case names and sizes follow grpc's interop test descriptions. The server compresses a call's
responses (gzip, when the client accepts it) if any of its responses asks for compression."""
import importlib
import time

import grpc
import pytest

from conftest import start_server, stop_server


@pytest.fixture(scope="module")
def testing(testing_stubs):
    messages_pb2, _, test_pb2_grpc = testing_stubs
    empty_pb2 = importlib.import_module("grpctesting.empty_pb2")
    return type("Testing", (), {"empty_pb2": empty_pb2, "messages_pb2": messages_pb2, "test_pb2_grpc": test_pb2_grpc})


@pytest.fixture(scope="module")
def interop_server():
    running = start_server("--interop")
    yield running
    stop_server(running)


@pytest.fixture
def stub(interop_server, testing):
    with interop_server.channel() as channel:
        yield testing.test_pb2_grpc.TestServiceStub(channel)


def test_empty_unary(stub, testing):
    assert stub.EmptyCall(testing.empty_pb2.Empty(), timeout=10) == testing.empty_pb2.Empty()


def test_large_unary(stub, testing):
    m = testing.messages_pb2
    response = stub.UnaryCall(m.SimpleRequest(response_size=314159, payload=m.Payload(body=b"\0" * 271828)), timeout=10)
    assert len(response.payload.body) == 314159


def test_client_streaming(stub, testing):
    m = testing.messages_pb2
    sizes = [27182, 8, 1828, 45904]
    response = stub.StreamingInputCall(iter(m.StreamingInputCallRequest(payload=m.Payload(body=b"\0" * n)) for n in sizes), timeout=10)
    assert response.aggregated_payload_size == 74922


def test_server_streaming(stub, testing):
    m = testing.messages_pb2
    sizes = [31415, 9, 2653, 58979]
    request = m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=n) for n in sizes])
    assert [len(r.payload.body) for r in stub.StreamingOutputCall(request, timeout=10)] == sizes


def test_ping_pong(stub, testing):
    m = testing.messages_pb2
    pairs = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    import queue
    outgoing = queue.Queue()
    call = stub.FullDuplexCall(iter(outgoing.get, None), timeout=10)
    for response_size, request_size in pairs:
        outgoing.put(m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=response_size)],
                                                  payload=m.Payload(body=b"\0" * request_size)))
        assert len(next(call).payload.body) == response_size
    outgoing.put(None)
    assert list(call) == []


def test_empty_stream(stub):
    assert list(stub.FullDuplexCall(iter([]), timeout=10)) == []


def test_cancel_after_begin(stub, testing):
    future = stub.StreamingInputCall.future(iter(lambda: time.sleep(0.2), object()), timeout=10)
    future.cancel()
    assert future.cancelled()


def test_cancel_after_first_response(stub, testing):
    import queue
    m = testing.messages_pb2
    outgoing = queue.Queue()
    # The request stream stays open (no None is ever queued), as in the official case.
    call = stub.FullDuplexCall(iter(outgoing.get, None), timeout=10)
    outgoing.put(m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=31415)],
                                              payload=m.Payload(body=b"\0" * 27182)))
    assert len(next(call).payload.body) == 31415
    call.cancel()
    with pytest.raises(grpc.RpcError) as info:
        next(call)
    assert info.value.code() == grpc.StatusCode.CANCELLED


def test_timeout_on_sleeping_server(stub, testing):
    m = testing.messages_pb2
    request = m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=10, interval_us=2_000_000)])
    with pytest.raises(grpc.RpcError) as info:
        list(stub.FullDuplexCall(iter([request]), timeout=0.001))
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


def test_custom_metadata(stub, testing):
    m = testing.messages_pb2
    metadata = [("x-grpc-test-echo-initial", "test_initial_metadata_value"),
                ("x-grpc-test-echo-trailing-bin", b"\x0a\x0b\x0a\x0b\x0a\x0b")]
    response, call = stub.UnaryCall.with_call(
        m.SimpleRequest(response_size=314159, payload=m.Payload(body=b"\0" * 271828)), metadata=metadata, timeout=10)
    assert len(response.payload.body) == 314159
    assert ("x-grpc-test-echo-initial", "test_initial_metadata_value") in call.initial_metadata()
    assert ("x-grpc-test-echo-trailing-bin", b"\x0a\x0b\x0a\x0b\x0a\x0b") in call.trailing_metadata()


def test_status_code_and_message(stub, testing):
    m = testing.messages_pb2
    message = "test status message"
    with pytest.raises(grpc.RpcError) as info:
        stub.UnaryCall(m.SimpleRequest(response_status=m.EchoStatus(code=2, message=message)), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNKNOWN and info.value.details() == message
    with pytest.raises(grpc.RpcError) as info:
        list(stub.FullDuplexCall(iter([m.StreamingOutputCallRequest(response_status=m.EchoStatus(code=2, message=message))]), timeout=10))
    assert info.value.code() == grpc.StatusCode.UNKNOWN and info.value.details() == message


def test_special_status_message(stub, testing):
    m = testing.messages_pb2
    message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
    with pytest.raises(grpc.RpcError) as info:
        stub.UnaryCall(m.SimpleRequest(response_status=m.EchoStatus(code=2, message=message)), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNKNOWN and info.value.details() == message


def test_unimplemented_method(stub, testing):
    with pytest.raises(grpc.RpcError) as info:
        stub.UnimplementedCall(testing.empty_pb2.Empty(), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_unimplemented_service(interop_server, testing):
    with interop_server.channel() as channel:
        stub = testing.test_pb2_grpc.UnimplementedServiceStub(channel)
        with pytest.raises(grpc.RpcError) as info:
            stub.UnimplementedCall(testing.empty_pb2.Empty(), timeout=10)
        assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_client_compressed_unary(interop_server, testing):
    m = testing.messages_pb2
    with grpc.insecure_channel(interop_server.address, compression=grpc.Compression.Gzip) as channel:
        stub = testing.test_pb2_grpc.TestServiceStub(channel)
        request = m.SimpleRequest(response_size=314159, payload=m.Payload(body=b"\0" * 271828),
                                  expect_compressed=m.BoolValue(value=True))
        assert len(stub.UnaryCall(request, timeout=10).payload.body) == 314159
    with interop_server.channel() as channel:
        stub = testing.test_pb2_grpc.TestServiceStub(channel)
        with pytest.raises(grpc.RpcError) as info:
            stub.UnaryCall(request, timeout=10)
        assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_client_compressed_streaming(interop_server, testing):
    m = testing.messages_pb2
    with grpc.insecure_channel(interop_server.address, compression=grpc.Compression.Gzip) as channel:
        stub = testing.test_pb2_grpc.TestServiceStub(channel)
        sizes = [27182, 45904]
        requests = (m.StreamingInputCallRequest(payload=m.Payload(body=b"\0" * n), expect_compressed=m.BoolValue(value=True)) for n in sizes)
        assert stub.StreamingInputCall(requests, timeout=10).aggregated_payload_size == 73086


def test_server_compressed_unary(stub, testing):
    m = testing.messages_pb2
    for compressed in (True, False):
        request = m.SimpleRequest(response_size=314159, payload=m.Payload(body=b"\0" * 271828),
                                  response_compressed=m.BoolValue(value=compressed))
        assert len(stub.UnaryCall(request, timeout=10).payload.body) == 314159


def test_server_compressed_streaming(stub, testing):
    m = testing.messages_pb2
    request = m.StreamingOutputCallRequest(response_parameters=[
        m.ResponseParameters(size=31415, compressed=m.BoolValue(value=True)),
        m.ResponseParameters(size=92653, compressed=m.BoolValue(value=False))])
    assert [len(r.payload.body) for r in stub.StreamingOutputCall(request, timeout=10)] == [31415, 92653]
