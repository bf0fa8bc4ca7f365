"""The register of initiatives (sáng kiến, giải pháp, đề tài): list, detail, create, edit, delete,
and the attachment served to users who may see the initiative."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import access as org_access
from emulation import querystring
from emulation.models import Unit
from emulation.paging import paginate
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access
from ..forms_initiatives import InitiativeForm, author_formset
from ..models import Initiative, InitiativeScope
from ..selectors import initiatives as selectors
from ..services import initiatives as services
from .typical import _serve


def _editable_units(user):
    return Unit.objects.filter(org_access.scope_q(user, None, editable=True)).order_by("path")


@login_required
def initiative_list(request):
    params = request.GET
    year = querystring.integer(params.get("year"), low=1, high=9999)
    initiatives = selectors.initiative_list(request.user, year=year, scope=params.get("scope", ""))
    return render(request, "awards/initiative_list.html", {
        "scopes": InitiativeScope.choices, "years": selectors.recognition_years(request.user),
        "can_create": org_access.has_editable_scope(request.user), **paginate(request, initiatives)})


@login_required
def initiative_detail(request, pk):
    initiative = scoped_or_404(selectors.initiative_detail, request.user, pk)
    return render(request, "awards/initiative_detail.html", {
        "initiative": initiative, "can_edit": access.can_edit_initiative(request.user, initiative)})


def _form_page(request, initiative: Initiative | None):
    """Create (``initiative`` None) or edit: the initiative and its authors are saved together or not at all."""
    instance = initiative or Initiative()
    form = InitiativeForm(request.POST or None, request.FILES or None, instance=instance,
                          unit_choices=_editable_units(request.user))
    formset = author_formset(request.POST or None, officers=selectors.author_choices(request.user),
                             authors=initiative.authors.all() if initiative else ())
    if request.method == "POST" and form.is_valid() & formset.is_valid():
        service = services.update_initiative if initiative else services.create_initiative
        if save_with(form, lambda: service(actor=request.user, initiative=form.instance, shares=formset.shares(),
                                           attachment=form.cleaned_data["attachment"])):
            messages.success(request, _("Đã lưu sáng kiến “%(title)s”.") % {"title": form.instance.title})
            return redirect("awards:initiative_detail", pk=form.instance.pk)
    if request.method == "POST":
        messages.error(request, _("Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới."))
    return render(request, "awards/initiative_form.html", {"form": form, "formset": formset, "initiative": initiative})


@login_required
@once_per_submission
def initiative_create(request):
    if not org_access.has_editable_scope(request.user):
        raise PermissionDenied
    return _form_page(request, None)


@login_required
def initiative_edit(request, pk):
    initiative = scoped_or_404(selectors.initiative_detail, request.user, pk)
    if not access.can_edit_initiative(request.user, initiative):
        raise PermissionDenied
    return _form_page(request, initiative)


@login_required
@require_POST
def initiative_delete(request, pk):
    initiative = scoped_or_404(selectors.initiative_detail, request.user, pk)
    if not access.can_edit_initiative(request.user, initiative):
        raise PermissionDenied
    services.delete_initiative(actor=request.user, initiative=initiative)
    messages.success(request, _("Đã xóa sáng kiến “%(title)s”.") % {"title": initiative.title})
    return redirect("awards:initiative_list")


@login_required
def initiative_attachment(request, pk):
    initiative = scoped_or_404(selectors.initiative_detail, request.user, pk)
    return _serve(initiative.attachment, attachment=True)
