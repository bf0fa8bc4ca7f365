"""Who is told, and what, when a result or a pledge moves (``emulation.notifications``).

- results returned (with the reason) or confirmed → the unit's heads and whoever last entered the figures;
- pledges returned (with the reason) or approved → the unit's heads.

Registered in ``CampaignsConfig.ready()``. Texts are Vietnamese, say who did what, what to do next,
and link to the page where it is done.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import notifications
from emulation.models import Channel, Role

from .models import Pledge, Result

HEADS = (Role.UNIT_HEAD,)


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
    notifications.notify(event, recipients, text, url, object_label=str(result), actor=values["actor"])


def result_confirmed(event) -> None:
    result = _result(event)
    if result is None:
        return
    values = _values(event, result) | {"day": result.as_of.strftime("%d/%m/%Y")}
    text = _("%(actor)s đã xác nhận số liệu kết quả của %(subject)s (phong trào “%(campaign)s”, số liệu tính đến "
             "ngày %(day)s). Số liệu được dùng để tính kết quả thi đua; không cần làm gì thêm.") % values
    recipients = notifications.holder_ids(result.unit, HEADS) | {result.updated_by_id}
    notifications.notify(event, recipients, text, reverse("campaigns:campaign_results", args=[result.campaign_id]),
                         object_label=str(result), actor=values["actor"])


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
                         actor=values["actor"])


def pledge_returned(event) -> None:
    _tell_pledge_heads(event, _("%(actor)s đã trả lại đăng ký giao ước thi đua của %(subject)s (phong trào "
                                "“%(campaign)s”). Lý do: %(reason)s. Việc cần làm: sửa nội dung đăng ký rồi gửi lại."))


def pledge_approved(event) -> None:
    _tell_pledge_heads(event, _("%(actor)s đã duyệt đăng ký giao ước thi đua của %(subject)s (phong trào "
                                "“%(campaign)s”). Việc cần làm: tổ chức thực hiện các nội dung đã đăng ký."))


def register() -> None:
    notifications.subscribe("result.return", gettext_lazy("Kết quả bị trả lại"), result_returned)
    notifications.subscribe("result.confirm", gettext_lazy("Kết quả được xác nhận"), result_confirmed,
                            channel=Channel.DIGEST)  # nothing to do: the daily digest by default
    notifications.subscribe("pledge.return", gettext_lazy("Giao ước bị trả lại"), pledge_returned)
    notifications.subscribe("pledge.approve", gettext_lazy("Giao ước được duyệt"), pledge_approved)
