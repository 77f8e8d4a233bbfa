"""jiceng.v1.CatalogueService over stock grpcio, against `jiceng serve --demo`: the list
lifecycle (create, retry, update with etag, publish, diff, retire), refusals with the right code
and field or reason, the public catalogue without a token, Chinese search, stable pages while
items are added, routing, import and export."""
import uuid

import grpc
import pytest

from conftest import bearer, details, refused

DISTRICT = "339902"        # 江城区
HOUSING = DISTRICT + "D01"
URBAN_MANAGEMENT = DISTRICT + "D02"
WATER = DISTRICT + "D07"


def request_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture(scope="module")
def catalogue(demo, api):
    channel = demo.channel()
    yield api.catalogue_pb2_grpc.CatalogueServiceStub(channel)
    channel.close()


@pytest.fixture(scope="module")
def places(demo, api):
    """The district's first town and first street, by kind."""
    channel = demo.channel()
    org = api.org_pb2_grpc.OrgServiceStub(channel)
    admin = bearer(demo.token("CITY_ADMIN"))
    kinds = {}
    for kind in ("ORG_KIND_TOWN", "ORG_KIND_STREET"):
        response = org.ListOrgUnits(api.org_pb2.ListOrgUnitsRequest(parent_id=DISTRICT, kind=api.org_pb2.OrgKind.Value(kind)),
                                    metadata=admin, timeout=20)
        kinds[kind] = sorted(u.id for u in response.org_units)[0]
    channel.close()
    return kinds["ORG_KIND_TOWN"], kinds["ORG_KIND_STREET"]


def territorial(api, owner, code, title="桥下涵洞积水处置", lead=HOUSING, cooperating=(URBAN_MANAGEMENT,)):
    c = api.catalogue_pb2
    return c.CatalogueItem(
        owner_id=owner, list=c.LIST_KIND_TERRITORIAL_MATTER, code=code, title=title, domain=c.DOMAIN_URBAN_MANAGEMENT,
        lead_department_id=lead, cooperating_department_ids=list(cooperating), grid_capable=True, keywords=["涵洞积水"],
        response_sla=c.ResponseSla(accept_within={"seconds": 4 * 3600}, resolve_within={"seconds": 2 * 27000}))


def fresh_code() -> str:
    return "SD-T" + uuid.uuid4().hex[:6].upper()


def test_the_published_catalogue_is_public(catalogue, places, api):
    town, _ = places
    published = catalogue.GetPublishedCatalogue(api.catalogue_pb2.GetPublishedCatalogueRequest(owner_id=town), timeout=20)
    assert published.version >= 1 and published.owner_name
    lists = {i.list for i in published.items}
    assert api.catalogue_pb2.LIST_KIND_GRID_SERVICE in lists and api.catalogue_pb2.LIST_KIND_TERRITORIAL_MATTER in lists
    only = catalogue.GetPublishedCatalogue(api.catalogue_pb2.GetPublishedCatalogueRequest(
        owner_id=DISTRICT, list=api.catalogue_pb2.LIST_KIND_DELEGATED_MATTER), timeout=20)
    assert only.items and all(i.delegation.town_ids for i in only.items)
    refused(grpc.StatusCode.UNAUTHENTICATED, catalogue.GetItem, api.catalogue_pb2.GetItemRequest(id=published.items[0].id))


def test_lifecycle_create_retry_update_publish_diff_retire(demo, catalogue, places, api):
    c = api.catalogue_pb2
    town, _ = places
    admin = bearer(demo.token("DISTRICT_ADMIN", DISTRICT))
    create = c.CreateItemRequest(item=territorial(api, town, fresh_code()), request_id=request_id())
    item = catalogue.CreateItem(create, metadata=admin, timeout=20)
    assert item.state == c.ITEM_STATE_DRAFT and item.id and item.etag
    assert catalogue.CreateItem(create, metadata=admin, timeout=20) == item, "a retry returns the first result"
    grid = catalogue.ListItems(c.ListItemsRequest(owner_id=town, list=c.LIST_KIND_GRID_SERVICE, query="涵洞积水"), metadata=admin, timeout=20)
    assert any(i.source_item_id == item.id for i in grid.items), "the grid item is derived in the same transaction"

    renamed = c.CatalogueItem(id=item.id, etag=item.etag, title="桥下涵洞、下穿通道积水处置")
    update = c.UpdateItemRequest(item=renamed, update_mask={"paths": ["title"]}, request_id=request_id())
    updated = catalogue.UpdateItem(update, metadata=admin, timeout=20)
    assert updated.title == renamed.title and updated.etag != item.etag
    update.request_id = request_id()
    refused(grpc.StatusCode.ABORTED, catalogue.UpdateItem, update, metadata=admin)

    before = catalogue.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=town), timeout=20).version
    version = catalogue.PublishCatalogue(c.PublishCatalogueRequest(owner_id=town, request_id=request_id(), note="测试发布"),
                                         metadata=admin, timeout=20)
    assert version.version == before + 1 and version.published_by == DISTRICT
    diff = catalogue.DiffCatalogueVersions(c.DiffCatalogueVersionsRequest(owner_id=town, from_version=before), metadata=admin, timeout=20)
    assert diff.to_version == version.version
    assert {i.id for i in diff.added} >= {item.id}

    current = catalogue.GetItem(c.GetItemRequest(id=item.id), metadata=admin, timeout=20)
    assert current.state == c.ITEM_STATE_PUBLISHED
    retired = catalogue.RetireItem(c.RetireItemRequest(id=item.id, etag=current.etag, request_id=request_id()), metadata=admin, timeout=20)
    assert retired.state == c.ITEM_STATE_RETIRED
    catalogue.PublishCatalogue(c.PublishCatalogueRequest(owner_id=town, request_id=request_id()), metadata=admin, timeout=20)
    diff = catalogue.DiffCatalogueVersions(c.DiffCatalogueVersionsRequest(owner_id=town, from_version=version.version), metadata=admin, timeout=20)
    assert item.id in {i.id for i in diff.removed}
    old = catalogue.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=town, version=version.version), timeout=20)
    kept = next(i for i in old.items if i.id == item.id)
    assert kept.title == renamed.title, "a retired item stays in the versions that had it"


def test_refusals_carry_the_code_and_the_field_or_reason(demo, catalogue, places, api):
    c = api.catalogue_pb2
    town, street = places
    admin = bearer(demo.token("DISTRICT_ADMIN", DISTRICT))

    duty = c.CatalogueItem(owner_id=street, list=c.LIST_KIND_DUTY_TASK, code="ZR-T901", title="做好辖区招商引资工作",
                           domain=c.DOMAIN_ECONOMIC_DEVELOPMENT)
    error = refused(grpc.StatusCode.FAILED_PRECONDITION, catalogue.CreateItem,
                    c.CreateItemRequest(item=duty, request_id=request_id()), metadata=admin)
    assert details(error, api)[0].reason == "STREET_DUTY_NOT_ALLOWED"

    missing_lead = territorial(api, town, fresh_code(), lead="")
    error = refused(grpc.StatusCode.INVALID_ARGUMENT, catalogue.CreateItem,
                    c.CreateItemRequest(item=missing_lead, request_id=request_id()), metadata=admin)
    assert [v.field for v in details(error, api)[1].field_violations] == ["item.lead_department_id"]

    same = territorial(api, town, fresh_code(), cooperating=(WATER, HOUSING))
    error = refused(grpc.StatusCode.INVALID_ARGUMENT, catalogue.CreateItem,
                    c.CreateItemRequest(item=same, request_id=request_id()), metadata=admin)
    assert details(error, api)[1].field_violations[0].field == "item.cooperating_department_ids[1]"

    code = fresh_code()
    catalogue.CreateItem(c.CreateItemRequest(item=territorial(api, town, code), request_id=request_id()), metadata=admin, timeout=20)
    refused(grpc.StatusCode.ALREADY_EXISTS, catalogue.CreateItem,
            c.CreateItemRequest(item=territorial(api, town, code, title="另一个"), request_id=request_id()), metadata=admin)

    grid = territorial(api, town, "WG-T999")
    grid.list = c.LIST_KIND_GRID_SERVICE
    error = refused(grpc.StatusCode.FAILED_PRECONDITION, catalogue.CreateItem,
                    c.CreateItemRequest(item=grid, request_id=request_id()), metadata=admin)
    assert details(error, api)[0].reason == "GRID_SERVICE_DERIVED"

    no_title = territorial(api, town, fresh_code(), title="")
    error = refused(grpc.StatusCode.INVALID_ARGUMENT, catalogue.CreateItem,
                    c.CreateItemRequest(item=no_title, request_id=request_id()), metadata=admin)
    assert "item.title" in [v.field for v in details(error, api)[1].field_violations]

    operator = bearer(demo.token("TOWN_OPERATOR", town))
    draft = catalogue.CreateItem(c.CreateItemRequest(item=territorial(api, town, fresh_code()), request_id=request_id()),
                                 metadata=operator, timeout=20)
    assert draft.state == c.ITEM_STATE_DRAFT
    error = refused(grpc.StatusCode.PERMISSION_DENIED, catalogue.PublishCatalogue,
                    c.PublishCatalogueRequest(owner_id=town, request_id=request_id()), metadata=operator)
    other_district = next(o for r, o, _ in demo.tokens if r == "DISTRICT_ADMIN" and o != DISTRICT)
    refused(grpc.StatusCode.PERMISSION_DENIED, catalogue.CreateItem,
            c.CreateItemRequest(item=territorial(api, town, fresh_code()), request_id=request_id()),
            metadata=bearer(demo.token("DISTRICT_ADMIN", other_district)))
    refused(grpc.StatusCode.UNAUTHENTICATED, catalogue.CreateItem,
            c.CreateItemRequest(item=territorial(api, town, fresh_code()), request_id=request_id()))


@pytest.mark.parametrize("query", ["路灯", "噪音", "占道", "灯"])
def test_short_chinese_queries_find_what_a_person_expects(demo, catalogue, places, api, query):
    town, _ = places
    response = catalogue.ListItems(api.catalogue_pb2.ListItemsRequest(owner_id=town, query=query),
                                   metadata=bearer(demo.token("AUDITOR")), timeout=20)
    assert response.items and len(response.matches) == len(response.items)
    assert all(f"【{query}" in m.fragment for m in response.matches)
    scores = [m.score for m in response.matches]
    assert scores == sorted(scores, reverse=True)
    assert query in response.items[0].title or any(query in k for k in response.items[0].keywords)


def test_pages_stay_stable_while_items_are_added(demo, catalogue, places, api):
    c = api.catalogue_pb2
    town, _ = places
    admin = bearer(demo.token("DISTRICT_ADMIN", DISTRICT))
    request = c.ListItemsRequest(owner_id=town, page_size=40)
    seen = []
    while True:
        page = catalogue.ListItems(request, metadata=admin, timeout=20)
        seen += [i.id for i in page.items]
        catalogue.CreateItem(c.CreateItemRequest(item=territorial(api, town, fresh_code()), request_id=request_id()),
                             metadata=admin, timeout=20)
        if not page.next_page_token:
            break
        request.page_token = page.next_page_token
    assert len(seen) == len(set(seen)), "no item is repeated"
    assert seen == sorted(seen), "creation order"
    request.page_token = page.next_page_token or "bm90IGEgdG9rZW4="
    refused(grpc.StatusCode.INVALID_ARGUMENT, catalogue.ListItems, request, metadata=admin)


def test_routing_by_text_and_by_item(demo, catalogue, places, api):
    c = api.catalogue_pb2
    town, _ = places
    reader = bearer(demo.token("AUDITOR"))
    resolved = catalogue.ResolveResponsibility(
        c.ResolveResponsibilityRequest(town_id=town, text="小区门口的路灯不亮好几天了，晚上很黑"), metadata=reader, timeout=20)
    assert resolved.resolution.lead_department_id == URBAN_MANAGEMENT
    assert "属地管理事项清单第" in resolved.resolution.explanation and "主责部门" in resolved.resolution.explanation
    assert 0 < resolved.resolution.score < 1
    by_item = catalogue.ResolveResponsibility(
        c.ResolveResponsibilityRequest(town_id=town, item_id=resolved.resolution.item.id), metadata=reader, timeout=20)
    assert by_item.resolution.score == 1 and by_item.resolution.catalogue_version == resolved.resolution.catalogue_version
    error = refused(grpc.StatusCode.INVALID_ARGUMENT, catalogue.ResolveResponsibility,
                    c.ResolveResponsibilityRequest(town_id=town), metadata=reader)
    assert details(error, api)[1].field_violations[0].field == "text"


def test_import_is_all_or_nothing_and_export_streams(demo, catalogue, places, api):
    c = api.catalogue_pb2
    town, _ = places
    admin = bearer(demo.token("DISTRICT_ADMIN", DISTRICT))
    codes = [fresh_code() for _ in range(3)]

    def rows(bad: bool, rid: str):
        for n, code in enumerate(codes):
            item = territorial(api, town, code, title=f"导入事项{n}")
            if bad and n == 2:
                item.lead_department_id = "nonexistent"
            yield c.ImportItemsRequest(item=item, request_id=rid if n == 0 else "")

    refusal = catalogue.ImportItems(rows(True, request_id()), metadata=admin, timeout=20)
    assert refusal.created == 0 and [(e.row, e.field) for e in refusal.errors] == [(3, "item.lead_department_id")]
    rid = request_id()
    imported = catalogue.ImportItems(rows(False, rid), metadata=admin, timeout=20)
    assert imported.created == 3 and len(imported.item_ids) == 3
    assert catalogue.ImportItems(rows(False, rid), metadata=admin, timeout=20) == imported, "a retried import changes nothing"

    exported = list(catalogue.ExportItems(c.ExportItemsRequest(owner_id=town, list=c.LIST_KIND_TERRITORIAL_MATTER),
                                          metadata=admin, timeout=20))
    assert set(imported.item_ids) <= {i.id for i in exported}
    assert all(i.list == c.LIST_KIND_TERRITORIAL_MATTER for i in exported)
