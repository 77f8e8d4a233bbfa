"""Every jiceng.v1 method carries a (jiceng.v1.method_access) rule, checked on descriptors built
by stock protoc (grpcio-tools), independently of our compiler; and the server enforces it for
every method, including those whose service is not built yet."""
import grpc
import pytest

from conftest import bearer

SERVICE_MODULES = ["org_pb2", "catalogue_pb2", "task_pb2", "appraisal_pb2", "audit_pb2"]


def all_methods(api):
    for name in SERVICE_MODULES:
        module = getattr(api, name)
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                yield service, method


def protected_unary_methods(api):
    """(path, rule) of every unary method that needs a token."""
    extension = api.options_pb2.method_access
    for service, method in all_methods(api):
        rule = method.GetOptions().Extensions[extension]
        if not (rule.allow_anonymous or method.client_streaming or method.server_streaming):
            yield f"/{service.full_name}/{method.name}", rule


def test_every_method_has_an_access_rule(api):
    extension = api.options_pb2.method_access
    methods = list(all_methods(api))
    assert len(methods) >= 40
    missing = [m.full_name for _, m in methods if not m.GetOptions().HasExtension(extension)]
    assert missing == []
    for _, method in methods:
        rule = method.GetOptions().Extensions[extension]
        assert rule.allow_anonymous or len(rule.roles) > 0, method.full_name


def test_server_refuses_every_protected_method_without_a_token(demo, api):
    with demo.channel() as channel:
        for path, _ in protected_unary_methods(api):
            with pytest.raises(grpc.RpcError) as info:
                channel.unary_unary(path)(b"", timeout=20)
            assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED, path


def test_roles_outside_the_rule_are_refused_before_the_handler(demo, api):
    """For every unary method, a role the rule leaves out gets PERMISSION_DENIED, never the handler."""
    names = {1: "CITY_ADMIN", 2: "DISTRICT_ADMIN", 3: "TOWN_OPERATOR", 4: "DEPARTMENT_OPERATOR", 5: "GRID_WORKER", 6: "AUDITOR"}
    with demo.channel() as channel:
        for path, rule in protected_unary_methods(api):
            for number, role in names.items():
                if number in rule.roles:
                    continue
                with pytest.raises(grpc.RpcError) as info:
                    channel.unary_unary(path)(b"", timeout=20, metadata=bearer(demo.token(role)))
                assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED, (path, role)
