"""Read queries for targets, results and attainment, scoped like the rest of ``selectors``.
Attainment reads each subject's latest confirmed figures as plain rows: a fixed number of queries
and no model instance per subject, so a national table (10.000 subjects) stays under a second."""

from collections import defaultdict
from types import SimpleNamespace

from django.db import connection
from django.db.models import QuerySet, Sum

from emulation import access

from ..brackets import coverage_problems, money, thousands
from ..models import BracketBasis, Campaign, Result, ResultStatus, ResultValue
from ..standings import COMPLETION, standings
from .plans import _participations_in_scope, campaign_pledge_status


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
    results = Result.objects.filter(campaign=campaign).select_related("unit", "officer", "campaign__plan")
    return results if access.in_scope(user, campaign.plan.issuer) else results.filter(access.scope_q(user, "unit"))


def _latest(results) -> list[Result]:
    latest = {}
    for result in results:  # ordered by -as_of: the first seen per subject is the latest
        latest.setdefault((result.unit_id, result.officer_id), result)
    return list(latest.values())


def result_subjects(user, campaign: Campaign) -> list[dict]:
    """Participating units in scope and their active officers, each with its latest result (any status)."""
    rows = campaign_pledge_status(user, campaign)
    latest = {(r.unit_id, r.officer_id): r for r in _latest(results_visible_to(user, campaign).order_by("-as_of"))}
    for result in latest.values():
        result.campaign = campaign  # with its prefetched participations, for the lifecycle's roles
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


def returned_results(user, *, limit: int = 20) -> list[Result]:
    """Results returned by staff to the units the user reports for (their own units only, not the
    issuer's view of everyone's), newest first, with the reason: what the unit head must fix."""
    return list(Result.objects.filter(access.scope_q(user, "unit", editable=True), status=ResultStatus.RETURNED)
                .select_related("unit", "officer", "campaign").order_by("-returned_at", "-pk")[:limit])
