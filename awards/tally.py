"""Counting a council's secret ballot (kiểm phiếu): thresholds, quorum, per-item results, ranking.

Plain functions over plain values, no database. Percentages are always of the TOTAL council
membership, never of the members present (NĐ 98/2023 Điều 30 khoản 7): a 9-member council needs
8 "yes" votes for an 80 % threshold, whoever attends. An abstention (Không biểu quyết) and a
recused member are simply not "yes". A rule version states how its threshold compares:
"từ 80% trở lên" is at least (8 of 10 passes 80 %), "trên 50%" / "quá nửa" is strictly more
(2 of 4 does not pass, 3 of 4 does). Arithmetic is exact (integers, Decimal, Fraction); floats never
enter.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from .enums import ThresholdComparison

AT_LEAST, MORE_THAN = ThresholdComparison.AT_LEAST.value, ThresholdComparison.MORE_THAN.value

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


def _comparison(comparison: str) -> str:
    if comparison not in (AT_LEAST, MORE_THAN):
        raise ValueError(f"unknown threshold comparison: {comparison!r}")
    return comparison


def passes(yes: int, total_members: int, threshold_percent, comparison: str = AT_LEAST) -> bool:
    """``yes × 100 ≥ threshold × total`` (at least) or ``>`` (strictly more), over the whole membership."""
    share, bar = yes * HUNDRED, _percent(threshold_percent) * _members(total_members)
    return share > bar if _comparison(comparison) == MORE_THAN else share >= bar


def required_yes(total_members: int, threshold_percent, comparison: str = AT_LEAST) -> int:
    """The smallest number of "yes" votes that passes (see ``passes``)."""
    bar = _percent(threshold_percent) * _members(total_members) / HUNDRED
    floor = int(bar.to_integral_value(rounding=ROUND_FLOOR))
    if _comparison(comparison) == MORE_THAN or floor < bar:
        return floor + 1
    return floor


def percent_of(count: int, total_members: int) -> Decimal:
    """``count`` as a percentage of the whole membership, two decimals (as printed on the minutes)."""
    return (Decimal(count) * HUNDRED / _members(total_members)).quantize(CENT, rounding=ROUND_HALF_UP)


def quorum_fraction(quorum_percent) -> Fraction:
    """The share a stored quorum stands for. Percentages are stored with two decimals, so 2/3 is
    stored as 66.67: a value that is the two-decimal rounding of a simple fraction (denominator up
    to 12: 2/3, 1/3, 3/4, 4/5…) stands for that fraction exactly; any other value for itself."""
    stored = _percent(quorum_percent).quantize(CENT, rounding=ROUND_HALF_UP)
    exact = Fraction(stored) / 100
    simple = exact.limit_denominator(12)
    as_stored = (Decimal(simple.numerator) * HUNDRED / simple.denominator).quantize(CENT, rounding=ROUND_HALF_UP)
    return simple if as_stored == stored else exact


def quorum_met(participants: int, total_members: int, quorum_percent) -> bool:
    """At least the quorum's share of the members took part, compared exactly as fractions: with the
    default 2/3 (stored 66.67) that is ``participants × 3 ≥ total × 2``, so 6 of 9 meets it, 5 of 9
    does not, and 2000 of 3000 meets it while 1999 of 3000 does not."""
    return Fraction(participants, _members(total_members)) >= quorum_fraction(quorum_percent)


def threshold_phrase(threshold_text: str, comparison: str) -> str:
    """The threshold as the rule version words it, for pages and minutes: "từ 80% trở lên", "trên 50%".
    ``threshold_text`` is the percentage already formatted ("80%")."""
    if _comparison(comparison) == MORE_THAN:
        return _("trên %(threshold)s") % {"threshold": threshold_text}
    return _("từ %(threshold)s trở lên") % {"threshold": threshold_text}


@dataclass(frozen=True)
class ItemResult:
    """The count on one agenda item."""

    yes: int
    no: int
    abstain: int
    total_members: int
    threshold: Decimal
    comparison: str
    required: int
    percent: Decimal
    passed: bool
    reason: str


def tally_item(*, yes: int, no: int, total_members: int, threshold_percent, abstain: int = 0,
               comparison: str = AT_LEAST) -> ItemResult:
    """One item's count: abstentions are ballots that are not "yes"; so are the members who did not
    vote on it (absent, recused). All of them stay in the denominator."""
    if min(yes, no, abstain) < 0 or yes + no + abstain > _members(total_members):
        raise ValueError("more ballots than members")
    threshold = _percent(threshold_percent)
    required = required_yes(total_members, threshold, comparison)
    passed = passes(yes, total_members, threshold, comparison)
    values = {"yes": yes, "total": total_members, "required": required}
    if passed:
        reason = _("Đạt: %(yes)s/%(total)s thành viên Hội đồng đồng ý, cần tối thiểu %(required)s.") % values
    else:
        reason = _("Không đạt: %(yes)s/%(total)s thành viên Hội đồng đồng ý, cần tối thiểu %(required)s.") % values
    return ItemResult(yes=yes, no=no, abstain=abstain, total_members=total_members, threshold=threshold,
                      comparison=comparison, required=required, percent=percent_of(yes, total_members),
                      passed=passed, reason=reason)


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
