"""Write paths of proposals: open, edit the meeting, nominate, write reports, attach scans, submit
(deadline, completeness, eligibility and quotas checked under a lock), return (new version), reopen."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import audit, events, organisation, registers
from emulation.models import AuditAction

from .. import access, candidates, dossier, quotas, workflow
from ..models import (
    AchievementReport,
    AttachmentKind,
    AwardRecord,
    CampaignAward,
    Nomination,
    Proposal,
    ProposalAttachment,
    SubjectType,
    SubmissionReopening,
)
from ..selectors.proposals import quota_rules, rule_in_force, seat_of, taken_seats
from ..uploads import MAX_SCAN_BYTES, SCAN_TYPES, check_upload


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _editable(actor, proposal: Proposal) -> Proposal:
    """The proposal as it is now, locked until the caller's transaction ends: a submission that
    committed after the page was loaded is seen, and none can commit while this write runs."""
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not current.is_editable:
        raise ValidationError(_("Đề nghị đã gửi không sửa được; Thường trực có thể trả lại để bổ sung."))
    _require(access.can_edit_proposal(actor, current))
    return current


@transaction.atomic
def open_proposal(*, actor, campaign, unit, title: str, today: datetime.date | None = None) -> Proposal:
    """A unit after its end date proposes nothing: its members' achievements go up through its successor."""
    _require(access.can_propose(actor, campaign, unit))
    organisation.check_unit(unit, on=today or timezone.localdate(), purpose="propose")
    last = Proposal.objects.filter(campaign=campaign, unit=unit).order_by("-version").first()
    proposal = Proposal(campaign=campaign, unit=unit, title=title, created_by=actor, previous=last,
                        version=last.version + 1 if last else 1)
    try:
        with transaction.atomic():
            proposal.full_clean()
            proposal.save()
    except IntegrityError as exc:
        raise ValidationError(_("Đơn vị đã có một đề nghị đang soạn hoặc đã gửi.")) from exc
    audit.record(actor=actor, action=AuditAction.CREATE, obj=proposal)
    return proposal


@transaction.atomic
def update_proposal(*, actor, proposal: Proposal) -> Proposal:
    """Save the title and review-meeting fields already set on ``proposal`` (by a form); nothing else
    of the in-memory copy (its status may be stale)."""
    current = _editable(actor, proposal)
    before = audit.snapshot(current)
    for name in Proposal.MEETING_FIELDS:
        setattr(current, name, getattr(proposal, name))
    current.full_clean()
    current.save(update_fields=Proposal.MEETING_FIELDS)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=current, before=before)
    return current


def _check_subject(proposal: Proposal, campaign_award: CampaignAward, officer, unit, today: datetime.date) -> None:
    form = campaign_award.award_form
    if campaign_award.campaign_id != proposal.campaign_id:
        raise ValidationError(_("Hình thức khen thưởng không thuộc phong trào này."))
    wanted = SubjectType.INDIVIDUAL if officer else SubjectType.COLLECTIVE
    if form.subject_type not in (wanted, SubjectType.BOTH):
        raise ValidationError(_("“%(form)s” không dành cho %(who)s.") % {
            "form": form.name, "who": _("cá nhân") if officer else _("tập thể")})
    subject_unit = officer.unit if officer else unit
    if not subject_unit.path.startswith(proposal.unit.path):
        raise ValidationError(_("Chỉ đề nghị tập thể, cá nhân thuộc đơn vị mình."))
    organisation.check_unit(subject_unit, on=today, purpose="propose")
    if officer is not None and not officer.is_active:
        raise ValidationError(_("Cán bộ không còn công tác."))
    awarded = AwardRecord.objects.filter(campaign=proposal.campaign, officer=officer, unit=None if officer else unit)
    if awarded.exists():
        raise ValidationError(_("Thành tích trong phong trào này đã được khen thưởng; một thành tích không khen "
                                "nhiều lần, nhiều hình thức."))


@transaction.atomic
def nominate(*, actor, proposal: Proposal, campaign_award: CampaignAward, officer=None, unit=None,
             today: datetime.date | None = None) -> Nomination:
    """One nomination per subject per proposal (one achievement, one form); its unit in operation today."""
    proposal = _editable(actor, proposal)
    _check_subject(proposal, campaign_award, officer, unit, today or timezone.localdate())
    nomination = Nomination(proposal=proposal, campaign_award=campaign_award, officer=officer,
                            unit=officer.unit if officer else unit, position=proposal.nominations.count())
    try:
        with transaction.atomic():
            nomination.full_clean()
            nomination.save()
    except IntegrityError as exc:
        raise ValidationError(_("Đối tượng này đã có trong đề nghị.")) from exc
    audit.record(actor=actor, action=AuditAction.CREATE, obj=nomination, unit_id=proposal.unit_id)
    return nomination


def _delete_from(actor, proposal: Proposal, obj) -> None:
    proposal = _editable(actor, proposal)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=obj, before=audit.snapshot(obj), unit_id=proposal.unit_id)
    obj.delete()


@transaction.atomic
def withdraw_nomination(*, actor, nomination: Nomination) -> None:
    _delete_from(actor, nomination.proposal, nomination)


@transaction.atomic
def save_report(*, actor, report: AchievementReport) -> AchievementReport:
    _editable(actor, Proposal(pk=report.nomination.proposal_id))
    previous = AchievementReport.objects.filter(pk=report.pk).first() if report.pk else None
    report.full_clean()
    report.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if previous else AuditAction.CREATE, obj=report,
                 before=audit.snapshot(previous) if previous else None, unit_id=report.nomination.proposal.unit_id)
    return report


@transaction.atomic
def attach(*, actor, proposal: Proposal, kind: str, upload, nomination: Nomination | None = None):
    proposal = _editable(actor, proposal)
    content_type = check_upload(upload, allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES)
    if nomination is not None and nomination.proposal_id != proposal.pk:
        raise ValidationError(_("Đối tượng không thuộc đề nghị này."))
    attachment = ProposalAttachment(proposal=proposal, nomination=nomination, kind=kind, file=upload,
                                    original_name=upload.name[:255], content_type=content_type, size=upload.size,
                                    uploaded_by=actor)
    attachment.full_clean()
    attachment.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=attachment, unit_id=proposal.unit_id)
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment: ProposalAttachment) -> None:
    _delete_from(actor, attachment.proposal, attachment)


def dossier_parts(proposal: Proposal, nominations: list[Nomination]) -> dossier.DossierParts:
    attachments = list(proposal.attachments.all())
    scanned = {a.nomination_id for a in attachments if a.kind == AttachmentKind.REPORT}
    reports = {r.nomination_id: r for r in AchievementReport.objects.filter(nomination__in=nominations)}
    return dossier.DossierParts(
        nominees=[dossier.NomineeParts(str(n.subject), bool(reports.get(n.pk) and reports[n.pk].is_complete),
                                       n.pk in scanned) for n in nominations],
        meeting_held_on=proposal.meeting_held_on, meeting_present=proposal.meeting_present,
        meeting_total=proposal.meeting_total,
        minutes_scan=any(a.kind == AttachmentKind.MINUTES for a in attachments))


def lock_awards(ids) -> dict[int, CampaignAward]:
    """Lock the campaign awards (in id order, so two requests never deadlock): places are counted and
    taken while no one else can take them."""
    return {a.pk: a for a in CampaignAward.objects.select_for_update().filter(pk__in=sorted(set(ids))).order_by("pk")}


def _reopened_until(proposal: Proposal):
    reopening = SubmissionReopening.objects.filter(campaign=proposal.campaign, unit=proposal.unit).first()
    return reopening.until if reopening else None


def _issue_numbers(actor, proposal: Proposal, today: datetime.date) -> None:
    """The Tờ trình and the biên bản họp xét take the unit's next numbers, once per version."""
    if proposal.letter_entry_id is None:
        proposal.letter_entry = registers.issue_number(
            issuer=proposal.unit, series="TTr", issued_on=today, actor=actor,
            subject=f"Đề nghị khen thưởng – {proposal.campaign.name}")
    if proposal.minutes_entry_id is None:
        proposal.minutes_entry = registers.issue_number(
            issuer=proposal.unit, series="BB", issued_on=proposal.meeting_held_on or today, actor=actor,
            subject=f"Biên bản họp xét thi đua, khen thưởng – {proposal.campaign.name}")


@transaction.atomic
def number_papers(*, actor, proposal: Proposal, today: datetime.date | None = None) -> Proposal:
    """Lấy số before signing: the Tờ trình and biên bản are numbered now, so the PDFs the unit signs
    carry their numbers; submitting later keeps them. Needs the review meeting recorded."""
    proposal = _editable(actor, proposal)
    if proposal.meeting_held_on is None:
        raise ValidationError(_("Ghi ngày họp xét trước khi lấy số biên bản."))
    before = audit.snapshot(proposal)
    _issue_numbers(actor, proposal, today or timezone.localdate())
    proposal.save(update_fields=["letter_entry", "minutes_entry"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=proposal, before=before)
    return proposal


@transaction.atomic
def submit(*, actor, proposal: Proposal, now: datetime.datetime | None = None) -> Proposal:
    _editable(actor, proposal)
    proposal = Proposal.objects.select_related("campaign__plan__issuer", "unit").get(pk=proposal.pk)
    transition = workflow.PROPOSAL.check(actor, proposal, "submit")
    now = now or timezone.now()
    today = timezone.localdate(now)
    organisation.check_unit(proposal.unit, on=today, purpose="propose")
    if not dossier.submission_open(today, proposal.campaign.dossier_due_on, _reopened_until(proposal)):
        raise ValidationError(_("Đã hết hạn gửi hồ sơ (trước ngày %(due)s). Đề nghị Thường trực mở lại hạn cho "
                                "đơn vị.") % {"due": proposal.campaign.dossier_due_on.strftime("%d/%m/%Y")})
    nominations = list(proposal.nominations.select_related("officer__unit", "unit", "campaign_award__award_form"))
    errors = dossier.missing_parts(dossier_parts(proposal, nominations))
    if errors:
        raise ValidationError(errors)

    awards = lock_awards(n.campaign_award_id for n in nominations)
    by_award = {}
    for n in nominations:
        by_award.setdefault(n.campaign_award_id, []).append(n)
    for award_id, group in by_award.items():
        award = awards[award_id]
        overflow = quotas.overflows(quota_rules(award), taken_seats(award, exclude_proposal=proposal),
                                    [seat_of(n) for n in group])
        errors += [f"{award.award_form.name}: {e}" for e in overflow]
        officers = [n.officer for n in group if n.officer_id]
        units = list({n.unit_id: n.unit for n in group}.values())
        verdicts = {a.key: a for a in candidates.assess_all(award, units, officers, today)}
        rule = rule_in_force(award.award_form, today)
        if rule is None:
            errors.append(_("%(form)s: chưa có quy định áp dụng ngày %(day)s.") % {
                "form": award.award_form.name, "day": today.strftime("%d/%m/%Y")})
        for n in group:
            assessed = verdicts[("officer", n.officer_id) if n.officer_id else ("unit", n.unit_id)]
            if assessed.assessment.verdict == "not_eligible":
                reasons = "; ".join(f.text for f in assessed.assessment.findings if f.outcome == "not_met")
                errors.append(f"{n.subject}: {_('không đủ điều kiện')} – {reasons}")
            n.eligibility, n.rule = assessed.assessment.as_dict(), rule
    if errors:
        raise ValidationError(errors)
    for n in nominations:
        n.save(update_fields=["eligibility", "rule"])
    before = audit.snapshot(proposal)
    _issue_numbers(actor, proposal, today)
    workflow.PROPOSAL.force(proposal, transition, actor=actor, before=before, fields={
        "submitted_at": now, "submitted_by": actor, "letter_entry": proposal.letter_entry,
        "minutes_entry": proposal.minutes_entry})
    return proposal


@transaction.atomic
def return_proposal(*, actor, proposal: Proposal, comment: str) -> Proposal:
    """Staff return a submitted proposal with comments: it stays as it was (history), and a new draft
    version with the same content opens for the unit."""
    proposal = Proposal.objects.select_for_update().select_related("campaign__plan__issuer").get(pk=proposal.pk)
    workflow.PROPOSAL.apply(proposal, "return", actor=actor, reason=comment, reason_field="comment", fields={
        "returned_at": timezone.now(), "returned_by": actor, "return_comment": comment.strip()})
    return _new_version(actor, proposal)


def _new_version(actor, old: Proposal) -> Proposal:
    fields = ("campaign_id", "unit_id", *Proposal.MEETING_FIELDS)
    new = Proposal(**{f: getattr(old, f) for f in fields}, version=old.version + 1, previous=old, created_by=actor)
    new.save()
    copies = {}
    for n in old.nominations.select_related("report"):
        copy = Nomination.objects.create(proposal=new, campaign_award_id=n.campaign_award_id, unit_id=n.unit_id,
                                         officer_id=n.officer_id, position=n.position)
        copies[n.pk] = copy
        report = getattr(n, "report", None)
        if report is not None:
            AchievementReport.objects.create(nomination=copy, summary=report.summary, duties=report.duties,
                                             achievements=report.achievements, initiatives=report.initiatives,
                                             prior_awards=report.prior_awards)
    for a in old.attachments.all():
        ProposalAttachment.objects.create(proposal=new, nomination=copies.get(a.nomination_id), kind=a.kind,
                                          file=a.file.name, original_name=a.original_name,
                                          content_type=a.content_type, size=a.size, uploaded_by=a.uploaded_by)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=new)
    return new


@transaction.atomic
def reopen(*, actor, campaign, unit, until: datetime.date, reason: str) -> SubmissionReopening:
    _require(access.is_campaign_staff(actor, campaign))
    if not any(p.unit_id == unit.pk for p in campaign.participations.all()):
        raise ValidationError(_("Đơn vị không tham gia phong trào."))
    reopening = SubmissionReopening.objects.filter(campaign=campaign, unit=unit).first()
    before = audit.snapshot(reopening) if reopening else None
    reopening = reopening or SubmissionReopening(campaign=campaign, unit=unit)
    reopening.until, reopening.reason, reopening.granted_by = until, reason, actor
    reopening.full_clean()
    reopening.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=reopening,
                 before=before)
    events.emit(events.Event(  # a new deadline (or a later one) is told once per date
        name="proposal.reopen", actor_id=actor.pk, model_label="awards.SubmissionReopening", object_id=reopening.pk,
        unit_id=unit.pk, source="", target="", reason=reason, key=f"reopen-{reopening.pk}-{until:%Y%m%d}"))
    return reopening
