"""Starts the real `jiceng serve` binary on a free loopback port for interop tests, and generates
Python stubs for the jiceng.v1 API from proto/ with stock grpcio-tools."""
import glob
import importlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from types import SimpleNamespace

import grpc
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("JICENG_BIN", os.path.join(ROOT, ".build/debug/jiceng"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningServer:
    def __init__(self, process: subprocess.Popen, address: str, data: str):
        self.process = process
        self.address = address
        self.data = data

    def channel(self) -> grpc.Channel:
        return grpc.insecure_channel(self.address)


def start_server(*extra_args: str, data: str | None = None, demo: bool = False, port: int | None = None) -> RunningServer:
    """Starts `jiceng serve` on `data` (a fresh temporary directory if None) and waits until it
    accepts connections. stderr goes to DATA/serve.log, so a busy call log never blocks the server."""
    port = port or _free_port()
    data = data or tempfile.mkdtemp(prefix="jiceng-interop-")
    os.makedirs(data, exist_ok=True)
    arguments = [BINARY, "serve", "--listen", f"127.0.0.1:{port}", "--data", data]
    if demo:
        arguments.append("--demo")
    arguments.extend(extra_args)
    log_path = os.path.join(data, "serve.log")
    with open(log_path, "ab") as log:
        process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=log)
    address = f"127.0.0.1:{port}"
    for _ in range(600):
        if process.poll() is not None:
            with open(log_path, "rb") as f:
                raise RuntimeError(f"server exited early: {f.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                return RunningServer(process, address, data)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("server did not start listening")


def stop_server(server: RunningServer) -> None:
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def server():
    running = start_server()
    yield running
    stop_server(running)
    shutil.rmtree(running.data, ignore_errors=True)


@pytest.fixture(scope="session")
def api(tmp_path_factory):
    """Python modules for jiceng.v1 and google.rpc, generated from proto/ by grpcio-tools.

    Attributes are the generated modules by short name: api.org_pb2, api.org_pb2_grpc,
    api.audit_pb2, api.options_pb2, api.error_details_pb2, api.status_pb2, …"""
    out = tmp_path_factory.mktemp("stubs")
    sources = sorted(glob.glob("jiceng/v1/*.proto", root_dir=os.path.join(ROOT, "proto")))
    sources += sorted(glob.glob("google/rpc/*.proto", root_dir=os.path.join(ROOT, "proto")))
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I" + os.path.join(ROOT, "proto"),
         f"--python_out={out}", f"--grpc_python_out={out}", *sources],
        check=True,
    )
    sys.path.insert(0, str(out))
    modules = {}
    for source in sources:
        package = os.path.dirname(source).replace("/", ".")
        stem = os.path.splitext(os.path.basename(source))[0]
        modules[stem + "_pb2"] = importlib.import_module(f"{package}.{stem}_pb2")
        grpc_module = f"{package}.{stem}_pb2_grpc"
        if os.path.exists(os.path.join(out, *package.split("."), f"{stem}_pb2_grpc.py")):
            modules[stem + "_pb2_grpc"] = importlib.import_module(grpc_module)
    return SimpleNamespace(**modules)


class DemoServer(RunningServer):
    """A server started with --demo, with the tokens it wrote to demo-tokens.txt."""

    def __init__(self, running: RunningServer):
        super().__init__(running.process, running.address, running.data)
        self.tokens = self.read_tokens(running.data)

    @staticmethod
    def read_tokens(data: str) -> list[tuple[str, str, str]]:
        path = os.path.join(data, "demo-tokens.txt")
        for _ in range(200):
            if os.path.exists(path):
                break
            time.sleep(0.05)
        with open(path, encoding="utf-8") as f:
            return [tuple(line.split()) for line in f if line.strip()]

    def token(self, role: str, org: str | None = None) -> str:
        """The first demo token of `role` (bound to `org` if given)."""
        for r, o, t in self.tokens:
            if r == role and (org is None or o == org):
                return t
        raise KeyError(f"no demo token for {role} {org or ''}")

    def org_of(self, token: str) -> str:
        return next(o for _, o, t in self.tokens if t == token)


def bearer(token: str) -> list[tuple[str, str]]:
    return [("authorization", f"Bearer {token}")]


def start_demo_server(data: str | None = None) -> DemoServer:
    return DemoServer(start_server(data=data, demo=True))


@pytest.fixture(scope="module")
def demo():
    """One demo server per test module; tests that write use ids of their own."""
    running = start_demo_server()
    yield running
    stop_server(running)
    shutil.rmtree(running.data, ignore_errors=True)


# grpc.testing (the interop suite's schema), generated from proto/ for stock grpcio clients and servers.
@pytest.fixture(scope="session")
def testing_stubs(tmp_path_factory):
    # The files move from grpc/testing/ to grpctesting/ (proto package unchanged): a Python
    # package named `grpc.testing` would collide with grpcio's own `grpc`.
    out = tmp_path_factory.mktemp("testing-stubs")
    root = os.path.join(ROOT, "proto")
    os.makedirs(out / "protos" / "grpctesting")
    for name in ("empty.proto", "messages.proto", "test.proto"):
        with open(os.path.join(root, "grpc", "testing", name), encoding="utf-8") as f:
            text = f.read().replace('import "grpc/testing/', 'import "grpctesting/')
        (out / "protos" / "grpctesting" / name).write_text(text, encoding="utf-8")
    sources = ["grpctesting/empty.proto", "grpctesting/messages.proto", "grpctesting/test.proto"]
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{out / 'protos'}", f"--python_out={out}", f"--grpc_python_out={out}", *sources], check=True)
    sys.path.insert(0, str(out))
    from grpctesting import messages_pb2, test_pb2, test_pb2_grpc  # noqa: E402 (generated just above)
    return messages_pb2, test_pb2, test_pb2_grpc


# Status checks shared by the service tests.
def details(error: grpc.RpcError, api):
    """The google.rpc.Status in grpc-status-details-bin, unpacked into (ErrorInfo, BadRequest)."""
    raw = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    assert raw is not None, f"no grpc-status-details-bin on {error.code()}: {error.details()}"
    status = api.status_pb2.Status.FromString(raw)
    assert status.code == error.code().value[0]
    info, bad = None, None
    for any_detail in status.details:
        if any_detail.Is(api.error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = api.error_details_pb2.ErrorInfo()
            any_detail.Unpack(info)
        elif any_detail.Is(api.error_details_pb2.BadRequest.DESCRIPTOR):
            bad = api.error_details_pb2.BadRequest()
            any_detail.Unpack(bad)
    return info, bad


def fails(code, call, *args, **kwargs):
    with pytest.raises(grpc.RpcError) as info:
        call(*args, timeout=20, **kwargs)
    assert info.value.code() == code, info.value.details()
    return info.value


# The same check under the name the catalogue tests use.
refused = fails

