"""Permissions over proposals, council sessions, decisions and typical examples.

Reading is scoped by ``selectors`` (out of scope answers 404); these predicates decide what an
in-scope user may change (403). They use the user's cached grants, so they run no query of their own.
"""

from campaigns.access import holds_over
from emulation import access
from emulation.models import Role

STAFF_ROLES = frozenset({Role.STAFF, Role.ADMIN})


def belongs_to(user, unit) -> bool:
    """The user holds any role in ``unit``'s organisation: on it, an ancestor or a descendant (an
    officer of a sub-department belongs to the department that publishes a list)."""
    if getattr(user, "is_superuser", False):
        return True
    return any(unit.path.startswith(g.unit.path) or g.unit.path.startswith(unit.path) for g in access.grants(user))


def issuer_of(campaign):
    return campaign.plan.issuer


def is_campaign_staff(user, campaign) -> bool:
    """Thường trực TĐKT of the unit that launched the campaign."""
    return holds_over(user, STAFF_ROLES, issuer_of(campaign))


def can_propose(user, campaign, unit) -> bool:
    """A unit head (or staff on their behalf) proposes for a participating unit in their scope."""
    takes_part = any(p.unit_id == unit.pk for p in campaign.participations.all())
    return takes_part and access.in_scope(user, unit, editable=True)


def can_edit_proposal(user, proposal) -> bool:
    return proposal.is_editable and access.in_scope(user, proposal.unit, editable=True)


def can_review_proposal(user, proposal) -> bool:
    """Staff of the issuing unit return a submitted proposal or reopen a deadline."""
    return is_campaign_staff(user, proposal.campaign)


def can_manage_council(user, campaign) -> bool:
    return is_campaign_staff(user, campaign)


def can_decide(user, campaign) -> bool:
    """The director (head of the issuing unit) approves the council's result."""
    return holds_over(user, {Role.DIRECTOR}, issuer_of(campaign))


def can_read_publication(user, campaign) -> bool:
    """Signed-in officers of the department read a published list and leave feedback."""
    return belongs_to(user, issuer_of(campaign))


def can_edit_typical_example(user, example) -> bool:
    return access.in_scope(user, example.unit, editable=True)


def can_publish_typical_example(user, example) -> bool:
    """Publishing on the public honour board needs staff approval of the campaign's issuing unit."""
    return is_campaign_staff(user, example.campaign)


def can_edit_initiative(user, initiative) -> bool:
    """Staff and the unit head of the initiative's unit record and change it; viewers read only."""
    return access.in_scope(user, initiative.unit, editable=True)
