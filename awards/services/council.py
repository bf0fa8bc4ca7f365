"""Write paths of the council (Hội đồng TĐKT): sessions, members, agenda, comments, opening the
vote and closing it. The ballot itself (recusals, written opinions, casting, counting) is in
``ballots``. Every change is audited.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import audit, registers
from emulation.models import AuditAction
from emulation.text import person_name

from .. import access, tally, workflow
from ..models import (
    FINISHED_SESSION,
    AgendaItem,
    Choice,
    CouncilComment,
    CouncilMember,
    CouncilSession,
    MemberRole,
    Proposal,
    ProposalStatus,
    SessionStatus,
)
from ..selectors import council as selectors
from ..selectors import eligibility
from .ballot_box import count_and_empty
from .ballots import count_written, member_of, record_automatic_recusals


@dataclass(frozen=True)
class Seat:
    """A member to seat on the council."""

    user: object
    full_name: str
    role: str = MemberRole.MEMBER


def _record(actor, action, obj, session, before=None):
    audit.record(actor=actor, action=action, obj=obj, before=before, unit_id=session.unit_id)


def _check_manager(actor, session_or_campaign):
    campaign = getattr(session_or_campaign, "campaign", session_or_campaign)
    if not access.can_manage_council(actor, campaign):
        raise PermissionDenied


def _check_preparing(session):
    if session.status != SessionStatus.PREPARING:
        raise ValidationError(_("Phiên họp đã bắt đầu bỏ phiếu; không thể thay đổi thành phần, nội dung."))


def _check_seats(seats: list[Seat]) -> None:
    if not seats:
        raise ValidationError(_("Chọn ít nhất một thành viên Hội đồng."))
    users = [seat.user.pk for seat in seats]
    if len(set(users)) != len(users):
        raise ValidationError(_("Một người được chọn nhiều lần."))
    if sum(seat.role == MemberRole.CHAIR for seat in seats) != 1:
        raise ValidationError(_("Hội đồng có đúng một Chủ tịch."))
    if any(seat.role not in MemberRole.values for seat in seats):
        raise ValidationError(_("Chức danh trong Hội đồng không hợp lệ."))


def _seat_members(actor, session, seats: list[Seat]) -> None:
    """Make the members exactly ``seats`` (new ones added, changed ones updated, others removed)."""
    existing = {m.user_id: m for m in CouncilMember.objects.filter(session=session)}
    wanted = {seat.user.pk: seat for seat in seats}
    for user_id, member in existing.items():
        if user_id not in wanted:
            if member.comments.exists():
                raise ValidationError(_("%(name)s đã có ý kiến trong phiên họp, không bỏ khỏi Hội đồng được.")
                                      % {"name": member.full_name})
            _record(actor, AuditAction.DELETE, member, session, before=audit.snapshot(member))
            member.delete()
    for user_id, seat in wanted.items():
        member = existing.get(user_id) or CouncilMember(session=session, user=seat.user)
        before = audit.snapshot(member) if member.pk else None
        full_name = seat.full_name.strip() or person_name(seat.user)
        if member.pk and (member.full_name, member.role) == (full_name, seat.role):
            continue
        member.full_name, member.role = full_name, seat.role
        member.save()
        _record(actor, AuditAction.UPDATE if before else AuditAction.CREATE, member, session, before=before)


def _sync_agenda(actor, session) -> int:
    """Put on the agenda every nomination still awaiting the council, drop those no longer awaiting
    it (their proposal was returned or withdrawn). Returns the number of items."""
    # Lock the campaign's submitted proposals: a proposal returned meanwhile is not put on the agenda.
    list(Proposal.objects.select_for_update().filter(campaign=session.campaign, status=ProposalStatus.SUBMITTED)
         .values_list("pk", flat=True))
    busy = AgendaItem.objects.filter(session__campaign=session.campaign).exclude(
        session=session).exclude(session__status__in=FINISHED_SESSION).values("nomination_id")
    candidates = list(selectors.agenda_candidates(session.campaign).exclude(pk__in=busy))
    wanted = {n.pk: position for position, n in enumerate(candidates, start=1)}
    existing = {item.nomination_id: item for item in AgendaItem.objects.filter(session=session)}
    for nomination_id, item in existing.items():
        if nomination_id not in wanted:
            _record(actor, AuditAction.DELETE, item, session, before=audit.snapshot(item))
            item.delete()
    for nomination_id, position in wanted.items():
        item = existing.get(nomination_id)
        if item is None:
            item = AgendaItem.objects.create(session=session, nomination_id=nomination_id, position=position)
            _record(actor, AuditAction.CREATE, item, session)
        elif item.position != position:
            before = audit.snapshot(item)
            item.position = position
            item.save(update_fields=["position"])
            _record(actor, AuditAction.UPDATE, item, session, before=before)
    return len(wanted)


EDITABLE_SESSION_FIELDS = ("title", "held_on", "location", "quorum_percent")  # what staff change while preparing


def _save_session(session) -> None:
    session.full_clean(exclude=["created_by"])
    session.save()


@transaction.atomic
def create_session(*, actor, session: CouncilSession, seats: list[Seat]) -> CouncilSession:
    """A new session for ``session.campaign``: its members, and an agenda of the nominations awaiting the council."""
    _check_manager(actor, session.campaign)
    _check_seats(seats)
    session.unit = access.issuer_of(session.campaign)
    if session.status != SessionStatus.PREPARING:  # a session starts being prepared (its lifecycle's first state)
        raise ValidationError(_("Phiên họp mới phải ở trạng thái đang chuẩn bị."))
    session.created_by = actor if actor.pk else None
    _save_session(session)
    _record(actor, AuditAction.CREATE, session, session)
    _seat_members(actor, session, seats)
    _sync_agenda(actor, session)
    return session


@transaction.atomic
def update_session(*, actor, session: CouncilSession, seats: list[Seat]) -> CouncilSession:
    current = selectors.session_for_update(session.pk)
    _check_manager(actor, current)
    _check_preparing(current)
    _check_seats(seats)
    before = audit.snapshot(current)
    for name in EDITABLE_SESSION_FIELDS:
        setattr(current, name, getattr(session, name))
    _save_session(current)
    _record(actor, AuditAction.UPDATE, current, current, before=before)
    _seat_members(actor, current, seats)
    return current


@transaction.atomic
def refresh_agenda(*, actor, session: CouncilSession) -> int:
    current = selectors.session_for_update(session.pk)
    _check_manager(actor, current)
    _check_preparing(current)
    return _sync_agenda(actor, current)


@transaction.atomic
def open_voting(*, actor, session: CouncilSession, today: datetime.date | None = None) -> CouncilSession:
    """Open the secret ballot: the agenda and the chair are set, the feedback window has closed."""
    current = selectors.session_for_update(session.pk)
    workflow.SESSION.apply(current, "open", actor=actor, unit_id=current.unit_id,
                           today=today or timezone.localdate())
    record_automatic_recusals(actor, current)
    return current


@transaction.atomic
def add_comment(*, actor, item: AgendaItem, text: str) -> CouncilComment:
    """A member's signed opinion on a nominee, while the session is not closed."""
    member = member_of(actor, item.session)
    if member is None:
        raise PermissionDenied(_("Chỉ thành viên của phiên họp này được cho ý kiến."))
    if item.session.status in FINISHED_SESSION:
        raise PermissionDenied(_("Phiên họp đã kết thúc."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Nhập ý kiến.")})
    comment = CouncilComment.objects.create(item=item, member=member, text=text)
    _record(actor, AuditAction.CREATE, comment, item.session)
    return comment


def _quorum_error(session, participants: int, total: int):
    values = {"n": participants, "total": total, "q": tally.percent_of(participants, total),
              "quorum": session.quorum_percent}
    return ValidationError(_("Chưa đủ số thành viên tham gia bỏ phiếu: %(n)s/%(total)s thành viên (%(q)s%%), "
                             "cần tối thiểu %(quorum)s%% tổng số thành viên. Phiên họp vẫn đang bỏ phiếu.") % values)


@transaction.atomic
def close_session(*, actor, session: CouncilSession, today: datetime.date | None = None) -> CouncilSession:
    """Count the ballots against each nomination's threshold over the whole membership; record
    pass or fail on the agenda and the nominations; empty the ballot box and, once committed, destroy
    the session's ballot key. Refused while the quorum is not met."""
    current = selectors.session_for_update(session.pk)
    transition = workflow.SESSION.check(actor, current, "close", today=today or timezone.localdate())
    total = current.members.count()
    participants = current.casts.count()
    if not total or not tally.quorum_met(participants, total, current.quorum_percent):
        raise _quorum_error(current, participants, total)
    counts, written = count_and_empty(current), count_written(current)
    items = AgendaItem.objects.filter(session=current).select_related(
        "nomination", "nomination__rule", "nomination__proposal", "nomination__campaign_award__award_form")
    for item in items.prefetch_related("nomination__campaign_award__award_form__rules"):
        _close_item(actor, current, item, counts.get(item.pk, Counter()), written.get(item.pk, Counter()), total)
    _flag_stopped(actor, current, on=today or timezone.localdate())
    minutes = registers.issue_number(issuer=current.unit, series=registers.COUNCIL_MINUTES_SERIES,
                                     issued_on=current.held_on, actor=actor,
                                     subject=f"Biên bản họp Hội đồng Thi đua – Khen thưởng: {current.title}")
    workflow.SESSION.force(current, transition, actor=actor, unit_id=current.unit_id,
                           fields={"closed_at": timezone.now(), "minutes_entry": minutes})
    return current


def _flag_stopped(actor, session, *, on) -> None:
    """Eligibility judged again on the closing day. A nominee the council passed who may not be
    awarded that day (a case opened or a discipline decided since submission) is flagged on the agenda
    with the reason, and the results page and the minutes show it. The vote stands as cast (the
    minutes record what the council decided); no award is written while the case lasts, because the
    director's approval judges again on the decision day and refuses it then (``decisions.approve``)."""
    items = list(AgendaItem.objects.filter(session=session, passed=True).select_related(
        "nomination__officer__unit", "nomination__unit", "nomination__campaign_award__campaign"))
    stopped = eligibility.stopped_nominations([item.nomination for item in items], on=on)
    for item in items:
        if item.nomination_id in stopped:
            before = audit.snapshot(item)
            item.stopped_reason = stopped[item.nomination_id]
            item.save(update_fields=["stopped_reason"])
            _record(actor, AuditAction.UPDATE, item, session, before=before)


def _close_item(actor, session, item, counts: Counter, written: Counter, total: int) -> None:
    """Ballots, plus the absent members' written stances where the item's rule version counts them."""
    rule = selectors.rule_for(item.nomination)
    if rule is None:
        raise ValidationError(_("Chưa có quy định áp dụng (ngưỡng biểu quyết) cho: %(n)s.") % {"n": item.nomination})
    written = written if rule.written_opinions_count else Counter()
    counts = counts + written
    result = tally.tally_item(yes=counts[Choice.YES], no=counts[Choice.NO], abstain=counts[Choice.ABSTAIN],
                              total_members=total, threshold_percent=rule.vote_threshold,
                              comparison=rule.threshold_comparison)
    before = audit.snapshot(item)
    item.yes_count, item.no_count, item.abstain_count = result.yes, result.no, result.abstain
    item.passed, item.written_count = result.passed, sum(written.values())
    item.save(update_fields=["yes_count", "no_count", "abstain_count", "passed", "written_count"])
    _record(actor, AuditAction.UPDATE, item, session, before=before)
    nomination = item.nomination
    outcome = workflow.NOMINATION.transition_for(nomination, "pass" if result.passed else "fail")
    workflow.NOMINATION.force(nomination, outcome, actor=actor, reason=result.reason, unit_id=nomination.unit_id)
