"""The import pages: upload checks, the Celery job and its progress page, scoping of jobs."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from emulation import jobs, tasks
from emulation.importers import OFFICER_COLUMNS, UNIT_COLUMNS
from emulation.models import Job, JobStatus, Officer, Unit
from tests.emulation.workbooks import officer_row, unit_row, workbook_bytes
from tests.factories import UserFactory

pytestmark = pytest.mark.integration
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(content, name="don-vi.xlsx"):
    return SimpleUploadedFile(name, content, content_type=XLSX)


def test_import_runs_as_a_job_and_reports_success(login, staff, province, media_root,
                                                  django_capture_on_commit_callbacks):
    content = workbook_bytes(units=[unit_row("HG-KV1", "Phòng THADS khu vực 1", "HG")],
                             officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV1")])
    client = login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("emulation:import_start"), {"file": _upload(content)})
    job = Job.objects.get()
    assert response["Location"] == reverse("emulation:job_detail", args=[job.pk])
    assert (job.status, job.percent, job.result["units_created"]) == ("succeeded", 100, 1)
    assert Officer.objects.get(code="CB-1").unit.code == "HG-KV1"
    status = client.get(reverse("emulation:job_status", args=[job.pk])).json()
    assert (status["status"], status["percent"], status["finished"]) == ("succeeded", 100, True)
    page = client.get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert "Đã nhập 1 đơn vị mới" in page


def test_failed_job_lists_errors_and_saves_nothing(login, staff, province, media_root,
                                                   django_capture_on_commit_callbacks):
    content = workbook_bytes(units=[unit_row("HG-KV1", "", "HG")])
    client = login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("emulation:import_start"), {"file": _upload(content)})
    job = Job.objects.get()
    assert job.status == "failed"
    assert job.errors == [{"sheet": "Đơn vị", "row": 2, "column": "Tên đơn vị", "message": "Bắt buộc nhập."}]
    page = client.get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert "Bắt buộc nhập." in page and "chưa nhập dữ liệu nào" in page
    assert not Unit.objects.filter(code="HG-KV1").exists()
    # a way on: the same form again, and back to where the import belongs; no empty bar beside "Lỗi"
    restart = f'href="{reverse("emulation:import_start")}" data-testid="job-restart">Tải lên lại</a>'
    back = f'href="{reverse("emulation:unit_list")}" data-testid="job-back">‹ Quay lại</a>'
    assert restart in page and back in page
    assert 'id="job-bar"' not in page and 'role="progressbar"' not in page


def test_a_failed_job_shows_its_stored_errors_with_the_total(login, staff, media_root):
    """The job keeps the first ``STORED_ERRORS`` errors and the count of all: the page lists those it kept
    and says how many there are."""
    job = jobs.start_job(kind="import_organisation", user=staff,
                         result=jobs.origin(start_url="/nhap/", back_url="/don-vi/"))
    errors = [{"sheet": "Cán bộ", "row": n, "column": "Mã cán bộ", "message": f"Lỗi dòng {n}."}
              for n in range(2, 2 + jobs.STORED_ERRORS + 50)]
    jobs.fail(job.pk, errors=errors, message="Không nhập dữ liệu nào.")
    page = login(staff).get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert page.count('data-testid="job-error"') == jobs.STORED_ERRORS
    assert "250 lỗi — chưa nhập dữ liệu nào" in page
    assert f"Dưới đây là {jobs.STORED_ERRORS} lỗi đầu tiên" in page
    assert "Lỗi dòng 201." in page and "Lỗi dòng 202." not in page
    assert 'href="/nhap/" data-testid="job-restart"' in page and 'href="/don-vi/" data-testid="job-back"' in page


def test_a_running_job_shows_its_progress_bar(login, staff, media_root):
    job = jobs.start_job(kind="import_organisation", user=staff, total=4)
    jobs.report_progress(job.pk, 1, 4)
    page = login(staff).get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert 'aria-valuenow="25"' in page and 'data-testid="job-restart"' not in page


@pytest.mark.parametrize(("name", "content", "message"), [
    ("don-vi.csv", b"a,b", "Chỉ nhận tệp Excel .xlsx."),
    ("don-vi.xlsx", b"not a zip file", "Tệp không phải bảng tính Excel .xlsx hợp lệ (hỏng hoặc bị cắt cụt)."),
])
def test_wrong_file_type_is_refused_without_a_job(login, staff, media_root, name, content, message):
    response = login(staff).post(reverse("emulation:import_start"), {"file": _upload(content, name)})
    assert message in response.content.decode()
    assert not Job.objects.exists()


def test_oversize_file_is_refused(login, staff, media_root, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = login(staff).post(reverse("emulation:import_start"), {"file": _upload(b"x" * 5000)})
    assert "Tệp quá lớn" in response.content.decode()
    assert not Job.objects.exists()


def test_refusals(client, login, viewer, head_a, staff, province, media_root, django_capture_on_commit_callbacks):
    anonymous = client.get(reverse("emulation:import_start"))
    assert (anonymous.status_code, anonymous["Location"]) == (
        302, f"{reverse('emulation:login')}?next={reverse('emulation:import_start')}")
    assert login(viewer).get(reverse("emulation:import_start")).status_code == 403
    assert login(head_a).get(reverse("emulation:import_template")).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        login(staff).post(reverse("emulation:import_start"), {"file": _upload(workbook_bytes())})
    job = Job.objects.get()
    assert login(head_a).get(reverse("emulation:job_status", args=[job.pk])).status_code == 404
    assert login(viewer).get(reverse("emulation:job_detail", args=[job.pk])).status_code == 404


def test_template_round_trip(login, staff, province, unit_a, unit_b, media_root, django_capture_on_commit_callbacks):
    client = login(staff)
    response = client.get(reverse("emulation:import_template"))
    book = load_workbook(BytesIO(response.content))
    assert [c.value for c in book["Đơn vị"][1]] == UNIT_COLUMNS
    assert [c.value for c in book["Cán bộ"][1]] == OFFICER_COLUMNS
    for title in ("Đơn vị", "Cán bộ"):
        sheet = book[title]
        assert (sheet.freeze_panes, sheet["A1"].font.b, sheet.column_dimensions["B"].width > 20) == ("A2", True, True)
    guide_codes = [row[0].value for row in book["Hướng dẫn"].iter_rows()]
    assert guide_codes[-3:] == ["HG", "HG-VT", "HG-LM"]
    book["Đơn vị"].append(unit_row("HG-KV9", "Phòng THADS khu vực 9", "HG"))
    buffer = BytesIO()
    book.save(buffer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("emulation:import_start"), {"file": _upload(buffer.getvalue())})
    assert Job.objects.get().status == "succeeded"
    assert Unit.objects.get(code="HG-KV9").parent.code == "HG"


def test_a_finished_job_is_not_run_twice(staff, province, media_root, django_capture_on_commit_callbacks, login):
    content = workbook_bytes(units=[unit_row("HG-KV1", "Phòng THADS khu vực 1", "HG")])
    with django_capture_on_commit_callbacks(execute=True):
        login(staff).post(reverse("emulation:import_start"), {"file": _upload(content)})
    job = Job.objects.get()
    assert tasks.import_organisation.delay(job_id=job.pk).get() == "skipped"
    assert Job.objects.get().attempts == 1


def test_job_status_shows_progress_reported_inside_the_import_transaction(login, staff, media_root):
    job = jobs.start_job(kind="import_organisation", user=staff)
    assert jobs.claim(job.pk)
    jobs.report_progress(job.pk, 50, 200)
    Job.objects.filter(pk=job.pk).update(progress=0)  # as another connection sees it before the commit
    client = login(staff)
    status = client.get(reverse("emulation:job_status", args=[job.pk])).json()
    assert status == {"status": "running", "status_label": "Đang xử lý", "percent": 25,
                      "message": "Đã xử lý 50/200 dòng", "errors": 0, "finished": False}
    jobs.fail(job.pk, errors=[{"sheet": "Đơn vị", "row": 2, "column": "Mã đơn vị", "message": "Bắt buộc nhập."}],
              message="Không nhập dữ liệu nào: 1 lỗi cần sửa trong tệp.")
    status = client.get(reverse("emulation:job_status", args=[job.pk])).json()
    assert (status["status"], status["percent"], status["errors"], status["finished"]) == ("failed", 0, 1, True)


def test_a_job_is_claimed_once_and_resumed_only_by_its_retry(staff):
    job = jobs.start_job(kind="import_organisation", user=staff)
    assert (jobs.claim(job.pk), jobs.claim(job.pk), jobs.claim(job.pk, resume=True)) == (True, False, True)
    jobs.finish(job.pk, result={}, message="Xong")
    assert jobs.claim(job.pk, resume=True) is False
    assert (Job.objects.get().status, Job.objects.get().attempts) == (JobStatus.SUCCEEDED, 2)


def test_a_superuser_sees_any_job(login, staff):
    job = jobs.start_job(kind="import_organisation", user=staff)
    status = login(UserFactory(is_superuser=True)).get(reverse("emulation:job_status", args=[job.pk])).json()
    assert (status["status"], status["percent"]) == ("pending", 0)


def test_a_job_that_breaks_off_is_marked_failed_not_left_running(staff, media_root):
    job = jobs.start_job(kind="import_organisation", user=staff, input_file=ContentFile(b"", name="to-chuc.xlsx"))
    job.input_file.delete(save=False)
    with pytest.raises(FileNotFoundError):
        tasks.import_organisation.delay(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.message.startswith("Lỗi hệ thống khi nhập tệp")) == (JobStatus.FAILED, True)
