"""`jiceng serve` over TLS (ALPN h2), with and without client certificates, called by stock grpcio."""
import os
import subprocess
import tempfile

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from conftest import start_server, stop_server


def _openssl(*args: str, cwd: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pki():
    """A throwaway CA, a server certificate for 127.0.0.1/localhost, and a client certificate."""
    d = tempfile.mkdtemp(prefix="jiceng-pki-")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Jiceng Test CA", "-days", "1", cwd=d)
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    for name in ("server", "client"):
        _openssl("req", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}", cwd=d)
        _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                 "-out", f"{name}.pem", "-days", "1", "-extfile", "san.ext", cwd=d)

    def read(name: str) -> bytes:
        with open(os.path.join(d, name), "rb") as f:
            return f.read()

    return {"dir": d, "read": read, "path": lambda name: os.path.join(d, name)}


def _check(channel: grpc.Channel) -> int:
    return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10).status


def test_tls_with_alpn_h2(pki):
    server = start_server("--tls-cert", pki["path"]("server.pem"), "--tls-key", pki["path"]("server.key"))
    try:
        credentials = grpc.ssl_channel_credentials(root_certificates=pki["read"]("ca.pem"))
        with grpc.secure_channel(server.address, credentials) as channel:
            assert _check(channel) == health_pb2.HealthCheckResponse.SERVING
        # A plaintext client gets nowhere on the TLS port.
        with grpc.insecure_channel(server.address) as channel:
            with pytest.raises(grpc.RpcError) as info:
                _check(channel)
            assert info.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        stop_server(server)


def test_mutual_tls_requires_a_client_certificate(pki):
    server = start_server("--tls-cert", pki["path"]("server.pem"), "--tls-key", pki["path"]("server.key"),
                          "--tls-client-ca", pki["path"]("ca.pem"))
    try:
        anonymous = grpc.ssl_channel_credentials(root_certificates=pki["read"]("ca.pem"))
        with grpc.secure_channel(server.address, anonymous) as channel:
            with pytest.raises(grpc.RpcError) as info:
                _check(channel)
            assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        with_certificate = grpc.ssl_channel_credentials(
            root_certificates=pki["read"]("ca.pem"),
            private_key=pki["read"]("client.key"),
            certificate_chain=pki["read"]("client.pem"),
        )
        with grpc.secure_channel(server.address, with_certificate) as channel:
            assert _check(channel) == health_pb2.HealthCheckResponse.SERVING
    finally:
        stop_server(server)
