"""The overall standing rule (``campaigns.ranking``): groups, targets met, mean and weakest ratio, shared ranks."""

from decimal import Decimal

import pytest

from campaigns.ranking import Mark, ratio, standings

pytestmark = pytest.mark.unit
D = Decimal


def met(target, r=None):
    return Mark(target, "met", None if r is None else D(r))


def short(target, r=None):
    return Mark(target, "not_met", None if r is None else D(r))


def none(target):
    return Mark(target, "not_computable")


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # more targets met ranks higher, whatever the ratios
        ({1: [met(10, "1.01"), met(11, "1.00")], 2: [met(10, "1.30"), short(11, "0.99")]}, {1: 1, 2: 2}),
        # equal targets met: the higher mean ratio
        ({1: [met(10, "1.02"), met(11, "1.02")], 2: [met(10, "1.05"), met(11, "1.01")]}, {2: 1, 1: 2}),
        # equal met and mean: the higher weakest ratio (balanced beats one carried by a single target)
        ({1: [met(10, "1.10"), met(11, "1.00")], 2: [met(10, "1.05"), met(11, "1.05")]}, {2: 1, 1: 2}),
        # still equal: a shared rank, the next one skips (1, 2, 2, 4)
        (
            {1: [met(10, "1.2")], 2: [met(10, "1.1")], 3: [met(10, "1.1")], 4: [short(10, "0.9")]},
            {1: 1, 2: 2, 3: 2, 4: 4},
        ),
        # no figure at all ranks below a figure, at equal targets met
        ({1: [none(10)], 2: [short(10, "0.10")]}, {2: 1, 1: 2}),
        # yes/no targets count as met without a ratio; the mean is over the targets with a figure
        ({1: [met(10), met(11, "1.00")], 2: [met(10), met(11, "1.01")]}, {2: 1, 1: 2}),
        # exact ratios decide: 1.0001 beats 1.0000
        ({1: [met(10, "1.0000")], 2: [met(10, "1.0001")]}, {2: 1, 1: 2}),
    ],
)
def test_ranks_within_a_group(marks, expected):
    assert {s.unit: s.rank for s in standings(marks)} == expected


def test_units_are_compared_only_with_units_judged_on_the_same_targets():
    found = standings(
        {1: [met(10, "1.5")], 2: [short(10, "0.5")], 3: [short(20, "0.8")], 4: [met(10, "1.1"), met(20, "1.1")]}
    )
    assert [(s.group, s.unit, s.rank, s.peers) for s in found] == [
        ((10,), 1, 1, 2),
        ((10,), 2, 2, 2),
        ((10, 20), 4, 1, 1),
        ((20,), 3, 1, 1),
    ]


def test_a_standing_counts_its_targets_and_keeps_its_ratios():
    (standing,) = standings({7: [met(10, "1.10"), short(11, "0.90"), none(12)]})
    assert (standing.met, standing.assessed, standing.not_computable) == (1, 3, 1)
    assert (standing.mean_ratio, standing.min_ratio) == (D("1.00"), D("0.90"))
    (empty,) = standings({8: [none(10)]})
    assert (empty.rank, empty.mean_ratio, empty.min_ratio) == (1, None, None)


@pytest.mark.parametrize(
    ("actual", "level", "expected"),
    [
        (D("80"), D("76"), D("80") / D("76")),
        (D("76"), D("76"), D(1)),
        (None, D("76"), None),
        (D("80"), None, None),
        (D("5"), D("0"), None),
    ],
)
def test_ratio_of_the_figure_to_the_level(actual, level, expected):
    assert ratio(actual, level) == expected
