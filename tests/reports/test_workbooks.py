"""Workbooks in the exchange layout: read back with openpyxl (layout, print setup, numbers equal to
the database) and opened by LibreOffice (``soffice`` converts them to CSV without complaint)."""
# ruff: noqa: F811

import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from awards import tally
from awards.models import AchievementReport, AgendaItem, Nomination, Proposal, ProposalStatus
from awards.services import council as council_services
from campaigns.exporters import attainment_workbook
from campaigns.models import Result, Target, TargetBracket
from emulation.models import Officer
from reports import workbooks
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.awards.council_helpers import council_users, vote, voting_session
from tests.services import service_missing

pytestmark = pytest.mark.integration

ISSUER = "CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG"
VOTE_HEADERS = ["STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Danh hiệu, hình thức đề nghị",
                "Tóm tắt thành tích", "Kết quả xét điều kiện", "Số phiếu đồng ý", "Tỷ lệ (%)", "Kết quả bỏ phiếu",
                "Ghi chú"]
SOFFICE_TIMEOUT = 120
PROBE = Path(__file__).with_name("libreoffice_probe.py")


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


def _table(sheet, header_row: int) -> list[tuple]:
    return list(sheet.iter_rows(min_row=header_row + 1, values_only=True))


def assert_exchange_layout(sheet, *, title_lines: list[str], headers: list[str]):
    header_row, last = len(title_lines) + 2, sheet.cell(row=len(title_lines) + 2, column=len(headers)).column_letter
    assert [sheet.cell(row=r, column=1).value for r in range(1, len(title_lines) + 1)] == title_lines
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == sorted(
        f"A{r}:{last}{r}" for r in range(1, len(title_lines) + 1))
    assert sheet["A1"].font.bold and sheet["A2"].font.bold and sheet["A1"].font.name == "Times New Roman"
    assert [c.value for c in sheet[header_row]] == headers
    assert all(c.font.bold and c.alignment.wrap_text and c.border.bottom.style == "thin" for c in sheet[header_row])
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
    assert (sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.page_setup.fitToWidth) == (True, 1)
    assert sheet.print_title_rows == f"${header_row}:${header_row}"


# The nominee list


@pytest.fixture
def nine(province):
    return council_users(province, 9)


@pytest.fixture
def nominees(submitted_proposal):
    """Unit A's proposal with a position, an achievement summary and a stored eligibility verdict."""
    first = submitted_proposal.nominations.select_related("officer").order_by("position").first()
    first.officer.position = "Chấp hành viên trung cấp"
    first.officer.save()
    Officer.objects.filter(full_name="Lê Thị Cúc").update(position="Thư ký thi hành án")
    AchievementReport.objects.create(nomination=first, duties="Tổ chức thi hành án",
                                     achievements="Thi hành xong 312/400 việc có điều kiện, đạt 78,00 %.")
    Nomination.objects.filter(pk=first.pk).update(eligibility={"verdict": "eligible", "evaluated_on": "2024-06-25"})
    return submitted_proposal


def test_nominee_list_of_a_proposal(nominees, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = workbooks.nominee_rows_for_proposal(nominees)
    title_lines = workbooks.title_lines_for_proposal(nominees)
    sheet = _sheet(workbooks.nominee_list_workbook(rows, title_lines=title_lines))
    assert_exchange_layout(sheet, title_lines=[
        "CHI CỤC THI HÀNH ÁN DÂN SỰ THÀNH PHỐ VỊ THANH", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "Đợt thi đua cao điểm năm 2024",
        "(Kèm theo Tờ trình ngày 25/06/2024 của Chi cục Thi hành án dân sự thành phố Vị Thanh)"],
        headers=[h for h in VOTE_HEADERS if h not in VOTE_HEADERS[7:10]])
    award, unit = "Giấy khen của Cục trưởng Cục THADS tỉnh", "Chi cục Thi hành án dân sự thành phố Vị Thanh"
    assert _table(sheet, 6) == [
        (1, "Nguyễn Văn An", "Chấp hành viên trung cấp", unit, award,
         "Thi hành xong 312/400 việc có điều kiện, đạt 78,00 %.", "Đủ điều kiện", None),
        (2, "Lê Thị Cúc", "Thư ký thi hành án", unit, award, None, None, None),
        (3, unit, None, None, award, None, None, None),
    ]
    assert (sheet["A7"].number_format, sheet["A7"].border.left.style, sheet["B7"].font.size) == ("0", "thin", 12)


def test_nominee_list_of_a_campaign_takes_submitted_proposals_only(nominees, campaign_award, unit_b, officer_b,
                                                                   django_assert_num_queries):
    draft = Proposal.objects.create(campaign=campaign_award.campaign, unit=unit_b, title="Nháp",
                                    status=ProposalStatus.DRAFT)
    Nomination.objects.create(proposal=draft, campaign_award=campaign_award, unit=unit_b, officer=officer_b)
    with django_assert_num_queries(1):
        rows = workbooks.nominee_rows_for_campaign(campaign_award.campaign)
    assert [r.name for r in rows] == ["Nguyễn Văn An", "Lê Thị Cúc", "Chi cục Thi hành án dân sự thành phố Vị Thanh"]
    title_lines = workbooks.title_lines_for_campaign(campaign_award.campaign)
    assert title_lines == ["Cục Thi hành án dân sự tỉnh Hậu Giang", "Danh sách đề nghị khen thưởng",
                           "Đợt thi đua cao điểm năm 2024"]
    sheet = _sheet(workbooks.nominee_list_workbook(rows, title_lines=title_lines))
    assert [r[1] for r in _table(sheet, 5)] == [r.name for r in rows]


@pytest.fixture
def counted_session(staff, nominees, nine):
    """Nine members, eight vote: 8, 7 and 4 "yes" on the three nominees; closed and counted against the
    50 % threshold of the whole membership (5 of 9)."""
    session = voting_session(staff, nominees.campaign, nine)
    for index, user in enumerate(nine[:8]):
        vote(user, session, "yes", "yes" if index < 7 else "no", "yes" if index < 4 else "no")
    return council_services.close_session(actor=staff, session=session)


def test_nominee_list_of_a_council_session_carries_the_counted_votes(counted_session, django_assert_num_queries):
    with django_assert_num_queries(2):
        rows = workbooks.nominee_rows_for_session(counted_session)
    items = list(AgendaItem.objects.filter(session=counted_session).order_by("position"))
    title_lines = workbooks.title_lines_for_session(counted_session)
    sheet = _sheet(workbooks.nominee_list_workbook(rows, title_lines=title_lines, with_votes=True))
    assert_exchange_layout(sheet, title_lines=[
        ISSUER, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "Đợt thi đua cao điểm năm 2024",
        "(Kèm theo Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 10/07/2024)"], headers=VOTE_HEADERS)
    table = _table(sheet, 6)
    assert [r[7] for r in table] == [i.yes_count for i in items] == [8, 7, 4]
    assert [Decimal(str(r[8])) for r in table] == [tally.percent_of(i.yes_count, 9) for i in items] == [
        Decimal("88.89"), Decimal("77.78"), Decimal("44.44")]
    assert [r[9] for r in table] == ["Đạt" if i.passed else "Không đạt" for i in items]
    assert [r[10] for r in table] == ["Hội đồng thông qua"] * 2 + ["Hội đồng không thông qua"]
    assert (sheet["H7"].number_format, sheet["I7"].number_format) == ("#,##0", "0.00")
    assert isinstance(sheet["I7"].value, float) and isinstance(sheet["H7"].value, int)


def test_nominee_list_writes_ten_thousand_rows(nominees):
    row = workbooks.nominee_rows_for_proposal(nominees)[0]
    data = workbooks.nominee_list_workbook([row] * 10_000, title_lines=["Cục", "Danh sách", "Phụ đề"],
                                           with_votes=True)
    table = list(load_workbook(io.BytesIO(data), read_only=True).worksheets[0].iter_rows(min_row=6, values_only=True))
    assert (len(table), table[-1][:2], table[-1][7]) == (10_000, (10_000, "Nguyễn Văn An"), None)


# The attainment table


@pytest.fixture
def attainment_campaign(province_campaign, unit_a, unit_b):
    campaign = province_campaign
    cases = Target.objects.create(campaign=campaign, code="3.1", title="Chi cục – về việc",
                                  metric_kind="completion_cases", subject_kind="sub_department", basis="cases_total")
    TargetBracket.objects.create(target=cases, lower=0, upper=None, value=Decimal("76.00"))
    money = Target.objects.create(campaign=campaign, code="3.2", title="Chi cục – về tiền",
                                  metric_kind="completion_money", subject_kind="sub_department", basis="money_total")
    TargetBracket.objects.create(target=money, lower=0, upper=None, value=Decimal("40.00"))
    for unit, done in ((unit_a, 600), (unit_b, 640)):
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=900,
                              cases_with_conditions=800, cases_completed=done, money_total=3_000_000_000,
                              money_with_conditions=2_000_000_000, money_completed=700_000_000, status="confirmed")
    return campaign


def test_attainment_table_in_the_exchange_layout(attainment_campaign, staff):
    rows = sorted(workbooks.campaign_selectors.attainment_rows(staff, attainment_campaign),
                  key=lambda r: (r.result.unit.name, r.target.code))
    sheet = _sheet(attainment_workbook(attainment_campaign, rows))
    assert_exchange_layout(sheet, title_lines=[ISSUER, "BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA",
                                               "Đợt thi đua cao điểm năm 2024"],
                           headers=["STT", "Đơn vị", "Cá nhân", "Chỉ tiêu", "Loại chỉ tiêu", "Khung",
                                    "Mức chỉ tiêu (%)", "Thực hiện (%)", "Kết quả", "Còn thiếu (việc/đồng)",
                                    "Còn thiếu (điểm %)", "Xếp hạng", "Ghi chú"])
    table = _table(sheet, 5)
    money_row = next(r for r in table if r[1] == "Chi cục Thi hành án dân sự thành phố Vị Thanh" and r[3] == "3.2")
    assert money_row[6:11] == (40.0, 35.0, "Chưa đạt", 100_000_000, 5.0)
    assert [r[7] for r in table] == [float(r.evaluation.rate_display) for r in rows]
    assert [sheet.cell(row=6, column=c).number_format for c in (7, 8, 10, 11)] == ["0.00", "0.00", "#,##0", "0.00"]
    assert workbooks.attainment_workbook_for(attainment_campaign)[:2] == b"PK"


# LibreOffice


@pytest.fixture
def soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        service_missing("LibreOffice is not installed (apt-get install libreoffice-calc-nogui); checks skipped")
    return path


def libreoffice_csv(soffice, tmp_path, data: bytes) -> list[list[str]]:
    """The workbook's first sheet as LibreOffice shows it (formatted values), through a CSV export."""
    source, out = tmp_path / "book.xlsx", tmp_path / "out"
    source.write_bytes(data)
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=SOFFICE_TIMEOUT,
        env={**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"})
    errors = [line for line in done.stderr.splitlines() if line.strip() and "javaldx" not in line]
    assert (done.returncode, errors) == (0, [])
    with open(out / "book.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.services
def test_libreoffice_reads_the_council_list(soffice, tmp_path, counted_session):
    rows = workbooks.nominee_rows_for_session(counted_session)
    data = workbooks.nominee_list_workbook(rows, title_lines=workbooks.title_lines_for_session(counted_session),
                                           with_votes=True)
    lines = libreoffice_csv(soffice, tmp_path, data)
    assert lines[0][0] == ISSUER and lines[5] == VOTE_HEADERS
    assert [line[:2] for line in lines[6:]] == [
        ["1", "Nguyễn Văn An"], ["2", "Lê Thị Cúc"], ["3", "Chi cục Thi hành án dân sự thành phố Vị Thanh"]]
    assert [line[7:10] for line in lines[6:]] == [["8", "88.89", "Đạt"], ["7", "77.78", "Đạt"],
                                                  ["4", "44.44", "Không đạt"]]


@pytest.mark.services
def test_libreoffice_reads_the_attainment_table(soffice, tmp_path, attainment_campaign):
    lines = libreoffice_csv(soffice, tmp_path, workbooks.attainment_workbook_for(attainment_campaign))
    assert lines[1][0] == "BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA" and lines[4][:4] == [
        "STT", "Đơn vị", "Cá nhân", "Chỉ tiêu"]
    money = next(line for line in lines[5:] if line[1] == "Chi cục Thi hành án dân sự huyện Long Mỹ"
                 and line[3] == "3.2")
    assert money[6:11] == ["40.00", "35.00", "Chưa đạt", "100,000,000", "5.00"]


@pytest.fixture
def uno_python(soffice):
    """A Python with LibreOffice's UNO bridge (Debian's python3-uno lives outside the venv)."""
    for python in ("/usr/bin/python3", shutil.which("python3"), sys.executable):
        if python and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
            return python
    service_missing("python3-uno is not installed (apt-get install python3-uno); layout check skipped")


@pytest.mark.services
def test_libreoffice_keeps_merges_frozen_panes_and_print_setup(soffice, uno_python, tmp_path, counted_session):
    source = tmp_path / "danh-sach.xlsx"
    source.write_bytes(workbooks.nominee_list_workbook(
        workbooks.nominee_rows_for_session(counted_session),
        title_lines=workbooks.title_lines_for_session(counted_session), with_votes=True))
    done = subprocess.run([uno_python, str(PROBE), str(source), soffice], capture_output=True, text=True,
                          timeout=SOFFICE_TIMEOUT, env={**os.environ, "HOME": str(tmp_path)})
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == {
        "frozen": True, "split_row": 6, "landscape": True, "width_mm": 297, "height_mm": 210, "pages_wide": 1,
        "print_title_rows": True, "title_rows": [6, 6], "merged_rows": [1, 2, 3, 4]}


XLSX_RECORDS = {  # each Excel kind of the pipeline: the fixture giving its record, and the names it must list
    "proposal_list_xlsx": ("nominees", lambda proposal: proposal.pk),
    "campaign_nominees_xlsx": ("nominees", lambda proposal: proposal.campaign_id),
    "session_list_xlsx": ("counted_session", lambda session: session.pk),
    "campaign_attainment_xlsx": ("attainment_campaign", lambda campaign: campaign.pk),
}


def test_every_excel_kind_is_opened_by_libreoffice_below():
    from reports.documents import KINDS

    assert {code for code, kind in KINDS.items() if kind.extension == "xlsx"} == set(XLSX_RECORDS)


@pytest.mark.services
@pytest.mark.django_db
@pytest.mark.parametrize("code", sorted(XLSX_RECORDS))
def test_each_excel_document_opens_in_libreoffice_with_the_databases_names(code, soffice, tmp_path, request):
    from reports.documents import KINDS

    fixture, record_id = XLSX_RECORDS[code]
    record = request.getfixturevalue(fixture)
    data = KINDS[code].prepare(record_id(record)).render(None).data
    lines = libreoffice_csv(soffice, tmp_path, data)
    cells = {cell for line in lines for cell in line}
    if code == "campaign_attainment_xlsx":
        expected = set(Result.objects.filter(campaign=record).values_list("unit__name", flat=True))
    else:
        session = record if code == "session_list_xlsx" else None
        nominations = (Nomination.objects.filter(agenda_items__session=session) if session
                       else Nomination.objects.filter(proposal__campaign=record.campaign))
        expected = {str(n.subject) for n in nominations.select_related("officer", "unit")}
    assert expected and expected <= cells, expected - cells
