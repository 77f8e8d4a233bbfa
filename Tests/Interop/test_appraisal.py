"""jiceng.v1.AppraisalService over stock grpcio against `jiceng serve --demo`: the demo's published
period ranks the district's departments from the seeded tasks; a new period is opened, scored by a
town, ranked with what-if weights (nothing stored), closed (frozen) and published; refusals carry
their error details."""
import uuid

import grpc
import pytest
from google.protobuf import timestamp_pb2

from conftest import bearer
from test_org import details, fails

DISTRICT = "339902"
OTHER_DISTRICT = "339903"


def request_id() -> str:
    return uuid.uuid4().hex


@pytest.fixture(scope="module")
def appraisal(demo, api):
    channel = demo.channel()
    yield api.appraisal_pb2_grpc.AppraisalServiceStub(channel)
    channel.close()


def tokens_of(demo, role, prefix):
    return [(o, t) for r, o, t in demo.tokens if r == role and o.startswith(prefix)]


def district_departments(demo):
    return sorted(o for r, o, _ in demo.tokens
                  if r == "DEPARTMENT_OPERATOR" and o.startswith(DISTRICT + "D") and len(o) == len(DISTRICT) + 3)


def test_demo_periods_are_listed_and_the_published_one_ranks(appraisal, demo, api):
    town, town_token = tokens_of(demo, "TOWN_OPERATOR", DISTRICT)[0]
    listed = appraisal.ListPeriods(api.appraisal_pb2.ListPeriodsRequest(), metadata=bearer(town_token))
    states = sorted(p.state for p in listed.periods)
    assert states == [api.appraisal_pb2.PERIOD_STATE_OPEN, api.appraisal_pb2.PERIOD_STATE_PUBLISHED]
    assert all(p.district_id == DISTRICT for p in listed.periods)
    published = next(p for p in listed.periods if p.state == api.appraisal_pb2.PERIOD_STATE_PUBLISHED)

    # Once published, a department reads the ranking, frozen.
    department = district_departments(demo)[0]
    ranking = appraisal.GetRanking(api.appraisal_pb2.GetRankingRequest(period_id=published.id),
                                   metadata=bearer(demo.token("DEPARTMENT_OPERATOR", department)))
    assert ranking.frozen and not ranking.trial
    ranked = [e for e in ranking.entries if e.has_due_cases]
    assert ranked and ranked[0].rank == 1
    assert [e.total for e in ranked] == sorted((e.total for e in ranked), reverse=True)

    # Its own report, with the task ids behind each figure; another department's is refused.
    report = appraisal.GetDepartmentReport(
        api.appraisal_pb2.GetDepartmentReportRequest(period_id=published.id, department_id=department, include_tasks=True),
        metadata=bearer(demo.token("DEPARTMENT_OPERATOR", department)))
    assert report.frozen
    assert [i.name for i in report.indicators][:3] == ["响应率", "按期处置率", "结案率"]
    for indicator in report.indicators:
        assert len(indicator.denominator_task_ids) == indicator.denominator
        assert len(indicator.numerator_task_ids) == indicator.numerator
    other = district_departments(demo)[1]
    error = fails(grpc.StatusCode.PERMISSION_DENIED, appraisal.GetDepartmentReport,
                  api.appraisal_pb2.GetDepartmentReportRequest(period_id=published.id, department_id=other),
                  metadata=bearer(demo.token("DEPARTMENT_OPERATOR", department)))
    assert details(error, api)[0].reason == "APPRAISAL_OUT_OF_SCOPE"


def test_a_period_from_open_to_published(appraisal, demo, api):
    admin = bearer(demo.token("DISTRICT_ADMIN", DISTRICT))
    town, town_token = tokens_of(demo, "TOWN_OPERATOR", DISTRICT)[0]
    pb = api.appraisal_pb2
    period = pb.AppraisalPeriod(district_id=DISTRICT, name="接口测试周期",
                                start_time=timestamp_pb2.Timestamp(seconds=0),
                                end_time=timestamp_pb2.Timestamp(seconds=4_000_000_000))
    # Towns do not open periods (the method's roles); end before start is INVALID_ARGUMENT.
    fails(grpc.StatusCode.PERMISSION_DENIED, appraisal.CreatePeriod,
          pb.CreatePeriodRequest(period=period, request_id=request_id()), metadata=bearer(town_token))
    backwards = pb.AppraisalPeriod()
    backwards.CopyFrom(period)
    backwards.end_time.seconds = -1
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, appraisal.CreatePeriod,
                  pb.CreatePeriodRequest(period=backwards, request_id=request_id()), metadata=admin)
    assert [v.field for v in details(error, api)[1].field_violations] == ["period.end_time"]
    created = appraisal.CreatePeriod(pb.CreatePeriodRequest(period=period, request_id=request_id()), metadata=admin)
    assert created.state == pb.PERIOD_STATE_OPEN
    assert created.weights.on_time == 25

    department = district_departments(demo)[0]
    error = fails(grpc.StatusCode.INVALID_ARGUMENT, appraisal.SubmitScore,
                  pb.SubmitScoreRequest(period_id=created.id, department_id=department, score=120, request_id=request_id()),
                  metadata=bearer(town_token))
    assert [v.field for v in details(error, api)[1].field_violations] == ["score"]
    score = appraisal.SubmitScore(pb.SubmitScoreRequest(period_id=created.id, department_id=department, score=88,
                                                        comment="配合积极", request_id=request_id()),
                                  metadata=bearer(town_token))
    assert score.town_id == town

    live = appraisal.GetRanking(pb.GetRankingRequest(period_id=created.id), metadata=bearer(town_token))
    trial_weights = pb.IndicatorWeights(closure=100)
    trial = appraisal.GetRanking(pb.GetRankingRequest(period_id=created.id, trial_weights=trial_weights),
                                 metadata=bearer(town_token))
    assert trial.trial and trial.weights == trial_weights
    assert appraisal.GetRanking(pb.GetRankingRequest(period_id=created.id), metadata=bearer(town_token)) == live
    unchanged = appraisal.GetPeriod(pb.GetPeriodRequest(id=created.id), metadata=admin)
    assert unchanged == created

    stale = fails(grpc.StatusCode.ABORTED, appraisal.ClosePeriod,
                  pb.ClosePeriodRequest(id=created.id, etag="stale", request_id=request_id()), metadata=admin)
    assert stale.details()
    closed = appraisal.ClosePeriod(pb.ClosePeriodRequest(id=created.id, etag=created.etag, request_id=request_id()),
                                   metadata=admin)
    assert closed.state == pb.PERIOD_STATE_CLOSED
    frozen = appraisal.GetRanking(pb.GetRankingRequest(period_id=created.id), metadata=bearer(town_token))
    assert frozen.frozen and [e.total for e in frozen.entries] == [e.total for e in live.entries]
    error = fails(grpc.StatusCode.FAILED_PRECONDITION, appraisal.SubmitScore,
                  pb.SubmitScoreRequest(period_id=created.id, department_id=department, score=90, request_id=request_id()),
                  metadata=bearer(town_token))
    assert details(error, api)[0].reason == "PERIOD_NOT_OPEN"
    published = appraisal.PublishResults(pb.PublishResultsRequest(id=created.id, etag=closed.etag, request_id=request_id()),
                                         metadata=admin)
    assert published.state == pb.PERIOD_STATE_PUBLISHED

    # Another district's town reads nothing of it.
    _, other_token = tokens_of(demo, "TOWN_OPERATOR", OTHER_DISTRICT)[0]
    fails(grpc.StatusCode.PERMISSION_DENIED, appraisal.GetPeriod, pb.GetPeriodRequest(id=created.id),
          metadata=bearer(other_token))


def test_appraisal_command_prints_the_ranking_as_csv(appraisal, demo, api):
    import csv
    import io
    import os
    import subprocess

    from conftest import BINARY

    _, town_token = tokens_of(demo, "TOWN_OPERATOR", DISTRICT)[0]
    environment = dict(os.environ, JICENG_SERVER=demo.address, JICENG_TOKEN=town_token)
    periods = subprocess.run([BINARY, "appraisal", "periods", "--state", "published", "--output", "csv"],
                             env=environment, capture_output=True, text=True, timeout=60, check=True)
    rows = list(csv.reader(io.StringIO(periods.stdout.lstrip("\ufeff"))))
    assert rows[0][:2] == ["周期", "名称"] and len(rows) >= 2
    period_id = rows[1][0]
    printed = subprocess.run([BINARY, "appraisal", "ranking", period_id, "--output", "csv"],
                             env=environment, capture_output=True, text=True, timeout=60, check=True)
    table = list(csv.reader(io.StringIO(printed.stdout.lstrip("\ufeff"))))
    assert table[0][:3] == ["名次", "部门", "总分"] and "响应率" in table[0]
    ranking = appraisal.GetRanking(api.appraisal_pb2.GetRankingRequest(period_id=period_id), metadata=bearer(town_token))
    assert [row[0] for row in table[1:]] == [str(e.rank) if e.rank else "—" for e in ranking.entries]
    # The printable page names the period and every ranked department, with its indicators.
    page = os.path.join(demo.data, "appraisal.html")
    subprocess.run([BINARY, "appraisal", "html", period_id, "--out", page], env=environment,
                   capture_output=True, text=True, timeout=60, check=True)
    with open(page, encoding="utf-8") as f:
        html = f.read()
    assert html.startswith("<!doctype html>") and "<script" not in html
    ranked = [e for e in ranking.entries if e.has_due_cases]
    assert all(f"<h2>{e.department_name}：" in html for e in ranked)
    assert html.count("<table>") == 1 + len(ranked)
    # Bad trial weights are a usage error, not a call.
    refused = subprocess.run([BINARY, "appraisal", "ranking", period_id, "--trial", "1,2"],
                             env=environment, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "--trial" in refused.stderr
