"""Completion by cases year on year (``campaigns.yearly``): one campaign per unit and year, heirs inherit."""

import datetime
from decimal import Decimal

import pytest

from campaigns.yearly import Figure, as_percent, heir_of, yearly_rates

pytestmark = pytest.mark.unit
D = datetime.date


def fig(unit, campaign, ends_on, completed, with_conditions):
    return Figure(unit, campaign, ends_on, completed, with_conditions)


@pytest.mark.parametrize(
    ("figures", "heirs", "expected"),
    [
        # one unit, two years
        (
            [fig(1, 10, D(2025, 9, 30), 75, 100), fig(1, 11, D(2026, 9, 30), 80, 100)],
            {},
            ([2025, 2026], {1: {2025: Decimal(75), 2026: Decimal(80)}}),
        ),
        # two campaigns ending in one year: the one ending last counts, phases are not added up
        (
            [fig(1, 10, D(2025, 6, 30), 50, 100), fig(1, 11, D(2025, 12, 31), 70, 100)],
            {},
            ([2025], {1: {2025: Decimal(70)}}),
        ),
        # predecessors' figures are summed for their heir: the merged whole's rate, not a mean of rates
        (
            [
                fig(1, 10, D(2025, 6, 30), 90, 100),
                fig(2, 10, D(2025, 6, 30), 10, 100),
                fig(3, 11, D(2026, 9, 30), 8, 10),
            ],
            {1: 3, 2: 3},
            ([2025, 2026], {3: {2025: Decimal(50), 2026: Decimal(80)}}),
        ),
        # nothing "có điều kiện": no rate, never 0 %
        ([fig(1, 10, D(2025, 9, 30), 0, 0)], {}, ([2025], {1: {2025: None}})),
    ],
)
def test_yearly_rates(figures, heirs, expected):
    assert yearly_rates(figures, heirs) == expected


def test_only_the_last_years_are_kept():
    figures = [fig(1, year, D(year, 9, 30), 1, 2) for year in range(2018, 2027)]
    years, rates = yearly_rates(figures, {}, years=3)
    assert years == [2024, 2025, 2026] and sorted(rates[1]) == [2024, 2025, 2026]


@pytest.mark.parametrize(
    ("edges", "units", "current", "expected"),
    [
        ([(1, 3), (2, 3)], {1, 2, 3}, {3}, {1: 3, 2: 3}),  # a merger
        ([(1, 2), (2, 3)], {1}, {3}, {1: 3}),  # through an intermediate succession
        ([(1, 2), (1, 3)], {1}, {2, 3}, {}),  # split among two current units: keeps its own line
        ([], {1}, set(), {}),  # dissolved without successor
    ],
)
def test_heir_of(edges, units, current, expected):
    assert heir_of(edges, units, current) == expected


def test_as_percent_rounds_half_up():
    assert (as_percent(Decimal("76.005")), as_percent(None)) == (Decimal("76.01"), None)
