"""Read queries for targets, results and attainment, scoped like the rest of ``selectors``.
Attainment reads each subject's latest confirmed figures as plain rows: a fixed number of queries
and no model instance per subject, so a national table (10.000 subjects) stays under a second."""

from collections import defaultdict
from types import SimpleNamespace

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber

from emulation import access
from emulation.models import Officer
from emulation.text import search_key

from ..brackets import coverage_problems, money, thousands
from ..models import AttainmentRow, BracketBasis, Campaign, Participation, Result, ResultStatus, ResultValue
from ..standings import COMPLETION, standings
from .attainment import latest_snapshot, snapshot_rows_visible_to
from .plans import _participations_in_scope


def campaign_targets(campaign: Campaign) -> list[dict]:
    """Targets with their brackets described in words and the table's gaps and overlaps (uses the
    prefetched ``targets__brackets`` of ``campaign_detail`` or ``campaign_page``)."""
    rows = []
    for target in campaign.targets.all():
        brackets = list(target.brackets.all())
        problems = coverage_problems([b.as_rule() for b in brackets]) if target.is_tiered else []
        fmt = money if target.basis == BracketBasis.MONEY_TOTAL else thousands
        rows.append({"target": target, "brackets": [(b, b.as_rule().describe(fmt)) for b in brackets],
                     "problems": [p.describe(fmt) for p in problems]})
    return rows


def results_visible_to(user, campaign: Campaign) -> QuerySet[Result]:
    results = Result.objects.filter(campaign=campaign).select_related("unit", "officer", "campaign__plan")
    return results if access.in_scope(user, campaign.plan.issuer) else results.filter(access.scope_q(user, "unit"))


RESULT_STATUSES = tuple(ResultStatus.values)


def _latest_of(results: QuerySet[Result]) -> QuerySet[Result]:
    """Each subject's (unit, officer) latest result, picked in SQL by a window (PostgreSQL and SQLite)."""
    newest = Window(RowNumber(), partition_by=[F("unit_id"), F("officer_id")],
                    order_by=[F("as_of").desc(), F("pk").desc()])
    return results.annotate(newest=newest).filter(newest=1)


def result_units(user, campaign: Campaign, *, unit: int | None = None, status: str = "",
                 q: str = "") -> QuerySet[Participation]:
    """Participations in scope to page through on the results page: a unit, units with a result in ``status``,
    units whose name or code matches ``q`` or with an active officer who does."""
    participations = _participations_in_scope(user, [campaign.pk]).select_related("unit")
    if unit is not None:
        participations = participations.filter(unit_id=unit)
    if status in RESULT_STATUSES:
        participations = participations.filter(Exists(Result.objects.filter(
            campaign=campaign, unit=OuterRef("unit"), status=status)))
    if q:
        key = search_key(q)
        officers = Officer.objects.filter(unit=OuterRef("unit"), is_active=True).filter(
            Q(search_key__contains=key) | Q(code__iexact=q))
        participations = participations.filter(Q(unit__search_key__contains=key) | Q(unit__code__iexact=q)
                                               | Exists(officers))
    return participations.order_by("unit__path", "pk")


def result_subjects(user, campaign: Campaign, units: list, *, status: str = "", q: str = "") -> list[dict]:
    """For one page of units: each unit and its active officers with their latest result (any status), in
    two queries; ``status`` and ``q`` keep only the matching subjects (the unit's own row when it matches)."""
    ids, by_pk = [u.pk for u in units], {u.pk: u for u in units}
    officers, people = defaultdict(list), {}
    for officer in Officer.objects.filter(unit_id__in=ids, is_active=True).order_by("sort_key", "id"):
        officers[officer.unit_id].append(officer)
        people[officer.pk] = officer
    latest = _latest_of(results_visible_to(user, campaign).filter(unit_id__in=ids).select_related(None))
    results = {}
    for result in latest:  # the campaign, unit and officer are the page's own objects: no join, no copies
        if result.officer_id is not None and result.officer_id not in people:
            continue  # an officer no longer active here: not on the page
        result.campaign, result.unit = campaign, by_pk[result.unit_id]
        result.officer = people.get(result.officer_id)
        results[(result.unit_id, result.officer_id)] = result
    key = search_key(q) if q else ""
    rows = []
    for unit in units:
        unit_hit = not key or key in unit.search_key or q.lower() == unit.code.lower()
        keep = [{"officer": o, "result": results.get((unit.pk, o.pk))} for o in officers[unit.pk]
                if unit_hit or key in o.search_key or q.lower() == o.code.lower()]
        own = results.get((unit.pk, None))
        if status in RESULT_STATUSES:
            keep = [p for p in keep if p["result"] is not None and p["result"].status == status]
        show_unit = (status not in RESULT_STATUSES or (own is not None and own.status == status)) and unit_hit
        rows.append({"unit": unit, "result": own, "show_unit": show_unit, "officers": keep})
    return rows


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


def _values_by_result(targets, results) -> dict:
    """Entered values of the campaign-specific targets, for the given (latest) results only.
    Filtered by target (a handful) rather than by joining the results table."""
    extra = [t.pk for t in targets if t.metric_kind not in COMPLETION]
    if not extra:
        return {}
    wanted, grouped = {r.pk for r in results}, defaultdict(dict)
    for value in ResultValue.objects.filter(target_id__in=extra).only("result_id", "target_id", "number", "achieved"):
        if value.result_id in wanted:
            grouped[value.result_id][value.target_id] = value
    return grouped


def _attainment(campaign: Campaign, results) -> list:
    """Set-based: one query for targets and brackets, one for the results and one for their values."""
    targets = list(campaign.targets.prefetch_related("brackets"))
    latest = latest_confirmed(results)
    return standings(targets, latest, _values_by_result(targets, latest))


BUCKETS = [(0, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, None)]


def campaign_dashboard(user, campaign: Campaign) -> dict:
    """Figures for the campaign charts page (drawn by ``reports.campaign_charts``): the latest snapshot's rows
    (case completion) in scope, counted in the database, and the reporting trend as aggregates; a fixed number
    of queries."""
    snapshot = latest_snapshot(campaign)
    cases = (snapshot_rows_visible_to(user, campaign, snapshot) if snapshot else AttainmentRow.objects.none()
             ).filter(metric_kind="completion_cases")
    units = list(cases.filter(officer__isnull=True).order_by("position").values_list(
        "unit__short_name", "unit__name", "actual", "target_value"))
    counted = {f"b{n}": Count("pk", filter=Q(actual__gte=lo) & (Q(actual__lt=hi) if hi else Q()))
               for n, (lo, hi) in enumerate(BUCKETS)}
    officers = cases.filter(officer__isnull=False).order_by().aggregate(
        **counted, **{state: Count("pk", filter=Q(state=state)) for state in ("met", "not_met", "not_computable")})
    reported = set(results_visible_to(user, campaign).filter(officer__isnull=True).exclude(
        status=ResultStatus.DRAFT).values_list("unit_id", flat=True))
    trend = list(results_visible_to(user, campaign).filter(officer__isnull=True, status=ResultStatus.CONFIRMED)
                 .order_by("as_of").values("as_of").annotate(done=Sum("cases_completed"),
                                                             cond=Sum("cases_with_conditions"),
                                                             money_done=Sum("money_completed"),
                                                             money_cond=Sum("money_with_conditions")))
    return {
        "units": {"labels": [short or name for short, name, _a, _t in units],
                  "actual": [_float(actual) for _s, _n, actual, _t in units],
                  "target": [_float(target) for _s, _n, _a, target in units]},
        "officers": {"labels": ["< 50%", "50–60%", "60–70%", "70–80%", "80–90%", "≥ 90%"],
                     "counts": [officers[f"b{n}"] for n in range(len(BUCKETS))],
                     "met": officers["met"], "not_met": officers["not_met"],
                     "not_computable": officers["not_computable"]},
        "not_reported": [p.unit for p in _participations_in_scope(user, [campaign.pk]).select_related("unit")
                         .order_by("unit__path") if p.unit_id not in reported],
        "trend": {"labels": [t["as_of"].strftime("%d/%m/%Y") for t in trend],
                  "cases": [round(t["done"] * 100 / t["cond"], 2) if t["cond"] else None for t in trend],
                  "money": [round(t["money_done"] * 100 / t["money_cond"], 2) if t["money_cond"] else None
                            for t in trend]},
    }


def _float(value):
    return None if value is None else float(value)


def returned_results(user, *, limit: int = 20) -> list[Result]:
    """Results returned by staff to the units the user reports for (their own units only, not the
    issuer's view of everyone's), newest first, with the reason: what the unit head must fix."""
    return list(Result.objects.filter(access.scope_q(user, "unit", editable=True), status=ResultStatus.RETURNED)
                .select_related("unit", "officer", "campaign").order_by("-returned_at", "-pk")[:limit])


def participants_in_scope(user, campaign: Campaign) -> list[tuple[int, str]]:
    """(id, name) of the participating units the user may look at, in tree order (the tables' unit filter)."""
    return list(_participations_in_scope(user, [campaign.pk]).order_by("unit__path").values_list(
        "unit_id", "unit__name"))
