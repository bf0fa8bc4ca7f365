"""Who is told, and what, when a proposal or a council session moves (``emulation.notifications``).

- proposal submitted → staff (Thường trực TĐKT) of the campaign's issuer, to review it;
- proposal returned (with the reason) → the proposing unit's heads, linked to the new draft version;
- proposal reopened (a unit's new deadline, with the reason) → the unit's heads;
- published for feedback → the heads of each unit with a submitted proposal (their nominees are public);
- feedback received → staff of the issuer;
- session opened → the session's members (CouncilMember.user): an invitation to vote, with the agenda;
- session closed → directors over the issuer, to approve the result and issue the decision;
- session decided → the heads of each proposing unit on the agenda, linked to their own proposal
  (which they can open, whether or not the decision awards anyone of theirs); and the heads of each other
  unit the decision awards (a nominee's own unit), linked to the decision, which they can open.

Registered in ``AwardsConfig.ready()``.
"""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import notifications
from emulation.models import Role

from .access import STAFF_ROLES
from .models import (
    AgendaItem,
    AwardRecord,
    CouncilSession,
    Feedback,
    FeedbackWindow,
    NominationStatus,
    Proposal,
    ProposalStatus,
    SubmissionReopening,
)

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
                         actor=values["actor"], campaign_id=proposal.campaign_id)


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
                         actor=values["actor"], campaign_id=proposal.campaign_id)


def _session(event) -> CouncilSession | None:
    return CouncilSession.objects.select_related("campaign__plan__issuer", "unit").filter(pk=event.object_id).first()


def session_opened(event) -> None:
    session = _session(event)
    if session is None:
        return
    items = list(session.items.select_related("nomination__campaign_award__award_form", "nomination__officer",
                                              "nomination__unit"))
    agenda = "; ".join(f"{n}. {item.nomination.subject} – {item.nomination.campaign_award.award_form.name}"
                       for n, item in enumerate(items, start=1))
    values = {"actor": notifications.actor_name(event), "title": session.title, "day": _d(session.held_on),
              "count": len(items), "campaign": session.campaign.name, "agenda": agenda}
    text = _("Mời bỏ phiếu: %(actor)s đã bắt đầu bỏ phiếu kín tại phiên họp Hội đồng Thi đua – Khen thưởng "
             "“%(title)s” (phong trào “%(campaign)s”, họp ngày %(day)s), gồm %(count)s nội dung bình xét: "
             "%(agenda)s. Việc cần làm: mở phiên họp và bỏ phiếu cho từng nội dung trước khi kết thúc bỏ phiếu "
             "ngày %(day)s.") % values
    members = session.members.values_list("user_id", flat=True)
    notifications.notify(event, members, text, reverse("awards:session_detail", args=[session.pk]),
                         object_label=str(session), actor=values["actor"], campaign_id=session.campaign_id)


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
                             actor=actor, campaign_id=session.campaign_id)
    if decision is not None:
        _tell_awarded_units(event, session, decision, {p.unit_id for p in by_proposal}, actor)


def _tell_awarded_units(event, session, decision, proposing_unit_ids: set[int], actor: str) -> None:
    """The heads of each unit the decision awards (a collective, or an officer's unit) that did not propose it."""
    units = {}
    for record in AwardRecord.objects.filter(decision=decision).select_related("unit", "officer__unit"):
        unit = record.unit or record.officer.unit
        if unit.pk not in proposing_unit_ids:
            units.setdefault(unit.pk, (unit, []))[1].append(str(record.officer or record.unit))
    for unit, subjects in sorted(units.values(), key=lambda pair: pair[0].pk):
        values = {"actor": actor, "decision": decision.reference, "day": _d(decision.decided_on),
                  "unit": unit.name, "subjects": ", ".join(subjects), "title": session.title}
        text = _("%(actor)s đã ban hành Quyết định số %(decision)s ngày %(day)s khen thưởng %(subjects)s của "
                 "%(unit)s (phiên họp Hội đồng “%(title)s”). Việc cần làm: thông báo quyết định cho các cá nhân, "
                 "tập thể được khen thưởng của đơn vị.") % values
        notifications.notify(event, notifications.holder_ids(unit, HEADS), text,
                             reverse("awards:decision_detail", args=[decision.pk]), object_label=str(decision),
                             actor=actor, campaign_id=session.campaign_id)


def proposal_reopened(event) -> None:
    reopening = SubmissionReopening.objects.select_related("campaign", "unit").filter(pk=event.object_id).first()
    if reopening is None:
        return
    values = {"actor": notifications.actor_name(event), "unit": reopening.unit.name,
              "campaign": reopening.campaign.name, "day": _d(reopening.until), "reason": notifications.reason_of(event)}
    text = _("%(actor)s đã mở lại hạn gửi hồ sơ đề nghị khen thưởng phong trào “%(campaign)s” cho %(unit)s đến "
             "hết ngày %(day)s. Lý do: %(reason)s. Việc cần làm: hoàn thiện và gửi đề nghị khen thưởng trước hạn "
             "mới.") % values
    notifications.notify(event, notifications.holder_ids(reopening.unit, HEADS), text,
                         reverse("awards:campaign_awards", args=[reopening.campaign_id]), object_label=str(reopening),
                         actor=values["actor"], campaign_id=reopening.campaign_id)


def feedback_published(event) -> None:
    window = FeedbackWindow.objects.select_related("campaign").filter(pk=event.object_id).first()
    if window is None:
        return
    campaign = window.campaign
    units = [p.unit for p in Proposal.objects.filter(campaign=campaign, status=ProposalStatus.SUBMITTED)
             .select_related("unit")]
    values = {"actor": notifications.actor_name(event), "campaign": campaign.name, "start": _d(window.opens_on),
              "end": _d(window.closes_on)}
    text = _("%(actor)s đã công khai danh sách đề nghị khen thưởng phong trào “%(campaign)s” để lấy ý kiến từ ngày "
             "%(start)s đến hết ngày %(end)s, trong đó có đối tượng do đơn vị đề nghị. Việc cần làm: theo dõi ý kiến "
             "góp ý và giải trình với Thường trực khi cần.") % values
    notifications.notify(event, notifications.holder_ids_over(units, HEADS), text,
                         reverse("awards:published_list", args=[campaign.pk]), object_label=str(window),
                         actor=values["actor"], campaign_id=campaign.pk)


def feedback_received(event) -> None:
    feedback = (Feedback.objects.select_related("nomination__proposal__campaign__plan__issuer",
                                                "nomination__officer", "nomination__unit", "author")
                .filter(pk=event.object_id).first())
    if feedback is None:
        return
    campaign = feedback.nomination.proposal.campaign
    actor = (_("%(name)s (góp ý công khai)") % {"name": feedback.author_name} if feedback.is_public
             else notifications.actor_name(event))
    values = {"actor": actor, "subject": str(feedback.nomination.subject), "campaign": campaign.name}
    if feedback.is_public:
        text = _("%(actor)s đã gửi ý kiến góp ý về %(subject)s trên trang lấy ý kiến công khai của phong trào "
                 "“%(campaign)s”. Việc cần làm: xác minh, duyệt đăng hoặc không đăng (ghi lý do) và trả lời người "
                 "góp ý.") % values
    else:
        text = _("%(actor)s đã gửi ý kiến góp ý về %(subject)s trong danh sách công khai đề nghị khen thưởng phong "
                 "trào “%(campaign)s”. Việc cần làm: xem ý kiến, xác minh và tổng hợp báo cáo Hội đồng.") % values
    notifications.notify(event, notifications.holder_ids(campaign.plan.issuer, STAFF_ROLES), text,
                         reverse("awards:published_list", args=[campaign.pk]), object_label=str(feedback.nomination),
                         actor=values["actor"], campaign_id=campaign.pk)


def register() -> None:
    notifications.subscribe("proposal.reopen", gettext_lazy("Mở lại hạn gửi hồ sơ"), proposal_reopened)
    notifications.subscribe("feedback.publish", gettext_lazy("Công khai lấy ý kiến"), feedback_published)
    notifications.subscribe("feedback.receive", gettext_lazy("Ý kiến góp ý mới"), feedback_received)
    notifications.subscribe("proposal.submit", gettext_lazy("Đề nghị khen thưởng được gửi"), proposal_submitted)
    notifications.subscribe("proposal.return", gettext_lazy("Đề nghị bị trả lại"), proposal_returned)
    notifications.subscribe("session.open", gettext_lazy("Mời bỏ phiếu"), session_opened)
    notifications.subscribe("session.close", gettext_lazy("Kết thúc bỏ phiếu"), session_closed)
    notifications.subscribe("session.decide", gettext_lazy("Quyết định khen thưởng"), session_decided)
