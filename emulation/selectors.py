"""Read queries for organisation and people, always scoped to what the user may see."""

from django.db import connection
from django.db.models import Count, Q, QuerySet

from . import access, pagecache
from . import lineage as lineage_rules
from .models import (
    AuditEntry,
    Officer,
    RegisteredDocument,
    Reorganisation,
    ReorganisationItem,
    Unit,
    UnitKind,
    UnitSuccession,
)
from .text import search_key


def units_visible_to(user) -> QuerySet[Unit]:
    return Unit.objects.filter(access.scope_q(user, None)).select_related("parent")


def unit_choices(user) -> list[tuple[str, str]]:
    """(id as text, never localised; name) of the units the user may see, in tree order, for a filter's unit
    picker: shared by users with the same grants until a change (``pagecache``); a national scope has 735."""
    return pagecache.shared("unit_choices", user, lambda: [
        (str(pk), name) for pk, name in
        Unit.objects.filter(access.scope_q(user, None)).order_by("path").values_list("pk", "name")])


def valid_on(day) -> Q:
    """Units in force on ``day`` (the day is passed in, never read from the clock here)."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def unit_list(user, *, q: str = "", kind: str = "", current_only: bool = False, on=None) -> QuerySet[Unit]:
    """The units the user may see, with the successors and predecessors of those (read-only, so a province whose
    units were all dissolved still finds the units that took them over)."""
    units = Unit.objects.filter(access.openable_units_q(user)).select_related("parent").annotate(
        officer_count=Count("officers", filter=Q(officers__is_active=True)))
    if q:
        units = units.filter(search_key__contains=search_key(q))
    if kind:
        units = units.filter(kind=kind)
    if current_only:
        if on is None:
            raise ValueError("current_only needs the day (on=…)")
        units = units.filter(valid_on(on))
    return units.order_by("path")


def unit_detail(user, pk: int) -> Unit:
    """A unit in the user's scope, or related to it by succession (then read-only: ``access.can_edit_unit``)."""
    return Unit.objects.filter(access.openable_units_q(user)).select_related("parent").prefetch_related(
        "successions_in__predecessor", "successions_out__successor", "holds",
    ).get(pk=pk)


def succession_edges() -> list[tuple[int, int]]:
    return list(UnitSuccession.objects.values_list("predecessor_id", "successor_id"))


def lineage(unit: Unit) -> list[Unit]:
    """Every unit ``unit`` took over, transitively through succession links, in tree order (two queries)."""
    ids = lineage_rules.predecessors_of(succession_edges(), [unit.pk])
    return list(Unit.objects.filter(pk__in=ids).order_by("path")) if ids else []


def lineages(unit_ids) -> dict[int, set[int]]:
    """For each unit id, the ids of all its predecessors (one query for any number of units)."""
    return lineage_rules.heirs(succession_edges(), unit_ids)


def officers_visible_to(user) -> QuerySet[Officer]:
    return Officer.objects.filter(access.scope_q(user, "unit")).select_related("unit")


def officer_list(user, *, q: str = "", unit_id=None, enforcement: str = "", gender: str = "",
                 active: str = "1", valid_units_on=None) -> QuerySet[Officer]:
    """``valid_units_on``: only officers whose current unit is in force on that day."""
    officers = officers_visible_to(user)
    if valid_units_on is not None:
        officers = officers.filter(unit__in=Unit.objects.filter(valid_on(valid_units_on)))
    if q:
        officers = officers.filter(search_key__contains=search_key(q))
    if unit_id:
        officers = officers.filter(unit_id=unit_id)
    if enforcement in {"0", "1"}:
        officers = officers.filter(is_enforcement_officer=enforcement == "1")
    if gender:
        officers = officers.filter(gender=gender)
    if active in {"0", "1"}:
        officers = officers.filter(is_active=active == "1")
    return officers.order_by("sort_key", "code")


def officer_detail(user, pk: int) -> Officer:
    return officers_visible_to(user).prefetch_related(
        "assignments__unit", "disciplines", "holds", "ratings",
    ).get(pk=pk)


def audit_entries_visible_to(user, *, q: str = "", model_label: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("unit")
    if not user.is_superuser:
        entries = entries.filter(access.scope_q(user, "unit"))
    if q:
        entries = entries.filter(Q(object_repr__icontains=q) | Q(actor_name__icontains=q)
                                 | Q(actor__username__icontains=q))
    if model_label:
        entries = entries.filter(model_label=model_label)
    return entries


def audit_model_labels(user) -> list[str]:
    """The kinds of data in the trail, for the audit log's filter: a scan of the whole trail, so cached until the
    next audited change (``pagecache``)."""
    return pagecache.shared("audit_labels", user, lambda: sorted(
        AuditEntry.objects.order_by().values_list("model_label", flat=True).distinct()))


NEWEST_WINDOW = 2000  # the newest entries of the whole trail a first look at "recent changes" reads


def recent_audit_entries(user, *, limit: int = 8) -> list[AuditEntry]:
    """The ``limit`` newest entries in the user's scope, at a cost bounded whatever the trail holds: first among
    the trail's newest ``NEWEST_WINDOW`` entries (the time index read backwards, only ids and units); a scope
    with fewer changes there (a province whose changes are old) is read unit by unit, the newest ``limit`` of
    each unit in scope through the (unit, -at, -id) index (PostgreSQL; elsewhere the scoped query as it is)."""
    newest = list(AuditEntry.objects.order_by("-at", "-id").values_list("pk", "unit__path")[:NEWEST_WINDOW])
    ids = [pk for pk, path in newest if path is not None and access.path_in_scope(user, path)][:limit]
    if len(ids) < limit and len(newest) == NEWEST_WINDOW:
        if connection.vendor != "postgresql":
            return list(audit_entries_visible_to(user)[:limit])
        ids = _newest_by_unit(list(units_visible_to(user).values_list("pk", flat=True)), limit)
    return list(AuditEntry.objects.select_related("unit").filter(pk__in=ids))


def _newest_by_unit(unit_ids: list[int], limit: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT e.id FROM unnest(%s::bigint[]) AS scope (unit_id) CROSS JOIN LATERAL (
                SELECT a.id, a.at FROM {AuditEntry._meta.db_table} a WHERE a.unit_id = scope.unit_id
                ORDER BY a.at DESC, a.id DESC LIMIT %s) e
            ORDER BY e.at DESC, e.id DESC LIMIT %s""", [unit_ids, limit, limit])
        return [row[0] for row in cursor.fetchall()]


def register_entries_visible_to(user, *, year: int | None = None, series: str = "",
                                issuer_id: int | None = None) -> QuerySet[RegisteredDocument]:
    entries = RegisteredDocument.objects.select_related("issuer", "issued_by").filter(
        access.scope_q(user, "issuer"))
    if year:
        entries = entries.filter(year=year)
    if series:
        entries = entries.filter(series=series)
    if issuer_id:
        entries = entries.filter(issuer_id=issuer_id)
    return entries.order_by("issuer__path", "-year", "series", "-number")


def issuing_bodies_for(user) -> QuerySet[Unit]:
    """Units the user may take numbers for: their editable units that issue under their own name."""
    return Unit.objects.filter(access.scope_q(user, None, editable=True)).exclude(kind=UnitKind.DIVISION).order_by(
        "path")


def reorganisations_visible_to(user) -> QuerySet[Reorganisation]:
    """Reorganisations touching a unit the user may see (as predecessor or successor)."""
    touched = ReorganisationItem.objects.filter(access.scope_q(user, "predecessor") | access.scope_q(user, "successor"))
    scoped = Reorganisation.objects.all() if user.is_superuser else Reorganisation.objects.filter(
        pk__in=touched.values("reorganisation_id"))
    ids = scoped.values("pk")
    return Reorganisation.objects.filter(pk__in=ids).select_related("created_by").prefetch_related(
        "items__predecessor", "items__successor", "items__new_parent")


def reorganisation_detail(user, pk: int) -> Reorganisation:
    return reorganisations_visible_to(user).get(pk=pk)
