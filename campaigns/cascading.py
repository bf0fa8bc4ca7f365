"""Sub-unit plans required by a higher plan: the filing status rule (pure, no database)."""

import datetime
from dataclasses import dataclass
from enum import StrEnum


class FilingState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"


LABELS = {
    FilingState.ON_TIME: "Đã nộp đúng hạn",
    FilingState.LATE: "Nộp muộn {days} ngày",
    FilingState.PENDING: "Chưa nộp (còn {days} ngày)",
    FilingState.OVERDUE: "Quá hạn {days} ngày, chưa nộp",
}


@dataclass(frozen=True)
class FilingStatus:
    state: FilingState
    days: int = 0

    @property
    def label(self) -> str:
        return LABELS[self.state].format(days=self.days)

    @property
    def needs_attention(self) -> bool:
        return self.state in (FilingState.OVERDUE, FilingState.LATE)


def subplan_status(due_on: datetime.date, filed_on: datetime.date | None, today: datetime.date) -> FilingStatus:
    """On time when filed on or before the due date; late by the days after it; while nothing is
    filed, pending with the days left (0 on the due date itself) or overdue by the days past it."""
    if filed_on is not None:
        late_by = (filed_on - due_on).days
        return FilingStatus(FilingState.LATE, late_by) if late_by > 0 else FilingStatus(FilingState.ON_TIME)
    if today <= due_on:
        return FilingStatus(FilingState.PENDING, (due_on - today).days)
    return FilingStatus(FilingState.OVERDUE, (today - due_on).days)
