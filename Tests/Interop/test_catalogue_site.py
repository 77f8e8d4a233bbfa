"""`jiceng catalogue …` through the real binary against `jiceng serve --demo`: the public static site
(well-formed, complete, escaped, readable on a phone in headless Chromium, searchable in the page
through `#q=…`) and the table commands (columns aligned by display width for Chinese, CSV, JSON,
no colour when not on a terminal)."""
import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unicodedata
import uuid
import zlib
from html.parser import HTMLParser

import pytest

from conftest import BINARY, bearer

DISTRICT = "339902"
TOWN = "339902001"          # published twice in the demo: version 2 has changes to show
INJECTION_TOWN = "339902003"
HOUSING = DISTRICT + "D01"


def jiceng(demo, *arguments, token=None, check=True):
    command = [BINARY, "catalogue", *arguments, "--server", demo.address]
    if token:
        command += ["--token", token]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "JICENG_TOKEN": ""})
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def stub(demo, api):
    channel = demo.channel()
    yield api.catalogue_pb2_grpc.CatalogueServiceStub(channel)
    channel.close()


@pytest.fixture(scope="module")
def site(demo):
    """The site for one town and its district, made without a token (public calls only)."""
    out = tempfile.mkdtemp(prefix="jiceng-site-")
    jiceng(demo, "site", "--owner", TOWN, "--owner", DISTRICT, "--out", out)
    yield out
    shutil.rmtree(out, ignore_errors=True)


class StrictTreeChecker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element (void elements
    aside), and collects script bodies and the text of elements by id."""
    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        self.text.append(data)


def parse(path: str) -> StrictTreeChecker:
    checker = StrictTreeChecker()
    with open(path, encoding="utf-8") as f:
        checker.feed(f.read())
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


def chromium(*arguments: str) -> subprocess.CompletedProcess:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "chromium is not installed (make apt installs it)"
    profile = tempfile.mkdtemp(prefix="jiceng-chromium-")
    try:
        return subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               f"--user-data-dir={profile}", *arguments],
                              capture_output=True, text=True, timeout=180, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def items_in(dom: str) -> list[tuple[bool, str, str]]:
    """(visible, data-search, title) of every item article in a DOM dump."""
    found = []
    for attributes, body in re.findall(r'<article class="item"([^>]*)>(.*?)</article>', dom, re.S):
        search = re.search(r'data-search="([^"]*)"', attributes).group(1)
        title = re.sub(r"<[^>]+>", "", re.search(r"<h3>(.*?)</h3>", body, re.S).group(1))
        found.append(("hidden" not in attributes, search, title))
    return found


def test_site_lists_every_published_item_with_history(site, stub, api):
    c = api.catalogue_pb2
    files = sorted(os.listdir(site))
    assert files == ["index.html", f"owner-{DISTRICT}.html", f"owner-{TOWN}.html"]
    index = parse(os.path.join(site, "index.html"))
    page = parse(os.path.join(site, f"owner-{TOWN}.html"))
    text = "".join(page.text)

    latest = stub.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=TOWN), timeout=20)
    assert latest.version == 2
    assert latest.owner_name in "".join(index.text)
    for item in latest.items:
        assert item.title in text, item.title
        assert item.code in text
    for heading in ("职责任务清单", "权责清单", "属地管理事项清单", "网格服务管理清单", "便民服务中心事项", "下放事项目录"):
        assert heading in text
    # The district's matters delegated to this town are shown on the town's page.
    delegated = stub.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=DISTRICT), timeout=20)
    to_town = [i for i in delegated.items if TOWN in i.delegation.town_ids]
    assert to_town and all(i.title in text for i in to_town)
    # Without a token the departments are named by id; deadlines are readable.
    territorial = next(i for i in latest.items if i.list == c.LIST_KIND_TERRITORIAL_MATTER and i.lead_department_id)
    assert territorial.lead_department_id in text
    assert "内受理" in text and "内办结" in text

    # History: both versions, and the changes worked out from the two public snapshots.
    first = stub.GetPublishedCatalogue(c.GetPublishedCatalogueRequest(owner_id=TOWN, version=1), timeout=20)
    assert "第1版" in text and "第2版" in text and "首次公布" in text
    assert "与第1版相比" in text
    added = {i.id for i in latest.items} - {i.id for i in first.items}
    removed = {i.id for i in first.items} - {i.id for i in latest.items}
    summary = re.search(r"新增(\d+)项，撤销(\d+)项，调整(\d+)项", text)
    assert summary and (int(summary.group(1)), int(summary.group(2))) == (len(added), len(removed))
    assert int(summary.group(3)) > 0


def test_site_pages_are_self_contained(site):
    for name in os.listdir(site):
        with open(os.path.join(site, name), encoding="utf-8") as f:
            html = f.read()
        assert "<meta name=\"viewport\"" in html and "@media print" in html
        assert not re.search(r'(src|href)="(https?:)?//', html), f"{name} fetches something"
        assert "<link" not in html


def test_catalogue_text_cannot_become_markup(demo, stub, api):
    c = api.catalogue_pb2
    admin = bearer(demo.token("CITY_ADMIN"))
    title = "<script>alert('标题')</script>占道经营"
    item = c.CatalogueItem(
        owner_id=INJECTION_TOWN, list=c.LIST_KIND_DUTY_TASK, code="XSS-" + uuid.uuid4().hex[:6].upper(), title=title,
        description='"><img src=x onerror=alert(1)>说明 & 更多', domain=c.DOMAIN_URBAN_MANAGEMENT,
        legal_basis="</dd></dl><script>alert(2)</script>", keywords=["<b>粗</b>"])
    stub.CreateItem(c.CreateItemRequest(item=item, request_id=str(uuid.uuid4())), metadata=admin, timeout=20)
    published = jiceng(demo, "publish", "--owner", INJECTION_TOWN, "--note", "<i>注入测试</i>", token=demo.token("CITY_ADMIN"))
    assert "<i>注入测试</i>" in published.stdout

    out = tempfile.mkdtemp(prefix="jiceng-site-")
    try:
        jiceng(demo, "site", "--owner", INJECTION_TOWN, "--out", out)
        path = os.path.join(out, f"owner-{INJECTION_TOWN}.html")
        with open(path, encoding="utf-8") as f:
            html = f.read()
        checker = parse(path)
        assert html.count("<script") == 1 and len(checker.scripts) == 1
        assert "alert(" not in checker.scripts[0]
        for raw in ("<script>alert", "<img", "<b>", "<i>注入", "</dd></dl><script>"):
            assert raw not in html, raw
        assert "&lt;script&gt;alert(&#39;标题&#39;)&lt;/script&gt;占道经营" in html
        assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;说明 &amp; 更多" in html
        # …and the text reads as written.
        assert title in "".join(checker.text)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def png_size_and_payload(path: str) -> tuple[int, int, bytes]:
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    payload, position = b"", 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            payload += data[position + 8:position + 8 + length]
        position += 12 + length
    return width, height, zlib.decompress(payload)


def test_page_renders_on_a_phone_without_horizontal_scroll(site):
    page = os.path.join(site, f"owner-{TOWN}.html")
    screenshot = os.path.join(site, "..", f"phone-{uuid.uuid4().hex}.png")
    try:
        chromium(f"--screenshot={screenshot}", "--window-size=390,844", "file://" + page)
        width, height, pixels = png_size_and_payload(screenshot)
        assert (width, height) == (390, 844)
        # A blank or single-colour page has a handful of distinct scanline bytes; text and a
        # coloured header have many.
        assert len(set(pixels)) > 64
    finally:
        if os.path.exists(screenshot):
            os.remove(screenshot)

    # The page inside a 390-pixel frame: its content must not be wider than the frame.
    probe = os.path.join(site, "phone-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="owner-{TOWN}.html" width="390" height="844" style="border:0"></iframe>
<script>document.getElementById('f').onload=function(){{
  var d=this.contentDocument.documentElement;
  document.body.setAttribute('data-widths', d.scrollWidth+' '+d.clientWidth);
}};</script></body></html>""")
    try:
        dom = chromium("--allow-file-access-from-files", "--dump-dom", "file://" + probe).stdout
    finally:
        os.remove(probe)
    scroll, client = map(int, re.search(r'data-widths="(\d+) (\d+)"', dom).groups())
    assert 300 < client <= 390 and scroll <= client, (scroll, client)


@pytest.mark.parametrize("query", ["路灯", "灯", "噪音"])
def test_search_in_the_page_from_the_address(site, query):
    page = os.path.join(site, f"owner-{TOWN}.html")
    dom = chromium("--dump-dom", f"file://{page}#q={query}").stdout
    items = items_in(dom)
    visible = [i for i in items if i[0]]
    assert visible and len(visible) < len(items)
    assert all(query in search for _, search, _ in visible)
    assert not any(query in search for shown, search, _ in items if not shown)
    assert f"找到 {len(visible)} 项匹配“{query}”" in dom
    # A list with no match is hidden as a whole.
    sections = re.findall(r'<section class="list"([^>]*)>(.*?)</section>', dom, re.S)
    for attributes, body in sections:
        has_visible = any("hidden" not in a for a in re.findall(r'<article class="item"([^>]*)>', body))
        assert ("hidden" not in attributes) == has_visible


def test_search_without_query_shows_everything(site):
    page = os.path.join(site, f"owner-{TOWN}.html")
    dom = chromium("--dump-dom", f"file://{page}").stdout
    items = items_in(dom)
    assert items and all(shown for shown, _, _ in items)
    assert f"共 {len(items)} 项" in dom


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1 for ch in text)


def column_starts(rule: str) -> list[int]:
    """Display columns where each column starts, from the rule line (runs of ─ two spaces apart)."""
    starts, column = [], 0
    for run in rule.split("  "):
        starts.append(column)
        column += display_width(run) + 2
    return starts


def assert_aligned(table: str, minimum_rows: int = 1):
    lines = table.rstrip("\n").split("\n")
    assert len(lines) >= 2 + minimum_rows, table
    assert set(lines[1]) <= {"─", " "}, lines[1]
    starts = column_starts(lines[1])
    assert len(starts) > 1
    for line in [lines[0]] + lines[2:]:
        # Where each character of the line starts, in display columns.
        positions, column = {}, 0
        for index, ch in enumerate(line):
            positions[column] = index
            column += display_width(ch)
        for start in starts[1:]:
            if start >= display_width(line.rstrip()):
                continue  # the cells from here on are empty
            assert start in positions, f"a wide character straddles column {start}: {line!r}"
            before = line[positions[start] - 2:positions[start]]
            assert before == "  ", f"column {start} is not preceded by the gap: {line!r}"


def test_search_table_aligns_chinese(demo):
    result = jiceng(demo, "search", "路灯", "--owner", TOWN, token=demo.token("CITY_ADMIN"))
    assert "\x1b[" not in result.stdout, "colour when stdout is not a terminal"
    assert_aligned(result.stdout, minimum_rows=2)
    header = result.stdout.split("\n")[0]
    assert header.split() == ["所属", "编码", "名称", "清单", "领域", "牵头部门", "匹配"]
    assert "【路灯】" in result.stdout
    assert re.search(r"共 \d+ 项匹配“路灯”", result.stderr)
    assert "城市管理" in result.stdout  # the lead department by name (a token was given)


def test_search_as_csv_and_json(demo):
    token = demo.token("CITY_ADMIN")
    as_csv = jiceng(demo, "search", "路灯", "--owner", TOWN, "--output", "csv", token=token).stdout
    assert as_csv.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(as_csv.lstrip("\ufeff"))))
    assert rows[0][:3] == ["所属", "编码", "名称"] and len(rows) >= 3
    as_json = json.loads(jiceng(demo, "search", "路灯", "--owner", TOWN, "--output", "json", token=token).stdout)
    assert {row[1] for row in rows[1:]} == {item["code"] for item in as_json["items"]}
    assert all(item["ownerId"] == TOWN for item in as_json["items"])


def test_show_and_resolve(demo):
    token = demo.token("CITY_ADMIN")
    found = json.loads(jiceng(demo, "search", "路灯", "--owner", TOWN, "--list", "territorial", "--output", "json",
                              token=token).stdout)
    item = found["items"][0]
    shown = jiceng(demo, "show", item["id"], token=token).stdout
    assert_aligned(shown, minimum_rows=5)
    assert item["title"] in shown and "牵头部门" in shown and "办理时限" in shown

    resolved = jiceng(demo, "resolve", "--town", TOWN, "--text", "小区门口路灯坏了好几天", token=token).stdout
    lines = dict(line.split(": ", 1) for line in resolved.splitlines() if ": " in line)
    assert "城市管理" in lines["牵头部门"]
    assert "内受理" in lines["办理时限"] or "内办结" in lines["办理时限"]
    assert "依据" in lines and "版" in lines["依据"]


def test_diff_table(demo):
    result = jiceng(demo, "diff", "--owner", TOWN, "--from", "1", "--to", "2", token=demo.token("CITY_ADMIN"))
    assert_aligned(result.stdout, minimum_rows=1)
    kinds = {line.split()[0] for line in result.stdout.splitlines()[2:]}
    assert kinds <= {"新增", "撤销", "调整"} and "调整" in kinds
    assert re.search(r"第1版 → 第2版：新增 \d+ 项，撤销 \d+ 项，调整 \d+ 项", result.stderr)


def test_mistakes_are_reported(demo):
    wrong_output = jiceng(demo, "search", "路灯", "--output", "xml", check=False)
    assert wrong_output.returncode == 64 and "--output" in wrong_output.stderr
    no_token = jiceng(demo, "diff", "--owner", TOWN, "--from", "1", check=False)
    assert no_token.returncode == 1 and "UNAUTHENTICATED" in no_token.stderr and "--token" in no_token.stderr
    bad_version = jiceng(demo, "diff", "--owner", TOWN, "--from", "零", check=False)
    assert bad_version.returncode == 64 and "--from" in bad_version.stderr
    unknown = jiceng(demo, "site", "--owner", TOWN, "--out", "/tmp/x", "--colour", "yes", check=False)
    assert unknown.returncode == 64 and "--colour" in unknown.stderr
