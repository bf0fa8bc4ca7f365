"""Who is told, and what, when a result or a pledge moves (``emulation.notifications``).

- results returned (with the reason) or confirmed → the unit's heads and whoever last entered the figures;
- pledges returned (with the reason) or approved → the unit's heads;
- campaign launched with its participants, or units added later → the participating units' heads and staff,
  told by the ``campaigns.notify_participants`` task in batches of units (never in the request);
- sub-plan requested (or its date changed) → the required unit's heads.

Registered in ``CampaignsConfig.ready()``. Texts are Vietnamese, say who did what, what to do next,
and link to the page where it is done.
"""

from dataclasses import asdict

from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from emulation import dispatch, notifications
from emulation.events import Event
from emulation.models import Channel, Role, Unit

from .models import Campaign, Pledge, Result, SubPlanRequirement

HEADS = (Role.UNIT_HEAD,)
PARTICIPANTS = (Role.UNIT_HEAD, Role.STAFF)


def _result(event) -> Result | None:
    return Result.objects.select_related("campaign", "unit", "officer").filter(pk=event.object_id).first()


def _values(event, obj) -> dict:
    return {"actor": notifications.actor_name(event), "subject": str(obj.officer or obj.unit),
            "campaign": obj.campaign.name, "reason": notifications.reason_of(event)}


def result_returned(event) -> None:
    result = _result(event)
    if result is None:
        return
    values = _values(event, result) | {"day": result.as_of.strftime("%d/%m/%Y")}
    text = _("%(actor)s đã trả lại số liệu kết quả của %(subject)s (phong trào “%(campaign)s”, số liệu tính đến "
             "ngày %(day)s). Lý do: %(reason)s. Việc cần làm: sửa số liệu theo lý do trên rồi gửi lại.") % values
    recipients = notifications.holder_ids(result.unit, HEADS) | {result.updated_by_id}
    url = reverse("campaigns:result_edit", args=[result.campaign_id, result.pk])
    notifications.notify(event, recipients, text, url, object_label=str(result), actor=values["actor"],
                         campaign_id=result.campaign_id)


def result_confirmed(event) -> None:
    result = _result(event)
    if result is None:
        return
    values = _values(event, result) | {"day": result.as_of.strftime("%d/%m/%Y")}
    text = _("%(actor)s đã xác nhận số liệu kết quả của %(subject)s (phong trào “%(campaign)s”, số liệu tính đến "
             "ngày %(day)s). Số liệu được dùng để tính kết quả thi đua; không cần làm gì thêm.") % values
    recipients = notifications.holder_ids(result.unit, HEADS) | {result.updated_by_id}
    notifications.notify(event, recipients, text, reverse("campaigns:campaign_results", args=[result.campaign_id]),
                         object_label=str(result), actor=values["actor"], campaign_id=result.campaign_id)


def _pledge(event) -> Pledge | None:
    return Pledge.objects.select_related("campaign", "unit", "officer").filter(pk=event.object_id).first()


def _tell_pledge_heads(event, text) -> None:
    """The unit heads of the pledge's unit learn what staff did with it (``text`` takes the pledge's values)."""
    pledge = _pledge(event)
    if pledge is None:
        return
    values = _values(event, pledge)
    notifications.notify(event, notifications.holder_ids(pledge.unit, HEADS), text % values,
                         reverse("campaigns:pledge_detail", args=[pledge.pk]), object_label=str(pledge),
                         actor=values["actor"], campaign_id=pledge.campaign_id)


def pledge_returned(event) -> None:
    _tell_pledge_heads(event, _("%(actor)s đã trả lại đăng ký giao ước thi đua của %(subject)s (phong trào "
                                "“%(campaign)s”). Lý do: %(reason)s. Việc cần làm: sửa nội dung đăng ký rồi gửi lại."))


def pledge_approved(event) -> None:
    _tell_pledge_heads(event, _("%(actor)s đã duyệt đăng ký giao ước thi đua của %(subject)s (phong trào "
                                "“%(campaign)s”). Việc cần làm: tổ chức thực hiện các nội dung đã đăng ký."))


def participants_added(event) -> None:
    """Hand the fan-out to a task (through the task outbox): a national launch reaches ~700 units and 10.000
    people."""
    dispatch.enqueue("campaigns.notify_participants", {"event": asdict(event)})


def _launch_text(event, campaign: Campaign, units: list[Unit], actor: str) -> str:
    values = {"actor": actor, "campaign": campaign.name, "plan": campaign.plan.reference,
              "issuer": campaign.plan.issuer.name, "start": _d(campaign.starts_on), "end": _d(campaign.ends_on),
              "count": number_format(len(units), force_grouping=True), "units": ", ".join(u.name for u in units)}
    if event.name == "campaign.launch":
        text = ngettext("%(actor)s đã phát động phong trào “%(campaign)s” (Kế hoạch số %(plan)s của %(issuer)s), "
                        "thời gian thi đua từ ngày %(start)s đến ngày %(end)s, với %(count)s đơn vị tham gia.",
                        "%(actor)s đã phát động phong trào “%(campaign)s” (Kế hoạch số %(plan)s của %(issuer)s), "
                        "thời gian thi đua từ ngày %(start)s đến ngày %(end)s, với %(count)s đơn vị tham gia.",
                        len(units)) % values
    else:
        text = _("%(actor)s đã bổ sung %(units)s tham gia phong trào “%(campaign)s” (Kế hoạch số %(plan)s của "
                 "%(issuer)s), thời gian thi đua từ ngày %(start)s đến ngày %(end)s.") % values
    if campaign.pledges_due_on:
        todo = _("Việc cần làm: nghiên cứu kế hoạch, đăng ký giao ước thi đua trước ngày %(day)s và tổ chức thực "
                 "hiện tại đơn vị.") % {"day": _d(campaign.pledges_due_on)}
    else:
        todo = _("Việc cần làm: nghiên cứu kế hoạch, đăng ký giao ước thi đua và tổ chức thực hiện tại đơn vị.")
    return f"{text} {todo}"


def tell_participants(event: Event, *, batch_size: int) -> int:
    """The heads and staff over each new participating unit, ``batch_size`` units per bulk insert; the
    event's key makes a second run (a retried task) write nothing more. Returns the rows asked for."""
    campaign = Campaign.objects.select_related("plan__issuer").filter(pk=event.object_id).first()
    if campaign is None:
        return 0
    units = list(Unit.objects.filter(pk__in=event.data.get("unit_ids", [])).order_by("code"))
    actor = notifications.actor_name(event)
    with translation.override("vi"):  # a worker has no request language: the stored text is Vietnamese
        text = _launch_text(event, campaign, units, actor)
    url = reverse("campaigns:campaign_detail", args=[campaign.pk])
    asked = 0
    for start in range(0, len(units), batch_size):
        recipients = notifications.holder_ids_over(units[start:start + batch_size], PARTICIPANTS)
        asked += notifications.notify(event, recipients, text, url, object_label=str(campaign), actor=actor,
                                      campaign_id=campaign.pk)
    return asked


def subplan_required(event) -> None:
    requirement = SubPlanRequirement.objects.select_related("plan__issuer", "unit").filter(pk=event.object_id).first()
    if requirement is None:
        return
    plan = requirement.plan
    values = {"actor": notifications.actor_name(event), "unit": requirement.unit.name, "plan": plan.reference,
              "title": plan.title, "issuer": plan.issuer.name, "day": _d(requirement.due_on)}
    text = _("%(actor)s yêu cầu %(unit)s xây dựng kế hoạch thực hiện Kế hoạch số %(plan)s của %(issuer)s "
             "(“%(title)s”), hạn gửi ngày %(day)s. Việc cần làm: ban hành kế hoạch của đơn vị và gửi lên hệ thống "
             "trước hạn.") % values
    notifications.notify(event, notifications.holder_ids(requirement.unit, HEADS), text,
                         reverse("campaigns:plan_detail", args=[plan.pk]), object_label=str(requirement),
                         actor=values["actor"])


def _d(day) -> str:
    return day.strftime("%d/%m/%Y")


def register() -> None:
    notifications.subscribe("campaign.launch", gettext_lazy("Phát động phong trào"), participants_added)
    notifications.subscribe("campaign.join", gettext_lazy("Bổ sung đơn vị tham gia"), participants_added)
    notifications.subscribe("subplan.require", gettext_lazy("Yêu cầu xây dựng kế hoạch"), subplan_required)
    notifications.subscribe("result.return", gettext_lazy("Kết quả bị trả lại"), result_returned)
    notifications.subscribe("result.confirm", gettext_lazy("Kết quả được xác nhận"), result_confirmed,
                            channel=Channel.DIGEST)  # nothing to do: the daily digest by default
    notifications.subscribe("pledge.return", gettext_lazy("Giao ước bị trả lại"), pledge_returned)
    notifications.subscribe("pledge.approve", gettext_lazy("Giao ước được duyệt"), pledge_approved)
