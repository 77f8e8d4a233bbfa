"""Server reflection (v1alpha and v1) as stock clients use it to discover and describe methods."""
import grpc
from google.protobuf import descriptor_pool
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

JICENG_SERVICES = {
    "jiceng.v1.OrgService", "jiceng.v1.CatalogueService", "jiceng.v1.TaskService",
    "jiceng.v1.AppraisalService", "jiceng.v1.AuditService",
}


def test_grpcio_reflection_client_describes_every_method(server):
    with server.channel() as channel:
        database = ProtoReflectionDescriptorDatabase(channel)
        services = set(database.get_services())
        assert "grpc.health.v1.Health" in services
        assert "grpc.reflection.v1.ServerReflection" in services
        assert "grpc.reflection.v1alpha.ServerReflection" in services
        pool = descriptor_pool.DescriptorPool(database)
        described = 0
        for name in sorted(services):
            service = pool.FindServiceByName(name)
            for method in service.methods:
                # Every input and output type resolves, with its fields.
                assert method.input_type.fields is not None
                assert method.output_type.full_name
                described += 1
        assert described >= 5
        # The jiceng.v1 schema is there too, with its custom options, even for services the
        # server is not hosting yet.
        task = pool.FindMessageTypeByName("jiceng.v1.Task")
        assert task.fields_by_name["title"].number == 2
        assert pool.FindServiceByName("jiceng.v1.TaskService").methods_by_name["AcceptTask"]


def _ask(channel, path, request):
    call = channel.stream_stream(
        path,
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    return list(call(iter([request]), timeout=10))


def test_v1_answers_with_files_and_errors(server):
    # v1 is wire-identical to v1alpha, so v1alpha's message classes can speak it.
    path = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
    with server.channel() as channel:
        [found] = _ask(channel, path, reflection_pb2.ServerReflectionRequest(file_containing_symbol="jiceng.v1.TaskService.AcceptTask"))
        names = []
        for raw in found.file_descriptor_response.file_descriptor_proto:
            from google.protobuf import descriptor_pb2
            names.append(descriptor_pb2.FileDescriptorProto.FromString(raw).name)
        assert names[0] == "jiceng/v1/task.proto"
        assert "jiceng/v1/options.proto" in names and "google/protobuf/timestamp.proto" in names

        [missing] = _ask(channel, path, reflection_pb2.ServerReflectionRequest(file_containing_symbol="no.Such"))
        assert missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]

        [numbers] = _ask(channel, path, reflection_pb2.ServerReflectionRequest(all_extension_numbers_of_type="google.protobuf.MethodOptions"))
        assert 52001 in numbers.all_extension_numbers_response.extension_number

        [by_name] = _ask(channel, path, reflection_pb2.ServerReflectionRequest(file_by_filename="grpc/health/v1/health.proto"))
        assert len(by_name.file_descriptor_response.file_descriptor_proto) == 1
