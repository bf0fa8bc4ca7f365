"""Who is told, and what, when a proposal or a council session moves (``emulation.notifications``).

- proposal submitted → staff (Thường trực TĐKT) of the campaign's issuer, to review it;
- proposal returned (with the reason) → the proposing unit's heads, linked to the new draft version;
- session opened → the session's members (CouncilMember.user): an invitation to vote, with the agenda count;
- session closed → directors over the issuer, to approve the result and issue the decision;
- session decided → the heads of each proposing unit on the agenda, linked to their own proposal
  (which they can open, whether or not the decision awards anyone of theirs).

Registered in ``AwardsConfig.ready()``.
"""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import notifications
from emulation.models import Role

from .models import AgendaItem, CouncilSession, NominationStatus, Proposal

HEADS = (Role.UNIT_HEAD,)


def _d(day) -> str:
    return day.strftime("%d/%m/%Y")


def _proposal(event) -> Proposal | None:
    return Proposal.objects.select_related("campaign__plan__issuer", "unit").filter(pk=event.object_id).first()


def _proposal_values(event, proposal) -> dict:
    return {"actor": notifications.actor_name(event), "title": proposal.title, "unit": proposal.unit.name,
            "campaign": proposal.campaign.name, "version": proposal.version, "reason": notifications.reason_of(event)}


def proposal_submitted(event) -> None:
    proposal = _proposal(event)
    if proposal is None:
        return
    values = _proposal_values(event, proposal)
    text = _("%(actor)s đã gửi đề nghị khen thưởng “%(title)s” của %(unit)s (phong trào “%(campaign)s”, lần "
             "%(version)s). Việc cần làm: thẩm định hồ sơ, đưa vào phiên họp Hội đồng hoặc trả lại để bổ "
             "sung.") % values
    notifications.notify(event, notifications.holder_ids(proposal.campaign.plan.issuer, (Role.STAFF,)), text,
                         reverse("awards:proposal_detail", args=[proposal.pk]), object_label=str(proposal),
                         actor=values["actor"])


def proposal_returned(event) -> None:
    proposal = _proposal(event)
    if proposal is None:
        return
    draft = Proposal.objects.filter(previous_id=proposal.pk).order_by("-version").first() or proposal
    values = _proposal_values(event, proposal)
    text = _("%(actor)s đã trả lại đề nghị khen thưởng “%(title)s” của %(unit)s (phong trào “%(campaign)s”, lần "
             "%(version)s) để bổ sung. Lý do: %(reason)s. Việc cần làm: bổ sung hồ sơ ở bản đề nghị mới rồi gửi "
             "lại.") % values
    notifications.notify(event, notifications.holder_ids(proposal.unit, HEADS), text,
                         reverse("awards:proposal_detail", args=[draft.pk]), object_label=str(proposal),
                         actor=values["actor"])


def _session(event) -> CouncilSession | None:
    return CouncilSession.objects.select_related("campaign__plan__issuer", "unit").filter(pk=event.object_id).first()


def session_opened(event) -> None:
    session = _session(event)
    if session is None:
        return
    values = {"actor": notifications.actor_name(event), "title": session.title, "day": _d(session.held_on),
              "count": session.items.count(), "campaign": session.campaign.name}
    text = _("Mời bỏ phiếu: %(actor)s đã bắt đầu bỏ phiếu kín tại phiên họp Hội đồng Thi đua – Khen thưởng "
             "“%(title)s” (phong trào “%(campaign)s”, họp ngày %(day)s), gồm %(count)s nội dung bình xét. "
             "Việc cần làm: mở phiên họp và bỏ phiếu cho từng nội dung.") % values
    members = session.members.values_list("user_id", flat=True)
    notifications.notify(event, members, text, reverse("awards:session_detail", args=[session.pk]),
                         object_label=str(session), actor=values["actor"])


def session_closed(event) -> None:
    session = _session(event)
    if session is None:
        return
    values = {"actor": notifications.actor_name(event), "title": session.title, "day": _d(session.held_on),
              "campaign": session.campaign.name,
              "passed": session.items.filter(passed=True).count(), "count": session.items.count()}
    text = _("%(actor)s đã kết thúc bỏ phiếu, kiểm phiếu phiên họp Hội đồng “%(title)s” (phong trào "
             "“%(campaign)s”, họp ngày %(day)s): %(passed)s/%(count)s nội dung được Hội đồng thông qua. "
             "Việc cần làm: xem kết quả, phê duyệt và ban hành quyết định khen thưởng.") % values
    notifications.notify(event, notifications.holder_ids(session.campaign.plan.issuer, (Role.DIRECTOR,)), text,
                         reverse("awards:session_detail", args=[session.pk]), object_label=str(session),
                         actor=values["actor"])


def session_decided(event) -> None:
    session = _session(event)
    if session is None:
        return
    decision = getattr(session, "decision", None)
    items = AgendaItem.objects.filter(session=session).select_related("nomination__proposal__unit")
    by_proposal = defaultdict(list)
    for item in items:
        by_proposal[item.nomination.proposal].append(item.nomination)
    actor = notifications.actor_name(event)
    for proposal, nominations in sorted(by_proposal.items(), key=lambda pair: pair[0].pk):
        values = {"actor": actor, "title": session.title, "decision": decision.reference if decision else "",
                  "proposal": proposal.title, "unit": proposal.unit.name,
                  "awarded": sum(n.status == NominationStatus.AWARDED for n in nominations),
                  "forwarded": sum(n.status == NominationStatus.FORWARDED for n in nominations),
                  "count": len(nominations)}
        text = _("%(actor)s đã phê duyệt kết quả phiên họp Hội đồng “%(title)s” và ban hành Quyết định số "
                 "%(decision)s. Đề nghị “%(proposal)s” của %(unit)s: %(awarded)s/%(count)s đối tượng được khen "
                 "thưởng, %(forwarded)s đối tượng trình cấp trên. Việc cần làm: xem kết quả và thông báo cho "
                 "các cá nhân, tập thể của đơn vị.") % values
        notifications.notify(event, notifications.holder_ids(proposal.unit, HEADS), text,
                             reverse("awards:proposal_detail", args=[proposal.pk]), object_label=str(proposal),
                             actor=actor)


def register() -> None:
    notifications.subscribe("proposal.submit", gettext_lazy("Đề nghị khen thưởng được gửi"), proposal_submitted)
    notifications.subscribe("proposal.return", gettext_lazy("Đề nghị bị trả lại"), proposal_returned)
    notifications.subscribe("session.open", gettext_lazy("Mời bỏ phiếu"), session_opened)
    notifications.subscribe("session.close", gettext_lazy("Kết thúc bỏ phiếu"), session_closed)
    notifications.subscribe("session.decide", gettext_lazy("Quyết định khen thưởng"), session_decided)
