"""The director's charts, in the user's scope and in a fixed number of queries: completion by unit in the running
campaigns (the latest snapshot's stored rows) and completion by cases year on year (each unit's latest confirmed
figures, one campaign per unit and year, predecessors counted for their heir: ``campaigns.yearly``)."""

from django.db.models import OuterRef, Q, Subquery

from emulation import access, lineage, validity
from emulation import selectors as org_selectors
from emulation.models import Unit

from .. import yearly
from ..models import AttainmentRow, AttainmentSnapshot, CampaignKind, MetricKind, Result, ResultStatus
from .plans import campaigns_visible_to

BARS = 20  # units drawn in one chart; the standings and attainment pages hold the rest
METRICS = (MetricKind.COMPLETION_CASES, MetricKind.COMPLETION_MONEY)


def completion_now(user, campaigns) -> list[dict]:
    """For each of ``campaigns`` (already in scope) with a snapshot and each completion metric: its units' rates
    and target levels in table order (at most ``BARS``; ``more``: how many are left out)."""
    campaigns = {c.pk: c for c in campaigns}
    latest = AttainmentSnapshot.objects.filter(campaign=OuterRef("campaign")).order_by("-computed_at", "-id")
    snapshots = dict(
        AttainmentSnapshot.objects.filter(
            campaign_id__in=list(campaigns), pk=Subquery(latest.values("pk")[:1])
        ).values_list("pk", "campaign_id")
    )
    whole = [pk for pk, campaign in snapshots.items() if access.in_scope(user, campaigns[campaign].plan.issuer)]
    rows = AttainmentRow.objects.filter(
        Q(snapshot_id__in=whole)
        | Q(access.scope_q(user, "unit"), snapshot_id__in=[pk for pk in snapshots if pk not in whole]),
        officer__isnull=True,
        metric_kind__in=METRICS,
    )
    charts = {}
    for snapshot, metric, short, name, actual, level in rows.order_by(
        "snapshot_id", "metric_kind", "position"
    ).values_list("snapshot_id", "metric_kind", "unit__short_name", "unit__name", "actual", "target_value"):
        chart = charts.setdefault(
            (snapshot, metric),
            {
                "campaign": campaigns[snapshots[snapshot]],
                "metric": metric,
                "labels": [],
                "actual": [],
                "target": [],
                "more": 0,
            },
        )
        if len(chart["labels"]) == BARS:
            chart["more"] += 1
            continue
        chart["labels"].append(short or name)
        chart["actual"].append(actual)
        chart["target"].append(level)
    return list(charts.values())


def completion_by_year(user, today, *, kind: str = "") -> dict:
    """Completion by cases per unit over the last years, for campaigns of one kind (``kind`` if it has figures,
    else the kind with the most years): ``{"kind", "kinds", "years", "lines": [(label, [rate per year])], "more"}``."""
    newest = (
        Result.objects.filter(
            campaign=OuterRef("campaign"), unit=OuterRef("unit"), officer__isnull=True, status=ResultStatus.CONFIRMED
        )
        .order_by("-as_of", "-pk")
        .values("pk")[:1]
    )
    found = list(
        Result.objects.filter(
            access.scope_q(user, "unit"),
            campaign__in=campaigns_visible_to(user).values("pk"),
            officer__isnull=True,
            status=ResultStatus.CONFIRMED,
            cases_with_conditions__gt=0,
            pk=Subquery(newest),
        ).values_list(
            "campaign__kind",
            "campaign_id",
            "campaign__results_ends_on",
            "campaign__ends_on",
            "unit_id",
            "cases_completed",
            "cases_with_conditions",
        )
    )
    years_by_kind = {}
    for found_kind, _c, results_end, end, *_ in found:
        years_by_kind.setdefault(found_kind, set()).add((results_end or end).year)
    order = [k for k, _label in CampaignKind.choices if k in years_by_kind]
    if kind not in years_by_kind:
        kind = max(order, key=lambda k: len(years_by_kind[k]), default="")
    figures = [
        yearly.Figure(unit, campaign, results_end or end, done, cond)
        for found_kind, campaign, results_end, end, unit, done, cond in found
        if found_kind == kind
    ]
    years, rates = _rates(figures, today)
    return {"kind": kind, "kinds": order, "years": years, **rates}


def _rates(figures, today) -> tuple[list[int], dict]:
    units = {f.unit for f in figures}
    edges = org_selectors.succession_edges() if units else []
    candidates = units | lineage.successors_of(edges, units)
    known = {
        pk: (short or name, path, validity.valid_on(since, until, today))
        for pk, short, name, path, since, until in Unit.objects.filter(pk__in=list(candidates)).values_list(
            "pk", "short_name", "name", "path", "valid_from", "valid_to"
        )
    }
    current = {pk for pk, (_label, _path, valid) in known.items() if valid}
    years, rates = yearly.yearly_rates(figures, yearly.heir_of(edges, units, current))
    shown = sorted(rates, key=lambda unit: known[unit][1])
    lines = [(known[unit][0], [yearly.as_percent(rates[unit].get(year)) for year in years]) for unit in shown[:BARS]]
    return years, {"lines": lines, "more": max(0, len(shown) - BARS)}
