"""The attainment table as stored by the latest snapshot (``snapshots.recompute``), read in the user's
scope, filtered and ordered in the database; a request never recomputes it."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from emulation import access
from emulation.text import search_key

from ..models import AttainmentRow, AttainmentSnapshot, Campaign, MetricKind

STATES = ("met", "not_met", "not_computable")
ROW_FIELDS = ("position", "unit_id", "officer_id", "target_code", "metric_kind", "strict", "bracket",
              "target_value", "actual", "actual_display", "state", "gap_units", "gap_points", "rank", "peers",
              "overall_rank", "overall_peers", "reason", "unit__name", "unit__code", "unit__short_name",
              "officer__full_name", "officer__code")


@dataclass(frozen=True)
class TableFilters:
    """What the attainment page (and its export) may be narrowed to; anything else is ignored."""

    unit: int | None = None
    bracket: str = ""
    state: str = ""
    q: str = ""

    @classmethod
    def clean(cls, *, unit: int | None, bracket: str, state: str, q: str) -> "TableFilters":
        return cls(unit=unit, bracket=(bracket or "").strip()[:200], state=state if state in STATES else "",
                   q=(q or "").strip()[:100])

    def as_dict(self) -> dict:
        return {"unit": self.unit, "bracket": self.bracket, "state": self.state, "q": self.q}


def latest_snapshot(campaign: Campaign) -> AttainmentSnapshot | None:
    return campaign.snapshots.defer("inputs").first()


def is_stale(campaign: Campaign, snapshot: AttainmentSnapshot | None) -> bool:
    """An input changed (a recompute was asked for) after the snapshot last checked the inputs."""
    asked = campaign.attainment_requested_at
    return asked is not None and (snapshot is None or asked > snapshot.checked_at)


def snapshot_rows_visible_to(user, campaign: Campaign, snapshot: AttainmentSnapshot) -> QuerySet[AttainmentRow]:
    """The issuer's people see every row; others the rows of their units (and those units' officers)."""
    rows = AttainmentRow.objects.filter(snapshot=snapshot)
    return rows if access.in_scope(user, campaign.plan.issuer) else rows.filter(access.scope_q(user, "unit"))


def attainment_table(user, campaign: Campaign, snapshot: AttainmentSnapshot,
                     filters: TableFilters = TableFilters()) -> QuerySet[AttainmentRow]:
    """Rows in scope matching ``filters``, in the computed order, with the subject's names."""
    rows = snapshot_rows_visible_to(user, campaign, snapshot).select_related("unit", "officer")
    if filters.unit is not None:
        rows = rows.filter(unit_id=filters.unit)
    if filters.bracket:
        rows = rows.filter(bracket=filters.bracket)
    if filters.state:
        rows = rows.filter(state=filters.state)
    if filters.q:
        key = search_key(filters.q)
        rows = rows.filter(Q(unit__search_key__contains=key) | Q(officer__search_key__contains=key)
                           | Q(unit__code__iexact=filters.q) | Q(officer__code__iexact=filters.q))
    return rows.only(*ROW_FIELDS).order_by("position")


def state_counts(rows: QuerySet[AttainmentRow]) -> dict:
    """``{"met": n, "not_met": n, "not_computable": n, "total": n}`` over ``rows`` (one query)."""
    counts = rows.order_by().aggregate(total=Count("pk"), **{s: Count("pk", filter=Q(state=s)) for s in STATES})
    return counts


def bracket_choices(snapshot: AttainmentSnapshot) -> list[str]:
    return list(AttainmentRow.objects.filter(snapshot=snapshot).exclude(bracket="").order_by("bracket")
                .values_list("bracket", flat=True).distinct())


def with_labels(rows) -> list[AttainmentRow]:
    """The rows of one page with their target kind in words (a lookup, not a call per row in the template)."""
    labels = dict(MetricKind.choices)
    rows = list(rows)
    for row in rows:
        row.metric_label = labels.get(row.metric_kind, row.metric_kind)
    return rows
