"""Counting the secret ballot: thresholds over the whole membership, quorum, ranking (no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.utils import translation

from awards.tally import (
    passes,
    percent_of,
    quorum_fraction,
    quorum_met,
    rank_by_votes,
    required_yes,
    tally_item,
    threshold_phrase,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("members", "threshold", "needed"), [
    (9, 80, 8),          # law.md §1.5: ceil(0.8 × 9) = 8
    (10, 90, 9),
    (10, 80, 8),         # exact: 8 × 100 = 80 × 10
    (11, 90, 10),        # 9.9 → 10
    (7, 50, 4),          # 3.5 → 4
    (8, 50, 4),          # exact half
    (9, "66.67", 7),     # 6.0003 → 7 (votes are exact; 2/3 quorum is compared differently)
    (5, 100, 5),
    (5, 0, 0),
    (12, Decimal("80.00"), 10),
])
def test_required_yes_is_the_smallest_count_reaching_the_threshold(members, threshold, needed):
    assert required_yes(members, threshold) == needed
    assert passes(needed, members, threshold) is True
    if needed:
        assert passes(needed - 1, members, threshold) is False


def test_denominator_is_the_whole_membership_not_those_present():
    # 7 of 9 members vote, all yes: 100 % of those present, but 77.78 % of the council
    assert passes(7, 9, 80) is False
    assert tally_item(yes=7, no=0, total_members=9, threshold_percent=80).percent == Decimal("77.78")


def test_exact_boundary_has_no_float_error():
    # 0.7 × 10 would be 7.000000000000001 in floats
    assert required_yes(10, "70") == 7
    assert required_yes(100, "57.01") == 58
    assert passes(57, 100, "57.00") is True


def test_floats_are_refused():
    with pytest.raises(TypeError):
        required_yes(9, 80.0)


@pytest.mark.parametrize("bad", [(0, 80), (9, 101), (9, -1)])
def test_out_of_range_values_are_refused(bad):
    with pytest.raises(ValueError):
        required_yes(*bad)


@pytest.mark.parametrize(("participants", "members", "met"), [
    (6, 9, True), (5, 9, False), (8, 12, True), (7, 12, False), (10, 15, True), (9, 15, False), (9, 9, True),
])
def test_quorum_of_two_thirds(participants, members, met):
    assert quorum_met(participants, members, Decimal("66.67")) is met


def test_quorum_over_whole_membership():
    assert quorum_met(8, 10, 80) is True
    assert quorum_met(7, 10, 80) is False


def test_item_result_gives_counts_percent_and_reason():
    result = tally_item(yes=8, no=1, total_members=9, threshold_percent=80)
    assert (result.yes, result.no, result.percent, result.required, result.passed) == (8, 1, Decimal("88.89"), 8, True)
    assert result.reason == "Đạt: 8/9 thành viên Hội đồng đồng ý, cần tối thiểu 8."
    failed = tally_item(yes=4, no=5, total_members=9, threshold_percent=50)
    assert (failed.passed, failed.percent) == (False, Decimal("44.44"))
    assert failed.reason == "Không đạt: 4/9 thành viên Hội đồng đồng ý, cần tối thiểu 5."


def test_item_result_refuses_more_ballots_than_members():
    with pytest.raises(ValueError):
        tally_item(yes=5, no=5, total_members=9, threshold_percent=50)


def test_percent_rounds_half_up_to_two_decimals():
    assert percent_of(2, 3) == Decimal("66.67")
    assert percent_of(1, 8) == Decimal("12.50")


def test_ranking_within_limit_keeps_everyone():
    ranking = rank_by_votes([("a", 5), ("b", 9)], limit=3)
    assert (ranking.selected, ranking.tied, ranking.excluded) == (("b", "a"), (), ())
    assert rank_by_votes([("a", 5)], limit=None).selected == ("a",)


def test_ranking_orders_by_votes_and_cuts_at_the_limit():
    ranking = rank_by_votes([("a", 7), ("b", 9), ("c", 8), ("d", 6)], limit=2)
    assert (ranking.selected, ranking.tied, ranking.excluded, ranking.has_tie) == (("b", "c"), (), ("a", "d"), False)


def test_ranking_reports_a_tie_on_the_last_place_for_the_chair():
    ranking = rank_by_votes([("a", 9), ("b", 8), ("c", 8), ("d", 8), ("e", 7)], limit=2)
    assert ranking.selected == ("a",)
    assert ranking.tied == ("b", "c", "d")
    assert ranking.places_left == 1
    assert ranking.excluded == ("e",)
    assert ranking.has_tie is True


def test_tie_above_the_cut_is_not_a_tie_for_the_last_place():
    ranking = rank_by_votes([("a", 9), ("b", 9), ("c", 8)], limit=2)
    assert (ranking.selected, ranking.tied, ranking.excluded) == (("a", "b"), (), ("c",))


# The comparison the rule version states: "từ X% trở lên" (at least) or "trên X%" / "quá nửa" (strictly more)

@pytest.mark.parametrize(("yes", "members", "threshold", "comparison", "passed"), [
    (2, 4, 50, "more_than", False),   # quá nửa: exactly half is not more than half
    (3, 4, 50, "more_than", True),
    (2, 4, 50, "at_least", True),
    (8, 10, 80, "at_least", True),    # NĐ 98/2023 Đ30 k7: "từ 80% trở lên"
    (8, 10, 80, "more_than", False),
    (9, 10, 80, "more_than", True),
    (5, 9, 50, "more_than", True),    # 55.6 % of 9
    (4, 9, 50, "more_than", False),
    (7, 9, 80, "at_least", False),    # 77.78 % < 80 %
    (8, 9, 80, "at_least", True),
])
def test_passes_honours_the_comparison(yes, members, threshold, comparison, passed):
    assert passes(yes, members, threshold, comparison) is passed
    assert (yes >= required_yes(members, threshold, comparison)) is passed


@pytest.mark.parametrize(("members", "threshold", "comparison", "needed"), [
    (4, 50, "more_than", 3), (4, 50, "at_least", 2), (10, 80, "more_than", 9), (10, 80, "at_least", 8),
    (9, 50, "more_than", 5), (9, 80, "more_than", 8), (5, 100, "more_than", 6), (5, 0, "more_than", 1),
])
def test_required_yes_for_each_comparison(members, threshold, comparison, needed):
    assert required_yes(members, threshold, comparison) == needed


def test_an_unknown_comparison_is_refused():
    with pytest.raises(ValueError):
        passes(3, 4, 50, "about")


def test_abstentions_are_ballots_that_are_not_yes():
    # 4 members: 2 yes, 0 no, 2 abstain → 50 %: not more than half
    result = tally_item(yes=2, no=0, abstain=2, total_members=4, threshold_percent=50, comparison="more_than")
    assert (result.yes, result.no, result.abstain, result.percent, result.passed) == (2, 0, 2, Decimal("50.00"), False)
    assert result.required == 3
    assert tally_item(yes=3, no=0, abstain=1, total_members=4, threshold_percent=50,
                      comparison="more_than").passed is True


def test_more_ballots_than_members_counting_abstentions_is_refused():
    with pytest.raises(ValueError):
        tally_item(yes=2, no=1, abstain=2, total_members=4, threshold_percent=50)


@pytest.mark.parametrize(("participants", "members", "quorum", "met"), [
    (6, 9, "66.67", True), (5, 9, "66.67", False),
    (2000, 3000, "66.67", True), (1999, 3000, "66.67", False),   # exact 2/3, not 66.67 %: 1999/3000 = 66.63 %
    (39999, 60000, "66.67", False),  # 66.665 % rounds to 66.67 %, but 39999 × 3 < 60000 × 2: below 2/3
    (40000, 60000, "66.67", True),
    (4, 5, 80, True), (3, 5, 80, False), (57, 100, "57.01", False), (58, 100, "57.01", True),
])
def test_quorum_is_compared_as_an_exact_fraction(participants, members, quorum, met):
    assert quorum_met(participants, members, quorum) is met


@pytest.mark.parametrize(("stored", "fraction"), [
    ("66.67", Fraction(2, 3)), ("33.33", Fraction(1, 3)), (80, Fraction(4, 5)), (75, Fraction(3, 4)),
    ("57.01", Fraction(5701, 10000)), (100, Fraction(1)), ("66.6", Fraction(333, 500)),
])
def test_a_stored_quorum_stands_for_its_simple_fraction(stored, fraction):
    assert quorum_fraction(stored) == fraction


@pytest.mark.parametrize(("text", "comparison", "phrase"), [
    ("80%", "at_least", "từ 80% trở lên"), ("50%", "more_than", "trên 50%"),
    ("66,67%", "at_least", "từ 66,67% trở lên"),
])
def test_threshold_phrase_words_the_comparison(text, comparison, phrase):
    with translation.override("vi"):
        assert threshold_phrase(text, comparison) == phrase
