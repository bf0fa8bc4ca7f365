"""Council sessions (phiên họp Hội đồng TĐKT): list, create and edit, the members' review page with
comments, the secret ballot, closing and the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from emulation import panels
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, workflow
from ..forms_council import (
    BallotForm,
    CommentForm,
    ConflictForm,
    SessionForm,
    WrittenOpinionForm,
    member_formset,
)
from ..models import FINISHED_SESSION, AgendaItem, CouncilMember, CouncilSession, Decision, SessionStatus
from ..selectors import council as selectors
from ..services import ballots
from ..services import council as services


@login_required
def session_list(request, pk):
    campaign = scoped_or_404(selectors.council_campaign, request.user, pk)
    return render(request, "awards/session_list.html", {
        "campaign": campaign, "sessions": selectors.campaign_sessions(request.user, campaign),
        "can_manage": access.can_manage_council(request.user, campaign)})


def _session_form(request, campaign, session, members=()):
    if not access.can_manage_council(request.user, campaign):
        raise PermissionDenied
    form = SessionForm(request.POST or None, instance=session)
    formset = member_formset(request.POST or None, users=selectors.member_candidates(campaign), members=members)
    if request.method == "POST" and form.is_valid() & formset.is_valid():
        action = services.update_session if session.pk else services.create_session
        if save_with(form, lambda: action(actor=request.user, session=form.instance, seats=formset.seats())):
            messages.success(request, _("Đã lưu phiên họp Hội đồng."))
            return redirect("awards:session_detail", pk=form.instance.pk)
    return render(request, "awards/session_form.html", {
        "campaign": campaign, "session": session, "form": form, "formset": formset,
        "candidates": selectors.agenda_candidates(campaign).count() if not session.pk else None})


@login_required
def session_create(request, pk):
    campaign = scoped_or_404(selectors.council_campaign, request.user, pk)
    return _session_form(request, campaign, CouncilSession(campaign=campaign))


@login_required
def session_edit(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    if session.status != SessionStatus.PREPARING:
        messages.error(request, _("Phiên họp đã bắt đầu bỏ phiếu; không thể thay đổi thành phần, nội dung."))
        return redirect(session)
    return _session_form(request, session.campaign, session, members=session.members.all())


@login_required
def session_detail(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    overview = selectors.session_overview(request.user, session)
    can_manage = access.can_manage_council(request.user, session.campaign)
    absent = [m for m in overview["not_voted"] if m.pk not in {o.member_id for o in overview["written_opinions"]}]
    opinion_form = None
    if can_manage and session.status == SessionStatus.VOTING and absent:
        opinion_form = WrittenOpinionForm(members=CouncilMember.objects.filter(pk__in=[m.pk for m in absent]),
                                          items=[row.item for row in overview["rows"]])
    return render(request, "awards/session_detail.html", {
        **overview, "can_manage": can_manage, "opinion_form": opinion_form,
        "allowed": workflow.allowed(workflow.SESSION, request.user, session),
        "can_prepare": workflow.can_prepare(request.user, session),
        "conflict_form": _conflict_form(session, overview),
        "panels": panels.panels("session", request.user, session)})


def _conflict_form(session, overview, data=None):
    """The seat holder's form to declare a conflict, while they have not voted (None otherwise)."""
    if overview["seat"] is None or overview["has_voted"] or session.status in FINISHED_SESSION:
        return None
    items = [row.item for row in overview["rows"] if row.item.pk not in overview["my_recusals"]]
    return ConflictForm(data, items=items)


def _act(request, pk, action, done):
    """A staff action on a session (open voting, refresh the agenda, close): refusals become messages."""
    session = get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)
    try:
        action(actor=request.user, session=session)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("awards:session_detail", pk=session.pk)


@login_required
@require_POST
def session_open(request, pk):
    return _act(request, pk, services.open_voting, _("Đã bắt đầu bỏ phiếu."))


@login_required
@require_POST
def session_agenda(request, pk):
    return _act(request, pk, services.refresh_agenda, _("Đã cập nhật danh sách đối tượng bình xét."))


@login_required
@require_POST
def session_close(request, pk):
    return _act(request, pk, services.close_session, _("Đã kết thúc phiên họp và kiểm phiếu."))


def _refused(request, session, message):
    return render(request, "awards/session_refused.html", {"session": session, "message": message}, status=403)


@sensitive_post_parameters()  # an error report never carries a ballot paper
@login_required
def session_vote(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    overview = selectors.session_overview(request.user, session)
    if refusal := ballots.ballot_refusal(overview["seat"], session, has_voted=overview["has_voted"],
                                         has_opinion=overview["has_opinion"]):
        return _refused(request, session, refusal)
    form = BallotForm(request.POST or None, items=session.items.all(), recused=overview["my_recusals"])
    if request.method == "POST" and form.is_valid():
        try:
            save_ok = save_with(form, lambda: ballots.cast_ballot(actor=request.user, session=session,
                                                                  choices=form.choices()))
        except PermissionDenied as exc:
            return _refused(request, session, str(exc))
        if save_ok:
            messages.success(request, _("Đã ghi nhận phiếu bầu của bạn. Phiếu bầu là phiếu kín."))
            return redirect(session)
    return render(request, "awards/session_vote.html", {"session": session, "form": form,
                                                        "recusals": list(overview["my_recusals"].values())})


@login_required
@require_POST
def session_conflict(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    overview = selectors.session_overview(request.user, session)
    form = _conflict_form(session, overview, request.POST)
    if form is None:
        return _refused(request, session, _("Chỉ thành viên chưa bỏ phiếu được khai báo xung đột lợi ích."))
    try:
        if form.is_valid() and save_with(form, lambda: ballots.declare_conflict(
                actor=request.user, item=form.cleaned_data["item"], reason=form.cleaned_data["reason"])):
            messages.success(request, _("Đã ghi nhận: bạn không tham gia biểu quyết nội dung này."))
        else:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    except PermissionDenied as exc:
        return _refused(request, session, str(exc))
    return redirect(session)


@login_required
def session_results(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    if session.status not in FINISHED_SESSION:
        messages.info(request, _("Kết quả kiểm phiếu chỉ có sau khi phiên họp kết thúc."))
        return redirect(session)
    context = selectors.session_overview(request.user, session)
    context["decision"] = Decision.objects.filter(session=session).first()
    context["allowed"] = workflow.allowed(workflow.SESSION, request.user, session)
    return render(request, "awards/session_results.html", context)


@login_required
@require_POST
def session_written_opinion(request, pk):
    session = scoped_or_404(selectors.session_detail, request.user, pk)
    if not access.can_manage_council(request.user, session.campaign):
        raise PermissionDenied
    form = WrittenOpinionForm(request.POST, members=session.members.all(),
                              items=session.items.select_related("nomination__officer", "nomination__unit"))
    if form.is_valid() and save_with(form, lambda: ballots.record_written_opinion(
            actor=request.user, session=session, **form.opinion())):
        messages.success(request, _("Đã ghi ý kiến bằng văn bản."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(session)


@login_required
@require_POST
def session_comment(request, pk):
    items = AgendaItem.objects.filter(session__in=selectors.sessions_visible_to(request.user))
    item = get_object_or_404(items.select_related("session"), pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid() and save_with(form, lambda: services.add_comment(
            actor=request.user, item=item, text=form.cleaned_data["text"])):
        messages.success(request, _("Đã ghi ý kiến."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(f"{item.session.get_absolute_url()}#muc-{item.pk:d}")
