"""Plans (kế hoạch) and the sub-plans they require."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from emulation import access as org_access
from emulation import organisation, querystring
from emulation import panels as org_panels
from emulation.models import Unit
from emulation.paging import paginate
from emulation.submissions import once_per_submission
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, periods, selectors, services, workflow
from ..forms import PlanForm, SubPlanRequirementForm
from ..models import CampaignKind
from . import actions


@login_required
def plan_list(request):
    params = request.GET
    plans = selectors.plan_list(request.user, q=params.get("q", ""), year=querystring.year(params.get("year")),
                                issuer=querystring.integer(params.get("issuer")), kind=params.get("kind", ""))
    context = {"years": selectors.plan_years(request.user), "issuers": selectors.plan_issuers(request.user),
               "kinds": CampaignKind.choices, "can_create": access.can_create_any_plan(request.user),
               **paginate(request, plans)}
    return render(request, "campaigns/plan_list.html", context)


@login_required
def plan_detail(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    return render(request, "campaigns/plan_detail.html", {
        "plan": plan, "can_edit": access.can_edit_plan(request.user, plan),
        "can_add_campaign": access.can_create_campaign(request.user, plan),
        "can_file_subplan": access.can_create_any_plan(request.user),
        "panels": org_panels.panels("plan", request.user, plan)})


def _plan_form(request, instance=None):
    """Issuers: the user's editable units in operation on the plan's issue date (today for a new plan).
    ``?parent=`` (a visible plan) pre-fills a sub-plan."""
    user = request.user
    on = periods.plan_date(getattr(instance, "issued_on", None), getattr(instance, "year", None),
                           timezone.localdate())
    issuers = organisation.valid_units(on, Unit.objects.filter(org_access.scope_q(user, None, editable=True))
                                       ).order_by("path")
    parents = selectors.plans_visible_to(user).exclude(pk=getattr(instance, "pk", None))
    initial = {}
    parent_pk = querystring.integer(request.GET.get("parent"))
    parent = parents.filter(pk=parent_pk).first() if parent_pk is not None else None
    if instance is None and parent is not None:
        own = list(issuers[:2])
        initial = {"parent": parent.pk, "year": parent.year, "issuer": own[0].pk if len(own) == 1 else None}
    return PlanForm(request.POST or None, instance=instance, initial=initial, issuers=issuers, parents=parents), parent


@login_required
@once_per_submission
def plan_create(request):
    if not access.can_create_any_plan(request.user):
        raise PermissionDenied
    form, parent = _plan_form(request)
    if request.method == "POST" and form.is_valid():
        plan = form.instance
        if save_with(form, lambda: services.create_plan(actor=request.user, plan=plan)):
            messages.success(request, _("Đã lưu kế hoạch %(ref)s.") % {"ref": plan.reference})
            return redirect("campaigns:plan_detail", pk=plan.pk)
    return render(request, "campaigns/plan_form.html", {"form": form, "parent": parent})


@login_required
def plan_edit(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    if not access.can_edit_plan(request.user, plan):
        raise PermissionDenied
    form, _parent = _plan_form(request, instance=plan)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_plan(actor=request.user, plan=form.instance)):
            messages.success(request, _("Đã cập nhật kế hoạch %(ref)s.") % {"ref": form.instance.reference})
            return redirect("campaigns:plan_detail", pk=plan.pk)
    return render(request, "campaigns/plan_form.html", {"form": form, "plan": plan})


@login_required
def plan_subplans(request, pk):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    can_set = access.can_set_subplan_requirements(request.user, plan)
    if request.method == "POST" and not can_set:
        raise PermissionDenied
    form = SubPlanRequirementForm(request.POST or None, initial=selectors.subplan_form_initial(plan),
                                  unit_choices=selectors.subplan_candidate_units(plan)) if can_set else None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_with(form, lambda: services.set_subplan_requirements(
                actor=request.user, plan=plan, units=data["units"], due_on=data["due_on"])):
            messages.success(request, ngettext(
                "Đã lưu yêu cầu xây dựng kế hoạch cho %(n)s đơn vị.",
                "Đã lưu yêu cầu xây dựng kế hoạch cho %(n)s đơn vị.", len(data["units"])) % {
                "n": len(data["units"])})
            return redirect("campaigns:plan_subplans", pk=plan.pk)
    rows = selectors.subplan_rows(request.user, plan, timezone.localdate())
    actions.with_actions(workflow.SUBPLAN, request.user, [row["requirement"] for row in rows])
    return render(request, "campaigns/plan_subplans.html", {"plan": plan, "rows": rows, "form": form})


@login_required
@require_POST
def subplan_action(request, pk, requirement_pk, action):
    plan = scoped_or_404(selectors.plan_detail, request.user, pk)
    requirement = get_object_or_404(selectors.subplan_requirements_visible_to(request.user, plan), pk=requirement_pk)
    return actions.run_one(request, workflow.SUBPLAN, action, lambda reason: services.transition_subplan(
        actor=request.user, requirement=requirement, action=action, reason=reason),
        reverse("campaigns:plan_subplans", args=[plan.pk]))
