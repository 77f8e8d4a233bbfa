"""Starts the real `jiceng serve` binary on a free loopback port for interop tests."""
import os
import socket
import subprocess
import tempfile
import time

import grpc
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningServer:
    def __init__(self, process: subprocess.Popen, address: str):
        self.process = process
        self.address = address

    def channel(self) -> grpc.Channel:
        return grpc.insecure_channel(self.address)


def start_server() -> RunningServer:
    binary = os.environ.get("JICENG_BIN", os.path.join(ROOT, ".build/debug/jiceng"))
    port = _free_port()
    data = tempfile.mkdtemp(prefix="jiceng-interop-")
    process = subprocess.Popen(
        [binary, "serve", "--listen", f"127.0.0.1:{port}", "--data", data],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    address = f"127.0.0.1:{port}"
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {process.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                return RunningServer(process, address)
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
