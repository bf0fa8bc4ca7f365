"""Typical examples (điển hình tiên tiến): the scoped pages for signed-in users, and the public honour
board (trang vinh danh) that shows only published examples. Files are served through views: photos
of published examples to everyone, other photos and evidence only to users who may see the example."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from emulation import access as org_access
from emulation import querystring
from emulation.models import Unit
from emulation.paging import paginate
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, stages
from ..forms_typical import NoteForm, StageBackForm, TypicalExampleForm
from ..models import PublicationState, RecognitionLevel, Stage, TypicalExample
from ..selectors import typical as selectors
from ..services import typical as services
from ..uploads import CONTENT_TYPES, sniff

HONOUR_BOARD_PER_PAGE = 12
PUBLICATION_ACTIONS = {
    "request": (services.request_publication, gettext_lazy("Đã gửi đề nghị công bố lên trang vinh danh.")),
    "approve": (services.approve_publication, gettext_lazy("Đã duyệt: điển hình được công bố trên trang vinh danh.")),
    "withdraw": (services.withdraw_publication, gettext_lazy("Đã gỡ điển hình khỏi trang vinh danh.")),
}


def _editable_units(user):
    return Unit.objects.filter(org_access.scope_q(user, None, editable=True)).order_by("path")


def _invalid(request, form) -> None:
    if form.is_bound and form.errors:
        messages.error(request, _("Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới."))


@login_required
def typical_list(request):
    params = request.GET
    examples = selectors.example_list(request.user, stage=params.get("stage", ""), level=params.get("level", ""),
                                      campaign=querystring.integer(params.get("campaign")),
                                      publication=params.get("publication", ""))
    return render(request, "awards/typical_list.html", {
        "stages": Stage.choices, "levels": RecognitionLevel.choices, "publications": PublicationState.choices,
        "campaigns": selectors.example_campaigns(request.user),
        "can_create": org_access.has_editable_scope(request.user), **paginate(request, examples)})


@login_required
@once_per_submission
def typical_create(request):
    units = _editable_units(request.user)
    if not org_access.has_editable_scope(request.user):
        raise PermissionDenied
    form = TypicalExampleForm(request.POST or None, request.FILES or None, instance=TypicalExample(),
                              campaign_choices=selectors.example_campaigns(request.user), unit_choices=units,
                              initial={"campaign": request.GET.get("campaign")})
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.create_typical_example(actor=request.user, example=form.instance,
                                                                   photo=form.cleaned_data["photo"])):
            messages.success(request, _("Đã ghi nhận điển hình tiên tiến mới (giai đoạn phát hiện)."))
            return redirect("awards:typical_detail", pk=form.instance.pk)
    _invalid(request, form)
    return render(request, "awards/typical_form.html", {"form": form, "example": None})


@login_required
def typical_edit(request, pk):
    example = scoped_or_404(selectors.example_for_change, request.user, pk)
    if not access.can_edit_typical_example(request.user, example):
        raise PermissionDenied
    form = TypicalExampleForm(request.POST or None, request.FILES or None, instance=example,
                              unit_choices=_editable_units(request.user))
    if request.method == "POST" and form.is_valid():
        was_published = example.publication == PublicationState.PUBLISHED
        if save_with(form, lambda: services.update_typical_example(actor=request.user, example=form.instance,
                                                                   photo=form.cleaned_data["photo"])):
            messages.success(request, _("Đã cập nhật điển hình tiên tiến."))
            if was_published and form.instance.publication != PublicationState.PUBLISHED:
                messages.info(request, _("Nội dung đã thay đổi: điển hình được gỡ khỏi trang vinh danh và chờ "
                                         "Thường trực duyệt lại."))
            return redirect("awards:typical_detail", pk=example.pk)
    _invalid(request, form)
    return render(request, "awards/typical_form.html", {"form": form, "example": example})


def _timeline(example) -> list[dict]:
    notes = list(example.notes.all())
    position = stages.ORDER.index(example.stage)
    return [{"value": stage.value, "label": stage.label, "notes": [n for n in notes if n.stage == stage],
             "state": "done" if index < position else "current" if index == position else "todo"}
            for index, stage in enumerate(stages.ORDER)]


def _detail_context(request, example, **forms) -> dict:
    user = request.user
    timeline = _timeline(example)
    current = next(step for step in timeline if step["state"] == "current")
    has_story, has_level = bool(example.story.strip()), bool(example.level)
    is_leader = bool(example.officer_id and example.officer.is_leader)
    return {
        "example": example, "timeline": timeline,
        "can_edit": access.can_edit_typical_example(user, example),
        "can_publish": access.can_publish_typical_example(user, example),
        "next_stage": stages.next_stage(example.stage), "previous_stage": stages.previous_stage(example.stage),
        "stage_blockers": stages.stage_blockers(example.stage, notes_at_stage=len(current["notes"]),
                                                has_story=has_story, has_level=has_level),
        "level_reasons": stages.level_reasons(example.level, is_collective=example.officer_id is None,
                                              is_leader=is_leader, earlier_levels=selectors.earlier_levels(example)),
        "publication_blockers": stages.publication_blockers(has_photo=bool(example.photo), has_story=has_story),
        "note_form": forms.get("note_form") or NoteForm(), "back_form": forms.get("back_form") or StageBackForm(),
    }


@login_required
def typical_detail(request, pk):
    example = scoped_or_404(selectors.example_detail, request.user, pk)
    return render(request, "awards/typical_detail.html", _detail_context(request, example))


def _for_action(request, pk):
    example = scoped_or_404(selectors.example_detail, request.user, pk)
    if not access.can_edit_typical_example(request.user, example):
        raise PermissionDenied
    return example


def _refused(request, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)


@login_required
@require_POST
@once_per_submission
def typical_note_add(request, pk):
    example = _for_action(request, pk)
    form = NoteForm(request.POST, request.FILES)
    if form.is_valid() and save_with(form, lambda: services.add_note(
            actor=request.user, example=example, text=form.cleaned_data["text"],
            evidence=form.cleaned_data["evidence"])):
        messages.success(request, _("Đã thêm ghi nhận."))
        return redirect("awards:typical_detail", pk=example.pk)
    messages.error(request, _("Chưa lưu ghi nhận: xem lỗi ở ô ghi nhận bên dưới."))
    return render(request, "awards/typical_detail.html", _detail_context(request, example, note_form=form))


@login_required
@require_POST
def typical_stage(request, pk):
    example = _for_action(request, pk)
    target = request.POST.get("to", "")
    back_form = StageBackForm(request.POST) if target == stages.previous_stage(example.stage) else None
    if back_form is not None and not back_form.is_valid():
        messages.error(request, _("Quay lại giai đoạn trước phải ghi rõ lý do."))
        return render(request, "awards/typical_detail.html", _detail_context(request, example, back_form=back_form))
    try:
        services.move_stage(actor=request.user, example=example, to_stage=target,
                            reason=back_form.cleaned_data["reason"] if back_form else "")
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Đã chuyển sang giai đoạn: %(stage)s.") % {"stage": Stage(target).label})
    return redirect("awards:typical_detail", pk=example.pk)


@login_required
@require_POST
def typical_publication(request, pk, action):
    if action not in PUBLICATION_ACTIONS:
        raise Http404
    example = scoped_or_404(selectors.example_detail, request.user, pk)
    service, done = PUBLICATION_ACTIONS[action]
    try:
        service(actor=request.user, example=example)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, done)
    return redirect("awards:typical_detail", pk=example.pk)


def _serve(fieldfile, *, attachment: bool):
    """Stream a stored file with the type read from its first bytes; a missing file answers 404."""
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    kind = sniff(handle.read(16))
    handle.seek(0)
    if kind is None:
        handle.close()
        raise Http404
    response = FileResponse(handle, content_type=CONTENT_TYPES[kind], as_attachment=attachment,
                            filename=fieldfile.name.rsplit("/", 1)[-1].split("-", 1)[-1])
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
def typical_photo(request, pk):
    example = scoped_or_404(selectors.example_for_change, request.user, pk)
    return _serve(example.photo, attachment=False)


@login_required
def typical_evidence(request, pk):
    note = scoped_or_404(selectors.note_visible_to, request.user, pk)
    return _serve(note.evidence, attachment=True)


# The public honour board: no login, published examples only.


def honour_board(request):
    return render(request, "awards/honour_board.html",
                  paginate(request, selectors.honour_board(), per_page=HONOUR_BOARD_PER_PAGE))


def honour_board_detail(request, pk):
    example = scoped_or_404(selectors.honour_board_detail, pk)
    return render(request, "awards/honour_board_detail.html", {"example": example})


def honour_board_photo(request, pk):
    example = scoped_or_404(selectors.honour_board_detail, pk)
    response = _serve(example.photo, attachment=False)
    response["Cache-Control"] = "no-cache"
    return response
