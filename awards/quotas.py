"""Award quotas (chỉ tiêu khen thưởng): which quotas a nominee counts against, and whether a set of
nominees fits in what is left. Plain functions; ``services`` count the used places under a row lock."""

from collections import Counter
from dataclasses import dataclass

from campaigns.standings import subject_kinds


@dataclass(frozen=True)
class QuotaRule:
    id: int
    subject_kind: str
    per_unit: bool
    limit: int | None
    label: str


@dataclass(frozen=True)
class Seat:
    """One nominee as the quotas see it: its kinds (``campaigns.standings.subject_kinds``) and the
    proposing unit."""

    kinds: frozenset[str]
    unit_id: int


def seat(proposing_unit_id: int, *, officer=None, unit=None) -> Seat:
    """An officer's seat, or a collective's (``unit``) seat."""
    return Seat(frozenset(subject_kinds(unit=unit, officer=officer)), proposing_unit_id)


def counted_by(rule: QuotaRule, seat: Seat) -> bool:
    return rule.subject_kind in seat.kinds


def _key(rule: QuotaRule, seat: Seat):
    return (rule.id, seat.unit_id if rule.per_unit else None)


def usage(rules: list[QuotaRule], seats: list[Seat]) -> Counter:
    """Places used per (quota, unit or None)."""
    used = Counter()
    for seat in seats:
        for rule in rules:
            if counted_by(rule, seat):
                used[_key(rule, seat)] += 1
    return used


def overflows(rules: list[QuotaRule], taken: list[Seat], new: list[Seat]) -> list[str]:
    """Why ``new`` does not fit beside ``taken`` (empty list: it fits)."""
    before, after = usage(rules, taken), usage(rules, taken + new)
    errors = []
    for rule in rules:
        if rule.limit is None:
            continue
        for key, count in after.items():
            if key[0] == rule.id and count > rule.limit and count > before.get(key, 0):
                scope = " mỗi đơn vị" if rule.per_unit else ""
                errors.append(f"Vượt chỉ tiêu khen thưởng “{rule.label}”: tối đa {rule.limit}{scope}, "
                              f"đã dùng {before.get(key, 0)}, thêm {count - before.get(key, 0)}.")
    return errors


@dataclass(frozen=True)
class Standing:
    """Where a quota stands for one proposal: places taken by submitted proposals, by the draft being
    written, and what is left once the draft is sent (``left`` < 0: the draft goes over by ``-left``)."""

    rule: QuotaRule
    taken: int
    in_draft: int

    @property
    def left(self) -> int | None:
        return None if self.rule.limit is None else self.rule.limit - self.taken - self.in_draft

    @property
    def over(self) -> int:
        return max(-(self.left or 0), 0)


def standings(rules: list[QuotaRule], taken: list[Seat], unit_id: int | None = None,
              draft: list[Seat] = ()) -> list[Standing]:
    """Each quota's standing — a per-unit quota for ``unit_id`` — with the seats of a draft counted apart."""
    used, drafted = usage(rules, taken), usage(rules, list(draft))

    def key(rule):
        return (rule.id, unit_id if rule.per_unit else None)

    return [Standing(rule, used.get(key(rule), 0), drafted.get(key(rule), 0)) for rule in rules]
