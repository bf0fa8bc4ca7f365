"""Who may render and read which documents (on top of seeing the record they belong to)."""

from campaigns.access import holds_over
from emulation import access as org_access

from .documents import Kind


def can_use_kind(user, kind: Kind, record) -> bool:
    """Kinds with every unit's figures (a campaign's whole nominee list, its attainment table) are for
    the department staff and the director of the unit that launched the campaign (``record``); a
    participating unit's own staff or head sees their unit's share on the pages instead."""
    if not kind.staff_only:
        return True
    return holds_over(user, org_access.DEPARTMENT_ROLES, record.plan.issuer)
