"""The campaigns app's deadlines for ``emulation.reminders``, and who still owes on each:

- sub-plan due (``SubPlanRequirement.due_on``): the required unit's heads while nothing was filed (or it
  came back returned);
- pledge registration (``Campaign.pledges_due_on``): heads of each participating unit whose collective
  pledge is missing or not sent (a draft, or returned);
- results (each ``Milestone`` of kind *deadline*, "Hạn báo cáo"): heads of each participating unit that has
  not sent its unit figures as of the month-end before the deadline (``reporting_date``).

A unit no longer in operation on the due date owes nothing (its successor reports). Registered in
``CampaignsConfig.ready()``.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import notifications, reminders
from emulation.models import Role
from emulation.validity import valid_on

from .enums import MilestoneKind, PledgeStatus, ResultStatus, SubPlanStatus
from .models import Campaign, Milestone, Participation, Pledge, Result, SubPlanRequirement

HEADS = (Role.UNIT_HEAD,)
SENT_PLEDGE = (PledgeStatus.SUBMITTED, PledgeStatus.APPROVED)
SENT_RESULT = (ResultStatus.SUBMITTED, ResultStatus.CONFIRMED)


def _stamp(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def reporting_date(deadline: datetime.date) -> datetime.date:
    """The figures a reporting deadline asks for: as of the last day of the month before it."""
    return deadline.replace(day=1) - datetime.timedelta(days=1)


def in_sentence(title: str) -> str:
    """A milestone's title inside a sentence: "Hạn gửi báo cáo" → "hạn gửi báo cáo"; an acronym stays ("UBND …")."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _in_operation(units, on: datetime.date) -> list:
    return [u for u in units if valid_on(u.valid_from, u.valid_to, on)]


def subplan_deadlines(days: dict[datetime.date, int]):
    requirements = list(SubPlanRequirement.objects.filter(
        due_on__in=days, status__in=(SubPlanStatus.REQUIRED, SubPlanStatus.RETURNED)).select_related("plan", "unit"))
    heads = notifications.holders_by_unit({r.unit for r in requirements}, HEADS)
    for r in requirements:
        if not valid_on(r.unit.valid_from, r.unit.valid_to, r.due_on):
            continue
        yield reminders.Deadline(
            key=f"subplan-{r.pk}@{_stamp(r.due_on)}", kind="remind.subplan", due_on=r.due_on,
            what=_("hạn gửi kế hoạch của %(unit)s thực hiện Kế hoạch số %(plan)s") % {
                "unit": r.unit.name, "plan": r.plan.reference},
            todo=_("Việc cần làm: ban hành kế hoạch của đơn vị thực hiện kế hoạch cấp trên và gửi lên hệ thống."),
            url=reverse("campaigns:plan_detail", args=[r.plan_id]), recipients=frozenset(heads[r.unit_id]),
            model_label="campaigns.SubPlanRequirement", object_id=r.pk, unit_id=r.unit_id, object_label=str(r))


def _participants(campaigns) -> dict[int, list]:
    by_campaign: dict[int, list] = {}
    for p in Participation.objects.filter(campaign__in=campaigns).select_related("unit").order_by("unit__code"):
        by_campaign.setdefault(p.campaign_id, []).append(p.unit)
    return by_campaign


def _unit_deadlines(campaign, units, due_on, *, key, kind, what, todo, url, done_unit_ids):
    owing = [u for u in _in_operation(units, due_on) if u.pk not in done_unit_ids]
    heads = notifications.holders_by_unit(owing, HEADS)
    for unit in owing:
        yield reminders.Deadline(
            key=f"{key}-{unit.pk}@{_stamp(due_on)}", kind=kind, due_on=due_on, what=what, todo=todo, url=url,
            recipients=frozenset(heads[unit.pk]), model_label="campaigns.Campaign", object_id=campaign.pk,
            unit_id=unit.pk, campaign_id=campaign.pk, object_label=f"{unit.name} – {campaign.name}")


def pledge_deadlines(days: dict[datetime.date, int]):
    campaigns = list(Campaign.objects.filter(pledges_due_on__in=days))
    units = _participants(campaigns)
    for campaign in campaigns:
        done = set(Pledge.objects.filter(campaign=campaign, officer__isnull=True, status__in=SENT_PLEDGE)
                   .values_list("unit_id", flat=True))
        yield from _unit_deadlines(
            campaign, units.get(campaign.pk, []), campaign.pledges_due_on, key=f"pledge-{campaign.pk}",
            kind="remind.pledge", done_unit_ids=done,
            what=_("hạn đăng ký giao ước thi đua phong trào “%(campaign)s”") % {"campaign": campaign.name},
            todo=_("Việc cần làm: lập đăng ký giao ước thi đua của đơn vị và gửi Thường trực duyệt."),
            url=reverse("campaigns:campaign_pledges", args=[campaign.pk]))


def results_deadlines(days: dict[datetime.date, int]):
    milestones = list(Milestone.objects.filter(kind=MilestoneKind.DEADLINE).filter(
        Q(ends_on__in=days) | Q(ends_on__isnull=True, starts_on__in=days)).select_related("campaign"))
    units = _participants({m.campaign for m in milestones})
    for milestone in milestones:
        campaign, as_of = milestone.campaign, reporting_date(milestone.due_on)
        done = set(Result.objects.filter(campaign=campaign, officer__isnull=True, as_of__gte=as_of,
                                         status__in=SENT_RESULT).values_list("unit_id", flat=True))
        yield from _unit_deadlines(
            campaign, units.get(campaign.pk, []), milestone.due_on, key=f"results-{milestone.pk}",
            kind="remind.results", done_unit_ids=done,
            what=_("%(milestone)s (phong trào “%(campaign)s”)") % {
                "milestone": in_sentence(milestone.title), "campaign": campaign.name},
            todo=_("Việc cần làm: nhập số liệu kết quả của đơn vị tính đến ngày %(day)s và gửi Thường trực xác "
                   "nhận.") % {"day": as_of.strftime("%d/%m/%Y")},
            url=reverse("campaigns:campaign_results", args=[campaign.pk]))


def register() -> None:
    reminders.register_source("remind.subplan", gettext_lazy("Nhắc hạn gửi kế hoạch"), subplan_deadlines)
    reminders.register_source("remind.pledge", gettext_lazy("Nhắc hạn đăng ký giao ước"), pledge_deadlines)
    reminders.register_source("remind.results", gettext_lazy("Nhắc hạn báo cáo kết quả"), results_deadlines)
