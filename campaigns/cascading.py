"""Sub-unit plans required by a higher plan (kế hoạch cấp dưới): the filing status rule.

Pure: plain dates in, a ``Status`` out; ``today`` is passed in, never read from the clock.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class StatusKind(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Status:
    """Where a required sub-plan stands. ``days``: late by (LATE), left until the due date
    (PENDING, 0 on the day itself) or past it (OVERDUE); 0 when filed on time."""

    kind: StatusKind
    days: int = 0

    @property
    def _days(self) -> str:
        return number_format(self.days, force_grouping=True)

    @property
    def label(self) -> str:
        if self.kind == StatusKind.ON_TIME:
            return _("Đã nộp đúng hạn")
        if self.kind == StatusKind.LATE:
            return ngettext("Nộp muộn (%(days)s ngày)", "Nộp muộn (%(days)s ngày)", self.days) % {
                "days": self._days}
        if self.kind == StatusKind.PENDING:
            return _("Chưa nộp")
        return ngettext("Quá hạn %(days)s ngày", "Quá hạn %(days)s ngày", self.days) % {"days": self._days}

    @property
    def hint(self) -> str:
        """The time left while nothing is filed and the due date has not passed."""
        if self.kind != StatusKind.PENDING:
            return ""
        return _("hạn cuối hôm nay") if self.days == 0 else ngettext(
            "còn %(days)s ngày", "còn %(days)s ngày", self.days) % {"days": self._days}

    @property
    def is_filed(self) -> bool:
        return self.kind in (StatusKind.ON_TIME, StatusKind.LATE)

    @property
    def needs_attention(self) -> bool:
        return self.kind in (StatusKind.OVERDUE, StatusKind.LATE)


def subplan_status(due_on: datetime.date, filed_on: datetime.date | None, today: datetime.date) -> Status:
    """On time when filed on or before the due date, else late by the days after it; while nothing
    is filed, pending up to and including the due date, overdue by the days past it."""
    if filed_on is not None:
        late_by = (filed_on - due_on).days
        return Status(StatusKind.LATE, late_by) if late_by > 0 else Status(StatusKind.ON_TIME)
    if today <= due_on:
        return Status(StatusKind.PENDING, (due_on - today).days)
    return Status(StatusKind.OVERDUE, (today - due_on).days)
