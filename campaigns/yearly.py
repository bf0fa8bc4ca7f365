"""Completion by cases year on year (tỷ lệ thi hành xong về việc qua các năm), per unit: pure functions over plain
values. A unit reorganised away (01/07/2025) hands its history to the unit that took over its work, so the
successor's line starts with its predecessors' years."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from emulation import lineage

from .attainment import rate


@dataclass(frozen=True)
class Figure:
    """A unit's latest confirmed figures in one campaign whose results period ends on ``ends_on``."""

    unit: int
    campaign: int
    ends_on: date
    completed: int
    with_conditions: int


def heir_of(edges, units, current: set[int]) -> dict[int, int]:
    """Each unit of ``units`` that is no longer current → the one current unit that took over its work (directly
    or through intermediate successions); a unit split among several current units keeps its own line."""
    heirs = {}
    for unit in units:
        if unit in current:
            continue
        found = lineage.successors_of(edges, [unit]) & current
        if len(found) == 1:
            heirs[unit] = found.pop()
    return heirs


def yearly_rates(figures, heirs: dict[int, int], *, years: int = 5) -> tuple[list[int], dict[int, dict]]:
    """(the last ``years`` years with figures, ascending; unit → {year: rate or None}).

    A unit's year is read from one campaign only: the one whose results period ends last in that year (two
    phases of a year are not added up). Predecessors' figures count for their heir, summed (a merger's rate is
    that of the merged whole); a year where nothing is "có điều kiện" has no rate (None), never 0 %."""
    latest = {}
    for figure in figures:
        key = (figure.unit, figure.ends_on.year)
        if key not in latest or (figure.ends_on, figure.campaign) > (latest[key].ends_on, latest[key].campaign):
            latest[key] = figure
    sums = defaultdict(lambda: [0, 0])
    for (unit, year), figure in latest.items():
        total = sums[(heirs.get(unit, unit), year)]
        total[0] += figure.completed
        total[1] += figure.with_conditions
    shown = sorted({year for _, year in sums})[-years:]
    rates = defaultdict(dict)
    for (unit, year), (completed, with_conditions) in sums.items():
        if year in shown:
            rates[unit][year] = rate(completed, with_conditions)
    return shown, dict(rates)


def as_percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
