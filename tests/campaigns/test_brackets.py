"""Bracket lookup and table validation on seed 001's exact tables (targets.md), gaps included."""

from decimal import Decimal

import pytest

from campaigns.brackets import Bracket, coverage_problems, find_bracket

pytestmark = pytest.mark.unit
TY = 10**9  # tỷ đồng

# Seed 001 as written: "dưới", "từ … đến dưới", "trên" (strictly over).
CHI_CUC_CASES = [Bracket(0, 800, Decimal(77)), Bracket(800, 1000, Decimal(76)), Bracket(1000, 1500, Decimal(75)),
                 Bracket(1500, None, Decimal(74), lower_inclusive=False)]
CHI_CUC_MONEY = [Bracket(0, 100 * TY, Decimal(40)), Bracket(100 * TY, 150 * TY, Decimal(38)),
                 Bracket(150 * TY, 300 * TY, Decimal(36)), Bracket(300 * TY, None, Decimal(34), lower_inclusive=False)]
CHV_CASES = [Bracket(0, 100, Decimal(77)), Bracket(100, 200, Decimal(75)), Bracket(200, 300, Decimal(73)),
             Bracket(300, None, Decimal(71), lower_inclusive=False)]
CHV_MONEY = [Bracket(0, 10 * TY, Decimal(45)), Bracket(10 * TY, 50 * TY, Decimal(43)),
             Bracket(50 * TY, 100 * TY, Decimal(41)), Bracket(100 * TY, None, Decimal(39), lower_inclusive=False)]


@pytest.mark.parametrize(("table", "value", "target"), [
    (CHI_CUC_CASES, 0, 77), (CHI_CUC_CASES, 799, 77), (CHI_CUC_CASES, 800, 76), (CHI_CUC_CASES, 999, 76),
    (CHI_CUC_CASES, 1000, 75), (CHI_CUC_CASES, 1499, 75), (CHI_CUC_CASES, 1501, 74),
    (CHI_CUC_MONEY, 99 * TY, 40), (CHI_CUC_MONEY, 100 * TY, 38), (CHI_CUC_MONEY, 300 * TY + 1, 34),
    (CHV_CASES, 299, 73), (CHV_CASES, 301, 71), (CHV_MONEY, 10 * TY, 43), (CHV_MONEY, 100 * TY + 1, 39),
])
def test_lookup(table, value, target):
    assert find_bracket(table, value).bracket.target == target


@pytest.mark.parametrize(("table", "gap"), [
    (CHI_CUC_CASES, 1500), (CHI_CUC_MONEY, 300 * TY), (CHV_CASES, 300), (CHV_MONEY, 100 * TY)])
def test_seed_001_tables_have_exactly_one_gap_at_the_edge(table, gap):
    problems = coverage_problems(table)
    assert [(p.kind, p.interval.lower, p.interval.is_point) for p in problems] == [("gap", gap, True)]
    placement = find_bracket(table, gap)
    assert placement.bracket is None
    assert "không thuộc khung nào" in placement.reason


def test_gap_is_named_in_vietnamese():
    assert [p.describe() for p in coverage_problems(CHI_CUC_CASES)] == ["Giá trị đúng 1.500 không thuộc khung nào."]


def test_fixed_table_has_no_problem():
    fixed = CHI_CUC_CASES[:3] + [Bracket(1500, None, Decimal(74))]
    assert coverage_problems(fixed) == []
    assert find_bracket(fixed, 1500).bracket.target == 74


def test_wider_gap_overlap_missing_start_and_missing_end():
    table = [Bracket(10, 100, Decimal(70)), Bracket(90, 200, Decimal(60)), Bracket(250, 400, Decimal(50))]
    described = [p.describe() for p in coverage_problems(table)]
    assert described == [
        "Giá trị [0; 10) không thuộc khung nào.",
        "Giá trị [90; 100) thuộc nhiều hơn một khung.",
        "Giá trị [200; 250) không thuộc khung nào.",
        "Giá trị [400; ∞) không thuộc khung nào.",
    ]
    assert "thuộc 2 khung" in find_bracket(table, 95).reason


def test_inclusive_edges_meeting_twice_overlap_at_a_point():
    table = [Bracket(0, 100, Decimal(70), upper_inclusive=True), Bracket(100, None, Decimal(60))]
    assert [p.describe() for p in coverage_problems(table)] == ["Giá trị đúng 100 thuộc nhiều hơn một khung."]


def test_bracket_wording():
    assert [b.describe() for b in CHI_CUC_CASES] == [
        "dưới 800", "từ 800 đến dưới 1.000", "từ 1.000 đến dưới 1.500", "trên 1.500"]
    assert Bracket(1500, None, Decimal(74)).describe() == "từ 1.500 trở lên"


def test_money_wording_in_ty_dong():
    from campaigns.brackets import money

    assert [b.describe(money) for b in CHV_MONEY] == [
        "dưới 10 tỷ đồng", "từ 10 tỷ đồng đến dưới 50 tỷ đồng", "từ 50 tỷ đồng đến dưới 100 tỷ đồng",
        "trên 100 tỷ đồng"]
    assert money(2_500_000) == "2.500.000 đồng"


# Overlaps are refused on save, naming both ranges; adjacency depends on the bounds' inclusivity.

from campaigns.brackets import overlap_errors  # noqa: E402


@pytest.mark.parametrize(("rows", "expected"), [
    ([(0, True, 500, True), (400, True, 1000, False)], ["Khoảng 0 – 500 và 400 – 1.000 chồng lấn nhau."]),
    ([(0, True, 500, False), (500, True, 1000, False)], []),  # adjacent: 500 in the second only
    ([(0, True, 500, True), (500, False, 1000, False)], []),  # adjacent: 500 in the first only
    ([(0, True, 500, True), (500, True, 1000, False)], ["Khoảng 0 – 500 và 500 – 1.000 chồng lấn nhau."]),
    ([(0, True, 800, False), (1000, True, 1500, False)], []),  # a gap is allowed
    ([(1500, False, None, False), (0, True, 2000, False)], ["Khoảng 0 – 2.000 và 1.500 – ∞ chồng lấn nhau."]),
])
def test_overlap_errors(rows, expected):
    brackets = [Bracket(lo, hi, Decimal(70), lo_inc, hi_inc) for lo, lo_inc, hi, hi_inc in rows]
    assert overlap_errors(brackets) == expected
