"""`jiceng call`, `list` and `describe`: the real binary against a real `jiceng serve` (plain and
--demo) and against a stock grpcio server with grpcio-reflection, which speaks only v1alpha."""
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent import futures

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from conftest import BINARY, _free_port, start_server, stop_server
from test_tls import pki  # noqa: F401 (a fixture)

CITY = "339900"


def jiceng(*args, input=None, env_token=None, timeout=60):
    env = {k: v for k, v in os.environ.items() if k != "JICENG_TOKEN"}
    if env_token is not None:
        env["JICENG_TOKEN"] = env_token
    return subprocess.run([BINARY, *args], input=input, capture_output=True, text=True, timeout=timeout, env=env)


def succeeds(result):
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr}"
    return result.stdout


# MARK: call against jiceng serve

def test_unary_call_prints_proto3_json(server):
    out = succeeds(jiceng("call", "grpc.health.v1.Health/Check", "--server", server.address))
    assert json.loads(out) == {"status": "SERVING"}
    # Pretty-printed: one field per line.
    assert out.count("\n") > 1


def test_request_json_comes_from_flag_file_or_stdin(server):
    request = json.dumps({"service": ""})
    assert json.loads(succeeds(jiceng("call", "grpc.health.v1.Health/Check", "--json", request, "--server", server.address))) == {"status": "SERVING"}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(request)
    try:
        out = succeeds(jiceng("call", "/grpc.health.v1.Health/Check", "--data", "@" + f.name, "--server", server.address))
        assert json.loads(out) == {"status": "SERVING"}
    finally:
        os.unlink(f.name)
    out = succeeds(jiceng("call", "grpc.health.v1.Health.Check", "--data", "-", "--server", server.address, input=request))
    assert json.loads(out) == {"status": "SERVING"}
    # A service the server does not know is NOT_FOUND, decoded from the status.
    unknown = jiceng("call", "grpc.health.v1.Health/Check", "--json", '{"service":"no.Such"}', "--server", server.address)
    assert unknown.returncode == 66, unknown.stderr
    assert "NOT_FOUND" in unknown.stderr


def test_server_streaming_prints_one_json_object_per_line(server):
    process = subprocess.Popen(
        [BINARY, "call", "grpc.health.v1.Health/Watch", "--server", server.address, "--timeout", "60s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        assert json.loads(first) == {"status": "SERVING"}
    finally:
        process.kill()
        process.wait()


def test_demo_token_lists_org_units(demo):
    token = demo.token("CITY_ADMIN")
    out = succeeds(jiceng("call", "jiceng.v1.OrgService/ListOrgUnits", "--server", demo.address,
                          "--token", token, "--json", json.dumps({"parentId": CITY})))
    units = json.loads(out)["orgUnits"]
    assert units and all(u["parentId"] == CITY for u in units)
    # The token may come from the environment too, and headers ride along.
    out = succeeds(jiceng("call", "jiceng.v1.OrgService/GetOrgUnit", "--server", demo.address,
                          "-H", "x-request-source: cli-test", "--json", json.dumps({"id": CITY}), env_token=token))
    assert json.loads(out)["id"] == CITY


def test_error_classes_have_their_own_exit_status(demo):
    token = demo.token("CITY_ADMIN")
    list_units = ["call", "jiceng.v1.OrgService/ListOrgUnits", "--server", demo.address]

    missing = jiceng(*list_units)
    assert missing.returncode == 77, missing.stderr
    assert "UNAUTHENTICATED" in missing.stderr and "未认证" in missing.stderr and "JICENG_TOKEN" in missing.stderr

    forged = jiceng(*list_units, "--token", "jt_forged_0000000000000000")
    assert forged.returncode == 77, forged.stderr
    assert "令牌无效或已过期 — 用 `jiceng admin token issue …` 签发新令牌" in forged.stderr

    bad_field = jiceng(*list_units, "--token", token, "--json", json.dumps({"parentId": "x" * 100}))
    assert bad_field.returncode == 65, bad_field.stderr
    assert "INVALID_ARGUMENT" in bad_field.stderr
    assert "字段错误 (field violation) parent_id" in bad_field.stderr

    not_found = jiceng("call", "jiceng.v1.OrgService/GetOrgUnit", "--server", demo.address, "--token", token, "--json", '{"id":"999999"}')
    assert not_found.returncode == 66, not_found.stderr
    assert "NOT_FOUND" in not_found.stderr

    # JSON that does not fit the request type never reaches the server.
    unfit = jiceng(*list_units, "--token", token, "--json", '{"noSuchField": 1}')
    assert unfit.returncode == 65, unfit.stderr
    assert "noSuchField" in unfit.stderr
    broken = jiceng(*list_units, "--token", token, "--json", "{")
    assert broken.returncode == 65, broken.stderr

    unknown_method = jiceng("call", "jiceng.v1.OrgService/Frobnicate", "--server", demo.address, "--token", token)
    assert unknown_method.returncode == 67, unknown_method.stderr
    assert "ListOrgUnits" in unknown_method.stderr  # the methods that do exist are named
    unknown_service = jiceng("call", "no.such.Service/Get", "--server", demo.address)
    assert unknown_service.returncode == 67, unknown_service.stderr

    usage = jiceng("call", "jiceng.v1.OrgService/ListOrgUnits", "--bogus", "1")
    assert usage.returncode == 64
    assert jiceng("call").returncode == 64

    help_text = succeeds(jiceng("call", "--help"))
    for status in ("64", "65", "66", "67", "69", "75", "77"):
        assert status in help_text


def test_unreachable_server_is_a_connection_failure():
    port = _free_port()
    refused = jiceng("call", "grpc.health.v1.Health/Check", "--server", f"127.0.0.1:{port}")
    assert refused.returncode == 69, refused.stderr
    assert "UNAVAILABLE" in refused.stderr or "无法连接" in refused.stderr


def test_tls_with_a_private_ca(pki):  # noqa: F811
    server = start_server("--tls-cert", pki["path"]("server.pem"), "--tls-key", pki["path"]("server.key"))
    try:
        out = succeeds(jiceng("call", "grpc.health.v1.Health/Check", "--server", server.address, "--cacert", pki["path"]("ca.pem")))
        assert json.loads(out) == {"status": "SERVING"}
        # An untrusted certificate, or plaintext to a TLS port, never gets a call through.
        untrusted = jiceng("call", "grpc.health.v1.Health/Check", "--server", server.address, "--tls")
        assert untrusted.returncode == 69, untrusted.stderr
        plaintext = jiceng("call", "grpc.health.v1.Health/Check", "--server", server.address, "--timeout", "5s")
        assert plaintext.returncode in (69, 75), plaintext.stderr
    finally:
        stop_server(server)


# MARK: list and describe

def test_list_services_and_methods(server):
    services = succeeds(jiceng("list", "--server", server.address)).split()
    assert "grpc.health.v1.Health" in services
    assert "jiceng.v1.OrgService" in services
    assert "grpc.reflection.v1.ServerReflection" in services
    methods = succeeds(jiceng("list", "grpc.health.v1.Health", "--server", server.address))
    rows = {line.split()[0]: line.split()[1] for line in methods.splitlines()[2:]}
    assert rows["Check"] == "unary" and rows["Watch"] == "server-streaming"
    missing = jiceng("list", "no.Such", "--server", server.address)
    assert missing.returncode == 66, missing.stderr


def test_describe_shows_proto_source(server):
    message = succeeds(jiceng("describe", "jiceng.v1.GetOrgUnitRequest", "--server", server.address))
    assert message == "// jiceng/v1/org.proto\nmessage GetOrgUnitRequest {\n  string id = 1;\n}\n"
    method = succeeds(jiceng("describe", "grpc.health.v1.Health/Watch", "--server", server.address))
    assert "rpc Watch(.grpc.health.v1.HealthCheckRequest) returns (stream .grpc.health.v1.HealthCheckResponse);" in method
    service = succeeds(jiceng("describe", "jiceng.v1.OrgService", "--server", server.address))
    assert service.count("rpc ") == 4
    enum = succeeds(jiceng("describe", "jiceng.v1.OrgKind", "--server", server.address))
    assert "enum OrgKind {" in enum and "ORG_KIND_UNSPECIFIED = 0;" in enum
    missing = jiceng("describe", "jiceng.v1.Nothing", "--server", server.address)
    assert missing.returncode == 66, missing.stderr


# MARK: against a stock grpcio server (reflection v1alpha only)

@pytest.fixture
def grpcio_server():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    servicer = health.HealthServicer()
    servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    servicer.set("stock.Service", health_pb2.HealthCheckResponse.NOT_SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    names = (health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME)
    reflection.enable_server_reflection(names, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)


def test_call_list_and_describe_against_stock_grpcio(grpcio_server):
    out = succeeds(jiceng("call", "grpc.health.v1.Health/Check", "--server", grpcio_server, "--json", '{"service":"stock.Service"}'))
    assert json.loads(out) == {"status": "NOT_SERVING"}
    unknown = jiceng("call", "grpc.health.v1.Health/Check", "--server", grpcio_server, "--json", '{"service":"nope"}')
    assert unknown.returncode == 66, unknown.stderr
    services = succeeds(jiceng("list", "--server", grpcio_server)).split()
    assert "grpc.health.v1.Health" in services
    described = succeeds(jiceng("describe", "grpc.health.v1.HealthCheckResponse", "--server", grpcio_server))
    assert "enum ServingStatus {" in described and "SERVING = 1;" in described
    missing = jiceng("call", "grpc.health.v1.Health/Nope", "--server", grpcio_server)
    assert missing.returncode == 67, missing.stderr


# MARK: streaming requests (grpc.testing.TestService on stock grpcio)

@pytest.fixture(scope="module")
def testing_stubs(tmp_path_factory):
    # The files move from grpc/testing/ to grpctesting/ (proto package unchanged): a Python
    # package named `grpc.testing` would collide with grpcio's own `grpc`.
    out = tmp_path_factory.mktemp("testing-stubs")
    root = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "proto")
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


@pytest.fixture
def testing_server(testing_stubs):
    messages_pb2, test_pb2, test_pb2_grpc = testing_stubs

    class Servicer(test_pb2_grpc.TestServiceServicer):
        def StreamingInputCall(self, requests, context):
            total = sum(len(r.payload.body) for r in requests)
            return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)

        def FullDuplexCall(self, requests, context):
            for r in requests:
                yield messages_pb2.StreamingOutputCallResponse(payload=r.payload)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    test_pb2_grpc.add_TestServiceServicer_to_server(Servicer(), server)
    reflection.enable_server_reflection((test_pb2.DESCRIPTOR.services_by_name["TestService"].full_name, reflection.SERVICE_NAME), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)


def test_client_streaming_reads_json_lines_from_stdin(testing_server):
    lines = "\n".join(json.dumps({"payload": {"body": body}}) for body in ("AAAA", "AAAAAAAA", ""))  # base64: 3 + 6 bytes
    out = succeeds(jiceng("call", "grpc.testing.TestService/StreamingInputCall", "--server", testing_server, input=lines + "\n\n"))
    assert json.loads(out) == {"aggregatedPayloadSize": 9}
    bad = jiceng("call", "grpc.testing.TestService/StreamingInputCall", "--server", testing_server, input='{"payload": {"body": "AAAA"}}\n{"payload": 7}\n')
    assert bad.returncode == 65, bad.stderr
    assert "payload" in bad.stderr


def test_bidi_streaming_answers_line_by_line(testing_server):
    process = subprocess.Popen(
        [BINARY, "call", "grpc.testing.TestService/FullDuplexCall", "--server", testing_server, "--timeout", "60s"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Each answer arrives before the next request is written: the stream is really two-way.
        for body in ("AQID", "BAUG"):
            process.stdin.write(json.dumps({"payload": {"body": body}}) + "\n")
            process.stdin.flush()
            assert json.loads(process.stdout.readline()) == {"payload": {"body": body}}
        process.stdin.close()
        assert process.wait(timeout=30) == 0, process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_bidi_reflection_of_our_own_server(server):
    out = succeeds(jiceng("call", "grpc.reflection.v1.ServerReflection/ServerReflectionInfo", "--server", server.address,
                          input='{"listServices": "*"}\n'))
    [answer] = [json.loads(line) for line in out.splitlines()]
    names = {s["name"] for s in answer["listServicesResponse"]["service"]}
    assert "grpc.health.v1.Health" in names


# MARK: the JicengClient example

def test_watch_example_follows_task_events(demo, tmp_path):
    example = os.path.join(os.path.dirname(BINARY), "jiceng-watch-example")
    if not os.path.exists(example):
        pytest.skip("jiceng-watch-example not built")
    state = tmp_path / "watch.seq"
    process = subprocess.Popen(
        [example, "--server", demo.address, "--token", demo.token("CITY_ADMIN"), "--state", str(state)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        if not first:
            # Until TaskService is served the watch is refused, and the example gives up at once
            # rather than retrying something waiting cannot fix.
            assert process.wait(timeout=30) == 1
            assert "UNIMPLEMENTED" in process.stderr.read()
            pytest.skip("TaskService is not served yet")
        seq = int(first.split()[0].lstrip("#"))
        assert seq > 0
        # The seq is saved right after the event is printed.
        for _ in range(200):
            if state.exists() and state.read_text().strip():
                break
            time.sleep(0.05)
        assert int(state.read_text()) >= seq
    finally:
        process.kill()
        process.wait()
