"""Excel import of units and officers: all-or-nothing, precise errors, scoped, audited."""

import datetime
import unicodedata
from io import BytesIO

import pytest

from emulation.importers import import_organisation, parse_gender, parse_kind, parse_text
from emulation.models import Assignment, AuditEntry, Officer, Unit
from emulation.spreadsheets import CellError, parse_bool, parse_date
from tests.emulation.workbooks import officer_row, unit_row, workbook_bytes
from tests.factories import UnitFactory, UserFactory


def _counts():
    return (Unit.objects.count(), Officer.objects.count(), Assignment.objects.count(), AuditEntry.objects.count())


@pytest.mark.unit
@pytest.mark.parametrize(("value", "expected"), [("có", True), ("Có", True), ("x", True), ("không", False),
                                                 (None, False), ("", False), (1, True)])
def test_parse_bool(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.unit
def test_parse_bool_rejects_other_words():
    with pytest.raises(CellError, match="ghi “có” hoặc “không”"):
        parse_bool("chắc vậy")


@pytest.mark.unit
def test_parse_date_reads_day_first_and_excel_dates():
    assert parse_date("05/11/2026") == datetime.date(2026, 11, 5)
    assert parse_date(datetime.datetime(2026, 11, 5, 0, 0)) == datetime.date(2026, 11, 5)
    assert parse_date("  ") is None
    with pytest.raises(CellError, match="dd/mm/yyyy"):
        parse_date("2026-11-05")


@pytest.mark.integration
def test_valid_workbook_creates_units_officers_assignments_and_audit(staff, province):
    content = workbook_bytes(
        units=[unit_row("HG-KV1", "Phòng Thi hành án dân sự khu vực 1", "HG"),
               unit_row("HG-KV1-TO", "Tổ nghiệp vụ", "HG-KV1", kind="division")],
        officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV1"), officer_row("CB-2", "Lê Văn Tâm", "HG-KV1-TO",
                                                                             gender="Nam")])
    progress = []
    outcome = import_organisation(BytesIO(content), user=staff, progress=lambda d, t: progress.append((d, t)))
    assert outcome.errors == []
    assert outcome.counts == {"units_created": 2, "units_updated": 0, "officers_created": 2, "officers_updated": 0}
    assert Unit.objects.get(code="HG-KV1-TO").parent.code == "HG-KV1"
    assert Officer.objects.get(code="CB-1").assignments.get().starts_on == datetime.date(2025, 7, 1)
    assert AuditEntry.objects.filter(actor=staff, action="create").count() == 4
    assert progress[-1] == (4, 4)


@pytest.mark.integration
def test_reimporting_the_same_file_changes_nothing(staff, province):
    content = workbook_bytes(units=[unit_row("HG-KV1", "Phòng THADS khu vực 1", "HG")],
                             officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV1")])
    import_organisation(BytesIO(content), user=staff)
    before = _counts()
    outcome = import_organisation(BytesIO(content), user=staff)
    assert outcome.counts == {"units_created": 0, "units_updated": 0, "officers_created": 0, "officers_updated": 0}
    assert _counts() == before


@pytest.mark.integration
def test_changing_the_unit_transfers_the_officer(staff, province, unit_a, unit_b):
    import_organisation(BytesIO(workbook_bytes(officers=[officer_row("CB-1", "Hồ Thị Thu", "HG-VT",
                                                                     starts_on="01/01/2020")])), user=staff)
    import_organisation(BytesIO(workbook_bytes(officers=[officer_row("CB-1", "Hồ Thị Thu", "HG-LM")])), user=staff)
    history = list(Officer.objects.get(code="CB-1").assignments.order_by("starts_on")
                   .values_list("unit__code", "ends_on"))
    assert history == [("HG-VT", datetime.date(2025, 7, 1)), ("HG-LM", None)]


@pytest.mark.integration
def test_wrong_header_is_reported_and_nothing_saved(staff, province):
    header = ["Mã", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Mã đơn vị cấp trên", "Hiệu lực từ",
              "Hiệu lực đến", "Vùng khó khăn"]
    before = _counts()
    outcome = import_organisation(BytesIO(workbook_bytes(units=[unit_row("X", "X", "HG")], unit_header=header)),
                                  user=staff)
    assert [(e.sheet, e.row) for e in outcome.errors] == [("Đơn vị", 1)]
    assert "Dòng tiêu đề phải là: Mã đơn vị, Tên đơn vị" in outcome.errors[0].message
    assert _counts() == before


@pytest.mark.integration
def test_three_bad_rows_give_three_precise_errors_and_save_nothing(staff, province):
    content = workbook_bytes(
        units=[unit_row("HG-KV1", "Phòng THADS khu vực 1", "HG"),
               unit_row("HG-KV2", "Phòng THADS khu vực 2", "KHONG-CO"),
               unit_row("HG-KV3", "Phòng THADS khu vực 3", "HG", valid_from="01/07/2025", valid_to="30/06/2025")],
        officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV1"),
                  officer_row("CB-2", "Trần Văn Bé", "HG-KV1", starts_on="2025-07-01")])
    before = _counts()
    outcome = import_organisation(BytesIO(content), user=staff)
    assert [e.as_dict() for e in outcome.errors] == [
        {"sheet": "Đơn vị", "row": 3, "column": "Mã đơn vị cấp trên", "message": "Không có đơn vị mã “KHONG-CO”."},
        {"sheet": "Đơn vị", "row": 4, "column": "Hiệu lực đến", "message": "Ngày hết hiệu lực trước ngày bắt đầu."},
        {"sheet": "Cán bộ", "row": 3, "column": "Ngày bắt đầu công tác",
         "message": "“2025-07-01” không phải ngày dạng dd/mm/yyyy."},
    ]
    assert _counts() == before


@pytest.mark.integration
def test_hidden_characters_and_implausible_dates_are_row_errors(staff, province):
    content = workbook_bytes(
        units=[unit_row("HG\u200b-KV1", "Phòng THADS khu vực 1", "HG"),
               unit_row("HG-KV2", "Phòng \u202eTHADS khu vực 2", "HG")],
        officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG-KV2", birth="01/01/2090"),
                  officer_row("CB-2", "Trần Văn Bé", "HG-KV2", birth="01/01/2010", starts_on="01/07/2025"),
                  officer_row("CB-3", "Lê Văn Cư", "HG-KV2", birth="01/01/1930")])
    before = _counts()
    outcome = import_organisation(BytesIO(content), user=staff)
    hidden = "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (%s): hãy gõ lại, không dán từ nơi khác."
    assert [e.as_dict() for e in outcome.errors] == [
        {"sheet": "Đơn vị", "row": 2, "column": "Mã đơn vị", "message": hidden % "U+200B"},
        {"sheet": "Đơn vị", "row": 3, "column": "Tên đơn vị", "message": hidden % "U+202E"},
        {"sheet": "Cán bộ", "row": 2, "column": "Ngày sinh", "message": "Ngày sinh không được ở tương lai."},
        {"sheet": "Cán bộ", "row": 3, "column": "Ngày sinh",
         "message": "Cán bộ phải đủ 18 tuổi khi bắt đầu công tác (ngày sinh 01/01/2010, bắt đầu 01/07/2025)."},
        {"sheet": "Cán bộ", "row": 4, "column": "Ngày sinh", "message": "Ngày sinh phải từ 01/01/1940 trở về sau."},
    ]
    assert _counts() == before


@pytest.mark.integration
def test_duplicates_missing_values_and_cycles(staff, province):
    content = workbook_bytes(
        units=[unit_row("A", "Đơn vị A", "B"), unit_row("B", "Đơn vị B", "A"), unit_row("A", "Lặp mã", "HG"),
               ["C", "", "", "loại lạ", "HG", "", "", ""]])
    messages = {(e.row, e.column, e.message) for e in import_organisation(BytesIO(content), user=staff).errors}
    assert (4, "Mã đơn vị", "Mã “A” trùng với dòng 2.") in messages
    assert (5, "Tên đơn vị", "Bắt buộc nhập.") in messages
    assert (5, "Loại đơn vị", "Loại đơn vị “loại lạ” không có trong danh mục.") in messages
    assert (2, "Mã đơn vị cấp trên", "Quan hệ cấp trên bị vòng lặp.") in messages


@pytest.mark.integration
def test_unit_head_cannot_import_into_another_unit(head_a, unit_a, unit_b, officer_b):
    content = workbook_bytes(officers=[officer_row("CB-9", "Phạm Thị Yến", "HG-LM"),
                                       officer_row(officer_b.code, "Đổi tên", "HG-VT")])
    before = _counts()
    errors = import_organisation(BytesIO(content), user=head_a).errors
    assert [(e.row, e.column, e.message) for e in errors] == [
        (2, "Mã đơn vị", "Đơn vị ngoài phạm vi bạn được quản lý."),
        (3, "Mã cán bộ", "Cán bộ ngoài phạm vi bạn được quản lý.")]
    assert _counts() == before


@pytest.mark.integration
def test_not_a_workbook(staff):
    errors = import_organisation(BytesIO(b"name,unit\nAn,HG\n"), user=staff).errors
    assert [e.message for e in errors] == ["Tệp không phải bảng tính Excel .xlsx hợp lệ (hỏng hoặc bị cắt cụt)."]


def _nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.unit
def test_parse_text_normalises_and_limits_length():
    assert parse_text(10)(101.0) == "101"
    assert parse_text(10)(None) == ""
    assert parse_text(10)(_nfd("  Hồng ")) == unicodedata.normalize("NFC", "Hồng")
    with pytest.raises(CellError, match="Dài quá 3 ký tự"):
        parse_text(3)("HG-VT")


@pytest.mark.unit
def test_parse_kind_and_gender_accept_labels_codes_and_decomposed_text():
    assert parse_kind("division") == "division"
    assert parse_kind(_nfd("phòng chuyên môn / văn phòng")) == "division"
    assert parse_gender(_nfd("Nữ")) == "female"
    assert parse_gender("NAM") == "male"
    with pytest.raises(CellError, match="ghi “Nam” hoặc “Nữ”"):
        parse_gender("khác")


@pytest.mark.integration
def test_unit_head_updates_own_unit_keeping_its_parent(head_a, unit_a):
    content = workbook_bytes(units=[unit_row("HG-VT", "Chi cục THADS thành phố Vị Thanh (mới)", "HG")])
    outcome = import_organisation(BytesIO(content), user=head_a)
    assert (outcome.errors, outcome.counts["units_updated"]) == ([], 1)
    unit_a.refresh_from_db()
    assert (unit_a.name, unit_a.parent.code) == ("Chi cục THADS thành phố Vị Thanh (mới)", "HG")
    entry = AuditEntry.objects.get(action="update")
    assert entry.changes["name"][1] == "Chi cục THADS thành phố Vị Thanh (mới)"


@pytest.mark.integration
def test_only_a_superuser_creates_a_top_level_unit(staff, province):
    content = workbook_bytes(units=[unit_row("BT", "Cục THADS tỉnh Bến Tre", "", kind="provincial"),
                                    unit_row("HG", province.name, "", kind="provincial")])
    errors = import_organisation(BytesIO(content), user=staff).errors
    assert [(e.row, e.column, e.message) for e in errors] == [
        (2, "Mã đơn vị cấp trên", "Chỉ quản trị hệ thống được tạo hoặc đưa đơn vị lên cấp cao nhất.")]
    assert not Unit.objects.filter(code="BT").exists()
    outcome = import_organisation(BytesIO(content), user=UserFactory(is_superuser=True))
    assert (outcome.errors, outcome.counts["units_created"]) == ([], 1)
    assert Unit.objects.get(code="BT").parent is None


@pytest.mark.integration
def test_a_cycle_through_stored_units_is_refused(staff, province, unit_a):
    before = _counts()
    errors = import_organisation(BytesIO(workbook_bytes(units=[unit_row("HG", province.name, "HG-VT",
                                                                        kind="provincial")])), user=staff).errors
    assert [(e.sheet, e.row, e.column, e.message) for e in errors] == [
        ("Đơn vị", 2, "Mã đơn vị cấp trên", "Quan hệ cấp trên bị vòng lặp.")]
    assert _counts() == before


@pytest.mark.integration
def test_moving_a_unit_keeps_every_path_consistent(staff, province, unit_a, officer_a):
    UnitFactory(code="HG-VT-1", name="Đội nghiệp vụ 1", kind="division", parent=unit_a)
    content = workbook_bytes(units=[unit_row("HG-VT", unit_a.name, "HG-KV"),
                                    unit_row("HG-KV", "Phòng THADS khu vực 1", "HG"),
                                    unit_row("HG-VT-1-A", "Tổ 1", "HG-VT-1", kind="division")])
    outcome = import_organisation(BytesIO(content), user=staff)
    assert outcome.errors == []
    chain, node = [], Unit.objects.get(code="HG-VT-1-A")
    while node is not None:
        chain.append(node.code)
        node = node.parent
    assert chain == ["HG-VT-1-A", "HG-VT-1", "HG-VT", "HG-KV", "HG"]
    for unit in Unit.objects.select_related("parent"):
        expected = (unit.parent.path if unit.parent else "/") + f"{unit.pk:06d}/"
        assert (unit.code, unit.path) == (unit.code, expected)


@pytest.mark.integration
def test_a_transfer_must_start_after_the_current_assignment(staff, province, unit_a, unit_b):
    import_organisation(BytesIO(workbook_bytes(officers=[officer_row("CB-1", "Hồ Thị Thu", "HG-VT",
                                                                     starts_on="01/01/2020")])), user=staff)
    before = _counts()
    errors = import_organisation(BytesIO(workbook_bytes(officers=[officer_row("CB-1", "Hồ Thị Thu", "HG-LM",
                                                                              starts_on="01/01/2019")])),
                                 user=staff).errors
    assert [(e.sheet, e.row, e.column, e.message) for e in errors] == [
        ("Cán bộ", 2, "Ngày bắt đầu công tác",
         "Đổi đơn vị thì ngày bắt đầu công tác phải sau ngày bắt đầu ở đơn vị hiện tại (01/01/2020).")]
    assert _counts() == before
    assert Officer.objects.get(code="CB-1").unit == unit_a


@pytest.mark.integration
def test_too_long_values_are_row_errors(staff, province):
    content = workbook_bytes(units=[unit_row("X" * 41, "Phòng THADS khu vực 1", "HG")],
                             officers=[officer_row("CB-1", "Nguyễn Thị Hồng", "HG")])
    errors = import_organisation(BytesIO(content), user=staff).errors
    assert [(e.sheet, e.row, e.column, e.message) for e in errors] == [
        ("Đơn vị", 2, "Mã đơn vị", "Dài quá 40 ký tự (đang có 41).")]
    assert not Officer.objects.exists()
