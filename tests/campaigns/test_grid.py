"""The grid's rules (``campaigns.grid``): reading a typed cell, checking a unit's line, what changed."""

from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.grid import (
    FIGURES,
    Row,
    changes,
    check_row,
    figure_columns,
    parse_cell,
    show,
    target_column,
    units_per_page,
)

pytestmark = pytest.mark.unit

WHOLE = figure_columns()[0]  # cases_total
MONEY = figure_columns()[3]  # money_total
RATE = target_column(7, "Tỷ lệ giải quyết đơn thư", verdict=False)
VERDICT = target_column(8, "Hoàn thành xuất sắc nhiệm vụ", verdict=True)
GROUPING = "Nhập số nguyên, chỉ gồm chữ số, có thể nhóm hàng nghìn bằng dấu chấm: 1.234.567."
DECIMAL = "Nhập một số, phần thập phân sau dấu phẩy: 76,5."


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("column", "text", "value", "errors"),
    [
        (WHOLE, "", None, []),
        (WHOLE, "  ", None, []),
        (WHOLE, "1200", 1200, []),
        (WHOLE, "1.200", 1200, []),
        (WHOLE, " 1.234.567 ", 1234567, []),
        (WHOLE, "0", 0, []),
        (WHOLE, "1.2.3", None, [GROUPING]),
        (WHOLE, "12.34", None, [GROUPING]),
        (WHOLE, "1,5", None, [GROUPING]),
        (WHOLE, "-3", None, [GROUPING]),
        (WHOLE, "abc", None, [GROUPING]),
        (WHOLE, "2.147.483.648", None, ["Số quá lớn: tối đa 2.147.483.647."]),
        (MONEY, "150.000.000.000", 150_000_000_000, []),
        (MONEY, "2.50.000", None, [GROUPING]),
        (RATE, "76,5", Decimal("76.5"), []),
        (RATE, "1.234,25", Decimal("1234.25"), []),
        (RATE, "80", Decimal("80"), []),
        (RATE, "76,5%", Decimal("76.5"), []),
        (RATE, "76,5 %", Decimal("76.5"), []),
        (RATE, "%", None, [DECIMAL]),
        (WHOLE, "80%", None, [GROUPING]),
        (RATE, "7.5", None, [DECIMAL]),
        (RATE, "76,555", None, ["Hãy chắc chắn rằng không có nhiều hơn 2 chữ số thập phân."]),
        (RATE, "", None, []),
        (VERDICT, "Đạt", True, []),
        (VERDICT, "đạt", True, []),
        (VERDICT, "DAT", True, []),
        (VERDICT, "x", True, []),
        (VERDICT, "Không đạt", False, []),
        (VERDICT, "khong  dat", False, []),
        (VERDICT, "Passed", True, []),
        (VERDICT, "not passed", False, []),
        (VERDICT, "", None, []),
        (VERDICT, "Chưa đánh giá", None, []),
        (VERDICT, "tốt", None, ["Ghi “Đạt” hoặc “Không đạt”, hoặc để trống."]),
    ],
)
def test_a_cell_is_read_as_the_single_result_form_reads_it(column, text, value, errors):
    assert parse_cell(column, text) == (value, errors)


@pytest.mark.parametrize(
    ("column", "value", "shown"),
    [
        (WHOLE, None, ""),
        (WHOLE, 0, "0"),
        (WHOLE, 1200, "1.200"),
        (MONEY, 150_000_000_000, "150.000.000.000"),
        (RATE, Decimal("76.50"), "76,5"),
        (RATE, Decimal("80.00"), "80"),
        (VERDICT, True, "Đạt"),
        (VERDICT, False, "Không đạt"),
    ],
)
def test_a_stored_value_is_shown_as_it_is_read_back(column, value, shown):
    assert show(column, value) == shown
    assert parse_cell(column, shown)[0] == value


COLUMNS = [*figure_columns(), RATE, VERDICT]
GOOD = dict(zip(FIGURES, ["900", "800", "600", "0", "0", "0"], strict=True))
STORED = {
    "cases_total": 900,
    "cases_with_conditions": 800,
    "cases_completed": 600,
    "money_total": 0,
    "money_with_conditions": 0,
    "money_completed": 0,
    "t7": Decimal("76.50"),
    "t8": None,
}
SUBMITTED = "Số liệu đã gửi, đang chờ xác nhận: rút lại rồi mới sửa."
CHAIN = "Số thi hành xong không được lớn hơn số có điều kiện thi hành. (về việc)"


@pytest.mark.parametrize(
    ("typed", "stored", "locked", "errors"),
    [
        ({}, None, "", {}),  # not reported yet: skipped
        (GOOD, None, "", {}),
        (GOOD | {"t7": "76,5", "t8": "Đạt"}, None, "", {}),
        (GOOD | {"cases_completed": "900"}, None, "", {"cases_completed": [CHAIN]}),
        (
            GOOD | {"money_with_conditions": "5"},
            None,
            "",
            {"money_completed": ["Số có điều kiện thi hành không được lớn hơn tổng số phải thi hành. (về tiền)"]},
        ),
        (GOOD | {"money_total": ""}, None, "", {"money_total": ["Nhập số liệu (0 nếu không có)."]}),
        ({"t8": "Đạt"}, None, "", {name: ["Nhập số liệu (0 nếu không có)."] for name in FIGURES}),
        (GOOD | {"cases_total": "9.00"}, None, "", {"cases_total": [GROUPING]}),
        ({}, STORED, "", {name: ["Nhập số liệu (0 nếu không có)."] for name in FIGURES}),  # a stored line emptied
        (GOOD | {"t7": "76,50"}, STORED, SUBMITTED, {}),  # a locked line posted back as it was
        (GOOD | {"t7": "80"}, STORED, SUBMITTED, {"t7": [SUBMITTED]}),
        (GOOD | {"cases_total": "901", "t7": "76,5"}, STORED, SUBMITTED, {"cases_total": [SUBMITTED]}),
    ],
)
def test_a_line_is_checked_cell_by_cell(typed, stored, locked, errors):
    row = Row(1, COLUMNS, stored=stored, locked=locked, typed=typed)
    check_row(row)
    assert row.errors == errors


@pytest.mark.parametrize(
    ("typed", "stored", "changed"),
    [
        (
            GOOD,
            None,
            {
                "cases_total": [None, 900],
                "cases_with_conditions": [None, 800],
                "cases_completed": [None, 600],
                "money_total": [None, 0],
                "money_with_conditions": [None, 0],
                "money_completed": [None, 0],
            },
        ),
        (GOOD | {"t7": "76,5"}, STORED, {}),  # unchanged: nothing to write, nothing audited
        (GOOD | {"t7": "76,5", "cases_completed": "700"}, STORED, {"cases_completed": [600, 700]}),
        (GOOD | {"t7": "", "t8": "Không đạt"}, STORED, {"t7": [Decimal("76.50"), None], "t8": [None, False]}),
    ],
)
def test_only_the_cells_that_differ_are_changes(typed, stored, changed):
    row = Row(1, COLUMNS, stored=stored, typed=typed)
    check_row(row)
    assert row.errors == {}
    assert changes(row) == changed


@pytest.mark.parametrize(("columns", "units"), [(6, 150), (10, 90), (900, 1), (2000, 1), (0, 900)])
def test_a_page_holds_no_more_cells_than_one_post_may_send(columns, units):
    assert units_per_page(columns) == units
