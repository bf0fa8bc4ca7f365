"""Counting a council's secret ballot (kiểm phiếu): thresholds, quorum, per-item results, ranking.

Plain functions over plain values, no database. Percentages are always of the TOTAL council
membership, never of the members present (NĐ 98/2023 Điều 30 khoản 7): a 9-member council needs
8 "yes" votes for an 80 % threshold, whoever attends. Arithmetic is exact (integers and Decimal);
floats never enter.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def _percent(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("percentages are Decimal, int or str, never float")
    percent = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not Decimal(0) <= percent <= HUNDRED:
        raise ValueError(f"percentage out of range: {value}")
    return percent


def _members(total_members: int) -> int:
    if total_members <= 0:
        raise ValueError("a council has at least one member")
    return total_members


def required_yes(total_members: int, threshold_percent) -> int:
    """The smallest number of "yes" votes ``y`` with ``y × 100 ≥ threshold × total``."""
    needed = _percent(threshold_percent) * _members(total_members) / HUNDRED
    return int(needed.to_integral_value(rounding=ROUND_CEILING))


def passes(yes: int, total_members: int, threshold_percent) -> bool:
    return yes * HUNDRED >= _percent(threshold_percent) * _members(total_members)


def percent_of(count: int, total_members: int) -> Decimal:
    """``count`` as a percentage of the whole membership, two decimals (as printed on the minutes)."""
    return (Decimal(count) * HUNDRED / _members(total_members)).quantize(CENT, rounding=ROUND_HALF_UP)


def quorum_met(participants: int, total_members: int, quorum_percent) -> bool:
    """At least ``quorum_percent`` of the members took part. The quorum is stored with two decimals
    (66.67 stands for 2/3), so the share of members taking part is compared at that precision:
    6 of 9 members is 66.67 % and meets a 66.67 % quorum."""
    return percent_of(participants, total_members) >= _percent(quorum_percent)


@dataclass(frozen=True)
class ItemResult:
    """The count on one agenda item."""

    yes: int
    no: int
    total_members: int
    threshold: Decimal
    required: int
    percent: Decimal
    passed: bool
    reason: str


def tally_item(*, yes: int, no: int, total_members: int, threshold_percent) -> ItemResult:
    if yes < 0 or no < 0 or yes + no > _members(total_members):
        raise ValueError("more ballots than members")
    threshold = _percent(threshold_percent)
    required = required_yes(total_members, threshold)
    passed = passes(yes, total_members, threshold)
    values = {"yes": yes, "total": total_members, "required": required}
    if passed:
        reason = _("Đạt: %(yes)s/%(total)s thành viên Hội đồng đồng ý, cần tối thiểu %(required)s.") % values
    else:
        reason = _("Không đạt: %(yes)s/%(total)s thành viên Hội đồng đồng ý, cần tối thiểu %(required)s.") % values
    return ItemResult(yes=yes, no=no, total_members=total_members, threshold=threshold, required=required,
                      percent=percent_of(yes, total_members), passed=passed, reason=reason)


@dataclass(frozen=True)
class Ranking:
    """Which passed nominations fit within a limit. ``tied`` share the last places: ``places_left``
    of them are chosen by the chair (Chủ tịch Hội đồng quyết định)."""

    selected: tuple
    tied: tuple
    places_left: int
    excluded: tuple

    @property
    def has_tie(self) -> bool:
        return bool(self.tied)


def rank_by_votes(candidates: Sequence[tuple[Hashable, int]], limit: int | None) -> Ranking:
    """Order ``(key, yes)`` pairs by yes votes, highest first (stable for equal counts), and keep
    ``limit`` of them. When the last place is shared by several candidates, they are all ``tied``."""
    ordered = sorted(candidates, key=lambda pair: -pair[1])
    keys = tuple(key for key, _yes in ordered)
    if limit is None or len(ordered) <= limit:
        return Ranking(selected=keys, tied=(), places_left=0, excluded=())
    if limit <= 0:
        return Ranking(selected=(), tied=(), places_left=0, excluded=keys)
    cut = ordered[limit - 1][1]
    if ordered[limit][1] != cut:
        return Ranking(selected=keys[:limit], tied=(), places_left=0, excluded=keys[limit:])
    above = tuple(key for key, yes in ordered if yes > cut)
    tied = tuple(key for key, yes in ordered if yes == cut)
    below = tuple(key for key, yes in ordered if yes < cut)
    return Ranking(selected=above, tied=tied, places_left=limit - len(above), excluded=below)
