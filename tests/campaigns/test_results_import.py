"""Results from Excel: template round trip, 3 bad rows → 3 precise errors and nothing saved, the job."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.importers import import_results
from campaigns.models import Result
from emulation.models import AuditEntry, Job
from emulation.spreadsheets import workbook_bytes

pytestmark = pytest.mark.integration


@pytest.fixture
def campaign(results_campaign):
    return results_campaign


def _filled_template(client, campaign, rows_for_unit, rows_for_officer=()):
    book = load_workbook(io.BytesIO(client.get(reverse("campaigns:results_template", args=[campaign.pk])).content))
    for values in rows_for_unit:
        book["Đơn vị"].append(values)
    for values in rows_for_officer:
        book["Cá nhân"].append(values)
    return book


def test_template_lists_only_the_users_units_and_officers(login, head_a, campaign, officer_a, officer_b):
    book = load_workbook(io.BytesIO(login(head_a).get(reverse("campaigns:results_template",
                                                              args=[campaign.pk])).content))
    assert [[c.value for c in row][:3] for row in book["Đơn vị"].iter_rows(min_row=2)] == [
        ["HG-VT", "Chi cục Thi hành án dân sự thành phố Vị Thanh", "30/06/2024"]]
    assert [row[0].value for row in book["Cá nhân"].iter_rows(min_row=2)] == [officer_a.code]


def test_three_bad_rows_three_errors_nothing_saved(login, staff, campaign, unit_a, unit_b, officer_a):
    book = _filled_template(login(staff), campaign, [
        ["HG-VT", "", "30/06/2024", 900, 800, 700, 10**11, 6 * 10**10, 2 * 10**10],
        ["HG-LM", "", "30/06/2024", 500, 400, 450, 0, 0, 0],       # completed > with conditions
        ["HG-XX", "", "30/06/2024", 1, 1, 1, 0, 0, 0],             # not a participant
    ], [[officer_a.code, "", "HG-VT", "15/07/2024", 100, 90, 80, 0, 0, 0]])  # outside the results period
    for row in book["Đơn vị"].iter_rows(min_row=2, max_row=3):  # drop the pre-filled rows
        for c in row:
            c.value = None
    for row in book["Cá nhân"].iter_rows(min_row=2, max_row=2):
        for c in row:
            c.value = None
    before = (Result.objects.count(), AuditEntry.objects.count())
    outcome = import_results(io.BytesIO(workbook_bytes(book)), campaign=campaign, user=staff)
    assert [(e.sheet, e.row, e.column, e.message) for e in outcome.errors] == [
        ("Đơn vị", 5, "Việc thi hành xong", "Số thi hành xong không được lớn hơn số có điều kiện thi hành."),
        ("Đơn vị", 6, "Mã đơn vị", "Đơn vị không tham gia phong trào (mã không đúng)."),
        ("Cá nhân", 3, "Tính đến ngày", "Ngày nằm ngoài kỳ tính kết quả 01/10/2023 – 30/06/2024."),
    ]
    assert (Result.objects.count(), AuditEntry.objects.count()) == before


def test_import_job_then_confirmed_rows_are_not_overwritten(login, staff, campaign, unit_a, media_root,
                                                            django_capture_on_commit_callbacks):
    client = login(staff)
    book = _filled_template(client, campaign, [])
    book["Đơn vị"]["D2"], book["Đơn vị"]["E2"], book["Đơn vị"]["F2"] = "1.200", 1000, 760
    upload = SimpleUploadedFile("so-lieu.xlsx", workbook_bytes(book))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("campaigns:results_import", args=[campaign.pk]), {"file": upload})
    job = Job.objects.get()
    assert response["Location"] == reverse("emulation:job_detail", args=[job.pk])
    assert (job.status, job.result["created"]) == ("succeeded", 1)  # the empty pre-filled lines are skipped
    result = Result.objects.get(unit=unit_a, officer=None)
    assert (result.cases_total, result.cases_completed, result.status) == (1200, 760, "draft")
    assert AuditEntry.objects.filter(model_label="campaigns.Result", action="import").count() == 1
    result.status = "confirmed"
    result.save()
    outcome = import_results(io.BytesIO(workbook_bytes(book)), campaign=campaign, user=staff)
    assert [e.message for e in outcome.errors] == ["Số liệu ngày này đã được xác nhận; không ghi đè bằng tệp."]


def test_a_failed_import_leads_back_to_the_campaign_and_to_the_same_form(login, staff, campaign, unit_a, media_root,
                                                                       django_capture_on_commit_callbacks):
    client = login(staff)
    book = _filled_template(client, campaign, [])
    book["Đơn vị"]["D2"], book["Đơn vị"]["E2"], book["Đơn vị"]["F2"] = 10, 20, 30  # completed > with conditions
    form = reverse("campaigns:results_import", args=[campaign.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form, {"file": SimpleUploadedFile("so-lieu.xlsx", workbook_bytes(book))})
    job = Job.objects.get()
    page = client.get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert job.status == "failed" and Result.objects.count() == 0
    assert f'href="{form}" data-testid="job-restart">Tải lên lại</a>' in page
    assert f'href="{reverse("campaigns:campaign_results", args=[campaign.pk])}" data-testid="job-back">' in page
    assert page.count('data-testid="job-error"') == len(job.errors) >= 1


def test_refusals(login, viewer, head_a, campaign_b, campaign):
    assert login(viewer).get(reverse("campaigns:results_import", args=[campaign.pk])).status_code == 403
    assert login(head_a).get(reverse("campaigns:results_import", args=[campaign_b.pk])).status_code == 404
    assert login(head_a).get(reverse("campaigns:results_template", args=[campaign_b.pk])).status_code == 404


def test_import_results_command(tmp_path, staff, campaign, unit_a):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=staff.pk).update(is_superuser=True)
    path = tmp_path / "so-lieu.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    from campaigns.importers import OFFICER_COLUMNS, UNIT_COLUMNS

    book.create_sheet("Đơn vị").append(UNIT_COLUMNS)
    book["Đơn vị"].append(["HG-VT", "", "30/06/2024", 10, 9, 8, 0, 0, 0])
    book.create_sheet("Cá nhân").append(OFFICER_COLUMNS)
    path.write_bytes(workbook_bytes(book))
    out = io.StringIO()
    call_command("import_results", str(campaign.pk), str(path), stdout=out)
    assert "Đã nhập 1 số liệu mới" in out.getvalue()
    book["Đơn vị"].append(["HG-VT", "", "31/06/2024", 10, 9, 8, 0, 0, 0])
    path.write_bytes(workbook_bytes(book))
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("import_results", str(campaign.pk), str(path), stdout=io.StringIO(), stderr=io.StringIO())


def _workbook(unit_rows=(), officer_rows=()) -> io.BytesIO:
    from openpyxl import Workbook

    from campaigns.importers import OFFICER_COLUMNS, UNIT_COLUMNS

    book = Workbook()
    book.remove(book.active)
    book.create_sheet("Đơn vị").append(UNIT_COLUMNS)
    book.create_sheet("Cá nhân").append(OFFICER_COLUMNS)
    for values in unit_rows:
        book["Đơn vị"].append(values)
    for values in officer_rows:
        book["Cá nhân"].append(values)
    return io.BytesIO(workbook_bytes(book))


def test_a_draft_is_updated_and_the_log_shows_each_subjects_figures_before_and_after(
        staff, campaign, unit_a, officer_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:  # ANALYZE of the tables filled, cache
        first = import_results(_workbook([["HG-VT", "", "30/06/2024", 10, 9, 8, 0, 0, 0]],
                                         [[officer_a.code, "", "HG-VT", "30/06/2024", 5, 4, 3, 0, 0, 0]]),
                               campaign=campaign, user=staff)
    assert (first.errors, first.created, first.updated, len(callbacks)) == ([], 2, 0, 2)  # + the page cache
    unit_result = Result.objects.get(unit=unit_a, officer=None)
    second = import_results(_workbook([["HG-VT", "", "30/06/2024", 12, 9, 8, 0, 0, 0]],
                                      [[officer_a.code, "", "HG-VT", "30/06/2024", 5, 4, 3, 0, 0, 0]]),
                            campaign=campaign, user=staff)
    assert (second.errors, second.created, second.updated) == ([], 0, 1)  # the officer's row did not change
    unit_result.refresh_from_db()
    assert (unit_result.cases_total, unit_result.status, unit_result.updated_by) == (12, "draft", staff)
    entries = AuditEntry.objects.filter(model_label="campaigns.Result").order_by("id")
    assert [(e.object_id, e.object_repr, e.unit_id, e.actor_id, e.changes["cases_total"]) for e in entries] == [
        (str(unit_result.pk), "Chi cục Thi hành án dân sự thành phố Vị Thanh – 30/06/2024", unit_a.pk, staff.pk,
         [None, 10]),
        (str(Result.objects.get(officer=officer_a).pk), "Nguyễn Văn An – 30/06/2024", unit_a.pk, staff.pk, [None, 5]),
        (str(unit_result.pk), "Chi cục Thi hành án dân sự thành phố Vị Thanh – 30/06/2024", unit_a.pk, staff.pk,
         [10, 12]),
    ]


def test_refused_rows_name_the_reason_and_nothing_is_saved(head_a, campaign, unit_a, unit_b, officer_a, officer_b):
    Result.objects.create(campaign=campaign, unit=unit_a, officer=officer_a, as_of=datetime.date(2024, 6, 30),
                          status="submitted")
    before = (Result.objects.count(), AuditEntry.objects.count())
    outcome = import_results(_workbook(
        [["HG-VT", "", "30/06/2024", 10, 9, 8, 0, 0, 0], ["HG-LM", "", "30/06/2024", 10, 9, 8, 0, 0, 0],
         ["HG-VT", "", "30/06/2024", 11, 9, 8, 0, 0, 0]],
        [[officer_a.code, "", "HG-VT", "30/06/2024", 5, 4, 3, 0, 0, 0],
         [officer_b.code, "", "HG-LM", "31/05/2024", 5, 4, 3, 0, 0, 0], ["KHONG-CO", "", "HG-VT", "31/05/2024", 1]]),
        campaign=campaign, user=head_a)
    assert [(e.sheet, e.row, e.column, e.message) for e in outcome.errors] == [
        ("Đơn vị", 3, "Mã đơn vị", "Ngoài phạm vi bạn được quản lý."),
        ("Đơn vị", 4, "Tính đến ngày", "Trùng với dòng 2."),
        ("Cá nhân", 2, "Tính đến ngày",
         "Số liệu ngày này đã gửi, đang chờ xác nhận; rút lại trước khi ghi đè bằng tệp."),
        ("Cá nhân", 3, "Mã cán bộ", "Ngoài phạm vi bạn được quản lý."),
        ("Cá nhân", 4, "Mã cán bộ", "Cán bộ không thuộc đơn vị tham gia phong trào (mã không đúng)."),
    ]
    assert (Result.objects.count(), AuditEntry.objects.count()) == before


def test_progress_is_told_per_batch_not_per_row(staff, campaign, unit_a, monkeypatch):
    from emulation import bulk
    from tests.factories import OfficerFactory

    monkeypatch.setattr(bulk, "BATCH", 2)
    officers = OfficerFactory.create_batch(4, unit=unit_a)
    calls = []
    outcome = import_results(_workbook([["HG-VT", "", "30/06/2024", 10, 9, 8, 0, 0, 0]],
                                       [[o.code, "", "HG-VT", "30/06/2024", 5, 4, 3, 0, 0, 0] for o in officers]),
                             campaign=campaign, user=staff, progress=lambda done, total: calls.append((done, total)))
    assert (outcome.errors, outcome.created) == ([], 5)
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5), (5, 5)]
    assert sorted(Result.objects.filter(officer__in=officers).values_list("officer_id", flat=True)) == sorted(
        o.pk for o in officers)
