import datetime

import pytest

from campaigns.cascading import FilingState, subplan_status

pytestmark = pytest.mark.unit
D = datetime.date
DUE = D(2023, 2, 28)


@pytest.mark.parametrize(("filed_on", "today", "state", "days", "label"), [
    (D(2023, 2, 20), D(2023, 3, 10), FilingState.ON_TIME, 0, "Đã nộp đúng hạn"),
    (D(2023, 2, 28), D(2023, 2, 28), FilingState.ON_TIME, 0, "Đã nộp đúng hạn"),
    (D(2023, 3, 1), D(2023, 3, 10), FilingState.LATE, 1, "Nộp muộn 1 ngày"),
    (D(2023, 3, 8), D(2024, 1, 1), FilingState.LATE, 8, "Nộp muộn 8 ngày"),
    (None, D(2023, 2, 20), FilingState.PENDING, 8, "Chưa nộp (còn 8 ngày)"),
    (None, D(2023, 2, 28), FilingState.PENDING, 0, "Chưa nộp (còn 0 ngày)"),
    (None, D(2023, 3, 1), FilingState.OVERDUE, 1, "Quá hạn 1 ngày, chưa nộp"),
    (None, D(2024, 2, 29), FilingState.OVERDUE, 366, "Quá hạn 366 ngày, chưa nộp"),
])
def test_subplan_status(filed_on, today, state, days, label):
    status = subplan_status(DUE, filed_on, today)
    assert (status.state, status.days, status.label) == (state, days, label)
