"""The director's approval of a council session's result: a decision with its number, the awards
written into each subject's history, nominations beyond this level forwarded upward. Quotas are
checked again here, under the same lock as at submission: of two approvals racing for the last
place, one wins."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import audit, registers
from emulation.models import AuditAction

from .. import quotas, workflow
from ..models import AwardRecord, CouncilSession, Decision, NominationStatus
from ..selectors import eligibility
from ..selectors.proposals import quota_rules, seat_of, taken_seats
from .proposals import lock_awards


@transaction.atomic
def approve(*, actor, session: CouncilSession, decided_on: datetime.date, signer_name: str,
            signer_title: str, awarded: set[int] | None = None, today: datetime.date | None = None) -> Decision:
    """The decision's number comes from the issuer's register (series QĐ) in this transaction.

    ``awarded``: the passed nominations the director awards (all by default); the others passed
    the council but are not awarded (over a quota, say) and are marked so. Eligibility is judged
    again on the facts of ``decided_on``: a nominee stopped that day (a case opened, a discipline
    decided since submission) is not awarded nor forwarded, whatever was ticked: it is refused with
    the reason (``Nomination.refusal_reason``)."""
    session = CouncilSession.objects.select_for_update(of=("self",)).select_related(
        "campaign__plan__issuer", "minutes_entry").get(pk=session.pk)
    transition = workflow.SESSION.check(actor, session, "decide", decided_on=decided_on,
                                        today=today or timezone.localdate())
    passed = [item.nomination for item in session.items.filter(passed=True).select_related(
        "nomination__officer__unit", "nomination__unit", "nomination__proposal",
        "nomination__campaign_award__award_form", "nomination__campaign_award__campaign")]
    if not passed:
        raise ValidationError(_("Không có đối tượng nào được Hội đồng thông qua."))
    stopped = eligibility.stopped_nominations(passed, on=decided_on)
    held_back = [n for n in passed if n.pk in stopped]  # not eligible on the decision day: refused, with why
    declined = [n for n in passed if awarded is not None and n.pk not in awarded and n.pk not in stopped]
    passed = [n for n in passed if n not in declined and n.pk not in stopped]
    if not passed:
        raise _nothing_to_award(stopped, decided_on)
    awards = lock_awards(n.campaign_award_id for n in passed)
    errors = []
    for award in awards.values():
        if not award.decided_here:
            continue
        mine = [seat_of(n) for n in passed if n.campaign_award_id == award.pk]
        held = taken_seats(award, statuses=(NominationStatus.AWARDED,))
        errors += [f"{award.award_form.name}: {e}" for e in quotas.overflows(quota_rules(award), held, mine)]
    if errors:
        raise ValidationError(errors)
    issuer = session.campaign.plan.issuer
    entry = registers.issue_number(issuer=issuer, series="QĐ", issued_on=decided_on, actor=actor,
                                   subject=f"Về việc khen thưởng – {session.campaign.name}")
    decision = Decision(session=session, issuer=entry.issuer, registered=entry, number=entry.number,
                        symbol=entry.symbol, year=entry.year, decided_on=decided_on, signer_name=signer_name,
                        signer_title=signer_title, approved_by=actor)
    try:
        with transaction.atomic():
            decision.full_clean()
            decision.save()
            for nomination in passed:
                _settle(actor, nomination, decision)
            for nomination in declined:
                _move(actor, nomination, "refuse")
            for nomination in held_back:
                reason = stopped[nomination.pk]
                _move(actor, nomination, "refuse", reason, fields={"refusal_reason": reason})
    except IntegrityError as exc:
        raise ValidationError(_("Thành tích này đã được khen thưởng; vui lòng kiểm tra lại.")) from exc
    audit.record(actor=actor, action=AuditAction.CREATE, obj=decision)
    workflow.SESSION.force(session, transition, actor=actor, unit_id=session.unit_id)
    return decision


def _move(actor, nomination, action: str, reason: str = "", fields: dict | None = None) -> None:
    """The director settles a passed nomination (her permission was checked on the session)."""
    workflow.NOMINATION.force(nomination, workflow.NOMINATION.transition_for(nomination, action), actor=actor,
                              reason=reason, unit_id=nomination.unit_id, fields=fields)


def _nothing_to_award(stopped: dict[int, str], decided_on: datetime.date) -> ValidationError:
    if not stopped:
        return ValidationError(_("Chọn ít nhất một đối tượng để khen thưởng."))
    return ValidationError([_("Không còn đối tượng nào đủ điều kiện khen thưởng ngày %(day)s; chưa ban hành quyết "
                              "định được.") % {"day": decided_on.strftime("%d/%m/%Y")}, *stopped.values()])


def _settle(actor, nomination, decision: Decision) -> None:
    award = nomination.campaign_award
    if not award.decided_here:
        _move(actor, nomination, "forward")
        return
    _move(actor, nomination, "award")
    record = AwardRecord(
        award_form=award.award_form, officer=nomination.officer,
        unit=None if nomination.officer_id else nomination.unit,
        year=decision.decided_on.year, decision_reference=decision.reference, decided_on=decision.decided_on,
        issued_by=decision.issuer.name, campaign_id=award.campaign_id, decision=decision, nomination=nomination)
    try:
        record.validate_constraints()
    except ValidationError as exc:  # already awarded this form this year (or for this achievement)
        raise ValidationError(f"{nomination.subject}: {' '.join(exc.messages)}") from exc
    record.save()
