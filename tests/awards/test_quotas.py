"""Seed 001's quotas: enforcement officers unlimited, one other officer per division and per
sub-department, two division collectives, sub-department collectives unlimited; seed 002: 5
collectives and 10 individuals in total."""

import pytest

from awards.quotas import QuotaRule, Seat, overflows, standings

pytestmark = pytest.mark.unit

SEED_001 = [
    QuotaRule(1, "enforcement_officer", False, None, "Chấp hành viên"),
    QuotaRule(2, "other_officer", True, 1, "Cá nhân không là Chấp hành viên: 01 cá nhân/Phòng và Chi cục"),
    QuotaRule(3, "division", False, 2, "Tập thể Phòng chuyên môn: 02 tập thể"),
    QuotaRule(4, "sub_department", False, None, "Tập thể Chi cục THADS"),
]
CHV = frozenset({"officer", "enforcement_officer"})
OTHER = frozenset({"officer", "other_officer"})
DIVISION = frozenset({"unit", "division"})
SUB = frozenset({"unit", "sub_department"})


def test_unlimited_kinds_always_fit():
    assert overflows(SEED_001, [Seat(CHV, 1)] * 40, [Seat(CHV, 1)] * 10) == []
    assert overflows(SEED_001, [Seat(SUB, u) for u in range(11)], [Seat(SUB, 12)]) == []


def test_one_other_officer_per_unit():
    assert overflows(SEED_001, [Seat(OTHER, 1)], [Seat(OTHER, 2)]) == []
    errors = overflows(SEED_001, [Seat(OTHER, 1)], [Seat(OTHER, 1)])
    assert len(errors) == 1 and "tối đa 1 mỗi đơn vị" in errors[0]
    assert overflows(SEED_001, [], [Seat(OTHER, 3), Seat(OTHER, 3)])


def test_two_division_collectives_in_total():
    assert overflows(SEED_001, [Seat(DIVISION, 1)], [Seat(DIVISION, 2)]) == []
    errors = overflows(SEED_001, [Seat(DIVISION, 1), Seat(DIVISION, 2)], [Seat(DIVISION, 3)])
    assert errors == ["Vượt chỉ tiêu khen thưởng “Tập thể Phòng chuyên môn: 02 tập thể”: tối đa 2, đã dùng 2, thêm 1."]


def test_seed_002_totals_and_remaining():
    rules = [QuotaRule(5, "unit", False, 5, "5 tập thể"), QuotaRule(6, "officer", False, 10, "10 cá nhân")]
    taken = [Seat(SUB, 1)] * 4 + [Seat(OTHER, 1)] * 10
    assert overflows(rules, taken, [Seat(DIVISION, 2)]) == []
    assert overflows(rules, taken, [Seat(CHV, 2)])
    assert [(s.rule.id, s.taken, s.left) for s in standings(rules, taken)] == [(5, 4, 1), (6, 10, 0)]


@pytest.mark.parametrize(("taken", "draft", "expected"), [
    # (places taken by submitted proposals, nominees in the draft) → (left after the draft, over by)
    (0, 0, (3, 0)),
    (1, 1, (1, 0)),
    (0, 3, (0, 0)),
    (1, 3, (-1, 1)),   # "còn 1" before counting the draft's three: the draft goes over by one
    (3, 2, (-2, 2)),
])
def test_a_draft_counts_its_own_nominees_apart(taken, draft, expected):
    rules = [QuotaRule(7, "officer", True, 3, "03 cá nhân mỗi đơn vị")]
    [standing] = standings(rules, [Seat(OTHER, 1)] * taken + [Seat(OTHER, 2)] * 5, 1, [Seat(OTHER, 1)] * draft)
    assert (standing.taken, standing.in_draft, (standing.left, standing.over)) == (taken, draft, expected)


def test_an_unlimited_quota_has_nothing_left_to_count():
    [standing] = standings([QuotaRule(8, "officer", False, None, "không giới hạn")], [Seat(OTHER, 1)], 1,
                           [Seat(OTHER, 1)])
    assert (standing.left, standing.over) == (None, 0)


def test_an_overflow_already_there_is_not_blamed_on_an_unrelated_nominee():
    taken = [Seat(OTHER, 1), Seat(OTHER, 1)]  # e.g. entered before the quota was lowered
    assert overflows(SEED_001, taken, [Seat(CHV, 1)]) == []
