"""jiceng.v1.TaskService over stock grpcio against `jiceng serve --demo`: the whole 乡呼县应 loop as
each role (grid worker raises, town dispatches, department accepts and resolves, cooperating
department signs off, town verifies and rates), refused moves and their error details, scope,
idempotency, history and WatchTasks (replay, then live)."""
import queue
import threading
import uuid

import grpc
import pytest

from test_org import details, fails

DISTRICT = "339902"
OTHER_DISTRICT = "339903"


def request_id() -> str:
    return uuid.uuid4().hex


@pytest.fixture(scope="module")
def tasks(demo, api):
    channel = demo.channel()
    yield api.task_pb2_grpc.TaskServiceStub(channel)
    channel.close()


class Cast:
    """The demo tokens the loop needs: a town of the district, a grid worker of it (if the demo
    issued one), two departments of the district and a town of another district."""

    def __init__(self, demo):
        towns = [o for r, o, _ in demo.tokens if r == "TOWN_OPERATOR" and o.startswith(DISTRICT)]
        grids = [(o, t) for r, o, t in demo.tokens if r == "GRID_WORKER" and o.startswith(DISTRICT)]
        self.grid, self.grid_token = grids[0] if grids else (None, None)
        self.town = next((t for t in towns if self.grid and self.grid.startswith(t)), towns[0])
        departments = sorted(o for r, o, _ in demo.tokens
                             if r == "DEPARTMENT_OPERATOR" and o.startswith(DISTRICT + "D") and len(o) == len(DISTRICT) + 3)
        self.lead, self.cooperating = departments[0], departments[1]
        self.other_town = next(o for r, o, _ in demo.tokens if r == "TOWN_OPERATOR" and o.startswith(OTHER_DISTRICT))
        self.demo = demo

    def token(self, role, org):
        return self.demo.token(role, org)


@pytest.fixture(scope="module")
def cast(demo):
    return Cast(demo)


def as_town(cast):
    return [("authorization", f"Bearer {cast.token('TOWN_OPERATOR', cast.town)}")]


def as_department(cast, department):
    return [("authorization", f"Bearer {cast.token('DEPARTMENT_OPERATOR', department)}")]


# No list covers this text, so such a task is REPORTED whether or not routing finds the lists.
UNLISTED = "XQZ-0000 unlisted matter"


def create(tasks, api, cast, title=UNLISTED, **fields):
    task = api.task_pb2.Task(title=title, town_id=cast.town, source=api.task_pb2.TASK_SOURCE_TOWN_CALL, **fields)
    return tasks.CreateTask(api.task_pb2.CreateTaskRequest(task=task, request_id=request_id()),
                            metadata=as_town(cast), timeout=20)


def test_the_whole_loop_as_each_role(tasks, api, cast):
    pb = api.task_pb2
    if cast.grid_token:
        task = tasks.CreateTask(pb.CreateTaskRequest(
            task=pb.Task(title=UNLISTED, town_id=cast.town, source=pb.TASK_SOURCE_GRID_REPORT),
            request_id=request_id()), metadata=[("authorization", f"Bearer {cast.grid_token}")], timeout=20)
        assert task.grid_id == cast.grid
    else:
        task = create(tasks, api, cast)
    assert task.id.startswith("T") and task.state == pb.TASK_STATE_REPORTED

    task = tasks.DispatchTask(pb.DispatchTaskRequest(
        id=task.id, etag=task.etag, request_id=request_id(), lead_department_id=cast.lead,
        cooperating_department_ids=[cast.cooperating], note="请城管牵头"), metadata=as_town(cast), timeout=20)
    assert task.state == pb.TASK_STATE_DISPATCHED
    assert task.HasField("accept_deadline") and task.HasField("resolve_deadline")

    error = fails(grpc.StatusCode.PERMISSION_DENIED, tasks.AcceptTask,
                  pb.AcceptTaskRequest(id=task.id, etag=task.etag, request_id=request_id()),
                  metadata=as_department(cast, cast.cooperating))
    assert details(error, api)[0].reason == "NOT_LEAD_DEPARTMENT"

    task = tasks.AcceptTask(pb.AcceptTaskRequest(id=task.id, etag=task.etag, request_id=request_id()),
                            metadata=as_department(cast, cast.lead), timeout=20)
    assert task.state == pb.TASK_STATE_ACCEPTED

    error = fails(grpc.StatusCode.FAILED_PRECONDITION, tasks.ResolveTask,
                  pb.ResolveTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), resolution="已补装井盖"),
                  metadata=as_department(cast, cast.lead))
    assert details(error, api)[0].reason == "ASSIGNMENTS_OPEN"

    task = tasks.CompleteAssignment(pb.CompleteAssignmentRequest(
        id=task.id, request_id=request_id(), department_id=cast.cooperating, note="已配合"),
        metadata=as_department(cast, cast.cooperating), timeout=20)
    task = tasks.ResolveTask(pb.ResolveTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), resolution="已补装井盖"),
                             metadata=as_department(cast, cast.lead), timeout=20)
    assert task.state == pb.TASK_STATE_RESOLVED

    task = tasks.VerifyTask(pb.VerifyTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), passed=False, note="井盖松动"),
                            metadata=as_town(cast), timeout=20)
    assert task.state == pb.TASK_STATE_ACCEPTED and task.rework_count == 1
    task = tasks.ResolveTask(pb.ResolveTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), resolution="已加固"),
                             metadata=as_department(cast, cast.lead), timeout=20)
    task = tasks.VerifyTask(pb.VerifyTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), passed=True),
                            metadata=as_town(cast), timeout=20)
    assert task.state == pb.TASK_STATE_CLOSED

    error = fails(grpc.StatusCode.INVALID_ARGUMENT, tasks.RateTask,
                  pb.RateTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), satisfaction=6), metadata=as_town(cast))
    assert [v.field for v in details(error, api)[1].field_violations] == ["satisfaction"]
    task = tasks.RateTask(pb.RateTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), satisfaction=5),
                          metadata=as_town(cast), timeout=20)
    assert task.satisfaction == 5
    error = fails(grpc.StatusCode.FAILED_PRECONDITION, tasks.RateTask,
                  pb.RateTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), satisfaction=4), metadata=as_town(cast))
    assert details(error, api)[0].reason == "TASK_ALREADY_RATED"

    history = tasks.GetTaskHistory(pb.GetTaskHistoryRequest(id=task.id), metadata=as_town(cast), timeout=20).events
    assert [e.type for e in history] == [
        pb.TASK_EVENT_TYPE_CREATED, pb.TASK_EVENT_TYPE_DISPATCHED, pb.TASK_EVENT_TYPE_ACCEPTED,
        pb.TASK_EVENT_TYPE_ASSIGNMENT_COMPLETED, pb.TASK_EVENT_TYPE_RESOLVED, pb.TASK_EVENT_TYPE_REWORK,
        pb.TASK_EVENT_TYPE_RESOLVED, pb.TASK_EVENT_TYPE_VERIFIED, pb.TASK_EVENT_TYPE_RATED]
    seqs = [e.seq for e in history]
    assert seqs == sorted(seqs)

    # WatchTasks replays the same history for the task, in the same order.
    stream = tasks.WatchTasks(pb.WatchTasksRequest(filter=pb.TaskFilter(task_id=task.id)), metadata=as_town(cast), timeout=60)
    replayed = [next(stream).seq for _ in history]
    stream.cancel()
    assert replayed == seqs


def test_wrong_moves_stale_etags_and_bad_fields(tasks, api, cast):
    pb = api.task_pb2
    task = create(tasks, api, cast)
    error = fails(grpc.StatusCode.FAILED_PRECONDITION, tasks.VerifyTask,
                  pb.VerifyTaskRequest(id=task.id, etag=task.etag, request_id=request_id(), passed=True), metadata=as_town(cast))
    info = details(error, api)[0]
    assert info.reason == "TASK_INVALID_TRANSITION" and info.domain == "jiceng.gov"
    assert info.metadata["state"] == "TASK_STATE_REPORTED"

    fails(grpc.StatusCode.ABORTED, tasks.DispatchTask,
          pb.DispatchTaskRequest(id=task.id, etag="stale", request_id=request_id(), lead_department_id=cast.lead),
          metadata=as_town(cast))

    error = fails(grpc.StatusCode.INVALID_ARGUMENT, tasks.CreateTask,
                  pb.CreateTaskRequest(task=pb.Task(town_id=cast.town, source=pb.TASK_SOURCE_TOWN_CALL), request_id=request_id()),
                  metadata=as_town(cast))
    assert [v.field for v in details(error, api)[1].field_violations] == ["task.title"]
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, tasks.CreateTask,
                  pb.CreateTaskRequest(task=pb.Task(title="x", town_id=cast.town, source=pb.TASK_SOURCE_TOWN_CALL,
                                                    description="长" * 4001), request_id=request_id()),
                  metadata=as_town(cast))
    assert [v.field for v in details(error, api)[1].field_violations] == ["task.description"]


def test_scope_and_idempotency(tasks, api, cast):
    pb = api.task_pb2
    rid = request_id()
    request = pb.CreateTaskRequest(task=pb.Task(title="噪音扰民", town_id=cast.town, source=pb.TASK_SOURCE_HOTLINE_12345,
                                                external_ref="12345-" + rid[:8]), request_id=rid)
    first = tasks.CreateTask(request, metadata=as_town(cast), timeout=20)
    assert tasks.CreateTask(request, metadata=as_town(cast), timeout=20) == first
    request.request_id = request_id()
    assert tasks.CreateTask(request, metadata=as_town(cast), timeout=20).id == first.id

    other = [("authorization", f"Bearer {cast.token('TOWN_OPERATOR', cast.other_town)}")]
    error = fails(grpc.StatusCode.PERMISSION_DENIED, tasks.GetTask, pb.GetTaskRequest(id=first.id), metadata=other)
    assert details(error, api)[0].reason == "TASK_OUT_OF_SCOPE"
    fails(grpc.StatusCode.PERMISSION_DENIED, tasks.CreateTask,
          pb.CreateTaskRequest(task=pb.Task(title="x", town_id=cast.town, source=pb.TASK_SOURCE_TOWN_CALL), request_id=request_id()),
          metadata=other)
    listed = tasks.ListTasks(pb.ListTasksRequest(page_size=1000), metadata=other, timeout=20).tasks
    assert all(t.town_id == cast.other_town for t in listed)
    mine = tasks.ListTasks(pb.ListTasksRequest(page_size=1000), metadata=as_town(cast), timeout=20)
    assert first.id in [t.id for t in mine.tasks]
    assert all(t.town_id == cast.town for t in mine.tasks)

    # Department operators call AcceptTask; town operators may not (the interceptor's role check).
    error = fails(grpc.StatusCode.PERMISSION_DENIED, tasks.AcceptTask,
                  pb.AcceptTaskRequest(id=first.id, etag=first.etag, request_id=request_id()), metadata=as_town(cast))
    assert details(error, api)[0].reason == "ROLE_NOT_ALLOWED"


def test_watch_goes_live_after_replay(tasks, api, cast):
    pb = api.task_pb2
    auditor = [("authorization", f"Bearer {cast.demo.token('AUDITOR')}")]
    latest = tasks.ListTasks(pb.ListTasksRequest(page_size=1), metadata=auditor, timeout=20)
    after = 0
    if latest.tasks:
        events = tasks.GetTaskHistory(pb.GetTaskHistoryRequest(id=latest.tasks[0].id), metadata=auditor, timeout=20).events
        after = max(e.seq for e in events)
    stream = tasks.WatchTasks(pb.WatchTasksRequest(filter=pb.TaskFilter(town_id=cast.town), after_seq=after),
                              metadata=auditor, timeout=90)
    received = queue.Queue()

    def read():
        try:
            for event in stream:
                received.put(event)
        except grpc.RpcError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    created = create(tasks, api, cast, title="XQZ-0001 live")
    event = received.get(timeout=60)
    while event.task_id != created.id:
        event = received.get(timeout=60)
    assert event.type == pb.TASK_EVENT_TYPE_CREATED and event.town_id == cast.town and event.seq > after
    stream.cancel()
    reader.join(timeout=10)


def test_routed_by_the_towns_published_lists(tasks, api, cast, demo):
    pb = api.task_pb2
    catalogue = api.catalogue_pb2_grpc.CatalogueServiceStub(demo.channel())
    published = catalogue.GetPublishedCatalogue(api.catalogue_pb2.GetPublishedCatalogueRequest(
        owner_id=cast.town, list=api.catalogue_pb2.LIST_KIND_TERRITORIAL_MATTER), timeout=20)
    item = next(i for i in published.items if i.lead_department_id)
    task = create(tasks, api, cast, title="按清单派单", catalogue_item_id=item.id)
    assert task.state == pb.TASK_STATE_DISPATCHED
    assert task.lead_department_id == item.lead_department_id
    assert list(task.cooperating_department_ids) == list(item.cooperating_department_ids)
    assert task.catalogue_version == published.version
    assert item.code in task.routing_explanation

    error = fails(grpc.StatusCode.INVALID_ARGUMENT, tasks.CreateTask,
                  pb.CreateTaskRequest(task=pb.Task(title="x", town_id=cast.town, source=pb.TASK_SOURCE_TOWN_CALL,
                                                    catalogue_item_id="CI99999999"), request_id=request_id()),
                  metadata=as_town(cast))
    assert [v.field for v in details(error, api)[1].field_violations] == ["task.catalogue_item_id"]
