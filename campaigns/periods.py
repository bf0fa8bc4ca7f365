"""Date rules of a campaign: the pledge registration window and where milestones may fall.
Pure functions over plain dates; they return the reason a date is refused, or None."""

import datetime

from django.utils.translation import gettext as _

from .enums import MilestoneKind

# Kinds that belong after the emulation period: the final review, the ceremony that awards it, and the
# deadlines for reports and dossiers (seed 001: dossiers "trước ngày 01 tháng 7 năm 2024" after a peak
# ending 30/06/2024; seed 002: reports due 10/10/2025 after 30/09/2025). They may fall after the end,
# never before the start. Every other kind (launch, phase, interim review, stage…) lies within it.
AFTER_PERIOD_KINDS = frozenset({MilestoneKind.FINAL_REVIEW, MilestoneKind.CEREMONY, MilestoneKind.DEADLINE})


def _d(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def pledge_window(starts_on: datetime.date, ends_on: datetime.date,
                  pledges_due_on: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    """Pledges are registered from the campaign's start to the pledge deadline (the campaign's end when
    there is none), never after the campaign ends. The plan's issue date is not used: a plan without a
    date (seeds 000, 002) would leave the window open at the start."""
    end = min(pledges_due_on, ends_on) if pledges_due_on else ends_on
    return starts_on, end


def pledge_date_error(registered_on: datetime.date, starts_on: datetime.date, ends_on: datetime.date,
                      pledges_due_on: datetime.date | None) -> str | None:
    start, end = pledge_window(starts_on, ends_on, pledges_due_on)
    if start <= registered_on <= end:
        return None
    return _("Ngày đăng ký phải trong thời hạn đăng ký giao ước %(start)s – %(end)s.") % {
        "start": _d(start), "end": _d(end)}


def milestone_date_error(kind: str, starts_on: datetime.date, ends_on: datetime.date | None,
                         campaign_starts_on: datetime.date, campaign_ends_on: datetime.date) -> str | None:
    """A milestone lies within the campaign's period; the kinds of ``AFTER_PERIOD_KINDS`` may fall
    after its end (never before its start)."""
    last = ends_on or starts_on
    if kind in AFTER_PERIOD_KINDS:
        if starts_on >= campaign_starts_on:
            return None
        return _("Mốc “%(kind)s” không được trước ngày bắt đầu phong trào %(start)s.") % {
            "kind": MilestoneKind(kind).label, "start": _d(campaign_starts_on)}
    if campaign_starts_on <= starts_on and last <= campaign_ends_on:
        return None
    return _("Mốc “%(kind)s” phải nằm trong thời gian thi đua %(start)s – %(end)s.") % {
        "kind": MilestoneKind(kind).label, "start": _d(campaign_starts_on), "end": _d(campaign_ends_on)}


def plan_date(issued_on: datetime.date | None, year: int | None, today: datetime.date) -> datetime.date:
    """The day a plan speaks for (its issuer and header are those of that day): its issue date; a plan
    not yet dated, today within the plan's year (a 2024 draft is looked at as of 31/12/2024)."""
    if issued_on is not None:
        return issued_on
    if not year:
        return today
    return min(max(today, datetime.date(year, 1, 1)), datetime.date(year, 12, 31))


def statistical_year(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The THADS statistical year containing ``today``: 01/10 to 30/09 (named by the year it ends in)."""
    start_year = today.year if today.month >= 10 else today.year - 1
    return datetime.date(start_year, 10, 1), datetime.date(start_year + 1, 9, 30)
