"""bench.Echo, the service the transport benchmark calls beside the peer servers."""
import grpc
import pytest


def _blob(data: bytes) -> bytes:
    # Blob{bytes data = 1}: tag 0x0a, varint length, the bytes.
    length, out = len(data), bytearray(b"\x0a")
    while length >= 0x80:
        out.append((length & 0x7F) | 0x80)
        length >>= 7
    out.append(length)
    return bytes(out) + data


def test_echo_returns_16k_unchanged(server):
    payload = _blob(bytes(range(256)) * 64)
    with server.channel() as channel:
        echo = channel.unary_unary("/bench.Echo/Unary")
        assert echo(payload, timeout=10) == payload


def test_a_request_over_the_receive_limit_is_resource_exhausted(server):
    payload = _blob(b"x" * (4 * 1024 * 1024 + 16))
    options = [("grpc.max_send_message_length", 16 * 1024 * 1024), ("grpc.max_receive_message_length", 16 * 1024 * 1024)]
    with grpc.insecure_channel(server.address, options=options) as channel:
        echo = channel.unary_unary("/bench.Echo/Unary")
        with pytest.raises(grpc.RpcError) as info:
            echo(payload, timeout=20)
        assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        # The connection still serves.
        assert echo(_blob(b"ok"), timeout=10) == _blob(b"ok")
