"""Proposals (đề nghị khen thưởng): the campaign's awards page, suggested candidates, a unit's
proposal with nominees, achievement reports, the review meeting and signed scans; submit, return,
reopen. Thin: parse the request, call a selector or a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import selectors as campaign_selectors
from emulation import organisation, panels, querystring
from emulation.lifecycle import Refused
from emulation.models import Unit
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, dossier, workflow
from ..forms import AttachmentForm, MeetingForm, NominateForm, ProposalOpenForm, ReopenForm, ReportForm, ReturnForm
from ..models import AchievementReport, CampaignAward, ProposalStatus
from ..selectors import proposals as selectors
from ..services import proposals as services


def _campaign(request, pk):
    return scoped_or_404(campaign_selectors.campaign_detail, request.user, pk)


@login_required
def campaign_awards(request, pk):
    campaign = scoped_or_404(campaign_selectors.campaign_header, request.user, pk)  # its participations: not shown
    is_staff = access.is_campaign_staff(request.user, campaign)
    awards = list(selectors.campaign_awards(campaign))
    today = timezone.localdate()
    rules = selectors.rules_in_force([a.award_form for a in awards], campaign.dossier_due_on or today)
    left = selectors.quota_standings(awards)
    for award in awards:
        award.rule, award.left = rules.get(award.award_form_id), left[award.pk]
        award.discrepancy = dossier.basis_discrepancy(award.cited_basis, award.rule.legal_basis if award.rule else "")
    return render(request, "awards/campaign_awards.html", {
        "campaign": campaign, "awards": awards, "is_staff": is_staff,
        "proposals": selectors.campaign_proposals(request.user, campaign),
        "open_form": ProposalOpenForm(units=_proposable(request.user, campaign, today)),
        "reopen_form": ReopenForm(units=selectors.participating_units(request.user, campaign)) if is_staff else None,
        "reopenings": selectors.reopenings(campaign) if is_staff else [],
        "balance": selectors.nominee_balance(campaign) if is_staff else None,
        "submission_open": dossier.submission_open(today, campaign.dossier_due_on, None)})


@login_required
def candidates(request, pk, award_pk):
    campaign = _campaign(request, pk)
    try:
        award = selectors.campaign_award(campaign, award_pk)
    except CampaignAward.DoesNotExist as exc:
        raise Http404 from exc
    units = list(selectors.participating_units(request.user, campaign))
    unit_id = querystring.integer(request.GET.get("unit"))
    if unit_id is not None:
        units = [u for u in units if u.pk == unit_id]
    on = timezone.localdate()
    return render(request, "awards/candidates.html", {
        "campaign": campaign, "award": award, "on": on, "units": selectors.participating_units(request.user, campaign),
        "unit_id": unit_id, "assessed": selectors.candidates_for(award, units, on)})


@login_required
@require_POST
@once_per_submission
def proposal_open(request, pk):
    campaign = _campaign(request, pk)
    today = timezone.localdate()
    form = ProposalOpenForm(request.POST, units=_proposable(request.user, campaign, today))
    if form.is_valid():
        try:
            proposal = services.open_proposal(actor=request.user, campaign=campaign, unit=form.cleaned_data["unit"],
                                              title=form.cleaned_data["title"], today=today)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return redirect(proposal)
    else:
        messages.error(request, _("Chọn đơn vị đề nghị trong phạm vi của mình."))
    return redirect("awards:campaign_awards", pk=campaign.pk)


def _proposable(user, campaign, on):
    """The units the user may propose for, in operation on ``on`` (a dissolved unit's successor proposes)."""
    return organisation.valid_units(on, selectors.proposable_units(user, campaign))


def _proposal(request, pk):
    return scoped_or_404(selectors.proposal_detail, request.user, pk)


def _editable_proposal(request, pk):
    """A proposal the user may change now: out of scope 404, submitted or not theirs 403."""
    proposal = _proposal(request, pk)
    if not access.can_edit_proposal(request.user, proposal):
        # the same reason the lifecycle gives for submitting: not a draft any more, or not the user's unit
        why = workflow.PROPOSAL.refusal(request.user, proposal, "submit")
        raise Refused(why or _("Bạn không có quyền sửa đề nghị này."))
    return proposal


def _subjects(proposal, awards, on):
    """Choices of the proposing unit's collective and officers, each with its verdict for the first award."""
    if not proposal.unit.is_valid_on(on):  # a unit after its end date nominates no one
        return []
    units = [proposal.unit]
    assessed = {a.key: a for award in awards[:1] for a in selectors.candidates_for(award, units, on)}
    choices = [(f"u{proposal.unit.pk}", f"{proposal.unit.name} ({_('tập thể')})", proposal.unit)]
    for officer in organisation.valid_officers(on, proposal.unit.officers.all()).order_by("sort_key"):
        verdict = assessed.get(("officer", officer.pk))
        label = f"{officer.full_name} – {officer.position}" + (f" · {verdict.assessment.label}" if verdict else "")
        choices.append((f"o{officer.pk}", label, officer))
    return choices


def _explain(nominations, awards, unit, on) -> None:
    """Each nomination's verdict and findings: as judged at submission, or as they stand today."""
    pending = [a for a in awards if any(n.campaign_award_id == a.pk and not n.eligibility for n in nominations)]
    previews = {award_id: {a.key: a.assessment for a in assessed}
                for award_id, assessed in selectors.candidates_for_awards(pending, [unit], on).items()}
    for n in nominations:
        if n.eligibility:
            n.verdict, n.findings = n.eligibility.get("verdict"), n.eligibility.get("findings", [])
            continue
        key = ("officer", n.officer_id) if n.officer_id else ("unit", n.unit_id)
        assessment = previews.get(n.campaign_award_id, {}).get(key)
        n.verdict, n.findings = (assessment.verdict, assessment.findings) if assessment else ("", [])


@login_required
def proposal_detail(request, pk):
    proposal = _proposal(request, pk)
    user, on = request.user, timezone.localdate()
    awards = list(selectors.campaign_awards(proposal.campaign))
    editable = access.can_edit_proposal(user, proposal)
    nominations = list(proposal.nominations.all())
    draft = nominations if proposal.status != ProposalStatus.SUBMITTED else []
    left = selectors.quota_standings(awards, proposal.unit_id, draft)
    context = {
        "proposal": proposal, "campaign": proposal.campaign, "nominations": nominations,
        "attachments": list(proposal.attachments.all()), "versions": selectors.proposal_versions(proposal),
        "editable": editable, "allowed": workflow.allowed(workflow.PROPOSAL, user, proposal),
        "returned_before": proposal.previous if proposal.previous_id and proposal.previous.return_comment else None,
        "quota_left": [(a, left[a.pk]) for a in awards],
        "missing": dossier.missing_parts(services.dossier_parts(proposal, nominations)) if editable else [],
    }
    if editable:
        context["nominate_form"] = NominateForm(awards=awards, subjects=_subjects(proposal, awards, on))
        context["attachment_form"] = AttachmentForm(nominations=nominations)
    _explain(nominations, awards, proposal.unit, on)
    if "return" in context["allowed"]:
        context["return_form"] = ReturnForm()
    context["panels"] = panels.panels("proposal", user, proposal)
    return render(request, "awards/proposal_detail.html", context)


@login_required
def proposal_edit(request, pk):
    proposal = _editable_proposal(request, pk)
    form = MeetingForm(request.POST or None, instance=proposal)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_proposal(actor=request.user, proposal=form.instance)):
            messages.success(request, _("Đã lưu thông tin đề nghị và cuộc họp xét."))
            return redirect(proposal)
    return render(request, "form_page.html", {
        "form": form, "title": _("Tờ trình và cuộc họp xét: %(unit)s") % {"unit": proposal.unit},
        "cancel_url": proposal.get_absolute_url()})


def _run(request, action, success: str) -> bool:
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
@once_per_submission
def nominate(request, pk):
    proposal = _editable_proposal(request, pk)
    awards = list(selectors.campaign_awards(proposal.campaign))
    today = timezone.localdate()
    form = NominateForm(request.POST, awards=awards, subjects=_subjects(proposal, awards, today))
    if not form.is_valid():
        messages.error(request, _("Chọn hình thức và đối tượng trong danh sách của đơn vị."))
        return redirect(proposal)
    subject, award = form.cleaned_subject(), form.cleaned_award()
    officer, unit = (None, subject) if isinstance(subject, Unit) else (subject, None)
    try:
        services.nominate(actor=request.user, proposal=proposal, campaign_award=award, officer=officer, unit=unit,
                          today=today)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(proposal)
    _tell_added(request, proposal, award, subject, today)
    return redirect(proposal)


def _tell_added(request, proposal, award, subject, today) -> None:
    """Added, and — when the subject does not meet the award's conditions today — why, as a warning: the
    unit head learns it now, not from the council."""
    key = ("unit", subject.pk) if isinstance(subject, Unit) else ("officer", subject.pk)
    found = next((a.assessment for a in selectors.candidates_for(award, [proposal.unit], today) if a.key == key), None)
    verdict = getattr(found, "verdict", "")
    if verdict not in ("not_eligible", "needs_judgement"):
        messages.success(request, _("Đã thêm vào danh sách đề nghị."))
        return
    reasons = "; ".join(f"{f.criterion}: {f.text}".rstrip(".") for f in found.open_findings)
    if verdict == "not_eligible":
        text = _("Đã thêm %(subject)s, nhưng hiện chưa đủ điều kiện “%(award)s”: %(reasons)s. Bỏ khỏi danh sách "
                 "nếu không có căn cứ khác.")
    else:
        text = _("Đã thêm %(subject)s; điều kiện “%(award)s” cần Hội đồng xem xét: %(reasons)s.")
    messages.warning(request, text % {"subject": subject.name if isinstance(subject, Unit) else subject.full_name,
                                      "award": award.award_form.name, "reasons": reasons})


def _one_of(rows, pk):
    """A row of a prefetched list (a nomination or an attachment of the proposal), or 404."""
    for row in rows:
        if row.pk == pk:
            return row
    raise Http404


@login_required
@require_POST
def nomination_remove(request, pk, nomination_pk):
    proposal = _editable_proposal(request, pk)
    nomination = _one_of(proposal.nominations.all(), nomination_pk)
    _run(request, lambda: services.withdraw_nomination(actor=request.user, nomination=nomination),
         _("Đã bỏ khỏi danh sách đề nghị."))
    return redirect(proposal)


@login_required
def report_edit(request, pk, nomination_pk):
    proposal = _proposal(request, pk)
    nomination = _one_of(proposal.nominations.all(), nomination_pk)
    editable = access.can_edit_proposal(request.user, proposal)
    report = getattr(nomination, "report", None) or AchievementReport(nomination=nomination)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.save_report(actor=request.user, report=form.instance)):
            messages.success(request, _("Đã lưu báo cáo thành tích."))
            return redirect(proposal)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    return render(request, "awards/report_form.html", {
        "form": form, "proposal": proposal, "nomination": nomination, "editable": editable,
        "title": _("Báo cáo thành tích: %(subject)s") % {"subject": nomination.subject}})


@login_required
@require_POST
@once_per_submission
def attachment_upload(request, pk):
    proposal = _editable_proposal(request, pk)
    form = AttachmentForm(request.POST, request.FILES, nominations=list(proposal.nominations.all()))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(proposal)
    _run(request, lambda: services.attach(actor=request.user, proposal=proposal, kind=form.cleaned_data["kind"],
                                          upload=form.cleaned_data["file"], nomination=form.cleaned_nomination()),
         _("Đã đính kèm tệp."))
    return redirect(proposal)


@login_required
def attachment_download(request, pk, attachment_pk):
    attachment = _one_of(_proposal(request, pk).attachments.all(), attachment_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                        content_type=attachment.content_type)


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    proposal = _editable_proposal(request, pk)
    attachment = _one_of(proposal.attachments.all(), attachment_pk)
    _run(request, lambda: services.remove_attachment(actor=request.user, attachment=attachment), _("Đã gỡ tệp."))
    return redirect(proposal)


@login_required
@require_POST
def proposal_submit(request, pk):
    proposal = _editable_proposal(request, pk)
    _run(request, lambda: services.submit(actor=request.user, proposal=proposal),
         _("Đã gửi đề nghị khen thưởng. Hồ sơ đã gửi không sửa được."))
    return redirect(proposal)


@login_required
@require_POST
def proposal_number(request, pk):
    proposal = _editable_proposal(request, pk)
    _run(request, lambda: services.number_papers(actor=request.user, proposal=proposal),
         _("Đã lấy số tờ trình và biên bản họp xét; tạo lại văn bản để có số trên bản ký."))
    return redirect(proposal)


@login_required
@require_POST
def proposal_return(request, pk):
    proposal = _proposal(request, pk)
    if why := workflow.PROPOSAL.refusal(request.user, proposal, "return"):
        raise Refused(why)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ghi rõ nội dung cần bổ sung."))
        return redirect(proposal)
    try:
        new = services.return_proposal(actor=request.user, proposal=proposal, comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(proposal)
    messages.success(request, _("Đã trả lại; đơn vị bổ sung trên bản lần %(version)d.") % {"version": new.version})
    return redirect(proposal)


@login_required
@require_POST
def reopen(request, pk):
    campaign = _campaign(request, pk)
    if not access.is_campaign_staff(request.user, campaign):
        raise PermissionDenied
    form = ReopenForm(request.POST, units=selectors.participating_units(request.user, campaign))
    if form.is_valid():
        _run(request, lambda: services.reopen(actor=request.user, campaign=campaign, **form.cleaned_data),
             _("Đã mở lại hạn gửi hồ sơ cho đơn vị."))
    else:
        messages.error(request, _("Chọn đơn vị, ngày và ghi lý do mở lại hạn."))
    return redirect(reverse("awards:campaign_awards", args=[campaign.pk]))


