"""Plans (kế hoạch) and the sub-plans they require."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import access as org_access
from emulation.models import Unit, UnitKind
from emulation.paging import paginate
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, selectors, services
from ..forms import PlanForm, SubPlanRequirementForm
from ..models import CampaignKind


def _editable_units(user):
    return Unit.objects.filter(pk__in=org_access.editable_unit_ids(user)).order_by("path")


@login_required
def plan_list(request):
    params = request.GET
    plans = selectors.plan_list(request.user, q=params.get("q", ""), year=params.get("year", ""),
                                issuer=params.get("issuer", ""), kind=params.get("kind", ""))
    context = {"years": selectors.plan_years(request.user), "issuers": selectors.plan_issuers(request.user),
               "kinds": CampaignKind.choices, "can_create": access.can_create_any_plan(request.user),
               **paginate(request, plans)}
    return render(request, "campaigns/plan_list.html", context)


@login_required
def plan_detail(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    context = {"plan": plan, "can_edit": access.can_edit_plan(request.user, plan),
               "can_file_subplan": access.can_create_any_plan(request.user),
               "has_requirements": plan.subplan_requirements.exists()}
    return render(request, "campaigns/plan_detail.html", context)


def _plan_form(request, instance=None):
    user = request.user
    parent_id = request.GET.get("parent")
    initial = {}
    if instance is None and parent_id and parent_id.isdigit():
        initial = {"parent": int(parent_id), "year": timezone.localdate().year}
    return PlanForm(request.POST or None, instance=instance, initial=initial,
                    issuers=_editable_units(user), parents=selectors.plans_visible_to(user))


@login_required
def plan_create(request):
    if not access.can_create_any_plan(request.user):
        raise PermissionDenied
    form = _plan_form(request)
    if request.method == "POST" and form.is_valid():
        plan = form.instance
        if save_with(form, lambda: services.create_plan(actor=request.user, plan=plan)):
            messages.success(request, _("Đã lưu kế hoạch %(ref)s.") % {"ref": plan.reference})
            return redirect("campaigns:plan_detail", pk=plan.pk)
    return render(request, "form_page.html", {"form": form, "title": _("Kế hoạch mới")})


@login_required
def plan_edit(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    if not access.can_edit_plan(request.user, plan):
        raise PermissionDenied
    form = _plan_form(request, instance=plan)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_plan(actor=request.user, plan=form.instance)):
            messages.success(request, _("Đã cập nhật kế hoạch."))
            return redirect("campaigns:plan_detail", pk=plan.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Sửa kế hoạch %(ref)s") % {"ref": plan.reference},
        "cancel_url": plan.get_absolute_url()})


@login_required
def plan_subplans(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    can_set = access.can_set_subplan_requirements(request.user, plan)
    form = None
    if can_set:
        choices = Unit.objects.filter(parent=plan.issuer, kind__in=[UnitKind.DIVISION, UnitKind.SUB_DEPARTMENT])
        form = SubPlanRequirementForm(request.POST or None, unit_choices=choices.order_by("path"))
    elif request.method == "POST":
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        services.set_subplan_requirements(actor=request.user, plan=plan, units=form.cleaned_data["units"],
                                          due_on=form.cleaned_data["due_on"])
        messages.success(request, _("Đã lưu yêu cầu xây dựng kế hoạch cho các đơn vị."))
        return redirect("campaigns:plan_subplans", pk=plan.pk)
    rows = selectors.subplan_rows(request.user, plan, timezone.localdate())
    return render(request, "campaigns/plan_subplans.html", {"plan": plan, "rows": rows, "form": form})
