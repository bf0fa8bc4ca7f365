"""The make-up of the individuals proposed: shares rounded half up, the leaders' ceiling compared exactly."""

import pytest

from awards.balance import Balance, of, share


@pytest.mark.parametrize(("count", "total", "percent"), [
    (0, 0, 0), (1, 2, 50), (1, 3, 33), (2, 3, 67), (3, 8, 38), (1, 8, 13), (5, 5, 100), (0, 4, 0),
])
def test_share(count, total, percent):
    assert share(count, total) == percent


@pytest.mark.parametrize(("leaders", "total", "cap", "over", "allowed"), [
    (1, 5, None, False, None),   # no ceiling stated: nothing to warn about
    (1, 5, 20, False, 1),        # exactly at the ceiling
    (2, 5, 20, True, 1),
    (1, 3, 33, True, 0),         # 33,3 % > 33 %, though it prints as 33 %
    (1, 3, 34, False, 1),
    (0, 0, 20, False, 0),        # nobody proposed
    (3, 10, 30, False, 3),
    (4, 10, 30, True, 3),
])
def test_the_leaders_ceiling(leaders, total, cap, over, allowed):
    balance = Balance(total=total, leaders=leaders, hardship=0, leader_share_max=cap)
    assert (balance.leaders_over, balance.leaders_allowed) == (over, allowed)


def test_of_rows():
    balance = of([(True, False), (False, True), (False, True), (True, True)], 30)
    assert (balance.total, balance.leaders, balance.others, balance.hardship) == (4, 2, 2, 3)
    assert (balance.leaders_percent, balance.hardship_percent, balance.leaders_over) == (50, 75, True)
