"""Write paths of the secret ballot (bỏ phiếu kín): conflicts and recusals, absent members' written
opinions, casting a ballot paper, counting. A member is either present and votes, or absent with a
written opinion, never both. Every change is audited except what a ballot says: the audit trail
records that a member cast a ballot paper, never the choices on it.
"""

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from emulation import audit
from emulation.models import AuditAction

from .. import access
from ..enums import RecusalGround
from ..models import (
    FINISHED_SESSION,
    AgendaItem,
    BallotCast,
    Choice,
    CouncilMember,
    CouncilSession,
    Recusal,
    SessionStatus,
    WrittenOpinion,
)
from ..selectors import council as selectors
from . import ballot_box

ALREADY_VOTED = _("Bạn đã bỏ phiếu trong phiên họp này; mỗi thành viên chỉ bỏ một phiếu.")


def _record(actor, action, obj, session, before=None):
    audit.record(actor=actor, action=action, obj=obj, before=before, unit_id=session.unit_id)


def member_of(user, session) -> CouncilMember | None:
    """The user's seat in this session (a seat in another session does not count)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(session_id=session.pk, user=user).first()


def record_automatic_recusals(actor, session) -> list[Recusal]:
    """Store the recusals the conflict rules impose (the nominee, the head of the nominated
    collective), once, when voting opens: the membership and the agenda are fixed from then on. A
    conflict the member already declared on the same item stays as declared."""
    taken = set(Recusal.objects.filter(item__session=session).values_list("item_id", "member_id"))
    created = []
    for member, item, ground in selectors.automatic_recusals(session):
        if (item.pk, member.pk) in taken:
            continue
        recusal = Recusal.objects.create(item=item, member=member, ground=ground)
        _record(actor, AuditAction.CREATE, recusal, session)
        created.append(recusal)
    return created


@transaction.atomic
def declare_conflict(*, actor, item: AgendaItem, reason: str) -> Recusal:
    """A member declares a conflict of interest on one item, with a reason, before casting: they will
    not vote on it. Public and audited; it is printed on the minutes."""
    session = selectors.session_for_update(item.session_id)
    member = member_of(actor, session)
    if member is None:
        raise PermissionDenied(_("Chỉ thành viên của phiên họp này được khai báo xung đột lợi ích."))
    if session.status in FINISHED_SESSION:
        raise PermissionDenied(_("Phiên họp đã kết thúc."))
    if BallotCast.objects.filter(session=session, member=member).exists():
        raise PermissionDenied(_("Bạn đã bỏ phiếu; khai báo xung đột lợi ích phải trước khi bỏ phiếu."))
    if not (reason := reason.strip()):
        raise ValidationError({"reason": _("Ghi rõ lý do không tham gia biểu quyết.")})
    if Recusal.objects.filter(item=item, member=member).exists():
        raise ValidationError(_("Bạn đã không tham gia biểu quyết nội dung này."))
    recusal = Recusal.objects.create(item=item, member=member, ground=RecusalGround.DECLARED, reason=reason)
    _record(actor, AuditAction.CREATE, recusal, session)
    return recusal


@transaction.atomic
def record_written_opinion(*, actor, session: CouncilSession, member: CouncilMember, received_on,
                           text: str, stances: dict[int, str] | None = None) -> WrittenOpinion:
    """Staff record the written opinion of a member who did not take part in the vote, with the
    stance it states on each nominee where it states one (``stances``: agenda item id → choice)."""
    if not access.can_manage_council(actor, session.campaign):
        raise PermissionDenied
    session = selectors.session_for_update(session.pk)
    if member.session_id != session.pk:
        raise ValidationError(_("Người này không phải thành viên của phiên họp."))
    if session.status == SessionStatus.PREPARING:
        raise ValidationError(_("Phiên họp chưa bắt đầu bỏ phiếu."))
    if session.status in FINISHED_SESSION:  # the vote is counted and the minutes made
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if BallotCast.objects.filter(session=session, member=member).exists():
        raise ValidationError(_("Thành viên đã bỏ phiếu tại phiên họp; ý kiến bằng văn bản dành cho thành viên "
                                "vắng mặt."))
    opinion = WrittenOpinion(session=session, member=member, received_on=received_on, text=text.strip(),
                             stances=_check_stances(session, member, stances or {}), recorded_by=actor)
    opinion.full_clean()
    opinion.save()
    _record(actor, AuditAction.CREATE, opinion, session)
    return opinion


def _check_stances(session, member, stances: dict[int, str]) -> dict[str, str]:
    """Stances only on this session's items, never on one the member is recused from, each a valid choice."""
    items = set(AgendaItem.objects.filter(session=session).values_list("pk", flat=True))
    recused = selectors.recusals_of(member)
    if any(item_id not in items for item_id in stances):
        raise ValidationError(_("Ý kiến về một trường hợp không thuộc phiên họp."))
    if forbidden := [recused[item_id] for item_id in stances if item_id in recused]:
        raise ValidationError(_("Thành viên không tham gia biểu quyết: %(items)s.") % {"items": "; ".join(
            f"{r.item.nomination} ({r.reason_text})" for r in forbidden)})
    if any(choice not in Choice.values for choice in stances.values()):
        raise ValidationError(_("Ý kiến về trường hợp bình xét không hợp lệ."))
    return {str(item_id): choice for item_id, choice in stances.items()}


def count_written(session) -> dict[int, Counter]:
    """The stances of absent members' written opinions, per agenda item (they are signed, not secret)."""
    counts: dict[int, Counter] = {}
    for stances in WrittenOpinion.objects.filter(session=session).values_list("stances", flat=True):
        for item_id, choice in stances.items():
            counts.setdefault(int(item_id), Counter())[choice] += 1
    return counts


def ballot_refusal(seat, session, *, has_voted: bool, has_opinion: bool) -> str | None:
    """Why this user may not cast a ballot paper in this session now (None: they may)."""
    if seat is None:
        return _("Bạn không phải thành viên Hội đồng của phiên họp này.")
    if session.status != SessionStatus.VOTING:
        return _("Phiên họp không trong thời gian bỏ phiếu.")
    if has_voted:
        return ALREADY_VOTED
    if has_opinion:
        return _("Bạn đã gửi ý kiến bằng văn bản với tư cách thành viên vắng mặt; thành viên vắng mặt không bỏ "
                 "phiếu tại phiên họp.")
    return None


def _check_choices(session, choices: dict, recusals: dict[int, Recusal]) -> dict[int, str]:
    """One valid choice for every item the member votes on; an item they are recused from is refused."""
    if forbidden := [recusals[item_id] for item_id in choices if item_id in recusals]:
        raise PermissionDenied(_("Bạn không tham gia biểu quyết: %(items)s.") % {"items": "; ".join(
            f"{r.item.nomination} ({r.reason_text})" for r in forbidden)})
    items = [pk for pk in AgendaItem.objects.filter(session=session).values_list("pk", flat=True)
             if pk not in recusals]
    if set(choices) != set(items):
        raise ValidationError(_("Phiếu bầu phải có ý kiến cho tất cả nội dung bình xét."))
    if any(choice not in Choice.values for choice in choices.values()):
        raise ValidationError(_("Ý kiến trên phiếu bầu không hợp lệ."))
    return {item_id: choices[item_id] for item_id in items}


@sensitive_variables()  # an error report never carries a ballot paper
@transaction.atomic
def cast_ballot(*, actor, session: CouncilSession, choices: dict[int, str]) -> BallotCast:
    """One ballot paper covering the agenda, less the items the member is recused from. What is
    stored: that the member voted (``BallotCast``), and one anonymous ``Ballot`` per item voted on,
    its choice sealed under the session's key (``ballot_box``). Nothing else: the audit entry records
    the ballot paper, not the choices."""
    current = selectors.session_for_update(session.pk)
    member = member_of(actor, current)
    voted = member is not None and BallotCast.objects.filter(session=current, member=member).exists()
    absent = member is not None and WrittenOpinion.objects.filter(session=current, member=member).exists()
    if refusal := ballot_refusal(member, current, has_voted=voted, has_opinion=absent):
        raise PermissionDenied(refusal)
    paper = _check_choices(current, choices, selectors.recusals_of(member))
    try:
        with transaction.atomic():
            cast = BallotCast.objects.create(session=current, member=member)
    except IntegrityError as exc:  # a second request of the same member won the race
        raise PermissionDenied(ALREADY_VOTED) from exc
    ballot_box.put_paper(current, paper)
    _record(actor, AuditAction.CREATE, cast, current)
    return cast


@transaction.atomic
def restart_lost_vote(*, actor, session: CouncilSession) -> int:
    """The key of a session in voting is lost (``ballot_box.KEY_LOST``): its ballots can never be
    opened, so the vote is taken again. The sealed ballots and the participation records go (one audit
    entry per paper); recusals and written opinions stay; the members vote again under a new key.
    Refused unless the key really is lost. Returns the number of papers to cast again."""
    if not access.can_manage_council(actor, session.campaign):
        raise PermissionDenied
    current = selectors.session_for_update(session.pk)
    if current.status != SessionStatus.VOTING:
        raise ValidationError(_("Phiên họp không trong thời gian bỏ phiếu."))
    if not ballot_box.key_lost(current):
        raise ValidationError(_("Khóa niêm phong phiếu bầu của phiên họp vẫn còn; không cần bỏ phiếu lại."))
    casts = list(BallotCast.objects.filter(session=current).select_related("member", "session"))
    for cast in casts:
        _record(actor, AuditAction.DELETE, cast, current, before=audit.snapshot(cast))
    ballot_box.empty_lost_box(current)
    BallotCast.objects.filter(session=current).delete()
    return len(casts)
