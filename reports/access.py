"""Who may render and read which documents (on top of seeing the record they belong to)."""

from emulation import access as org_access
from emulation.models import Role

from .documents import Kind


def can_use_kind(user, kind: Kind) -> bool:
    """Kinds with every unit's figures (a campaign's whole nominee list, its attainment table) are for
    department staff and the director; a unit head sees their own unit's share on the pages instead."""
    return not kind.staff_only or org_access.has_role(user, Role.STAFF, Role.ADMIN, Role.DIRECTOR)
