"""Deadline reminders (nhắc hạn): those who still owe something are reminded 7, 3 and 1 days before a
deadline and on its first overdue day (``settings.REMINDER_OFFSETS``).

Each app registers its deadline sources (``campaigns/reminders.py``, ``awards/reminders.py``, in their
``ready()``): a source is handed the due dates wanted for a day and answers the open ``Deadline`` s
falling on them, each with the users who still owe (a unit that has not filed, a member who has not
voted — known only from the ``BallotCast`` facts). This module never imports the apps: the arrow
points down.

Idempotent: a reminder is a notification of a synthetic event keyed ``remind:<deadline>:<offset>``
(the deadline's key carries its due date), so the unique (event, recipient) constraint lets a second
run, a retried task or an overlapping beat send nothing twice; a deadline moved to another day is a
new deadline and is reminded again.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import notifications
from .events import Event

SYSTEM = gettext_lazy("Hệ thống")


@dataclass(frozen=True)
class Deadline:
    """One open deadline and who still owes on it. ``what``: the deadline as it goes in a sentence
    ("hạn gửi kế hoạch thực hiện Kế hoạch số 12/KH-CTHADS"); ``todo``: what to do, a full sentence."""

    key: str
    kind: str
    due_on: datetime.date
    what: str
    todo: str
    url: str
    recipients: frozenset[int]
    model_label: str = ""
    object_id: int = 0
    unit_id: int | None = None
    campaign_id: int | None = None
    object_label: str = ""


Source = Callable[[dict[datetime.date, int]], Iterable[Deadline]]  # (due date → days left) → deadlines
_sources: dict[str, Source] = {}


def register_source(kind: str, label, source: Source) -> None:
    """``source(days)`` answers the open deadlines due on those dates (due date → days left); ``kind``
    labels them in the inbox."""
    notifications.register_kind(kind, label)
    _sources[kind] = source


def offsets() -> tuple[int, ...]:
    return tuple(settings.REMINDER_OFFSETS)


def due_dates(today: datetime.date, days_before: Iterable[int]) -> dict[datetime.date, int]:
    """Due date → days left on ``today``, for each offset (``-1``: the first overdue day)."""
    return {today + datetime.timedelta(days=n): n for n in days_before}


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def reminder_text(*, what: str, due_on: datetime.date, days_left: int, todo: str) -> str:
    """"Còn 3 ngày đến hạn … (05/12/2026). Việc cần làm: …" / "Đã quá hạn … (05/12/2026) 1 ngày. …"."""
    values = {"what": what, "day": _d(due_on), "count": number_format(abs(days_left), force_grouping=True)}
    if days_left > 0:
        head = ngettext("Còn %(count)s ngày đến %(what)s (%(day)s).", "Còn %(count)s ngày đến %(what)s (%(day)s).",
                        days_left) % values
    elif days_left == 0:
        head = _("Hôm nay là ngày cuối của %(what)s (%(day)s).") % values
    else:
        head = ngettext("Đã quá %(what)s (%(day)s) %(count)s ngày.", "Đã quá %(what)s (%(day)s) %(count)s ngày.",
                        -days_left) % values
    return f"{head} {todo}"


def event_for(deadline: Deadline, days_left: int) -> Event:
    return Event(name=deadline.kind, actor_id=None, model_label=deadline.model_label, object_id=deadline.object_id,
                 unit_id=deadline.unit_id, source="", target="", key=f"remind:{deadline.key}:{days_left}"[:64])


def remind(deadline: Deadline, today: datetime.date) -> int:
    days_left = (deadline.due_on - today).days
    text = reminder_text(what=deadline.what, due_on=deadline.due_on, days_left=days_left, todo=deadline.todo)
    return notifications.notify(event_for(deadline, days_left), deadline.recipients, text, deadline.url,
                                object_label=deadline.object_label, actor=str(SYSTEM),
                                campaign_id=deadline.campaign_id)


def send_reminders(*, today: datetime.date, days_before: Iterable[int] | None = None) -> int:
    """Remind everyone who still owes on a deadline ``days_before`` days from ``today``; returns how
    many reminders were asked for (those already sent are not sent again)."""
    wanted = due_dates(today, offsets() if days_before is None else days_before)
    sent = 0
    with translation.override("vi"):
        for source in _sources.values():
            for deadline in source(wanted):
                if deadline.recipients:
                    sent += remind(deadline, today)
    return sent
