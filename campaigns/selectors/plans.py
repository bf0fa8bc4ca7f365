"""Read queries for plans, campaigns, sub-plans and pledges, scoped to what the user may see.

A plan or campaign is visible when its issuer is one of the user's units, or when one of the
user's units takes part in it or must file a plan under it (read-only for them). A pledge is
visible when its unit or its campaign's issuer is. Every function runs a fixed number of queries,
whatever the number of rows.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from emulation import access
from emulation.models import Officer, Unit, UnitKind
from emulation.text import search_key

from ..cascading import StatusKind, subplan_status
from ..models import (
    Campaign,
    Milestone,
    Participation,
    Plan,
    Pledge,
    SubPlanRequirement,
    SubPlanStatus,
)

SUBUNIT_KINDS = (UnitKind.DIVISION, UnitKind.SUB_DEPARTMENT)


# Plans and campaigns


def plans_visible_to(user) -> QuerySet[Plan]:
    takes_part = Participation.objects.filter(access.scope_q(user, "unit"), campaign__plan=OuterRef("pk"))
    required = SubPlanRequirement.objects.filter(access.scope_q(user, "unit"), plan=OuterRef("pk"))
    return Plan.objects.filter(access.scope_q(user, "issuer") | Exists(takes_part) | Exists(required)).select_related(
        "issuer", "parent")


def plan_list(user, *, q: str = "", year: int | None = None, issuer: int | None = None,
              kind: str = "") -> QuerySet[Plan]:
    plans = plans_visible_to(user).annotate(campaign_count=Count("campaigns", distinct=True))
    if q:
        plans = plans.filter(search_key__contains=search_key(q))
    if year is not None:
        plans = plans.filter(year=year)
    if issuer is not None:
        plans = plans.filter(issuer_id=issuer)
    if kind:
        plans = plans.filter(Exists(Campaign.objects.filter(plan=OuterRef("pk"), kind=kind)))
    return plans.order_by("-year", "-issued_on", "-id")


def plan_detail(user, pk: int) -> Plan:
    """The plan with the campaigns and sub-plans the user may open (others would answer 404)."""
    campaigns = Prefetch("campaigns", queryset=campaigns_visible_to(user).order_by("starts_on", "id"))
    subplans = Prefetch("subplans", queryset=plans_visible_to(user).order_by("issuer__path", "id"))
    plans = plans_visible_to(user).annotate(requirement_count=Count("subplan_requirements", distinct=True))
    return plans.prefetch_related(campaigns, subplans).get(pk=pk)


def plan_years(user) -> list[int]:
    return list(plans_visible_to(user).order_by("-year").values_list("year", flat=True).distinct())


def plan_issuers(user) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=plans_visible_to(user).values("issuer_id")).order_by("path")


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    takes_part = Participation.objects.filter(access.scope_q(user, "unit"), campaign=OuterRef("pk"))
    return Campaign.objects.filter(access.scope_q(user, "plan__issuer") | Exists(takes_part)).select_related(
        "plan", "plan__issuer")


def campaign_list(user, *, q: str = "", kind: str = "", year: int | None = None) -> QuerySet[Campaign]:
    campaigns = campaigns_visible_to(user).annotate(participant_count=Count("participations", distinct=True))
    if q:
        campaigns = campaigns.filter(search_key__contains=search_key(q))
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if year is not None:
        campaigns = campaigns.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    return campaigns.order_by("-starts_on", "id")


def campaign_header(user, pk: int) -> Campaign:
    """The campaign alone (with its plan and issuer), for pages that show its name and read their rows."""
    return campaigns_visible_to(user).get(pk=pk)


def _with_contents(user) -> QuerySet[Campaign]:
    return campaigns_visible_to(user).prefetch_related("milestones", "targets__brackets", "targets__unit")


def campaign_detail(user, pk: int) -> Campaign:
    """The campaign with its milestones, targets and participations (each with its unit), for the pages that
    check what a participant may do."""
    participations = Participation.objects.select_related("unit").order_by("unit__path")
    return _with_contents(user).prefetch_related(Prefetch("participations", queryset=participations)).get(pk=pk)


def campaign_page(user, pk: int) -> Campaign:
    """The campaign with its milestones and targets, for its own page: the participants are read apart as names
    (``participant_names``), not as a model instance per unit (700 at national size)."""
    return _with_contents(user).get(pk=pk)


def participant_names(campaign: Campaign) -> list[str]:
    return list(campaign.participations.order_by("unit__path").values_list("unit__name", flat=True))


# Pledges


def pledges_visible_to(user) -> QuerySet[Pledge]:
    in_scope = access.scope_q(user, "unit") | access.scope_q(user, "campaign__plan__issuer")
    return Pledge.objects.filter(in_scope).select_related("campaign", "campaign__plan", "unit", "officer")


def pledge_list(user, *, q: str = "", campaign: int | None = None) -> QuerySet[Pledge]:
    pledges = pledges_visible_to(user)
    if q:
        key = search_key(q)
        pledges = pledges.filter(Q(unit__search_key__contains=key) | Q(officer__search_key__contains=key)
                                 | Q(campaign__search_key__contains=key))
    if campaign is not None:
        pledges = pledges.filter(campaign_id=campaign)
    return pledges.order_by("-registered_on", "unit__sort_key", "officer__sort_key", "id")


def _participations_in_scope(user, campaign_ids) -> QuerySet[Participation]:
    """Participants a user may look at: all of them for the issuer's people, else their own units."""
    return Participation.objects.filter(campaign_id__in=campaign_ids).filter(
        access.scope_q(user, "unit") | access.scope_q(user, "campaign__plan__issuer"))


def pledge_units(user, campaign: Campaign, *, only_missing: bool = False) -> QuerySet[Participation]:
    """Participations in scope to page through on the pledges page, in tree order; ``only_missing`` keeps the
    units without a collective pledge or with an active officer who has not registered (decided in SQL)."""
    participations = _participations_in_scope(user, [campaign.pk]).select_related("unit")
    if only_missing:
        collective = Pledge.objects.filter(campaign=campaign, unit=OuterRef("unit"), officer__isnull=True)
        individual = Pledge.objects.filter(campaign=campaign, officer=OuterRef("pk"))
        unpledged = Officer.objects.filter(unit=OuterRef("unit"), is_active=True).exclude(Exists(individual))
        participations = participations.filter(~Exists(collective) | Exists(unpledged))
    return participations.order_by("unit__path", "pk")


def pledge_status(campaign: Campaign, units: list[Unit]) -> list[dict]:
    """For one page of units: each unit's collective pledge and each active officer's pledge (or None), with the
    number of officers who have not registered; two queries, whatever the campaign's size."""
    ids = [unit.pk for unit in units]
    officers = defaultdict(list)
    for officer in Officer.objects.filter(unit_id__in=ids, is_active=True).order_by("sort_key", "id"):
        officers[officer.unit_id].append(officer)
    pledges = Pledge.objects.filter(Q(unit_id__in=ids, officer__isnull=True) | Q(officer__unit_id__in=ids,
                                                                                 officer__is_active=True),
                                    campaign=campaign).select_related("unit")
    collective, individual = {}, {}
    for pledge in pledges:
        pledge.campaign = campaign  # with its plan and issuer, for the lifecycle's roles
        if pledge.officer_id is None:
            collective[pledge.unit_id] = pledge
        else:
            individual[pledge.officer_id] = pledge
    rows = []
    for unit in units:
        people = [{"officer": o, "pledge": individual.get(o.pk)} for o in officers[unit.pk]]
        rows.append({"unit": unit, "pledge": collective.get(unit.pk), "officers": people,
                     "missing_officers": sum(1 for person in people if person["pledge"] is None)})
    return rows


def _pledge_tallies(user, campaign_ids) -> dict:
    """Per campaign: participating units in scope and their active officers, with how many have not
    registered a pledge (``Counter`` of units, units_missing, officers, officers_missing); two grouped queries,
    each reading the participations (and their officers) once instead of two subqueries per unit."""
    participations = _participations_in_scope(user, campaign_ids).order_by()
    collective = Pledge.objects.filter(campaign=OuterRef("campaign"), unit=OuterRef("unit"), officer__isnull=True)
    units = participations.values("campaign_id").annotate(units=Count("pk"),
                                                          units_missing=Count("pk", filter=~Exists(collective)))
    pledged = Pledge.objects.filter(campaign=OuterRef("campaign"), officer=OuterRef("unit__officers"))
    officers = participations.filter(unit__officers__is_active=True).values("campaign_id").annotate(
        officers=Count("unit__officers"), officers_missing=Count("unit__officers", filter=~Exists(pledged)))
    totals = defaultdict(Counter)
    for row in [*units, *officers]:
        totals[row.pop("campaign_id")].update(row)
    return totals


def pledge_counts(user, campaign: Campaign) -> dict:
    """The campaign's pledge summary in the user's scope, counted in the database: units and active officers,
    registered and missing."""
    counts = _pledge_tallies(user, [campaign.pk])[campaign.pk]
    return {"units": counts["units"], "units_done": counts["units"] - counts["units_missing"],
            "units_missing": counts["units_missing"], "officers": counts["officers"],
            "officers_done": counts["officers"] - counts["officers_missing"],
            "officers_missing": counts["officers_missing"]}


def pledge_gaps(user, today: datetime.date) -> list[dict]:
    """Running campaigns in scope with how many of their units and active officers (in scope) have
    not registered a pledge: ``{campaign, units, units_missing, officers, officers_missing}``."""
    campaigns = list(campaigns_visible_to(user).filter(starts_on__lte=today, ends_on__gte=today)
                     .order_by("ends_on", "id"))
    totals = _pledge_tallies(user, [c.pk for c in campaigns])
    keys = ("units", "units_missing", "officers", "officers_missing")
    return [{"campaign": c, **{k: totals[c.pk][k] for k in keys}} for c in campaigns if totals[c.pk]["units"]]


# Sub-plans required by a plan (kế hoạch của đơn vị cấp dưới)


def _with_filing(requirements: QuerySet[SubPlanRequirement]) -> QuerySet[SubPlanRequirement]:
    """Annotate each requirement with the first plan its unit filed under the plan (id, dates)."""
    first = Plan.objects.filter(parent=OuterRef("plan"), issuer=OuterRef("unit")).order_by("created_at", "id")
    return requirements.annotate(filed_id=Subquery(first.values("pk")[:1]),
                                 filed_issued_on=Subquery(first.values("issued_on")[:1]),
                                 filed_created_at=Subquery(first.values("created_at")[:1]))


def _status(requirement: SubPlanRequirement, today: datetime.date):
    """Filed (by ``workflow.SUBPLAN``: any state past *required*) on the sub-plan's date of issue, else
    the day it was entered."""
    if requirement.status == SubPlanStatus.REQUIRED:
        return subplan_status(requirement.due_on, None, today)
    filed_on = requirement.filed_issued_on
    if filed_on is None and requirement.filed_created_at is not None:
        filed_on = timezone.localdate(requirement.filed_created_at)
    return subplan_status(requirement.due_on, filed_on, today)


def _requirements_in_scope(user) -> QuerySet[SubPlanRequirement]:
    return SubPlanRequirement.objects.filter(access.scope_q(user, "unit") | access.scope_q(user, "plan__issuer"))


def subplan_rows(user, plan: Plan, today: datetime.date) -> list[dict]:
    """Each required unit in scope with its due date, filing status and the sub-plan it filed."""
    requirements = list(_with_filing(_requirements_in_scope(user).filter(plan=plan))
                        .select_related("unit").order_by("unit__path"))
    filed = Plan.objects.in_bulk([r.filed_id for r in requirements if r.filed_id])
    for requirement in requirements:
        requirement.plan = plan
    return [{"requirement": r, "unit": r.unit, "subplan": filed.get(r.filed_id), "status": _status(r, today)}
            for r in requirements]


def subplan_requirements_visible_to(user, plan: Plan) -> QuerySet[SubPlanRequirement]:
    return _requirements_in_scope(user).filter(plan=plan).select_related("plan__issuer", "unit")


def subplan_candidate_units(plan: Plan) -> QuerySet[Unit]:
    """Units a plan may require a plan from: divisions and sub-departments under the issuer, or
    taking part in one of its campaigns."""
    return Unit.objects.filter(Q(path__startswith=plan.issuer.path) | Q(participations__campaign__plan=plan),
                               kind__in=SUBUNIT_KINDS).exclude(pk=plan.issuer_id).distinct().order_by("path")


def subplan_form_initial(plan: Plan) -> dict:
    """The current requirements, or else every participating division and sub-department."""
    current = list(plan.subplan_requirements.values_list("unit_id", "due_on"))
    if current:
        return {"units": [unit_id for unit_id, _due in current], "due_on": max(due for _unit, due in current)}
    participating = Participation.objects.filter(campaign__plan=plan, unit__kind__in=SUBUNIT_KINDS)
    return {"units": list(participating.values_list("unit_id", flat=True).distinct())}


def subplan_overview(user, today: datetime.date) -> list[dict]:
    """Plans with sub-plan requirements in scope and counts per status: ``{plan, counts (StatusKind →
    n), total, filed, overdue, pending}``, the plans with most overdue units first."""
    requirements = _with_filing(_requirements_in_scope(user)).select_related("plan", "plan__issuer")
    by_plan: dict[int, dict] = {}
    for requirement in requirements:
        entry = by_plan.setdefault(requirement.plan_id, {"plan": requirement.plan, "counts": Counter()})
        entry["counts"][_status(requirement, today).kind] += 1
    for entry in by_plan.values():
        counts = entry["counts"]
        entry.update(total=counts.total(), filed=counts[StatusKind.ON_TIME] + counts[StatusKind.LATE],
                     overdue=counts[StatusKind.OVERDUE], pending=counts[StatusKind.PENDING])
    return sorted(by_plan.values(), key=lambda e: (-e["overdue"], -e["plan"].year, e["plan"].pk))


# Deadlines for the dashboard


def _item(date, label, subject, url, *, campaign=None, plan=None) -> dict:
    return {"date": date, "label": label, "subject": subject, "url": url, "campaign": campaign,
            "plan": plan or (campaign.plan if campaign else None)}


def _campaign_deadlines(user, start, end) -> list[dict]:
    fields = (("pledges_due_on", _("Hạn đăng ký giao ước thi đua")),
              ("dossier_due_on", _("Hạn gửi hồ sơ đề nghị khen thưởng")))
    campaigns = campaigns_visible_to(user).filter(Q(pledges_due_on__range=(start, end))
                                                  | Q(dossier_due_on__range=(start, end)))
    return [_item(getattr(c, field), label, c.name, c.get_absolute_url(), campaign=c)
            for c in campaigns for field, label in fields
            if getattr(c, field) and start <= getattr(c, field) <= end]


def _milestone_deadlines(user, start, end) -> list[dict]:
    milestones = Milestone.objects.filter(campaign__in=campaigns_visible_to(user).values("pk")).filter(
        Q(starts_on__range=(start, end)) | Q(ends_on__range=(start, end))).select_related("campaign__plan")
    return [_item(m.starts_on if m.starts_on >= start else m.due_on, m.get_kind_display(),
                  f"{m.title} – {m.campaign.name}", m.campaign.get_absolute_url(), campaign=m.campaign)
            for m in milestones]


def _subplan_deadlines(user, start, end) -> list[dict]:
    """One item per plan and due date with units still to file."""
    not_filed = ~Exists(Plan.objects.filter(parent=OuterRef("plan"), issuer=OuterRef("unit")))
    missing = Counter(_requirements_in_scope(user).filter(not_filed, due_on__range=(start, end))
                      .values_list("plan_id", "due_on"))
    plans = Plan.objects.select_related("issuer").in_bulk({plan_id for plan_id, _due in missing})
    return [_item(due, _("Hạn gửi kế hoạch thực hiện"),
                  ngettext("%(ref)s: %(n)s đơn vị chưa gửi kế hoạch", "%(ref)s: %(n)s đơn vị chưa gửi kế hoạch", n)
                  % {"ref": plans[plan_id].reference, "n": n},
                  reverse("campaigns:plan_subplans", args=[plan_id]), plan=plans[plan_id])
            for (plan_id, due), n in missing.items()]


def upcoming_deadlines(user, today: datetime.date, days: int = 30) -> list[dict]:
    """Deadlines in the next ``days`` days: pledge and dossier due dates, milestones, and sub-plans
    still to file. Each item: ``{date, label, subject, url, campaign, plan}`` (campaign may be None)."""
    end = today + datetime.timedelta(days=days)
    items = [*_campaign_deadlines(user, today, end), *_milestone_deadlines(user, today, end),
             *_subplan_deadlines(user, today, end)]
    return sorted(items, key=lambda i: (i["date"], i["label"]))


def unit_history(user, unit: Unit) -> dict:
    """Plans a unit issued and campaigns it took part in, including those of the units it took over
    (history stays with the unit that existed then and rolls up through succession links)."""
    lineage, frontier = [unit], [unit.pk]
    while frontier:
        predecessors = list(Unit.objects.filter(access.scope_q(user, None), successions_out__successor_id__in=frontier)
                            .exclude(pk__in=[u.pk for u in lineage]))
        lineage += predecessors
        frontier = [u.pk for u in predecessors]
    ids = [u.pk for u in lineage]
    return {
        "lineage": lineage,
        "plans": plans_visible_to(user).filter(issuer_id__in=ids).order_by("-year", "-id"),
        "participations": Participation.objects.filter(unit_id__in=ids, campaign__in=campaigns_visible_to(user))
        .select_related("unit", "campaign", "campaign__plan").order_by("-campaign__starts_on"),
    }
