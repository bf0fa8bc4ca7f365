"""Attainment rules (targets.md): exact comparison, gap to target, not computable; properties."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaigns.attainment import State, evaluate, is_met, rate, units_needed

pytestmark = pytest.mark.unit


def test_rounded_rate_never_decides():
    # 75,996 % shows as 76,00 % but does not meet 76 %.
    result = evaluate(18999, 25000, Decimal(76))
    assert result.rate_display == Decimal("76.00")
    assert result.state == State.NOT_MET
    assert (result.gap_units, result.gap_points) == (1, Decimal("0.01"))


def test_exactly_on_target_is_met():
    assert evaluate(76, 100, Decimal(76)).state == State.MET
    assert evaluate(4600, 10000, Decimal("46.00")).state == State.MET


def test_gap_in_cases_and_points():
    result = evaluate(700, 1000, Decimal(77))
    assert (result.state, result.gap_units, result.gap_points, result.rate_display) == (
        State.NOT_MET, 70, Decimal("7.00"), Decimal("70.00"))


def test_money_gap_in_dong():
    # 40 % of 123.456.789.123 đồng is 49.382.715.649,2 → 49.382.715.650 needed.
    assert units_needed(40_000_000_000, 123_456_789_123, Decimal(40)) == 9_382_715_650


def test_nothing_with_conditions_is_not_computable():
    result = evaluate(0, 0, Decimal(77), total=50)
    assert (result.state, result.rate) == (State.NOT_COMPUTABLE, None)
    assert result.reason == "Không có việc (tiền) có điều kiện thi hành."


@pytest.mark.parametrize(("completed", "with_conditions", "total", "message"), [
    (11, 10, 20, "Số thi hành xong không được lớn hơn số có điều kiện thi hành."),
    (5, 30, 20, "Số có điều kiện thi hành không được lớn hơn tổng số phải thi hành."),
    (-1, 10, 20, "Số liệu không được âm."),
])
def test_inconsistent_inputs_are_not_computable(completed, with_conditions, total, message):
    result = evaluate(completed, with_conditions, Decimal(70), total=total)
    assert result.state == State.NOT_COMPUTABLE and message in result.reason


def test_target_with_more_than_two_decimals_is_refused():
    with pytest.raises(ValueError, match="two decimal places"):
        is_met(1, 2, Decimal("50.001"))


counts = st.integers(min_value=0, max_value=10**13)
targets = st.integers(min_value=0, max_value=10000).map(lambda n: Decimal(n) / 100)


@given(data=st.data(), target=targets)
def test_invariants(data, target):
    with_conditions = data.draw(counts)
    completed = data.draw(st.integers(min_value=0, max_value=with_conditions))
    result = evaluate(completed, with_conditions, target)
    if with_conditions == 0:
        assert result.state == State.NOT_COMPUTABLE
        return
    assert Decimal(0) <= result.rate <= Decimal(100)
    assert (result.state == State.MET) == (result.rate >= target)
    if result.state == State.NOT_MET:
        assert result.gap_units >= 1 and result.gap_points > 0
        assert is_met(completed + result.gap_units, with_conditions, target)
        assert not is_met(completed + result.gap_units - 1, with_conditions, target)
    else:
        assert result.gap_units == 0


@given(completed=counts, with_conditions=counts)
def test_rate_is_the_exact_ratio(completed, with_conditions):
    if with_conditions > 0 and completed <= with_conditions:
        assert abs(rate(completed, with_conditions) * with_conditions - Decimal(completed) * 100) < Decimal("1e-12")


def test_strict_target_above_84_percent():
    assert evaluate(84, 100, Decimal(84)).state == State.MET
    strict = evaluate(84, 100, Decimal(84), strict=True)
    assert (strict.state, strict.gap_units, strict.gap_points) == (State.NOT_MET, 1, Decimal("0.01"))
    assert evaluate(85, 100, Decimal(84), strict=True).state == State.MET


@given(data=st.data(), target=targets)
def test_strict_invariants(data, target):
    with_conditions = data.draw(st.integers(min_value=1, max_value=10**12))
    completed = data.draw(st.integers(min_value=0, max_value=with_conditions))
    result = evaluate(completed, with_conditions, target, strict=True)
    assert (result.state == State.MET) == (result.rate > target)
    if result.state == State.NOT_MET and completed + result.gap_units <= with_conditions:
        assert is_met(completed + result.gap_units, with_conditions, target, strict=True)
        assert not is_met(completed + result.gap_units - 1, with_conditions, target, strict=True)
