"""The sub-plan filing rule, table-driven (seed 000: sub-units file their plans by 28/02/2023)."""

import datetime

import pytest

from campaigns.cascading import Status, StatusKind, subplan_status

pytestmark = pytest.mark.unit
D = datetime.date
DUE = D(2023, 2, 28)


@pytest.mark.parametrize(("filed_on", "today", "kind", "days", "label", "hint"), [
    # filed before, on and after the due date: today no longer matters
    (D(2023, 2, 20), D(2023, 3, 10), StatusKind.ON_TIME, 0, "Đã nộp đúng hạn", ""),
    (D(2023, 2, 28), D(2023, 2, 28), StatusKind.ON_TIME, 0, "Đã nộp đúng hạn", ""),
    (D(2022, 12, 30), D(2023, 1, 2), StatusKind.ON_TIME, 0, "Đã nộp đúng hạn", ""),
    (D(2023, 3, 1), D(2023, 3, 10), StatusKind.LATE, 1, "Nộp muộn (1 ngày)", ""),
    (D(2023, 3, 8), D(2024, 1, 1), StatusKind.LATE, 8, "Nộp muộn (8 ngày)", ""),
    # nothing filed: pending up to and including the due date, overdue from the day after
    (None, D(2023, 2, 20), StatusKind.PENDING, 8, "Chưa nộp", "còn 8 ngày"),
    (None, D(2023, 2, 28), StatusKind.PENDING, 0, "Chưa nộp", "hạn cuối hôm nay"),
    (None, D(2023, 3, 1), StatusKind.OVERDUE, 1, "Quá hạn 1 ngày", ""),
    (None, D(2024, 2, 29), StatusKind.OVERDUE, 366, "Quá hạn 366 ngày", ""),
    (None, D(2026, 1, 1), StatusKind.OVERDUE, 1038, "Quá hạn 1.038 ngày", ""),
    (None, D(2020, 5, 8), StatusKind.PENDING, 1026, "Chưa nộp", "còn 1.026 ngày"),
])
def test_subplan_status(filed_on, today, kind, days, label, hint):
    status = subplan_status(DUE, filed_on, today)
    assert (status.kind, status.days, status.label, status.hint) == (kind, days, label, hint)


@pytest.mark.parametrize(("status", "filed", "attention"), [
    (Status(StatusKind.ON_TIME), True, False),
    (Status(StatusKind.LATE, 3), True, True),
    (Status(StatusKind.PENDING, 5), False, False),
    (Status(StatusKind.OVERDUE, 2), False, True),
])
def test_status_flags(status, filed, attention):
    assert (status.is_filed, status.needs_attention) == (filed, attention)


def test_due_date_across_a_leap_day():
    assert subplan_status(D(2024, 2, 28), D(2024, 3, 1), D(2024, 3, 1)) == Status(StatusKind.LATE, 2)

