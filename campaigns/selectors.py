"""Read queries for plans, campaigns and pledges, scoped to what the user may see.

A plan or campaign is visible when its issuer is one of the user's units, or when one of the
user's units takes part in it (read-only for them). Every function runs a fixed number of
queries, whatever the number of rows.
"""

import datetime
from collections import Counter, defaultdict
from types import SimpleNamespace

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.urls import reverse

from emulation import access
from emulation.models import Officer, Unit
from emulation.text import search_key

from .brackets import coverage_problems, money, thousands
from .cascading import FilingState, subplan_status
from .models import (
    BracketBasis,
    Campaign,
    Milestone,
    Participation,
    Plan,
    Pledge,
    Result,
    ResultStatus,
    ResultValue,
    SubPlanRequirement,
)
from .standings import standings


def _unit_scope(user) -> frozenset[int]:
    return access.visible_unit_ids(user)


def plans_visible_to(user) -> QuerySet[Plan]:
    units = _unit_scope(user)
    takes_part = Participation.objects.filter(campaign__plan=OuterRef("pk"), unit_id__in=units)
    required = SubPlanRequirement.objects.filter(plan=OuterRef("pk"), unit_id__in=units)
    return Plan.objects.filter(Q(issuer_id__in=units) | Exists(takes_part) | Exists(required)).select_related(
        "issuer", "parent")


def plan_list(user, *, q: str = "", year: str = "", issuer: str = "", kind: str = "") -> QuerySet[Plan]:
    plans = plans_visible_to(user).annotate(campaign_count=Count("campaigns", distinct=True))
    if q:
        plans = plans.filter(search_key__contains=search_key(q))
    if year.isdigit():
        plans = plans.filter(year=int(year))
    if issuer.isdigit():
        plans = plans.filter(issuer_id=int(issuer))
    if kind:
        plans = plans.filter(campaigns__kind=kind).distinct()
    return plans.order_by("-year", "-issued_on", "-id")


def plan_detail(user, pk: int) -> Plan:
    return plans_visible_to(user).prefetch_related("campaigns", "subplans__issuer").get(pk=pk)


def plan_years(user) -> list[int]:
    return sorted(set(plans_visible_to(user).values_list("year", flat=True)), reverse=True)


def plan_issuers(user) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=plans_visible_to(user).values("issuer_id")).order_by("sort_key")


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    units = _unit_scope(user)
    takes_part = Participation.objects.filter(campaign=OuterRef("pk"), unit_id__in=units)
    return Campaign.objects.filter(Q(plan__issuer_id__in=units) | Exists(takes_part)).select_related(
        "plan", "plan__issuer")


def campaign_list(user, *, q: str = "", kind: str = "", year: str = "") -> QuerySet[Campaign]:
    campaigns = campaigns_visible_to(user).annotate(participant_count=Count("participations", distinct=True))
    if q:
        campaigns = campaigns.filter(search_key__contains=search_key(q))
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if year.isdigit():
        campaigns = campaigns.filter(starts_on__year__lte=int(year), ends_on__year__gte=int(year))
    return campaigns.order_by("-starts_on", "id")


def campaign_detail(user, pk: int) -> Campaign:
    return campaigns_visible_to(user).prefetch_related(
        "milestones", "participations__unit", "targets__brackets", "targets__unit").get(pk=pk)


def pledges_visible_to(user) -> QuerySet[Pledge]:
    units = _unit_scope(user)
    return Pledge.objects.filter(Q(unit_id__in=units) | Q(campaign__plan__issuer_id__in=units)).select_related(
        "campaign", "unit", "officer")


def pledge_list(user, *, q: str = "", campaign: str = "") -> QuerySet[Pledge]:
    pledges = pledges_visible_to(user)
    if q:
        key = search_key(q)
        pledges = pledges.filter(Q(unit__search_key__contains=key) | Q(officer__search_key__contains=key)
                                 | Q(campaign__search_key__contains=key))
    if campaign.isdigit():
        pledges = pledges.filter(campaign_id=int(campaign))
    return pledges.order_by("-registered_on", "unit__sort_key", "officer__sort_key")


def _participations_in_scope(user, campaign_ids) -> QuerySet[Participation]:
    """Participants a user may look at: all of them for the issuer's people, else their own units."""
    units = _unit_scope(user)
    return Participation.objects.filter(campaign_id__in=campaign_ids).filter(
        Q(unit_id__in=units) | Q(campaign__plan__issuer_id__in=units))


def campaign_pledge_status(user, campaign: Campaign) -> list[dict]:
    """Per participating unit: its collective pledge and each active officer's pledge (or None)."""
    participations = list(_participations_in_scope(user, [campaign.pk]).select_related("unit").order_by("unit__path"))
    unit_ids = [p.unit_id for p in participations]
    pledges = list(Pledge.objects.filter(campaign=campaign, unit_id__in=unit_ids))
    collective = {p.unit_id: p for p in pledges if p.officer_id is None}
    individual = {p.officer_id: p for p in pledges if p.officer_id is not None}
    officers = defaultdict(list)
    for officer in Officer.objects.filter(unit_id__in=unit_ids, is_active=True).order_by("sort_key"):
        officers[officer.unit_id].append({"officer": officer, "pledge": individual.get(officer.pk)})
    rows = []
    for participation in participations:
        people = officers[participation.unit_id]
        rows.append({
            "unit": participation.unit,
            "pledge": collective.get(participation.unit_id),
            "officers": people,
            "missing_officers": sum(1 for person in people if person["pledge"] is None),
        })
    return rows


def _filed_subplans(plan_ids) -> dict[tuple[int, int], Plan]:
    children = Plan.objects.filter(parent_id__in=plan_ids).order_by("created_at")
    filed = {}
    for child in children:
        filed.setdefault((child.parent_id, child.issuer_id), child)
    return filed


def _filed_on(plan: Plan | None) -> datetime.date | None:
    if plan is None:
        return None
    return plan.issued_on or plan.created_at.date()


def subplan_rows(user, plan: Plan, today: datetime.date) -> list[dict]:
    units = _unit_scope(user)
    requirements = SubPlanRequirement.objects.filter(plan=plan).select_related("unit").order_by("unit__path")
    if plan.issuer_id not in units:
        requirements = requirements.filter(unit_id__in=units)
    filed = _filed_subplans([plan.pk])
    rows = []
    for requirement in requirements:
        subplan = filed.get((plan.pk, requirement.unit_id))
        status = subplan_status(requirement.due_on, _filed_on(subplan), today)
        rows.append({"requirement": requirement, "unit": requirement.unit, "subplan": subplan, "status": status})
    return rows


def _requirements_in_scope(user) -> QuerySet[SubPlanRequirement]:
    units = _unit_scope(user)
    return SubPlanRequirement.objects.filter(Q(unit_id__in=units) | Q(plan__issuer_id__in=units))


def subplan_overview(user, today: datetime.date) -> list[dict]:
    """Plans with sub-plan requirements in scope, with counts per filing state."""
    requirements = list(_requirements_in_scope(user).select_related("plan", "plan__issuer", "unit"))
    filed = _filed_subplans({r.plan_id for r in requirements})
    by_plan: dict[int, dict] = {}
    for requirement in requirements:
        entry = by_plan.setdefault(requirement.plan_id, {"plan": requirement.plan, "counts": Counter(), "total": 0})
        subplan = filed.get((requirement.plan_id, requirement.unit_id))
        entry["counts"][subplan_status(requirement.due_on, _filed_on(subplan), today).state] += 1
        entry["total"] += 1
    overview = sorted(by_plan.values(), key=lambda e: (-e["counts"][FilingState.OVERDUE], -e["plan"].year))
    for entry in overview:
        entry["filed"] = entry["counts"][FilingState.ON_TIME] + entry["counts"][FilingState.LATE]
        entry["overdue"] = entry["counts"][FilingState.OVERDUE]
        entry["pending"] = entry["counts"][FilingState.PENDING]
    return overview


def pledge_gaps(user, today: datetime.date) -> list[dict]:
    """Running campaigns in scope with the units and officers that have not registered a pledge."""
    campaigns = list(campaigns_visible_to(user).filter(starts_on__lte=today, ends_on__gte=today))
    ids = [c.pk for c in campaigns]
    participants = defaultdict(set)
    for campaign_id, unit_id in _participations_in_scope(user, ids).values_list("campaign_id", "unit_id"):
        participants[campaign_id].add(unit_id)
    all_units = set().union(*participants.values()) if participants else set()
    officers_per_unit = dict(Officer.objects.filter(unit_id__in=all_units, is_active=True).values("unit_id")
                             .annotate(n=Count("id")).values_list("unit_id", "n"))
    collective, individual = defaultdict(set), Counter()
    for campaign_id, unit_id, officer_id in Pledge.objects.filter(campaign_id__in=ids, unit_id__in=all_units) \
            .values_list("campaign_id", "unit_id", "officer_id"):
        if officer_id is None:
            collective[campaign_id].add(unit_id)
        else:
            individual[campaign_id] += 1
    gaps = []
    for campaign in campaigns:
        units = participants[campaign.pk]
        officers = sum(officers_per_unit.get(u, 0) for u in units)
        gaps.append({"campaign": campaign, "units": len(units),
                     "units_missing": len(units - collective[campaign.pk]),
                     "officers": officers, "officers_missing": max(officers - individual[campaign.pk], 0)})
    return [g for g in gaps if g["units"]]


def upcoming_deadlines(user, today: datetime.date, days: int = 30) -> list[dict]:
    """Campaign deadlines and milestones falling in the next ``days`` days."""
    until = today + datetime.timedelta(days=days)
    items = []
    for campaign in campaigns_visible_to(user).filter(
            Q(pledges_due_on__range=(today, until)) | Q(dossier_due_on__range=(today, until))):
        url = reverse("campaigns:campaign_detail", args=[campaign.pk])
        if campaign.pledges_due_on and today <= campaign.pledges_due_on <= until:
            items.append({"date": campaign.pledges_due_on, "label": "Hạn đăng ký giao ước thi đua",
                          "subject": campaign.name, "url": url})
        if campaign.dossier_due_on and today <= campaign.dossier_due_on <= until:
            items.append({"date": campaign.dossier_due_on, "label": "Hạn gửi hồ sơ đề nghị khen thưởng",
                          "subject": campaign.name, "url": url})
    milestones = Milestone.objects.filter(campaign__in=campaigns_visible_to(user)).filter(
        Q(starts_on__range=(today, until)) | Q(ends_on__range=(today, until))).select_related("campaign")
    for milestone in milestones:
        items.append({"date": milestone.due_on if milestone.starts_on < today else milestone.starts_on,
                      "label": milestone.get_kind_display(), "subject": f"{milestone.title} – {milestone.campaign}",
                      "url": reverse("campaigns:campaign_detail", args=[milestone.campaign_id])})
    return sorted(items, key=lambda i: i["date"])


def unit_history(user, unit: Unit) -> dict:
    """Plans a unit issued and campaigns it took part in, including those of the units it took over
    (history stays with the unit that existed then and rolls up through succession links)."""
    lineage, frontier = [unit], [unit.pk]
    while frontier:
        predecessors = list(Unit.objects.filter(successions_out__successor_id__in=frontier,
                                                pk__in=_unit_scope(user)).exclude(pk__in=[u.pk for u in lineage]))
        lineage += predecessors
        frontier = [u.pk for u in predecessors]
    ids = [u.pk for u in lineage]
    return {
        "lineage": lineage,
        "plans": plans_visible_to(user).filter(issuer_id__in=ids).order_by("-year", "-id"),
        "participations": Participation.objects.filter(unit_id__in=ids, campaign__in=campaigns_visible_to(user))
        .select_related("unit", "campaign", "campaign__plan").order_by("-campaign__starts_on"),
    }


def campaign_targets(campaign: Campaign) -> list[dict]:
    """Targets with their brackets described in words and the table's gaps and overlaps (uses the
    prefetched ``targets__brackets`` of ``campaign_detail``)."""
    rows = []
    for target in campaign.targets.all():
        brackets = list(target.brackets.all())
        problems = coverage_problems([b.as_rule() for b in brackets]) if target.is_tiered else []
        fmt = money if target.basis == BracketBasis.MONEY_TOTAL else thousands
        rows.append({"target": target, "brackets": [(b, b.as_rule().describe(fmt)) for b in brackets],
                     "problems": [p.describe(fmt) for p in problems]})
    return rows


def results_visible_to(user, campaign: Campaign) -> QuerySet[Result]:
    units = _unit_scope(user)
    results = Result.objects.filter(campaign=campaign).select_related("unit", "officer", "campaign__plan")
    return results if campaign.plan.issuer_id in units else results.filter(unit_id__in=units)


def _latest(results) -> list[Result]:
    latest = {}
    for result in results:  # ordered by -as_of: the first seen per subject is the latest
        latest.setdefault((result.unit_id, result.officer_id), result)
    return list(latest.values())


def result_subjects(user, campaign: Campaign) -> list[dict]:
    """Participating units in scope and their active officers, each with its latest result (any status)."""
    rows = campaign_pledge_status(user, campaign)
    latest = {(r.unit_id, r.officer_id): r for r in _latest(results_visible_to(user, campaign).order_by("-as_of"))}
    return [{"unit": row["unit"], "result": latest.get((row["unit"].pk, None)),
             "officers": [{"officer": p["officer"], "result": latest.get((row["unit"].pk, p["officer"].pk))}
                          for p in row["officers"]]} for row in rows]


def attainment_rows(user, campaign: Campaign) -> list:
    """Attainment of every subject in the user's scope on its latest confirmed result."""
    return _attainment(campaign, results_visible_to(user, campaign))


def attainment_rows_for_all(campaign: Campaign) -> list:
    """The same, unscoped: for management commands and background work."""
    return _attainment(campaign, Result.objects.filter(campaign=campaign).select_related("unit", "officer"))


FIGURES = ["pk", "unit_id", "officer_id", "as_of", "status", "cases_total", "cases_with_conditions",
           "cases_completed", "money_total", "money_with_conditions", "money_completed"]
UNIT_FIELDS = ["code", "name", "short_name", "kind"]
OFFICER_FIELDS = ["code", "full_name", "is_enforcement_officer"]


def latest_confirmed(results) -> list[SimpleNamespace]:
    """Each subject's latest confirmed figures, as light read-only records (``.unit``, ``.officer``
    and the six figures): PostgreSQL picks them in the query (DISTINCT ON); elsewhere the newest is
    kept while reading. Plain rows instead of model instances keep a 10.000-subject table fast."""
    fields = [*FIGURES, *(f"unit__{f}" for f in UNIT_FIELDS), *(f"officer__{f}" for f in OFFICER_FIELDS)]
    confirmed = results.filter(status=ResultStatus.CONFIRMED)
    if connection.vendor == "postgresql":
        rows = confirmed.order_by("unit_id", "officer_id", "-as_of").distinct("unit_id", "officer_id").values(*fields)
    else:
        rows = _latest_rows(confirmed.order_by("-as_of").values(*fields))
    units, officers, records = {}, {}, []
    for row in rows:
        unit = units.get(row["unit_id"]) or units.setdefault(row["unit_id"], SimpleNamespace(
            pk=row["unit_id"], **{f: row[f"unit__{f}"] for f in UNIT_FIELDS}))
        officer = None
        if row["officer_id"] is not None:
            officer = officers.setdefault(row["officer_id"], SimpleNamespace(
                pk=row["officer_id"], **{f: row[f"officer__{f}"] for f in OFFICER_FIELDS}))
        records.append(SimpleNamespace(**{f: row[f] for f in FIGURES}, unit=unit, officer=officer))
    return records


def _latest_rows(rows) -> list[dict]:
    latest = {}
    for row in rows:  # ordered by -as_of: the first seen per subject is the latest
        latest.setdefault((row["unit_id"], row["officer_id"]), row)
    return list(latest.values())


def _values_by_result(campaign: Campaign, results) -> dict:
    """Values of the campaign's confirmed results, for the given (latest) results only."""
    wanted, grouped = {r.pk for r in results}, defaultdict(dict)
    for value in ResultValue.objects.filter(result__campaign=campaign, result__status=ResultStatus.CONFIRMED).only(
            "result_id", "target_id", "number", "achieved"):
        if value.result_id in wanted:
            grouped[value.result_id][value.target_id] = value
    return grouped


def _attainment(campaign: Campaign, results) -> list:
    """Set-based: one query for targets and brackets, one for the results and one for their values."""
    targets = list(campaign.targets.prefetch_related("brackets"))
    latest = latest_confirmed(results)
    return standings(targets, latest, _values_by_result(campaign, latest))


def campaign_dashboard(user, campaign: Campaign) -> dict:
    """Figures for the campaign dashboard's charts, from a fixed number of queries."""
    rows = attainment_rows(user, campaign)
    cases = [r for r in rows if r.target.metric_kind == "completion_cases"]
    units = [r for r in cases if r.result.officer_id is None]
    officers = [r for r in cases if r.result.officer_id is not None]
    buckets = [(0, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 101)]
    histogram = [sum(1 for r in officers if r.evaluation.rate is not None and lo <= r.evaluation.rate < hi)
                 for lo, hi in buckets]
    reported = set(results_visible_to(user, campaign).filter(officer__isnull=True).exclude(
        status=ResultStatus.DRAFT).values_list("unit_id", flat=True))
    trend = list(results_visible_to(user, campaign).filter(officer__isnull=True, status=ResultStatus.CONFIRMED)
                 .order_by("as_of").values("as_of").annotate(done=Sum("cases_completed"),
                                                             cond=Sum("cases_with_conditions"),
                                                             money_done=Sum("money_completed"),
                                                             money_cond=Sum("money_with_conditions")))
    return {
        "units": {"labels": [r.result.unit.short_name or r.result.unit.name for r in units],
                  "actual": [_float(r.evaluation.rate_display) for r in units],
                  "target": [_float(r.target_value) for r in units]},
        "officers": {"labels": ["< 50%", "50–60%", "60–70%", "70–80%", "80–90%", "≥ 90%"], "counts": histogram,
                     "met": sum(1 for r in officers if r.evaluation.state == "met"),
                     "not_met": sum(1 for r in officers if r.evaluation.state == "not_met"),
                     "not_computable": sum(1 for r in officers if r.evaluation.state == "not_computable")},
        "not_reported": [p.unit for p in _participations_in_scope(user, [campaign.pk]).select_related("unit")
                         .order_by("unit__path") if p.unit_id not in reported],
        "trend": {"labels": [t["as_of"].strftime("%d/%m/%Y") for t in trend],
                  "cases": [round(t["done"] * 100 / t["cond"], 2) if t["cond"] else None for t in trend],
                  "money": [round(t["money_done"] * 100 / t["money_cond"], 2) if t["money_cond"] else None
                            for t in trend]},
    }


def _float(value):
    return None if value is None else float(value)
