"""Reorganisations: list, record, preview and apply (under the organisation section)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import access, selectors
from .. import reorganisation_services as services
from ..forms_reorganisation import ReorganisationForm
from ..paging import paginate
from ..reorganisation import summary_rows
from ..viewhelpers import save_with, scoped_or_404


@login_required
def reorganisation_list(request):
    items = selectors.reorganisations_visible_to(request.user)
    return render(request, "emulation/reorganisation_list.html",
                  {"can_create": access.can_record_reorganisation(request.user), **paginate(request, items)})


@login_required
def reorganisation_create(request):
    if not access.can_record_reorganisation(request.user):
        raise PermissionDenied
    units = selectors.units_visible_to(request.user).order_by("path")
    form = ReorganisationForm(request.POST or None, predecessor_choices=units.filter(
        access.scope_q(request.user, None, editable=True)), unit_choices=units)
    if request.method == "POST" and form.is_valid():
        reorganisation, data = form.save(commit=False), form.cleaned_data
        reorganisation.position_mapping = data["mapping"]
        if save_with(form, lambda: services.record_reorganisation(
                actor=request.user, reorganisation=reorganisation, predecessors=list(data["predecessors"]),
                successors=[u for u in [data["successor"], *data["other_successors"]] if u],
                new_unit=form.new_unit(), new_parent=data["new_parent"] if data["kind"] == "transfer" else None)):
            messages.success(request, _("Đã ghi nhận đợt sắp xếp. Kiểm tra bản xem trước rồi áp dụng."))
            return redirect(reorganisation.get_absolute_url())
    return render(request, "form_page.html", {"form": form, "title": _("Ghi nhận sắp xếp, tổ chức lại đơn vị"),
                                              "cancel_url": reverse("emulation:reorganisation_list")})


@login_required
def reorganisation_detail(request, pk):
    """The preview: what moves and what stays; the apply button when the user may apply it."""
    reorganisation = scoped_or_404(selectors.reorganisation_detail, request.user, pk)
    refusal = services.apply_refusal(request.user, reorganisation, services.affected_units(reorganisation))
    preview = None if reorganisation.is_applied else services.preview_reorganisation(reorganisation)
    return render(request, "emulation/reorganisation_detail.html", {
        "reorganisation": reorganisation, "preview": preview, "refusal": refusal,
        "summary": summary_rows(reorganisation.summary)})


@login_required
def reorganisation_apply(request, pk):
    reorganisation = scoped_or_404(selectors.reorganisation_detail, request.user, pk)
    if request.method != "POST":
        raise PermissionDenied
    try:
        summary = services.apply_reorganisation(actor=request.user, reorganisation=reorganisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã áp dụng đợt sắp xếp: %(count)d cán bộ chuyển sang đơn vị kế thừa.")
                         % {"count": summary.get("assignments", 0)})
    return redirect(reorganisation.get_absolute_url())
