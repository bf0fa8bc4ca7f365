"""Who may render and read which documents (on top of seeing the record they belong to)."""

from campaigns.access import holds_over
from emulation import access as org_access
from emulation.models import Role

from .documents import KINDS, Kind

UNIT_SIGNED_OWNERS = {"proposal", "nomination"}  # what a unit head signs and sends up
UNIT_PRODUCED_OWNERS = UNIT_SIGNED_OWNERS | {"plan", "campaign"}  # a unit head also plans for their own unit


def can_use_kind(user, kind: Kind, record) -> bool:
    """Kinds with every unit's figures (a campaign's whole nominee list, its attainment table) are for
    the department staff and the director of the unit that launched the campaign (``record``); a
    participating unit's own staff or head sees their unit's share on the pages instead."""
    if not kind.staff_only:
        return True
    return holds_over(user, org_access.DEPARTMENT_ROLES, record.plan.issuer)


def _issuing_unit(owner: str, record):
    """The unit whose paper it is: the proposing unit for a proposal's papers, else the issuer."""
    if owner == "proposal":
        return record.unit
    if owner == "nomination":
        return record.proposal.unit
    if owner == "session":
        return record.unit
    if owner in ("decision", "plan"):
        return record.issuer
    return record.plan.issuer  # campaign


def can_render_kind(user, kind: Kind, record) -> bool:
    """Queueing a new render is for those who make the paper: staff and the director of the unit whose
    paper it is (or above it), and the unit head for their own unit's proposals and plans. Anyone who
    may read the record (a viewer, a council member, a participating unit) downloads the files that
    exist, but does not set a worker rendering."""
    if not can_use_kind(user, kind, record):
        return False
    roles = org_access.DEPARTMENT_ROLES | ({Role.UNIT_HEAD} if kind.owner in UNIT_PRODUCED_OWNERS else set())
    return holds_over(user, roles, _issuing_unit(kind.owner, record))


def can_upload_signed(user, document, record) -> bool:
    """Staff and the director of the unit whose paper it is (or above it) file its signed copy; for a
    proposal's papers, the proposing unit's head too. Reading a document (a participating unit reads
    the province's plan and decision) is not enough."""
    if not document.is_pdf:
        return False
    owner = KINDS[document.kind].owner
    roles = org_access.DEPARTMENT_ROLES | ({Role.UNIT_HEAD} if owner in UNIT_SIGNED_OWNERS else set())
    return holds_over(user, roles, _issuing_unit(owner, record))
