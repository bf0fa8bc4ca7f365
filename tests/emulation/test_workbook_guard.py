"""A hostile workbook — a zip bomb, millions of shared strings, a DTD, a truncated or foreign zip — is refused
from its zip directory with a clear message, on the upload form (nothing stored, no job) and in the worker."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from emulation import importers, jobs, tasks, workbook_guard
from emulation.models import Job, JobStatus, Unit
from emulation.spreadsheets import CellError, read_sheet
from tests.emulation.workbooks import officer_row, unit_row, workbook_bytes

pytestmark = pytest.mark.integration
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _good() -> bytes:
    return workbook_bytes(units=[unit_row("HG-KV1", "Phòng Thi hành án dân sự khu vực 1", "HG")],
                          officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV1")])


def _rewritten(parts: dict[str, bytes], extra: int = 0) -> bytes:
    """The good workbook with some parts replaced (or added), and ``extra`` empty parts."""
    source = zipfile.ZipFile(io.BytesIO(_good()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, parts.pop(item.filename, None) or source.read(item.filename))
        for name, data in parts.items():
            target.writestr(name, data)
        for n in range(extra):
            target.writestr(f"xl/media/empty{n}.bin", b"")
    return out.getvalue()


def shared_strings(count: int) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            f'2006/main" count="{count}" uniqueCount="{count}">').encode() + b"<si><t>a</t></si>" * count + b"</sst>"


HOSTILE = {
    "shared strings": (lambda: _rewritten({"xl/sharedStrings.xml": shared_strings(300_001)}),
                       "Tệp có quá nhiều chuỗi ký tự (300.001; tối đa 300.000)."),
    "zip bomb": (lambda: _rewritten({"xl/media/padding.bin": b"\0" * (61 * 1024 * 1024)}),
                 "Tệp khi giải nén quá lớn"),
    "compression ratio": (lambda: _rewritten({"xl/media/padding.bin": b"\0" * (3 * 1024 * 1024)}),
                          "Tệp bị nén bất thường (xl/media/padding.bin)"),
    "DTD": (lambda: _rewritten({"xl/sharedStrings.xml": b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "a">]>'
                                                          b"<sst/>"}), "Tệp chứa khai báo DTD (xl/sharedStrings.xml)"),
    "many parts": (lambda: _rewritten({}, extra=400), "Tệp có quá nhiều thành phần"),
    "truncated": (lambda: _good()[: len(_good()) // 2], "Tệp không phải bảng tính Excel .xlsx hợp lệ"),
    "foreign zip": (lambda: _zip_of({"readme.txt": b"hello"}), "Tệp không phải bảng tính Excel .xlsx hợp lệ."),
    "rows declared": (lambda: _rewritten({"xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet xmlns="'
                                          b'http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension '
                                          b'ref="A1:H900000"/><sheetData/></worksheet>'}),
                      "Trang tính có quá nhiều dòng (899.999; tối đa 60.000)."),
}


def _zip_of(parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("case", HOSTILE)
def test_check_refuses_with_the_reason(case):
    build, message = HOSTILE[case]
    with pytest.raises(CellError) as refused:
        workbook_guard.check(io.BytesIO(build()))
    assert message in str(refused.value)


def test_a_good_workbook_passes_and_is_left_at_its_start():
    file = io.BytesIO(_good())
    file.seek(100)
    workbook_guard.check(file)
    assert file.tell() == 0


@pytest.mark.parametrize("case", ["shared strings", "zip bomb", "DTD"])
def test_the_upload_form_refuses_it_and_stores_nothing(login, staff, media_root, case):
    build, message = HOSTILE[case]
    response = login(staff).post(reverse("emulation:import_start"), {
        "file": SimpleUploadedFile("don-vi.xlsx", build(), content_type=XLSX)})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Job.objects.exists() and not (media_root / "jobs").exists()


def test_a_hostile_file_that_reached_the_worker_fails_its_job_with_the_message(staff, province, media_root):
    build, message = HOSTILE["shared strings"]
    job = jobs.start_job(kind="import_organisation", user=staff, input_file=ContentFile(build(), name="x.xlsx"))
    assert tasks.import_organisation.apply(kwargs={"job_id": job.pk}).get() == "failed"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and message in job.errors[0]["message"]


def test_the_importer_refuses_more_rows_than_the_limit(settings, staff, province):
    settings.WORKBOOK_LIMITS = {"rows": 3}
    content = workbook_bytes(units=[unit_row(f"HG-KV{n}", f"Phòng Thi hành án dân sự khu vực {n}", "HG")
                                    for n in range(1, 6)])
    outcome = importers.import_organisation(io.BytesIO(content), user=staff)
    assert [e.message for e in outcome.errors] == ["Trang tính có quá nhiều dòng (5; tối đa 3)."]
    assert not Unit.objects.filter(code__startswith="HG-KV").exists()


def test_rows_are_counted_as_read_whatever_the_file_declares(settings):
    settings.WORKBOOK_LIMITS = {"rows": 3}
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    for n in range(6):
        sheet.append(["Mã", "Tên"] if n == 0 else [f"M{n}", f"Tên {n}"])
    errors = []
    records = read_sheet(book, "Đơn vị", ["Mã", "Tên"], errors)
    assert [number for number, _ in records] == [2, 3, 4]
    assert [(e.row, e.message) for e in errors] == [(5, "Trang tính có quá nhiều dòng (tối đa 3).")]


def test_a_job_keeps_the_first_200_errors_and_counts_them_all(login, staff):
    job = Job.objects.create(kind="import_organisation", created_by=staff, result={"kind": "x"})
    errors = [{"sheet": "Cán bộ", "row": n, "column": "Mã", "message": "Bắt buộc nhập."} for n in range(2, 252)]
    jobs.fail(job.pk, errors=errors, message="Không nhập dữ liệu nào: 250 lỗi cần sửa trong tệp.")
    job.refresh_from_db()
    assert (len(job.errors), job.error_count, job.errors[-1]["row"], job.result["kind"]) == (200, 250, 201, "x")
    page = login(staff).get(reverse("emulation:job_detail", args=[job.pk])).content.decode()
    assert "250 lỗi — chưa nhập dữ liệu nào" in page and "Dưới đây là 200 lỗi đầu tiên" in page
    assert page.count("Bắt buộc nhập.") == 200
