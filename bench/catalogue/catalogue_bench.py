"""Catalogue latency with 100,000 items, measured through gRPC (stock grpcio client, one call at
a time) against `jiceng serve --demo` built in release mode:

    swift build -c release --product jiceng
    .venv/bin/python bench/catalogue/catalogue_bench.py [--items 100000] [--calls 1000]

Loads the items with ImportItems (variants of the demo towns' own territorial matters and duty
tasks, spread over every town, so the texts are realistic Chinese), publishes every town, then
times GetItem, ResolveResponsibility (free text) and ListItems search (one- and two-character
queries, per town and city-wide), and prints p50/p99 in milliseconds."""
import argparse
import importlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Interop"))

import conftest  # noqa: E402  (server start-up and stub generation shared with the interop tests)

ROADS = ["人民路", "解放路", "建设路", "中山路", "滨江路", "幸福里", "和平街", "新华路", "文化路", "光明路"]
QUERIES = ["路灯", "噪音", "占道", "积水", "井盖", "垃圾", "油烟", "违建", "灯", "物业", "停车", "消防"]
TEXTS = ["小区门口的路灯不亮好几天了", "楼下广场舞噪音扰民到很晚", "菜场门口有人占道经营", "下雨后路口积水严重",
         "人行道井盖缺失很危险", "河边垃圾成堆没人清", "饭店油烟直排扰民", "楼顶有人违章搭建", "共享单车乱停放堵路"]


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(call, requests, metadata):
    samples = []
    for request in requests:
        start = time.perf_counter()
        call(request, metadata=metadata, timeout=30)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def catalogue_stubs():
    """The catalogue and org modules, generated from proto/ into a temporary directory."""
    out = tempfile.mkdtemp(prefix="catalogue-bench-stubs-")
    proto = os.path.join(ROOT, "proto")
    sources = ["jiceng/v1/options.proto", "jiceng/v1/catalogue.proto"]
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", "-I" + proto, f"--python_out={out}",
                    f"--grpc_python_out={out}", *sources], check=True)
    sys.path.insert(0, out)
    return types.SimpleNamespace(catalogue_pb2=importlib.import_module("jiceng.v1.catalogue_pb2"),
                                 catalogue_pb2_grpc=importlib.import_module("jiceng.v1.catalogue_pb2_grpc"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()

    os.environ.setdefault("JICENG_BIN", os.path.join(ROOT, ".build", "release", "jiceng"))
    api = catalogue_stubs()
    server = conftest.start_demo_server()
    try:
        run(api, server, args)
    finally:
        conftest.stop_server(server)


def run(api, server, args):
    c = api.catalogue_pb2
    stub = api.catalogue_pb2_grpc.CatalogueServiceStub(server.channel())
    towns = sorted({o for r, o, _ in server.tokens if r == "TOWN_OPERATOR"})
    admin = conftest.bearer(server.token("CITY_ADMIN"))
    reader = conftest.bearer(server.token("AUDITOR"))

    templates = {}
    for town in towns:
        published = stub.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=town), timeout=30)
        templates[town] = [i for i in published.items if i.list in (c.LIST_KIND_TERRITORIAL_MATTER, c.LIST_KIND_DUTY_TASK)]
    present = sum(len(stub.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=t), timeout=30).items) for t in towns)
    per_town = max(0, (args.items - present) // len(towns))
    started = time.perf_counter()
    ids = []
    for town in towns:
        def rows():
            for n in range(per_town):
                source = templates[town][n % len(templates[town])]
                item = c.CatalogueItem()
                item.CopyFrom(source)
                for field in ("id", "etag", "state", "create_time", "update_time", "source_item_id"):
                    item.ClearField(field)
                item.code = f"B-{n:06d}"
                item.title = f"{ROADS[n % len(ROADS)]}{source.title}"
                item.grid_capable = False
                yield c.ImportItemsRequest(item=item, request_id=str(uuid.uuid4()) if n == 0 else "")
        response = stub.ImportItems(rows(), metadata=admin, timeout=600)
        assert not response.errors, response.errors[:3]
        ids += list(response.item_ids)
        stub.PublishCatalogue(c.PublishCatalogueRequest(owner_id=town, request_id=str(uuid.uuid4())), metadata=admin, timeout=600)
    total = present + len(ids)
    print(f"loaded {len(ids)} items ({total} in all) in {time.perf_counter() - started:.1f} s")

    rng = random.Random(7)
    # Warm-up, as a running server is: the search index reads every item once, routing prepares
    # each town's latest version once.
    stub.ListItems(c.ListItemsRequest(query="路灯"), metadata=reader, timeout=120)
    for town in towns:
        stub.ResolveResponsibility(c.ResolveResponsibilityRequest(town_id=town, text=TEXTS[0]), metadata=reader, timeout=120)
    results = {
        "GetItem": timed(stub.GetItem, [c.GetItemRequest(id=rng.choice(ids)) for _ in range(args.calls)], reader),
        "ResolveResponsibility (text)": timed(stub.ResolveResponsibility, [
            c.ResolveResponsibilityRequest(town_id=rng.choice(towns), text=rng.choice(TEXTS)) for _ in range(args.calls)], reader),
        "ListItems search, one town": timed(stub.ListItems, [
            c.ListItemsRequest(owner_id=rng.choice(towns), query=rng.choice(QUERIES)) for _ in range(args.calls)], reader),
        "ListItems search, whole city": timed(stub.ListItems, [
            c.ListItemsRequest(query=rng.choice(QUERIES)) for _ in range(args.calls)], reader),
    }
    with open(f"/proc/{server.process.pid}/status") as status:
        rss = next(line.split()[1] for line in status if line.startswith("VmRSS"))
    print(f"server resident memory: {int(rss) // 1024} MiB")
    print(f"{'call':32} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, samples in results.items():
        print(f"{name:32} {percentile(samples, 50):8.2f} {percentile(samples, 99):8.2f} {statistics.mean(samples):8.2f}")


if __name__ == "__main__":
    main()
