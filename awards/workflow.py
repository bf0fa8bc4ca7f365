"""Lifecycles of the awards app, each one table of transitions (``emulation.lifecycle``):

- proposal (đề nghị): Đang soạn → Đã gửi → Trả lại để bổ sung (a new draft version opens);
- nomination (đối tượng đề nghị): Đề nghị → Hội đồng thông qua / không thông qua → Đã quyết định
  khen thưởng / Trình cấp trên / Không khen thưởng;
- council session (phiên họp): Đang chuẩn bị → Đang bỏ phiếu → Đã kết thúc → Đã có quyết định (the
  director's decision is the session's last transition: it numbers the decision and settles the
  nominations);
- feedback from the public (góp ý công khai): Chờ duyệt → Đã đăng / Không đăng (with the reason), and back
  and forth between the two when staff change their mind.

Services apply these transitions (the only place a status is written); views receive
``actions(user, obj)``. Date order is a guard of the transition it concerns: the vote opens only
after the feedback window has closed; the vote closes (and the minutes, dated the meeting day, are
made) only from the meeting day on; the decision never precedes the minutes it cites.
"""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import access as org_access
from emulation.lifecycle import Lifecycle, Transition

from . import access
from .models import FeedbackStatus, NominationStatus, ProposalStatus, SessionStatus


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


# Proposal


def _proposal_unit(user, proposal) -> bool:
    return org_access.in_scope(user, proposal.unit, editable=True)


def _proposal_staff(user, proposal) -> bool:
    return access.is_campaign_staff(user, proposal.campaign)


def not_on_agenda(proposal, **_context) -> str | None:
    if proposal.nominations.filter(agenda_items__isnull=False).exists():
        return _("Đề nghị đã đưa vào phiên họp Hội đồng, không trả lại được.")
    return None


PROPOSAL = Lifecycle(
    name="proposal", states=ProposalStatus,
    roles={"unit": _proposal_unit, "staff": _proposal_staff},
    transitions=(
        Transition(ProposalStatus.DRAFT, "submit", ProposalStatus.SUBMITTED, ("unit",),
                   gettext_lazy("Gửi đề nghị")),
        Transition(ProposalStatus.SUBMITTED, "return", ProposalStatus.RETURNED, ("staff",),
                   gettext_lazy("Trả lại để bổ sung"), guard=not_on_agenda, needs_reason=True, style="warning"),
    ),
)


# Nomination


def _nomination_staff(user, nomination) -> bool:
    return access.is_campaign_staff(user, nomination.proposal.campaign)


def _nomination_director(user, nomination) -> bool:
    return access.can_decide(user, nomination.proposal.campaign)


NOMINATION = Lifecycle(
    name="nomination", states=NominationStatus,
    roles={"staff": _nomination_staff, "director": _nomination_director},
    transitions=(
        # Counted when the vote closes (staff close the session).
        Transition(NominationStatus.PROPOSED, "pass", NominationStatus.PASSED, ("staff",),
                   gettext_lazy("Hội đồng thông qua")),
        Transition(NominationStatus.PROPOSED, "fail", NominationStatus.NOT_PASSED, ("staff",),
                   gettext_lazy("Hội đồng không thông qua")),
        # Settled by the director's decision.
        Transition(NominationStatus.PASSED, "award", NominationStatus.AWARDED, ("director",),
                   gettext_lazy("Khen thưởng")),
        Transition(NominationStatus.PASSED, "forward", NominationStatus.FORWARDED, ("director",),
                   gettext_lazy("Trình cấp trên")),
        Transition(NominationStatus.PASSED, "refuse", NominationStatus.REFUSED, ("director",),
                   gettext_lazy("Không khen thưởng")),
    ),
)


# Council session


def _session_staff(user, session) -> bool:
    return access.can_manage_council(user, session.campaign)


def _session_director(user, session) -> bool:
    return access.can_decide(user, session.campaign)


def feedback_closed(session, *, today: datetime.date, **_context) -> str | None:
    """The vote opens only once the nominees' public feedback window has closed."""
    window = getattr(session.campaign, "feedback_window", None)
    if window is not None and today <= window.closes_on:
        return _("Đang công khai lấy ý kiến đến hết ngày %(day)s: chỉ bắt đầu bỏ phiếu từ ngày %(next)s.") % {
            "day": _d(window.closes_on), "next": _d(window.closes_on + datetime.timedelta(days=1))}
    return None


def can_open(session, *, today: datetime.date, **context) -> str | None:
    if not session.items.exists():
        return _("Phiên họp chưa có nội dung bình xét.")
    if not session.members.filter(role="chair").exists():
        return _("Hội đồng chưa có Chủ tịch.")
    return feedback_closed(session, today=today)


def minutes_not_before_meeting(session, *, today: datetime.date, **_context) -> str | None:
    """The minutes are dated the meeting day; the vote cannot close (and the minutes be made) before it."""
    if today < session.held_on:
        return _("Chưa đến ngày họp %(day)s: biên bản kiểm phiếu không thể lập trước ngày họp.") % {
            "day": _d(session.held_on)}
    return None


def decision_not_before_minutes(session, *, decided_on: datetime.date, today: datetime.date,
                                **_context) -> str | None:
    """The decision cites the minutes: it is dated on or after them, and not in the future."""
    minutes_on = session.minutes_entry.issued_on if session.minutes_entry_id else session.held_on
    if decided_on < minutes_on:
        return _("Ngày quyết định %(day)s trước ngày biên bản họp Hội đồng (%(minutes)s) mà quyết định căn cứ.") % {
            "day": _d(decided_on), "minutes": _d(minutes_on)}
    if decided_on > today:
        return _("Ngày quyết định %(day)s chưa đến.") % {"day": _d(decided_on)}
    return None


def can_prepare(user, session) -> bool:
    """Members and agenda change only while the session is being prepared, by staff."""
    return session.status == SessionStatus.PREPARING and _session_staff(user, session)


def allowed(lifecycle: Lifecycle, user, obj) -> set[str]:
    """The actions ``user`` may take on ``obj`` now, for templates (``{% if "close" in allowed %}``)."""
    return {t.action for t in lifecycle.actions(user, obj)}


SESSION = Lifecycle(
    name="session", states=SessionStatus,
    roles={"staff": _session_staff, "director": _session_director},
    transitions=(
        Transition(SessionStatus.PREPARING, "open", SessionStatus.VOTING, ("staff",),
                   gettext_lazy("Bắt đầu bỏ phiếu"), guard=can_open),
        Transition(SessionStatus.VOTING, "close", SessionStatus.CLOSED, ("staff",),
                   gettext_lazy("Kết thúc, kiểm phiếu"), guard=minutes_not_before_meeting, style="danger"),
        Transition(SessionStatus.CLOSED, "decide", SessionStatus.DECIDED, ("director",),
                   gettext_lazy("Phê duyệt kết quả, ban hành quyết định"), guard=decision_not_before_minutes),
    ),
)

LIFECYCLES = (PROPOSAL, NOMINATION, SESSION)


# Feedback


def _feedback_staff(user, feedback) -> bool:
    return access.is_campaign_staff(user, feedback.nomination.proposal.campaign)


FEEDBACK = Lifecycle(
    name="feedback", states=FeedbackStatus, roles={"staff": _feedback_staff},
    transitions=(
        Transition((FeedbackStatus.PENDING, FeedbackStatus.HIDDEN), "show", FeedbackStatus.SHOWN, ("staff",),
                   gettext_lazy("Đăng"), style="success"),
        Transition((FeedbackStatus.PENDING, FeedbackStatus.SHOWN), "hide", FeedbackStatus.HIDDEN, ("staff",),
                   gettext_lazy("Không đăng"), needs_reason=True, style="secondary"),
    ),
)
