"""Results: entry with cross-field checks, submit/confirm workflow with locking, attainment table."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.models import Result, Target, TargetBracket
from campaigns.snapshots import recompute
from emulation.models import AuditEntry, Job
from tests.factories import OfficerFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def campaign(province_plan):
    campaign = province_plan.campaigns.get()
    campaign.results_starts_on, campaign.results_ends_on = datetime.date(2023, 10, 1), datetime.date(2024, 6, 30)
    campaign.save()
    target = Target.objects.create(campaign=campaign, code="3.1", title="Chi cục – về việc",
                                   metric_kind="completion_cases", subject_kind="sub_department", basis="cases_total")
    for lower, lower_inc, upper, value in [(0, True, 800, 77), (800, True, 1000, 76), (1000, True, 1500, 75),
                                           (1500, False, None, 74)]:
        TargetBracket.objects.create(target=target, lower=lower, lower_inclusive=lower_inc, upper=upper,
                                     value=Decimal(value))
    Target.objects.create(campaign=campaign, code="3.3", title="Hoàn thành xuất sắc nhiệm vụ", metric_kind="boolean",
                          subject_kind="other_officer")
    return campaign


def _figures(**overrides):
    return {"as_of": "30/06/2024", "cases_total": "900", "cases_with_conditions": "800", "cases_completed": "600",
            "money_total": "0", "money_with_conditions": "0", "money_completed": "0"} | overrides


def _enter(client, campaign, unit, **figures):
    return client.post(reverse("campaigns:result_create", args=[campaign.pk]) + f"?unit={unit.pk}", _figures(**figures))


def test_bad_figures_are_refused_and_nothing_saved(login, head_a, campaign, unit_a):
    client = login(head_a)
    response = _enter(client, campaign, unit_a, cases_completed="900")
    assert "Số thi hành xong không được lớn hơn số có điều kiện thi hành. (về việc)" in response.content.decode()
    response = _enter(client, campaign, unit_a, as_of="15/07/2024")
    assert "Ngày số liệu phải trong kỳ tính kết quả 01/10/2023 – 30/06/2024." in response.content.decode()
    assert not Result.objects.exists()


def test_money_and_counts_are_typed_and_shown_with_vietnamese_grouping(login, head_a, campaign, unit_a):
    client = login(head_a)
    response = _enter(client, campaign, unit_a, cases_total="1.200", cases_with_conditions="1.000",
                      cases_completed="800", money_total="150.000.000.000", money_with_conditions="120.000.000.000",
                      money_completed="2.50.000")
    assert response.status_code == 200 and not Result.objects.exists()
    assert "có thể nhóm hàng nghìn bằng dấu chấm: 1.234.567." in response.content.decode()
    assert 'value="2.50.000"' in response.content.decode()  # what was typed stays, to be corrected
    assert _enter(client, campaign, unit_a, cases_total="1.200", cases_with_conditions="1.000",
                  cases_completed="800", money_total="150.000.000.000", money_with_conditions="120.000.000.000",
                  money_completed="90.500.000.000").status_code == 302
    result = Result.objects.get(unit=unit_a)
    assert (result.cases_total, result.money_total, result.money_completed) == (
        1200, 150_000_000_000, 90_500_000_000)
    page = client.get(reverse("campaigns:result_edit", args=[campaign.pk, result.pk])).content.decode()
    assert 'value="150.000.000.000"' in page and 'value="1.200"' in page and 'type="number"' not in page


def test_workflow_lock_and_attainment(login, head_a, staff, campaign, unit_a, unit_b):
    head, office = login(head_a), login(staff)
    assert _enter(head, campaign, unit_a).status_code == 302
    result = Result.objects.get(unit=unit_a)
    status_url = reverse("campaigns:result_action", args=[campaign.pk, result.pk, "confirm"])
    assert head.post(status_url).status_code == 403  # draft cannot jump to confirmed
    head.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "submit"]))
    assert head.post(status_url).status_code == 403  # a unit head does not confirm
    office.post(status_url)
    result.refresh_from_db()
    assert (result.status, result.confirmed_by) == ("confirmed", staff)
    assert head.get(reverse("campaigns:result_edit", args=[campaign.pk, result.pk])).status_code == 403
    recompute(campaign.pk)  # what the task does after the confirmation
    rows = office.get(reverse("campaigns:campaign_attainment", args=[campaign.pk])).context["page_rows"]
    row = next(r for r in rows if r.target_code == "3.1")
    assert (row.bracket, row.target_value, row.state) == ("từ 800 đến dưới 1.000", 76, "not_met")
    assert (row.gap_units, row.actual_display, row.rank) == (8, "75,00%", 1)
    edit_url = reverse("campaigns:result_edit", args=[campaign.pk, result.pk])
    assert "phải ghi lý do" in office.post(edit_url, _figures(cases_completed="620")).content.decode()
    office.post(edit_url, _figures(cases_completed="620", reason="Đối chiếu lại sổ thụ lý"))
    result.refresh_from_db()
    assert result.cases_completed == 620
    entry = AuditEntry.objects.filter(model_label="campaigns.Result", actor=staff).latest("id")
    assert entry.changes["cases_completed"] == [600, 620] and entry.changes["reason"][1] == "Đối chiếu lại sổ thụ lý"
    recompute(campaign.pk)
    rows = office.get(reverse("campaigns:campaign_attainment", args=[campaign.pk])).context["page_rows"]
    row = next(r for r in rows if r.target_code == "3.1")
    assert (row.state, row.actual_display) == ("met", "77,50%")


def test_subject_in_a_gap_is_flagged_not_guessed(login, staff, campaign, unit_b):
    office = login(staff)
    _enter(office, campaign, unit_b, cases_total="1500", cases_with_conditions="1200", cases_completed="1000")
    result = Result.objects.get(unit=unit_b)
    for status in ("submit", "confirm"):
        office.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, status]))
    recompute(campaign.pk)
    page = office.get(reverse("campaigns:campaign_attainment", args=[campaign.pk])).content.decode()
    assert "Tổng số 1.500 không thuộc khung nào của bảng chỉ tiêu." in page


def test_scoping(login, head_a, head_b, campaign, unit_a, unit_b):
    _enter(login(head_b), campaign, unit_b)
    result_b = Result.objects.get(unit=unit_b)
    client = login(head_a)
    assert client.get(reverse("campaigns:result_edit", args=[campaign.pk, result_b.pk])).status_code == 404
    assert client.post(reverse("campaigns:result_action", args=[campaign.pk, result_b.pk, "submit"])
                       ).status_code == 404
    assert _enter(client, campaign, unit_b).status_code == 403
    page = client.get(reverse("campaigns:campaign_results", args=[campaign.pk])).content.decode()
    assert unit_a.name in page and unit_b.name not in page
    assert Result.objects.filter(unit=unit_b).get().status == "draft"


@pytest.mark.parametrize("rows", [10, 200])
def test_result_pages_query_count_is_constant(login, staff, campaign, unit_a, rows, django_assert_max_num_queries):
    for officer in OfficerFactory.create_batch(rows, unit=unit_a, is_enforcement_officer=False):
        Result.objects.create(campaign=campaign, unit=unit_a, officer=officer, as_of=datetime.date(2024, 6, 30),
                              status="confirmed")
    Result.objects.create(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 6, 30), cases_total=900,
                          cases_with_conditions=800, cases_completed=700, status="confirmed")
    recompute(campaign.pk)
    client = login(staff)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("campaigns:campaign_results", args=[campaign.pk])).content.decode()
    assert page.count('data-testid="result-row"') == rows + 2  # unit A, its officers, unit B (not reported)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("campaigns:campaign_attainment", args=[campaign.pk]))
    assert response.context["page_obj"].paginator.count == rows + 1  # unit A's case target, each officer's yes/no
    assert response.content.decode().count('data-testid="attainment-row"') == min(rows + 1, 50)


def test_attainment_command_prints_json_and_csv(staff, campaign, unit_a, login):
    import io
    import json

    from django.core.management import CommandError, call_command

    Result.objects.create(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 6, 30), cases_total=900,
                          cases_with_conditions=800, cases_completed=600, status="confirmed")
    out = io.StringIO()
    call_command("attainment", str(campaign.pk), "--format", "json", stdout=out)
    record = next(r for r in json.loads(out.getvalue()) if r["target_code"] == "3.1")
    assert (record["unit_code"], record["bracket"], record["state"], record["gap_units"], record["actual"]) == (
        "HG-VT", "từ 800 đến dưới 1.000", "not_met", 8, "75.00")
    out = io.StringIO()
    call_command("attainment", str(campaign.pk), "--format", "csv", stdout=out)
    assert out.getvalue().splitlines()[0].startswith("unit_code,unit,officer_code")
    with pytest.raises(CommandError, match="Không có phong trào mã 999999"):
        call_command("attainment", "999999")


def test_confirming_results_stores_a_snapshot_once_per_change(login, head_a, staff, campaign, unit_a,
                                                              django_capture_on_commit_callbacks):
    from campaigns.models import AttainmentSnapshot
    from campaigns.snapshots import records

    head, office = login(head_a), login(staff)
    _enter(head, campaign, unit_a)
    result = Result.objects.get(unit=unit_a)
    head.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "submit"]))
    assert not AttainmentSnapshot.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "confirm"]))
    snapshot = AttainmentSnapshot.objects.get()
    record = next(r for r in records(snapshot) if r["target_code"] == "3.1")
    assert (record["state"], record["gap_units"], snapshot.inputs["results"][0][6]) == ("not_met", 8, 600)
    assert recompute(campaign.pk) is None  # same inputs: nothing new
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("campaigns:result_edit", args=[campaign.pk, result.pk]),
                    _figures(cases_completed="640", reason="Bổ sung số liệu"))
    assert AttainmentSnapshot.objects.count() == 2
    latest = AttainmentSnapshot.objects.first()
    assert next(r for r in records(latest) if r["target_code"] == "3.1")["state"] == "met"


def _export(client, campaign, captured, **form):
    with captured(execute=True):
        response = client.post(reverse("campaigns:attainment_export", args=[campaign.pk]), form)
    job = Job.objects.latest("pk")
    assert response["Location"] == reverse("emulation:job_detail", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    url = reverse("campaigns:attainment_export_file", args=[campaign.pk, job.pk])
    assert f'href="{url}"' in page
    return job, client.get(url)


def test_attainment_excel_export(login, staff, campaign, unit_a, django_capture_on_commit_callbacks):
    import io

    from openpyxl import load_workbook

    Result.objects.create(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 6, 30), cases_total=900,
                          cases_with_conditions=800, cases_completed=600, status="confirmed")
    recompute(campaign.pk)
    client = login(staff)
    assert client.get(reverse("campaigns:campaign_attainment", args=[campaign.pk]), {"format": "xlsx"}).get(
        "Content-Disposition") is None  # a GET renders the page, never the file
    job, response = _export(client, campaign, django_capture_on_commit_callbacks, format="xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Đạt chỉ tiêu"]
    assert sheet["A1"].value == "CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG" and sheet["A3"].value == campaign.name
    assert sheet.freeze_panes == "A6" and sheet["B5"].value == "Đơn vị" and sheet["B5"].font.bold
    row = next(r for r in sheet.iter_rows(min_row=6, values_only=True) if r[3] == "3.1")
    assert row[5:11] == ("từ 800 đến dưới 1.000", 76.0, 75.0, "Chưa đạt", 8, 1.0)
    assert sheet["H6"].number_format == "0.00"


def test_attainment_csv_export_keeps_the_filters_and_the_scope(login, staff, head_a, head_b, campaign, unit_a, unit_b,
                                                               django_capture_on_commit_callbacks):
    for unit, done in ((unit_a, 600), (unit_b, 790)):
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=900,
                              cases_with_conditions=800, cases_completed=done, status="confirmed")
    recompute(campaign.pk)
    _, response = _export(login(staff), campaign, django_capture_on_commit_callbacks, format="csv", state="met")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("STT,Đơn vị,Cá nhân,Chỉ tiêu") and len(lines) == 2 and unit_b.name in lines[1]
    head = login(head_a)
    job, response = _export(head, campaign, django_capture_on_commit_callbacks, format="csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == [unit_a.name]  # the head's own unit only
    url = reverse("campaigns:attainment_export_file", args=[campaign.pk, job.pk])
    assert login(head_b).get(url).status_code == 404  # another user's file
    assert head.post(reverse("campaigns:attainment_export", args=[campaign.pk]), {"format": "pdf"}).status_code == 400
    assert Job.objects.filter(kind="export_attainment").count() == 2


@pytest.mark.parametrize("rows", [10, 200])
def test_campaign_dashboard_figures_and_query_count(login, staff, campaign, unit_a, unit_b, rows,
                                                    django_assert_max_num_queries):
    for officer in OfficerFactory.create_batch(rows, unit=unit_a, is_enforcement_officer=True):
        Result.objects.create(campaign=campaign, unit=unit_a, officer=officer, as_of=datetime.date(2024, 6, 30),
                              cases_total=10, cases_with_conditions=10, cases_completed=8, status="confirmed")
    for as_of, done in [(datetime.date(2024, 3, 31), 500), (datetime.date(2024, 6, 30), 640)]:
        Result.objects.create(campaign=campaign, unit=unit_a, as_of=as_of, cases_total=900,
                              cases_with_conditions=800, cases_completed=done, status="confirmed")
    recompute(campaign.pk)
    client = login(staff)
    with django_assert_max_num_queries(20):  # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
        response = client.get(reverse("reports:campaign_dashboard", args=[campaign.pk]))
    charts = response.context["figures"]  # what campaigns.selectors.campaign_dashboard read (drawn by reports)
    assert charts["units"]["actual"] == [80.0] and charts["units"]["target"] == [76.0]
    assert charts["trend"] == {"labels": ["31/03/2024", "30/06/2024"], "cases": [62.5, 80.0], "money": [None, None]}
    assert [u.code for u in charts["not_reported"]] == ["HG-LM"]
    assert sum(charts["officers"]["counts"]) == 0  # enforcement officers have no case target in this campaign


def test_result_links_work_with_large_ids(login, staff, campaign, province):
    from tests.factories import ParticipationFactory, UnitFactory

    big = UnitFactory(pk=54321, code="BIG", name="Đơn vị mã lớn", parent=province)
    ParticipationFactory(campaign=campaign, unit=big)
    page = login(staff).get(reverse("campaigns:campaign_results", args=[campaign.pk])).content.decode()
    assert "?unit=54321" in page
    assert login(staff).get(reverse("campaigns:result_create", args=[campaign.pk]) + "?unit=54321").status_code == 200
