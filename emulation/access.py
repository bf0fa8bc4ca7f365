"""Who may see and change what. Roles are granted over a unit and reach its whole subtree.

Out-of-scope objects are filtered out of querysets (they answer 404); an in-scope but forbidden
action answers 403.
"""

from django.db.models import Q

from . import lineage
from .models import Role, RoleGrant, Unit, UnitSuccession

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


def _subtree_ids(paths: list[str]) -> frozenset[int]:
    if not paths:
        return frozenset()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return frozenset(Unit.objects.filter(condition).values_list("id", flat=True))


def _succession_edges(user) -> list[tuple[int, int]]:
    """Every ``(predecessor, successor)`` link, loaded once per request."""
    if not hasattr(user, "_succession_edges"):
        user._succession_edges = list(UnitSuccession.objects.values_list("predecessor_id", "successor_id"))
    return user._succession_edges


def visible_unit_ids(user) -> frozenset[int]:
    """Units whose data the user may read: the subtrees of every unit they hold a role over, and what those
    units took over — the subtrees of their predecessors (transitively). A successor keeps the archive of the
    bodies it replaced: Cần Thơ's staff read Hậu Giang's 2024 campaigns. Inherited units are read only: they
    are never in ``editable_unit_ids``."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_visible_unit_ids"):
        if user.is_superuser:
            user._visible_unit_ids = frozenset(Unit.objects.values_list("id", flat=True))
        else:
            user._visible_unit_ids = _with_inherited(user, _subtree_ids([g.unit.path for g in grants(user)]))
    return user._visible_unit_ids


def _with_inherited(user, scope: frozenset[int]) -> frozenset[int]:
    """``scope`` and the subtrees of its predecessors, until nothing more is inherited (one query for the links,
    one per level of inheritance found, none when no unit in scope took over another)."""
    edges = _succession_edges(user) if scope else []
    while inherited := lineage.predecessors_of(edges, scope) - scope:
        paths = list(Unit.objects.filter(pk__in=inherited).values_list("path", flat=True))
        scope = scope | inherited | _subtree_ids(paths)
    return scope


def lineage_unit_ids(user) -> frozenset[int]:
    """Units outside the user's scope that took over units inside it (transitively): their pages open
    read-only, so a link from predecessor to successor never ends in a 404. Their subtrees, officers and
    campaigns stay out of scope (predecessors, by contrast, are inside it: ``visible_unit_ids``)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_lineage_unit_ids"):
        visible = visible_unit_ids(user)
        edges = _succession_edges(user)
        related = lineage.successors_of(edges, visible) | lineage.predecessors_of(edges, visible)
        user._lineage_unit_ids = frozenset(related - visible)
    return user._lineage_unit_ids


def openable_unit_ids(user) -> frozenset[int]:
    """Units whose page the user may open: their scope and its lineage."""
    return visible_unit_ids(user) | lineage_unit_ids(user)


def editable_unit_ids(user) -> frozenset[int]:
    """Units whose data the user may change: subtrees of their staff, admin or unit-head grants."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_editable_unit_ids"):
        if user.is_superuser:
            user._editable_unit_ids = visible_unit_ids(user)
        else:
            user._editable_unit_ids = _subtree_ids([g.unit.path for g in grants(user) if g.role in EDITOR_ROLES])
    return user._editable_unit_ids


def is_department_staff(user) -> bool:
    """Thường trực TĐKT, quản trị, lãnh đạo cơ quan: the people who run the campaigns."""
    return has_role(user, *DEPARTMENT_ROLES)


def can_edit_unit(user, unit) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN) and unit.pk in editable_unit_ids(user)


def can_create_unit(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_edit_officer(user, officer) -> bool:
    return officer.unit_id in editable_unit_ids(user)


def can_manage_discipline(user, officer) -> bool:
    """Discipline records are personnel data: department staff keep them, not unit heads."""
    return _keeps_records_of(user, officer.unit_id)


def can_manage_hold(user, hold) -> bool:
    """A pending case (vụ việc đang xem xét) is kept, like discipline, by department staff over the
    subject's unit: the officer's unit, or the collective itself."""
    return _keeps_records_of(user, hold.officer.unit_id if hold.officer_id else hold.unit_id)


def _keeps_records_of(user, unit_id) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN) and unit_id in editable_unit_ids(user)


def can_record_reorganisation(user) -> bool:
    """Record a reorganisation (which units: ``reorganisation.reorganiser_refusal``)."""
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_import_organisation(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN)


def can_view_audit(user) -> bool:
    return has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR)


def forget(user) -> None:
    """Drop the per-request caches (after the unit tree changed, or before long-running work)."""
    for name in ("_role_grants", "_visible_unit_ids", "_editable_unit_ids", "_lineage_unit_ids", "_succession_edges"):
        user.__dict__.pop(name, None)


def can_view_register(user) -> bool:
    """The register of outgoing documents: the people who issue documents (staff, the director, unit
    heads for their own unit)."""
    return has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR, Role.UNIT_HEAD)


def can_issue_number(user, unit) -> bool:
    """Numbers for documents made outside the system, so the series stays without duplicates."""
    return has_role(user, Role.STAFF, Role.ADMIN, Role.UNIT_HEAD) and unit.pk in editable_unit_ids(user)
