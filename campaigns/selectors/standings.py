"""The overall standing of units across a campaign's targets as stored with the latest snapshot
(``snapshots.store_standings``), read in the user's scope, filtered and ordered in the database; a request
never recomputes it."""

from django.db.models import Q, QuerySet

from emulation import access
from emulation.text import search_key

from ..models import AttainmentSnapshot, Campaign, StandingRow

ROW_FIELDS = (
    "position",
    "unit_id",
    "group",
    "group_label",
    "rank",
    "peers",
    "met",
    "assessed",
    "not_computable",
    "mean_ratio",
    "min_ratio",
    "unit__name",
    "unit__code",
    "unit__short_name",
)


def standings_visible_to(user, campaign: Campaign, snapshot: AttainmentSnapshot) -> QuerySet[StandingRow]:
    """The issuer's people see every unit's standing; others their own units' (ranked among all units)."""
    rows = StandingRow.objects.filter(snapshot=snapshot)
    return rows if access.in_scope(user, campaign.plan.issuer) else rows.filter(access.scope_q(user, "unit"))


def standings_table(
    user, campaign: Campaign, snapshot: AttainmentSnapshot, *, group: int | None = None, q: str = ""
) -> QuerySet[StandingRow]:
    """Rows in scope, in one group or all, matching the unit's name or code, in standing order."""
    rows = standings_visible_to(user, campaign, snapshot).select_related("unit")
    if group is not None:
        rows = rows.filter(group=group)
    if q:
        rows = rows.filter(Q(unit__search_key__contains=search_key(q)) | Q(unit__code__iexact=q))
    return rows.only(*ROW_FIELDS).order_by("position")


def standing_groups(snapshot: AttainmentSnapshot) -> list[tuple[int, str]]:
    """(number, targets in words) of the snapshot's groups, for the group filter."""
    return list(
        StandingRow.objects.filter(snapshot=snapshot).order_by("group").values_list("group", "group_label").distinct()
    )
