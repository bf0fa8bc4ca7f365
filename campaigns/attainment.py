"""Attainment of a completion-rate target (tỷ lệ thi hành xong trên có điều kiện): exact rules.

rate = completed ÷ with conditions × 100. A target of T % is met when
``completed × 100 ≥ T × with_conditions`` in integer arithmetic; the rate shown is rounded to two
decimals but never decides (75,996 % does not meet 76 %). With nothing "có điều kiện" there is no
rate: the subject is not computable, never 0 % or 100 %.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDREDTHS = Decimal("0.01")


class State(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_COMPUTABLE = "not_computable"


@dataclass(frozen=True)
class Evaluation:
    state: State
    rate: Decimal | None = None  # exact (not rounded) percentage
    gap_units: int = 0  # cases or đồng still needed
    gap_points: Decimal = Decimal(0)  # percentage points still needed (rounded up to 0,01)
    reason: str = ""

    @property
    def rate_display(self) -> Decimal | None:
        return None if self.rate is None else self.rate.quantize(HUNDREDTHS, rounding=ROUND_HALF_UP)


def input_errors(completed: int, with_conditions: int, total: int | None = None) -> list[str]:
    """Invariants of the inputs: 0 ≤ completed ≤ with conditions ≤ total."""
    errors = []
    if min(completed, with_conditions, total or 0) < 0:
        errors.append("Số liệu không được âm.")
    if completed > with_conditions:
        errors.append("Số thi hành xong không được lớn hơn số có điều kiện thi hành.")
    if total is not None and with_conditions > total:
        errors.append("Số có điều kiện thi hành không được lớn hơn tổng số phải thi hành.")
    return errors



def figure_errors(figures) -> dict[str, list[str]]:
    """The chains of a result's six figures (a mapping of field name → number), each problem on the
    completed figure of its chain: cases, then money. A chain with a figure missing (None) is not checked."""
    errors = {}
    for key, label in (("cases", "về việc"), ("money", "về tiền")):
        chain = [figures[f"{key}_completed"], figures[f"{key}_with_conditions"], figures[f"{key}_total"]]
        if None in chain:
            continue
        if problems := input_errors(*chain):
            errors[f"{key}_completed"] = [f"{p} ({label})" for p in problems]
    return errors

def _hundredths(target: Decimal) -> int:
    scaled = Decimal(target) * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"target {target} has more than two decimal places")
    return int(scaled)


def rate(completed: int, with_conditions: int) -> Decimal | None:
    if with_conditions == 0:
        return None
    return Decimal(completed) * 100 / Decimal(with_conditions)


def is_met(completed: int, with_conditions: int, target: Decimal, strict: bool = False) -> bool:
    """``strict`` for targets written "trên T %" (above), otherwise "đạt T %" (at least)."""
    if strict:
        return completed * 10000 > _hundredths(target) * with_conditions
    return completed * 10000 >= _hundredths(target) * with_conditions


def units_needed(completed: int, with_conditions: int, target: Decimal, strict: bool = False) -> int:
    """The smallest whole number of extra cases (or đồng) that would meet the target."""
    scaled = _hundredths(target) * with_conditions
    needed = scaled // 10000 + 1 if strict else -(-scaled // 10000)  # floor(T×w/100)+1, or ceil(T×w/100)
    return max(needed - completed, 0)


def evaluate(completed: int, with_conditions: int, target: Decimal, total: int | None = None,
             strict: bool = False) -> Evaluation:
    errors = input_errors(completed, with_conditions, total)
    if errors:
        return Evaluation(State.NOT_COMPUTABLE, reason=" ".join(errors))
    actual = rate(completed, with_conditions)
    if actual is None:
        return Evaluation(State.NOT_COMPUTABLE, reason="Không có việc (tiền) có điều kiện thi hành.")
    if is_met(completed, with_conditions, target, strict):
        return Evaluation(State.MET, rate=actual)
    points = (Decimal(target) - actual).quantize(HUNDREDTHS, rounding="ROUND_CEILING")
    return Evaluation(State.NOT_MET, rate=actual, gap_units=units_needed(completed, with_conditions, target, strict),
                      gap_points=max(points, HUNDREDTHS))
