"""jiceng.v1.OrgService and AuditService over stock grpcio, against `jiceng serve --demo`:
the role × method matrix, tokens (none, forged, revoked, expired), idempotent retries, etags,
field errors, and durability of acknowledged creates across kill -9."""
import shutil
import signal
import subprocess
import threading
import time
import uuid

import grpc
import pytest

from conftest import BINARY, bearer, details, fails, start_demo_server, start_server, stop_server

CITY = "339900"
DISTRICT = "339902"        # 江城区
OTHER_DISTRICT = "339903"  # 滨湖区

ROLES = ["CITY_ADMIN", "DISTRICT_ADMIN", "TOWN_OPERATOR", "DEPARTMENT_OPERATOR", "GRID_WORKER", "AUDITOR"]


def fresh_id(prefix="T") -> str:
    return prefix + uuid.uuid4().hex[:12].upper()


@pytest.fixture(scope="module")
def stubs(demo, api):
    channel = demo.channel()
    yield api.org_pb2_grpc.OrgServiceStub(channel), api.audit_pb2_grpc.AuditServiceStub(channel)
    channel.close()


def first_town(demo, district=DISTRICT):
    return next(o for r, o, _ in demo.tokens if r == "TOWN_OPERATOR" and o.startswith(district))


def token_in(demo, role, district=DISTRICT):
    """A demo token of `role` bound inside `district` (city-level roles: the city's)."""
    for r, o, t in demo.tokens:
        if r == role and (role in ("CITY_ADMIN", "AUDITOR") or o.startswith(district)):
            return t
    raise KeyError(role)


def community(api, parent, unit_id=None, name="测试社区"):
    return api.org_pb2.OrgUnit(id=unit_id or fresh_id("C"), name=name, kind=api.org_pb2.ORG_KIND_COMMUNITY,
                               parent_id=parent)


# --- reading: everyone with a token reads the tree ------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_tree(demo, api, stubs, role):
    org, _ = stubs
    token = token_in(demo, role, OTHER_DISTRICT)
    unit = org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=DISTRICT), metadata=bearer(token), timeout=20)
    assert unit.kind == api.org_pb2.ORG_KIND_DISTRICT and unit.active and unit.etag
    listed = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(parent_id=CITY), metadata=bearer(token), timeout=20)
    assert [u.id for u in listed.org_units] == ["339902", "339903", "339981"]
    assert listed.total_size == 3 and listed.next_page_token == ""


def test_list_pages_in_stable_id_order(demo, api, stubs):
    org, _ = stubs
    token = demo.token("GRID_WORKER")
    request = api.org_pb2.ListOrgUnitsRequest(kind=api.org_pb2.ORG_KIND_GRID, page_size=7)
    seen, total = [], None
    while True:
        page = org.ListOrgUnits(request, metadata=bearer(token), timeout=20)
        assert len(page.org_units) <= 7
        total = page.total_size
        seen += [u.id for u in page.org_units]
        if not page.next_page_token:
            break
        request.page_token = page.next_page_token
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == total
    everything = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(kind=api.org_pb2.ORG_KIND_GRID, page_size=5000),
                                  metadata=bearer(token), timeout=20)
    assert [u.id for u in everything.org_units] == seen  # 5000 is served as at most 1000


def test_list_rejects_foreign_or_forged_page_tokens(demo, api, stubs):
    org, _ = stubs
    token = demo.token("AUDITOR")
    page = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(kind=api.org_pb2.ORG_KIND_GRID, page_size=2),
                            metadata=bearer(token), timeout=20)
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.ListOrgUnits,
                  api.org_pb2.ListOrgUnitsRequest(kind=api.org_pb2.ORG_KIND_VILLAGE, page_token=page.next_page_token),
                  metadata=bearer(token))
    assert details(error, api)[1].field_violations[0].field == "page_token"
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.ListOrgUnits,
                  api.org_pb2.ListOrgUnitsRequest(page_token="!!not-a-token"), metadata=bearer(token))
    assert details(error, api)[1].field_violations[0].field == "page_token"
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.ListOrgUnits,
                  api.org_pb2.ListOrgUnitsRequest(page_size=-1), metadata=bearer(token))
    assert details(error, api)[1].field_violations[0].field == "page_size"


def test_get_unknown_is_not_found(demo, api, stubs):
    org, _ = stubs
    fails(grpc.StatusCode.NOT_FOUND, org.GetOrgUnit, api.org_pb2.GetOrgUnitRequest(id="NOPE"),
          metadata=bearer(demo.token("CITY_ADMIN")))


# --- tokens ---------------------------------------------------------------------------------------

def admin(*arguments, data):
    return subprocess.run([BINARY, "admin", *arguments, "--data", data], capture_output=True, text=True, timeout=60)


def test_missing_forged_revoked_and_expired_tokens_are_unauthenticated(demo, api, stubs):
    org, audit = stubs
    request = api.org_pb2.GetOrgUnitRequest(id=CITY)
    fails(grpc.StatusCode.UNAUTHENTICATED, org.GetOrgUnit, request)
    real = demo.token("CITY_ADMIN")
    prefix, token_id, secret = real.split(".")
    forged = f"{prefix}.{token_id}.{'A' * len(secret)}"
    for bad in [forged, "jc1.nonsense", real[:-1], f"{prefix}.{'B' * len(token_id)}.{secret}"]:
        fails(grpc.StatusCode.UNAUTHENTICATED, org.GetOrgUnit, request, metadata=bearer(bad))
    fails(grpc.StatusCode.UNAUTHENTICATED, audit.ListAuditEvents, api.audit_pb2.ListAuditEventsRequest(),
          metadata=[("authorization", real)])  # no "Bearer "

    issued = admin("token", "issue", "--org", DISTRICT, "--role", "DISTRICT_ADMIN", "--label", "待吊销", data=demo.data)
    assert issued.returncode == 0, issued.stderr
    revocable = issued.stdout.strip()
    assert org.GetOrgUnit(request, metadata=bearer(revocable), timeout=20).id == CITY
    revoked = admin("token", "revoke", revocable.split(".")[1], data=demo.data)
    assert revoked.returncode == 0, revoked.stderr
    fails(grpc.StatusCode.UNAUTHENTICATED, org.GetOrgUnit, request, metadata=bearer(revocable))

    expiring = admin("token", "issue", "--org", DISTRICT, "--role", "DISTRICT_ADMIN", "--expires", "1s", data=demo.data)
    assert expiring.returncode == 0, expiring.stderr
    time.sleep(1.5)
    fails(grpc.StatusCode.UNAUTHENTICATED, org.GetOrgUnit, request, metadata=bearer(expiring.stdout.strip()))

    listing = admin("token", "list", data=demo.data)
    assert listing.returncode == 0 and revocable.split(".")[1] in listing.stdout and "已吊销" in listing.stdout


def test_admin_refuses_roles_on_the_wrong_kind_of_org(demo):
    refused = admin("token", "issue", "--org", DISTRICT, "--role", "TOWN_OPERATOR", data=demo.data)
    assert refused.returncode != 0 and "TOWN_OPERATOR" in refused.stderr and refused.stdout == ""
    unknown = admin("token", "issue", "--org", CITY, "--role", "MAYOR", data=demo.data)
    assert unknown.returncode == 64


# --- writing: the role × scope matrix -------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_create_matrix(demo, api, stubs, role):
    org, _ = stubs
    token = token_in(demo, role)
    inside = community(api, first_town(demo, DISTRICT))
    outside = community(api, first_town(demo, OTHER_DISTRICT))
    create = api.org_pb2.CreateOrgUnitRequest
    if role == "CITY_ADMIN":
        for unit in (inside, outside):
            made = org.CreateOrgUnit(create(org_unit=unit, request_id=str(uuid.uuid4())), metadata=bearer(token), timeout=20)
            assert made.id == unit.id and made.active and made.district_id == unit.parent_id[:6] and made.etag
    elif role == "DISTRICT_ADMIN":
        made = org.CreateOrgUnit(create(org_unit=inside, request_id=str(uuid.uuid4())), metadata=bearer(token), timeout=20)
        assert made.district_id == DISTRICT
        error = fails(grpc.StatusCode.PERMISSION_DENIED, org.CreateOrgUnit,
                      create(org_unit=outside, request_id=str(uuid.uuid4())), metadata=bearer(token))
        assert details(error, api)[0].reason == "ORG_OUT_OF_SCOPE"
        district = api.org_pb2.OrgUnit(id=fresh_id("D"), name="新区", kind=api.org_pb2.ORG_KIND_DISTRICT, parent_id=CITY)
        fails(grpc.StatusCode.PERMISSION_DENIED, org.CreateOrgUnit,
              create(org_unit=district, request_id=str(uuid.uuid4())), metadata=bearer(token))
    else:
        error = fails(grpc.StatusCode.PERMISSION_DENIED, org.CreateOrgUnit,
                      create(org_unit=inside, request_id=str(uuid.uuid4())), metadata=bearer(token))
        info, _ = details(error, api)
        assert info.reason == "ROLE_NOT_ALLOWED" and info.domain == "jiceng.gov"
        fails(grpc.StatusCode.NOT_FOUND, org.GetOrgUnit, api.org_pb2.GetOrgUnitRequest(id=inside.id),
              metadata=bearer(token))


@pytest.mark.parametrize("role", ROLES)
def test_update_matrix(demo, api, stubs, role):
    org, _ = stubs
    city = demo.token("CITY_ADMIN")
    units = {}
    for district in (DISTRICT, OTHER_DISTRICT):
        unit = community(api, first_town(demo, district))
        units[district] = org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=unit, request_id=str(uuid.uuid4())),
                                            metadata=bearer(city), timeout=20)
    token = token_in(demo, role)

    def rename(unit, name):
        changed = api.org_pb2.OrgUnit(id=unit.id, name=name, etag=unit.etag)
        return api.org_pb2.UpdateOrgUnitRequest(org_unit=changed, update_mask={"paths": ["name"]},
                                                request_id=str(uuid.uuid4()))

    if role in ("CITY_ADMIN", "DISTRICT_ADMIN"):
        renamed = org.UpdateOrgUnit(rename(units[DISTRICT], "改名社区"), metadata=bearer(token), timeout=20)
        assert renamed.name == "改名社区" and renamed.etag != units[DISTRICT].etag
        if role == "CITY_ADMIN":
            assert org.UpdateOrgUnit(rename(units[OTHER_DISTRICT], "别区"), metadata=bearer(token), timeout=20).name == "别区"
        else:
            error = fails(grpc.StatusCode.PERMISSION_DENIED, org.UpdateOrgUnit, rename(units[OTHER_DISTRICT], "越权"),
                          metadata=bearer(token))
            assert details(error, api)[0].reason == "ORG_OUT_OF_SCOPE"
            own = org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=DISTRICT), metadata=bearer(token), timeout=20)
            fails(grpc.StatusCode.PERMISSION_DENIED, org.UpdateOrgUnit, rename(own, "自改"), metadata=bearer(token))
    else:
        error = fails(grpc.StatusCode.PERMISSION_DENIED, org.UpdateOrgUnit, rename(units[DISTRICT], "无权"),
                      metadata=bearer(token))
        assert details(error, api)[0].reason == "ROLE_NOT_ALLOWED"


@pytest.mark.parametrize("role", ROLES)
def test_audit_matrix(demo, api, stubs, role):
    _, audit = stubs
    token = token_in(demo, role)
    request = api.audit_pb2.ListAuditEventsRequest(page_size=3)
    if role in ("CITY_ADMIN", "AUDITOR"):
        audit.ListAuditEvents(request, metadata=bearer(token), timeout=20)
    else:
        error = fails(grpc.StatusCode.PERMISSION_DENIED, audit.ListAuditEvents, request, metadata=bearer(token))
        assert details(error, api)[0].reason == "ROLE_NOT_ALLOWED"


# --- idempotency, etags, field errors, rules ---------------------------------------------------------

def test_retries_are_idempotent_and_audited_once(demo, api, stubs):
    org, audit = stubs
    token = demo.token("DISTRICT_ADMIN", DISTRICT)
    request = api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo)), request_id=str(uuid.uuid4()))
    first = org.CreateOrgUnit(request, metadata=bearer(token), timeout=20)
    again = org.CreateOrgUnit(request, metadata=bearer(token), timeout=20)
    assert again == first
    resource = f"orgUnits/{first.id}"
    events = audit.ListAuditEvents(api.audit_pb2.ListAuditEventsRequest(resource=resource),
                                   metadata=bearer(demo.token("AUDITOR")), timeout=20)
    assert [(e.result, e.request_id) for e in events.events] == [("OK", request.request_id)]
    event = events.events[0]
    assert event.actor_org_id == DISTRICT and event.actor_role == api.options_pb2.ROLE_DISTRICT_ADMIN
    assert event.method == "/jiceng.v1.OrgService/CreateOrgUnit" and event.token_id == token.split(".")[1]

    different = api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo)), request_id=request.request_id)
    fails(grpc.StatusCode.ALREADY_EXISTS, org.CreateOrgUnit, different, metadata=bearer(token))
    fails(grpc.StatusCode.NOT_FOUND, org.GetOrgUnit, api.org_pb2.GetOrgUnitRequest(id=different.org_unit.id),
          metadata=bearer(token))
    duplicate = api.org_pb2.CreateOrgUnitRequest(org_unit=request.org_unit, request_id=str(uuid.uuid4()))
    fails(grpc.StatusCode.ALREADY_EXISTS, org.CreateOrgUnit, duplicate, metadata=bearer(token))


def test_stale_etag_is_aborted(demo, api, stubs):
    org, _ = stubs
    token = demo.token("CITY_ADMIN")
    unit = org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo)),
                                                              request_id=str(uuid.uuid4())), metadata=bearer(token), timeout=20)
    mask = {"paths": ["name"]}
    first = api.org_pb2.UpdateOrgUnitRequest(org_unit=api.org_pb2.OrgUnit(id=unit.id, name="甲", etag=unit.etag),
                                             update_mask=mask, request_id=str(uuid.uuid4()))
    assert org.UpdateOrgUnit(first, metadata=bearer(token), timeout=20).name == "甲"
    stale = api.org_pb2.UpdateOrgUnitRequest(org_unit=api.org_pb2.OrgUnit(id=unit.id, name="乙", etag=unit.etag),
                                             update_mask=mask, request_id=str(uuid.uuid4()))
    error = fails(grpc.StatusCode.ABORTED, org.UpdateOrgUnit, stale, metadata=bearer(token))
    assert details(error, api)[0].reason == "ETAG_MISMATCH"
    assert org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=unit.id), metadata=bearer(token), timeout=20).name == "甲"


@pytest.mark.parametrize("mutate, field", [
    (lambda u: setattr(u, "id", ""), "org_unit.id"),
    (lambda u: setattr(u, "id", "X" * 65), "org_unit.id"),
    (lambda u: setattr(u, "id", "含中文"), "org_unit.id"),
    (lambda u: setattr(u, "id", "a/b"), "org_unit.id"),
    (lambda u: setattr(u, "name", ""), "org_unit.name"),
    (lambda u: setattr(u, "name", "   "), "org_unit.name"),
    (lambda u: setattr(u, "name", "名" * 101), "org_unit.name"),
    (lambda u: setattr(u, "kind", 0), "org_unit.kind"),
    (lambda u: setattr(u, "kind", 99), "org_unit.kind"),
    (lambda u: setattr(u, "parent_id", ""), "org_unit.parent_id"),
    (lambda u: setattr(u, "parent_id", "NOWHERE"), "org_unit.parent_id"),
    (lambda u: setattr(u, "parent_id", DISTRICT), "org_unit.parent_id"),  # a community under a district
    (lambda u: setattr(u, "stationed_town_id", "339902001"), "org_unit.stationed_town_id"),
])
def test_bad_input_names_the_field(demo, api, stubs, mutate, field):
    org, _ = stubs
    unit = community(api, first_town(demo))
    mutate(unit)
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.CreateOrgUnit,
                  api.org_pb2.CreateOrgUnitRequest(org_unit=unit, request_id=str(uuid.uuid4())),
                  metadata=bearer(demo.token("CITY_ADMIN")))
    _, bad = details(error, api)
    assert field in [v.field for v in bad.field_violations], error.details()


def test_missing_request_id_is_invalid(demo, api, stubs):
    org, _ = stubs
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.CreateOrgUnit,
                  api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo))),
                  metadata=bearer(demo.token("CITY_ADMIN")))
    assert "request_id" in [v.field for v in details(error, api)[1].field_violations]


@pytest.mark.parametrize("paths", [["parent_id"], ["kind"], ["id"], ["district_id"], ["etag"], ["colour"], []])
def test_update_mask_refuses_immutable_and_unknown_fields(demo, api, stubs, paths):
    org, _ = stubs
    token = demo.token("CITY_ADMIN")
    unit = org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=first_town(demo)), metadata=bearer(token), timeout=20)
    request = api.org_pb2.UpdateOrgUnitRequest(org_unit=unit, update_mask={"paths": paths}, request_id=str(uuid.uuid4()))
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.UpdateOrgUnit, request, metadata=bearer(token))
    assert details(error, api)[1].field_violations[0].field == "update_mask"


def test_dispatched_agency_is_stationed_in_its_own_district(demo, api, stubs):
    org, _ = stubs
    token = demo.token("DISTRICT_ADMIN", DISTRICT)
    department = DISTRICT + "D02"
    agency = api.org_pb2.OrgUnit(id=fresh_id("A"), name="城管中队", kind=api.org_pb2.ORG_KIND_DISPATCHED_AGENCY,
                                 parent_id=department, stationed_town_id=first_town(demo, OTHER_DISTRICT))
    create = lambda: api.org_pb2.CreateOrgUnitRequest(org_unit=agency, request_id=str(uuid.uuid4()))
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, org.CreateOrgUnit, create(), metadata=bearer(token))
    assert details(error, api)[1].field_violations[0].field == "org_unit.stationed_town_id"
    agency.stationed_town_id = ""
    fails(grpc.StatusCode.INVALID_ARGUMENT, org.CreateOrgUnit, create(), metadata=bearer(token))
    agency.stationed_town_id = first_town(demo, DISTRICT)
    made = org.CreateOrgUnit(create(), metadata=bearer(token), timeout=20)
    assert made.stationed_town_id == first_town(demo, DISTRICT) and made.district_id == DISTRICT


def test_deactivation_instead_of_deletion(demo, api, stubs):
    org, _ = stubs
    token = demo.token("CITY_ADMIN")
    parent = org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo)),
                                                                request_id=str(uuid.uuid4())), metadata=bearer(token), timeout=20)
    grid = api.org_pb2.OrgUnit(id=parent.id + "G01", name="网格", kind=api.org_pb2.ORG_KIND_GRID, parent_id=parent.id)
    grid = org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=grid, request_id=str(uuid.uuid4())),
                             metadata=bearer(token), timeout=20)

    def set_active(unit, active):
        return api.org_pb2.UpdateOrgUnitRequest(org_unit=api.org_pb2.OrgUnit(id=unit.id, active=active, etag=unit.etag),
                                                update_mask={"paths": ["active"]}, request_id=str(uuid.uuid4()))

    error = fails(grpc.StatusCode.FAILED_PRECONDITION, org.UpdateOrgUnit, set_active(parent, False), metadata=bearer(token))
    assert details(error, api)[0].reason == "ORG_HAS_ACTIVE_CHILDREN"
    grid = org.UpdateOrgUnit(set_active(grid, False), metadata=bearer(token), timeout=20)
    parent = org.UpdateOrgUnit(set_active(parent, False), metadata=bearer(token), timeout=20)
    assert not parent.active
    children = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(parent_id=parent.id), metadata=bearer(token), timeout=20)
    assert children.total_size == 0
    children = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(parent_id=parent.id, include_inactive=True),
                                metadata=bearer(token), timeout=20)
    assert [u.id for u in children.org_units] == [grid.id]
    error = fails(grpc.StatusCode.FAILED_PRECONDITION, org.UpdateOrgUnit, set_active(grid, True), metadata=bearer(token))
    assert details(error, api)[0].reason == "ORG_PARENT_INACTIVE"
    late = api.org_pb2.OrgUnit(id=parent.id + "G02", name="网格", kind=api.org_pb2.ORG_KIND_GRID, parent_id=parent.id)
    fails(grpc.StatusCode.FAILED_PRECONDITION, org.CreateOrgUnit,
          api.org_pb2.CreateOrgUnitRequest(org_unit=late, request_id=str(uuid.uuid4())), metadata=bearer(token))


def test_new_units_take_part_in_scope_at_once(demo, api, stubs):
    """A town created through the API can receive a token and its operator is scoped to it."""
    org, _ = stubs
    town = api.org_pb2.OrgUnit(id=DISTRICT + "9" + uuid.uuid4().hex[:5].upper(), name="新设镇",
                               kind=api.org_pb2.ORG_KIND_TOWN, parent_id=DISTRICT)
    org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=town, request_id=str(uuid.uuid4())),
                      metadata=bearer(demo.token("DISTRICT_ADMIN", DISTRICT)), timeout=20)
    issued = admin("token", "issue", "--org", town.id, "--role", "TOWN_OPERATOR", data=demo.data)
    assert issued.returncode == 0, issued.stderr
    got = org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=town.id), metadata=bearer(issued.stdout.strip()), timeout=20)
    assert got.district_id == DISTRICT


def test_audit_filters_and_paging(demo, api, stubs):
    org, audit = stubs
    token = demo.token("CITY_ADMIN")
    for _ in range(3):
        org.CreateOrgUnit(api.org_pb2.CreateOrgUnitRequest(org_unit=community(api, first_town(demo)),
                                                           request_id=str(uuid.uuid4())), metadata=bearer(token), timeout=20)
    request = api.audit_pb2.ListAuditEventsRequest(actor_org_id=CITY, method="jiceng.v1.OrgService/CreateOrgUnit",
                                                   resource="orgUnits/", page_size=2)
    seqs, total = [], None
    while True:
        page = audit.ListAuditEvents(request, metadata=bearer(demo.token("AUDITOR")), timeout=20)
        total = page.total_size
        for event in page.events:
            assert event.actor_org_id == CITY and event.method.endswith("/CreateOrgUnit")
            seqs.append(event.seq)
        if not page.next_page_token:
            break
        request.page_token = page.next_page_token
    assert seqs == sorted(seqs) and len(seqs) == total >= 3
    future = api.audit_pb2.ListAuditEventsRequest()
    future.time_from.seconds = int(time.time()) + 3600
    assert audit.ListAuditEvents(future, metadata=bearer(token), timeout=20).total_size == 0


def test_every_service_is_served_and_validates(demo, api):
    # The last stand-in (AppraisalService) is real now: an empty request is checked, not refused
    # as unimplemented.
    with demo.channel() as channel:
        call = channel.unary_unary("/jiceng.v1.AppraisalService/GetPeriod")
        error = fails(grpc.StatusCode.INVALID_ARGUMENT, call, b"", metadata=bearer(demo.token("CITY_ADMIN")))
        assert [v.field for v in details(error, api)[1].field_violations] == ["id"]


# --- durability -----------------------------------------------------------------------------------------

def test_acknowledged_creates_survive_kill_9(api):
    server = start_demo_server()
    try:
        tokens = [t for r, _, t in server.tokens if r == "CITY_ADMIN"]
        towns = [o for r, o, _ in server.tokens if r == "TOWN_OPERATOR"]
        acknowledged, stop = [], threading.Event()
        lock = threading.Lock()

        def client(index):
            with server.channel() as channel:
                org = api.org_pb2_grpc.OrgServiceStub(channel)
                n = 0
                while not stop.is_set():
                    n += 1
                    unit = community(api, towns[index % len(towns)], unit_id=f"K{index}X{n:06d}")
                    request = api.org_pb2.CreateOrgUnitRequest(org_unit=unit, request_id=f"kill-{index}-{n}")
                    try:
                        response = org.CreateOrgUnit(request, metadata=bearer(tokens[0]), timeout=20)
                    except grpc.RpcError:
                        return
                    with lock:
                        acknowledged.append((request, response))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(6)]
        for thread in threads:
            thread.start()
        deadline = time.time() + 60
        while len(acknowledged) < 150 and time.time() < deadline:
            time.sleep(0.05)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait()
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        assert len(acknowledged) >= 150

        restarted = start_server(data=server.data, demo=True)
        try:
            with restarted.channel() as channel:
                org = api.org_pb2_grpc.OrgServiceStub(channel)
                for request, response in acknowledged:
                    stored = org.GetOrgUnit(api.org_pb2.GetOrgUnitRequest(id=response.id), metadata=bearer(tokens[0]), timeout=20)
                    assert stored == response
                    assert org.CreateOrgUnit(request, metadata=bearer(tokens[0]), timeout=20) == response
        finally:
            stop_server(restarted)
    finally:
        stop_server(server)
        shutil.rmtree(server.data, ignore_errors=True)
