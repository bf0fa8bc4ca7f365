"""Attainment of every subject of a campaign against the targets that apply to it, with ranks in
peer groups (same target and bracket). Pure functions over already-loaded objects."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from emulation.models import UnitKind

from .attainment import Evaluation, State, evaluate
from .brackets import find_bracket, money, thousands
from .models import BracketBasis, MetricKind, SubjectKind

COMPLETION = {MetricKind.COMPLETION_CASES: "cases", MetricKind.COMPLETION_MONEY: "money"}


def subject_kinds(unit=None, officer=None) -> set[str]:
    if officer is not None:
        specific = SubjectKind.ENFORCEMENT_OFFICER if officer.is_enforcement_officer else SubjectKind.OTHER_OFFICER
        return {SubjectKind.OFFICER, specific}
    kinds = {SubjectKind.UNIT}
    if unit.kind == UnitKind.DIVISION:
        kinds.add(SubjectKind.DIVISION)
    if unit.kind == UnitKind.SUB_DEPARTMENT:
        kinds.add(SubjectKind.SUB_DEPARTMENT)
    return kinds


def applies(target, result, kinds: set[str] | None = None) -> bool:
    if target.subject_kind not in (kinds or subject_kinds(result.unit, result.officer)):
        return False
    return target.unit_id is None or (result.officer_id is None and target.unit_id == result.unit_id)


@dataclass
class Row:
    result: object
    target: object
    bracket_words: str
    target_value: Decimal | None
    evaluation: Evaluation
    actual_display: str
    peer_group: tuple
    rank: int | None = None  # within the peer group (same target and bracket)
    peers: int = 0
    overall_rank: int | None = None  # among all subjects of the target (the unit's place in the province)
    overall_peers: int = 0


def _completion_row(target, result, rule_brackets) -> Row:
    key = COMPLETION[target.metric_kind]
    total = getattr(result, f"{key}_total")
    completed, with_conditions = getattr(result, f"{key}_completed"), getattr(result, f"{key}_with_conditions")
    words, value, group = "", target.value, (target.pk, None)
    if target.basis != BracketBasis.NONE:
        basis_value = result.cases_total if target.basis == BracketBasis.CASES_TOTAL else result.money_total
        placement = find_bracket(rule_brackets, basis_value)
        if placement.bracket is None:
            return Row(result, target, "", None, Evaluation(State.NOT_COMPUTABLE, reason=placement.reason), "—",
                       (target.pk, "gap"))
        fmt = money if target.basis == BracketBasis.MONEY_TOTAL else thousands
        words, value = placement.bracket.describe(fmt), placement.bracket.target
        group = (target.pk, words)
    evaluation = evaluate(completed, with_conditions, value, total=total, strict=target.strict)
    shown = "—" if evaluation.rate is None else f"{evaluation.rate_display:.2f}%".replace(".", ",")
    return Row(result, target, words, value, evaluation, shown, group)


def _value_row(target, result, value) -> Row:
    group = (target.pk, None)
    if value is None:
        return Row(result, target, "", target.value, Evaluation(State.NOT_COMPUTABLE, reason="Chưa nhập kết quả."),
                   "—", group)
    if target.metric_kind in (MetricKind.BOOLEAN, MetricKind.COMPARISON):
        state = State.MET if value.achieved else State.NOT_MET
        return Row(result, target, "", None, Evaluation(state), "Đạt" if value.achieved else "Không đạt", group)
    if value.number is None:
        return Row(result, target, "", target.value, Evaluation(State.NOT_COMPUTABLE, reason="Chưa nhập kết quả."),
                   "—", group)
    met = value.number > target.value if target.strict else value.number >= target.value
    gap = Decimal(0) if met else target.value - value.number
    evaluation = Evaluation(State.MET if met else State.NOT_MET, rate=value.number, gap_points=gap)
    unit = "%" if target.metric_kind == MetricKind.PERCENTAGE else ""
    return Row(result, target, "", target.value, evaluation, f"{value.number.normalize():f}{unit}".replace(".", ","),
               group)


def standings(targets, results, values_by_result: dict) -> list[Row]:
    """One row per (result, applicable target), ranked by rate within each peer group.
    ``values_by_result``: result id → {target id → ResultValue}."""
    rows, brackets = [], {t.pk: t.rule_brackets() for t in targets}
    for result in results:
        values = values_by_result.get(result.pk, {})
        kinds = subject_kinds(result.unit, result.officer)
        for target in targets:
            if not applies(target, result, kinds):
                continue
            if target.metric_kind in COMPLETION:
                rows.append(_completion_row(target, result, brackets[target.pk]))
            else:
                rows.append(_value_row(target, result, values.get(target.pk)))
    _rank(rows)
    return rows


def _rank(rows: list[Row]) -> None:
    groups, overall = defaultdict(list), defaultdict(list)
    for row in rows:
        if row.evaluation.rate is not None and row.target.metric_kind in COMPLETION:
            groups[row.peer_group].append(row)
            overall[row.target.pk].append(row)
    for members in groups.values():
        for row, rank in _ranked(members):
            row.rank, row.peers = rank, len(members)
    for members in overall.values():
        for row, rank in _ranked(members):
            row.overall_rank, row.overall_peers = rank, len(members)


def _ranked(members: list[Row]):
    """Competition ranking by rate, highest first (equal rates share a rank: 1, 2, 2, 4)."""
    members = sorted(members, key=lambda r: r.evaluation.rate, reverse=True)
    previous, rank = None, 0
    for position, row in enumerate(members, start=1):
        if row.evaluation.rate != previous:
            rank, previous = position, row.evaluation.rate
        yield row, rank
