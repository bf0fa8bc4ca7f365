"""Who may see and change what. Roles are granted over a unit and reach its whole subtree.

Out-of-scope objects are filtered out of querysets (they answer 404); an in-scope but forbidden
action answers 403. A scope is a few tree-path prefixes (``scope_prefixes``), never a list of ids:
querysets filter with ``scope_q(user, "unit")``, single objects are tested with ``in_scope(user, unit)``.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from . import lineage
from .models import Role, RoleGrant, UnitSuccession

EDITOR_ROLES = {Role.STAFF, Role.ADMIN, Role.UNIT_HEAD}
DEPARTMENT_ROLES = {Role.STAFF, Role.ADMIN, Role.DIRECTOR}


def grants(user) -> list[RoleGrant]:
    """The user's role grants, loaded once per request."""
    if not getattr(user, "is_authenticated", False):
        return []
    if not hasattr(user, "_role_grants"):
        user._role_grants = list(RoleGrant.objects.filter(user=user).select_related("unit"))
    return user._role_grants


def roles(user) -> set[str]:
    return {g.role for g in grants(user)}


def has_role(user, *wanted: str) -> bool:
    return bool(getattr(user, "is_superuser", False)) or bool(roles(user) & set(wanted))


def _succession_links(user) -> list[lineage.Link]:
    """Every succession link with both ends' paths, loaded once per request."""
    if not hasattr(user, "_succession_links"):
        user._succession_links = list(UnitSuccession.objects.values_list(
            "predecessor_id", "predecessor__path", "successor_id", "successor__path"))
    return user._succession_links


def scope_prefixes(user, *, editable: bool = False) -> tuple[str, ...]:
    """The tree paths whose subtrees the user may read (or, ``editable``, change), for a user who is not a
    superuser. Readable: the subtrees of every unit they hold a role over, and what those units took over — the
    subtrees of their predecessors (transitively). A successor keeps the archive of the bodies it replaced: Cần
    Thơ's staff read Hậu Giang's 2024 campaigns. Inherited units are read only: changeable are the subtrees of
    staff, admin and unit-head grants. No query beyond the grants, plus one for the succession links when
    reading."""
    if not getattr(user, "is_authenticated", False):
        return ()
    key = "_editable_prefixes" if editable else "_visible_prefixes"
    if not hasattr(user, key):
        if editable:
            prefixes = lineage.subtree_prefixes(g.unit.path for g in grants(user) if g.role in EDITOR_ROLES)
        else:
            paths = [g.unit.path for g in grants(user)]
            prefixes = lineage.inherited_prefixes(paths, _succession_links(user) if paths else [])
        setattr(user, key, prefixes)
    return getattr(user, key)


def scope_q(user, field: str | None = "unit", *, editable: bool = False) -> Q:
    """The user's scope as a filter on the unit tree path, for ``queryset.filter(scope_q(user, "unit"))``.
    ``field`` is the forward foreign-key path to the unit (``"campaign__plan__issuer"``), ``None`` for a
    ``Unit`` queryset itself. Superusers see every row that has a unit; a user without grants sees nothing.
    On PostgreSQL each prefix is a ``path LIKE '/000001/%'`` range scan on the path's pattern-ops index."""
    if getattr(user, "is_superuser", False):
        return Q() if field is None else Q(**{f"{field}__isnull": False})
    prefixes = scope_prefixes(user, editable=editable)
    if not prefixes:
        return Q(pk__in=[])
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    return reduce(or_, (Q(**{lookup: prefix}) for prefix in prefixes))


def in_scope(user, unit, *, editable: bool = False) -> bool:
    """Whether ``unit`` (a ``Unit``, or ``None``) lies in the user's scope: a test on its path, no query."""
    return unit is not None and path_in_scope(user, unit.path, editable=editable)


def path_in_scope(user, path: str, *, editable: bool = False) -> bool:
    """The same test for a unit known by its ``path`` only (rows read as plain values)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or lineage.covers(scope_prefixes(user, editable=editable), path)


def has_editable_scope(user) -> bool:
    """Whether the user may change the data of any unit at all."""
    return bool(getattr(user, "is_superuser", False) or scope_prefixes(user, editable=True))


def lineage_unit_ids(user) -> frozenset[int]:
    """Units outside the user's scope that took over units inside it (transitively): their pages open
    read-only, so a link from predecessor to successor never ends in a 404. Their subtrees, officers and
    campaigns stay out of scope (predecessors, by contrast, are inside it: ``scope_prefixes``)."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return frozenset()
    if not hasattr(user, "_lineage_unit_ids"):
        prefixes = scope_prefixes(user)
        links = _succession_links(user) if prefixes else []
        user._lineage_unit_ids = frozenset(lineage.linked_outside(links, prefixes))
    return user._lineage_unit_ids


def openable_units_q(user) -> Q:
    """Units whose page the user may open: their scope and its lineage (a filter on ``Unit``)."""
    related = lineage_unit_ids(user)
    return scope_q(user, None) | Q(pk__in=related) if related else scope_q(user, None)


def can_open_unit(user, unit) -> bool:
    return in_scope(user, unit) or unit.pk in lineage_unit_ids(user)


class Openable:
    """For templates: ``{% if unit in openable %}`` — whether the unit's page opens for the user."""

    def __init__(self, user):
        self.user = user

    def __contains__(self, unit) -> bool:
        return can_open_unit(self.user, unit)


def is_department_staff(user) -> bool:
    """Thường trực TĐKT, quản trị, lãnh đạo cơ quan: the people who run the campaigns."""
    return has_role(user, *DEPARTMENT_ROLES)


def can_edit_unit(user, unit) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN) and in_scope(user, unit, editable=True)


def can_create_unit(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_edit_officer(user, officer) -> bool:
    return in_scope(user, officer.unit, editable=True)


def can_manage_discipline(user, officer) -> bool:
    """Discipline records are personnel data: department staff keep them, not unit heads."""
    return _keeps_records_of(user, officer.unit)


def can_manage_hold(user, hold) -> bool:
    """A pending case (vụ việc đang xem xét) is kept, like discipline, by department staff over the
    subject's unit: the officer's unit, or the collective itself."""
    return _keeps_records_of(user, hold.officer.unit if hold.officer_id else hold.unit)


def _keeps_records_of(user, unit) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN) and in_scope(user, unit, editable=True)


def can_record_reorganisation(user) -> bool:
    """Record a reorganisation (which units: ``reorganisation.reorganiser_refusal``)."""
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_import_organisation(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_view_audit(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR)


def forget(user) -> None:
    """Drop the per-request caches (after the unit tree changed, or before long-running work)."""
    for name in ("_role_grants", "_visible_prefixes", "_editable_prefixes", "_lineage_unit_ids", "_succession_links"):
        user.__dict__.pop(name, None)


def can_view_register(user) -> bool:
    """The register of outgoing documents: the people who issue documents (staff, the director, unit
    heads for their own unit)."""
    return has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR, Role.UNIT_HEAD)


def can_issue_number(user, unit) -> bool:
    """Numbers for documents made outside the system, so the series stays without duplicates."""
    return has_role(user, Role.STAFF, Role.ADMIN, Role.UNIT_HEAD) and in_scope(user, unit, editable=True)
