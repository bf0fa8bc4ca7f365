"""Workload brackets (khung theo tổng số phải giải quyết): which bracket a subject falls in, and
whether a table covers [0, ∞) with no gap and no overlap. Pure functions over plain values.

Tables are checked, never repaired: seed 001 as written leaves exactly 1.500 cases in no bracket
("từ 1.000 đến dưới 1.500" then "trên 1.500"); such a subject is reported, not guessed.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

Number = int | Decimal


def thousands(value: Number) -> str:
    """1500 → "1.500" (Vietnamese grouping)."""
    return f"{value:,}".replace(",", ".")


def money(value: Number) -> str:
    """Đồng amounts as plans write them: 100.000.000.000 → "100 tỷ đồng"; 2.500.000 → "2.500.000 đồng"."""
    if value and value % 10**9 == 0:
        return f"{thousands(value // 10**9)} tỷ đồng"
    return f"{thousands(value)} đồng"


@dataclass(frozen=True)
class Bracket:
    """One row of a tier table: ``lower``/``upper`` with explicit inclusivity; ``upper=None`` is ∞."""

    lower: Number
    upper: Number | None
    target: Decimal
    lower_inclusive: bool = True
    upper_inclusive: bool = False

    def contains(self, value: Number) -> bool:
        above = value >= self.lower if self.lower_inclusive else value > self.lower
        if self.upper is None:
            return above
        below = value <= self.upper if self.upper_inclusive else value < self.upper
        return above and below

    def describe(self, fmt=None) -> str:
        """Vietnamese wording as plans write it: "dưới 800", "từ 800 đến dưới 1.000", "trên 1.500"."""
        fmt = fmt or thousands
        if self.upper is None:
            return f"từ {fmt(self.lower)} trở lên" if self.lower_inclusive else f"trên {fmt(self.lower)}"
        high = f"đến {fmt(self.upper)}" if self.upper_inclusive else f"dưới {fmt(self.upper)}"
        if self.lower == 0 and self.lower_inclusive:
            return high
        low = f"từ {fmt(self.lower)}" if self.lower_inclusive else f"trên {fmt(self.lower)}"
        return f"{low} đến {high}" if not self.upper_inclusive else f"{low} {high}"


@dataclass(frozen=True)
class Interval:
    """A set of values on the line, for reporting gaps and overlaps."""

    lower: Number
    upper: Number | None
    lower_inclusive: bool
    upper_inclusive: bool

    @property
    def is_point(self) -> bool:
        return self.upper == self.lower and self.lower_inclusive and self.upper_inclusive

    def describe(self, fmt=thousands) -> str:
        if self.is_point:
            return f"đúng {fmt(self.lower)}"
        left = "[" if self.lower_inclusive else "("
        right = "∞)" if self.upper is None else (fmt(self.upper) + ("]" if self.upper_inclusive else ")"))
        return f"{left}{fmt(self.lower)}; {right}"


@dataclass(frozen=True)
class Problem:
    kind: str  # "gap" or "overlap"
    interval: Interval

    def describe(self, fmt=thousands) -> str:
        what = self.interval.describe(fmt)
        if self.kind == "gap":
            return f"Giá trị {what} không thuộc khung nào."
        return f"Giá trị {what} thuộc nhiều hơn một khung."


def coverage_problems(brackets: list[Bracket]) -> list[Problem]:
    """Gaps and overlaps of a table over [0, ∞), in order along the line."""
    problems = []
    reach, reach_inclusive = 0, False  # every value < reach is covered; reach itself iff reach_inclusive
    for b in sorted(brackets, key=lambda b: (b.lower, not b.lower_inclusive)):
        if reach is None:
            problems.append(Problem("overlap", Interval(b.lower, b.upper, b.lower_inclusive, b.upper_inclusive)))
            continue
        if b.lower > reach or (b.lower == reach and not reach_inclusive and not b.lower_inclusive):
            problems.append(Problem("gap", Interval(reach, b.lower, not reach_inclusive, not b.lower_inclusive)))
        elif b.lower < reach or (b.lower == reach and reach_inclusive and b.lower_inclusive):
            end, end_inclusive = _min_end(reach, reach_inclusive, b.upper, b.upper_inclusive)
            problems.append(Problem("overlap", Interval(b.lower, end, b.lower_inclusive, end_inclusive)))
        if b.upper is None:
            reach = None
        elif b.upper > reach or (b.upper == reach and b.upper_inclusive and not reach_inclusive):
            reach, reach_inclusive = b.upper, b.upper_inclusive
    if reach is not None:
        problems.append(Problem("gap", Interval(reach, None, not reach_inclusive, False)))
    return problems


def _min_end(a, a_inclusive, b, b_inclusive):
    if b is None or a < b:
        return a, a_inclusive
    if b < a:
        return b, b_inclusive
    return a, a_inclusive and b_inclusive


@dataclass(frozen=True)
class Placement:
    bracket: Bracket | None
    reason: str = ""


def find_bracket(brackets: list[Bracket], value: Number) -> Placement:
    """The one bracket containing ``value``; none (with the reason) in a gap or an overlap."""
    matches = [b for b in brackets if b.contains(value)]
    if len(matches) == 1:
        return Placement(matches[0])
    shown = thousands(value)
    if not matches:
        return Placement(None, f"Tổng số {shown} không thuộc khung nào của bảng chỉ tiêu.")
    return Placement(None, f"Tổng số {shown} thuộc {len(matches)} khung của bảng chỉ tiêu.")


def _intersect(a: Bracket, b: Bracket) -> bool:
    """Whether two brackets share a value, with their bounds' inclusivity (0–500 and 500–1.000 are
    adjacent when 500 belongs to one of them only)."""
    low, low_inclusive = max((a.lower, a.lower_inclusive), (b.lower, b.lower_inclusive),
                             key=lambda bound: (bound[0], not bound[1]))
    ends = [(x.upper, x.upper_inclusive) for x in (a, b) if x.upper is not None]
    if not ends:
        return True
    high, high_inclusive = min(ends, key=lambda bound: (bound[0], bound[1]))
    return low < high or (low == high and low_inclusive and high_inclusive)


def describe_range(bracket: Bracket, fmt=thousands) -> str:
    """"0 – 500", "1.500 – ∞" (the bounds as entered)."""
    upper = "∞" if bracket.upper is None else fmt(bracket.upper)
    return f"{fmt(bracket.lower)} – {upper}"


def overlap_errors(brackets: list[Bracket], fmt=thousands) -> list[str]:
    """One message per pair of brackets sharing a value, naming both ranges, in order along the line.
    A table with overlaps is refused on save; gaps are allowed (and reported by ``coverage_problems``)."""
    ordered = sorted(brackets, key=lambda b: (b.lower, not b.lower_inclusive))
    return [_("Khoảng %(first)s và %(second)s chồng lấn nhau.") % {
                "first": describe_range(a, fmt), "second": describe_range(b, fmt)}
            for i, a in enumerate(ordered) for b in ordered[i + 1:] if _intersect(a, b)]
