"""Lifecycle actions from the pages: one object (a row's button, with a reason when the table asks for
one) or a batch (select rows, a confirmation step listing the count and the units, then all or nothing)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import querystring
from emulation.lifecycle import Lifecycle, Refused

from ..workflow import BADGES


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do trả lại"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


def with_actions(lifecycle: Lifecycle, user, objects, editing=None) -> None:
    """Give each object the actions this user may take on it now (``.allowed``) and whether they may
    edit it (``.editable``), for the templates (no status compared there)."""
    for obj in objects:
        obj.allowed = lifecycle.actions(user, obj)
        obj.badge = BADGES.get(lifecycle.state_of(obj), "secondary")
        obj.editable = editing is not None and editing.refusal(user, obj) is None


def run_one(request, lifecycle: Lifecycle, action: str, apply, success_url: str):
    """POST of a row's action: apply it (a refusal answers 403 with its reason; a missing reason
    comes back as a message and nothing changes)."""
    if action not in lifecycle.actions_named:
        raise Http404
    try:
        apply(reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(success_url)
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": lifecycle.labels[action]})
    return redirect(success_url)


def run_bulk(request, lifecycle: Lifecycle, *, load, apply, context: dict, success_url: str):
    """The bulk step: without ``confirmed`` it lists what was selected; with it, applies to all."""
    action = request.POST.get("action", "")
    if action not in lifecycle.actions_named:
        messages.error(request, _("Chọn thao tác cho các dòng đã chọn."))
        return redirect(success_url)
    ids = [i for i in map(querystring.integer, request.POST.getlist("ids")) if i is not None]
    form, status = ReasonForm(request.POST if request.POST.get("confirmed") else None), 200
    if form.is_bound and form.is_valid():
        try:
            done = apply(ids=ids, action=action, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason" if hasattr(exc, "error_dict") and "reason" in exc.error_dict else None,
                           exc.messages)
        except Refused as exc:  # the rows that may not take the action, named: the step stays, nothing is done
            form.add_error(None, str(exc))
            status = 403
        else:
            messages.success(request, _("Đã thực hiện “%(action)s” cho %(count)s dòng.") % {
                "action": lifecycle.labels[action], "count": len(done)})
            return redirect(success_url)
    needs_reason = any(t.needs_reason for t in lifecycle.transitions if t.action == action)
    rows = load(ids)
    for row in rows:
        row.refusal = lifecycle.refusal(request.user, row, action)
    return render(request, "campaigns/bulk_confirm.html", {
        **context, "rows": rows, "refused": sum(1 for row in rows if row.refusal), "ids": ids, "action": action,
        "action_label": lifecycle.labels[action],
        "needs_reason": needs_reason, "form": form, "cancel_url": success_url}, status=status)
