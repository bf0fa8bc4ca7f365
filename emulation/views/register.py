"""Sổ đăng ký văn bản đi: the numbers each unit issued, and a number for a document made elsewhere."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import access, organisation, querystring, registers, selectors
from ..forms import IssueNumberForm
from ..paging import paginate
from ..submissions import once_per_submission
from ..viewhelpers import save_with


@login_required
@once_per_submission
def register_list(request):
    user = request.user
    if not access.can_view_register(user):
        raise PermissionDenied
    issuers = organisation.valid_units(timezone.localdate(), selectors.issuing_bodies_for(user))
    form = IssueNumberForm(request.POST or None, issuers=issuers,
                           initial={"issued_on": timezone.localdate(), "issuer": issuers.first()})
    if request.method == "POST":
        if form.is_valid():
            issuer = form.cleaned_data["issuer"]
            if not access.can_issue_number(user, issuer):
                raise PermissionDenied
            held = {}

            def issue():
                held["entry"] = registers.issue_number(issuer=issuer, series=form.cleaned_data["series"],
                                                       issued_on=form.cleaned_data["issued_on"],
                                                       subject=form.cleaned_data["subject"], actor=user)

            if save_with(form, issue):
                messages.success(request, _("Đã cấp số %(ref)s.") % {"ref": held["entry"].reference})
                return redirect("emulation:register_list")
    filters = {"year": querystring.year(request.GET.get("year")), "series": request.GET.get("series", ""),
               "issuer_id": querystring.integer(request.GET.get("issuer"))}
    entries = selectors.register_entries_visible_to(user, **filters)
    return render(request, "emulation/register_list.html", {
        "form": form, "can_issue": issuers.exists(), "series_choices": registers.SERIES,
        "issuers": selectors.units_visible_to(user).exclude(kind="division").order_by("path"), "filters": filters,
        **paginate(request, entries, 50)})
