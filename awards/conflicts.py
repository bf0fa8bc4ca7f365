"""Conflicts of interest on the council: which members do not vote on which agenda item.

Plain values, no database. A member is recused automatically from an item when:
- the item nominates an individual and the member IS that officer (their account is the officer's
  ``Officer.user``);
- the item nominates a collective the member leads: they hold the unit-head or director role
  granted on exactly that unit (a grant over a parent unit is not leading this collective), or their
  officer record is a leader (``is_leader``: head or deputy) of that very unit.
A member may also declare a conflict with a reason (``RecusalGround.DECLARED``) before casting.

The percentage stays over the whole membership (NĐ 98/2023 Điều 30 khoản 7): a recused member is
one more member who did not vote "yes".
"""

from dataclasses import dataclass

from .enums import RecusalGround


@dataclass(frozen=True)
class MemberFacts:
    """What recusal needs to know of a council member."""

    officer_id: int | None = None
    led_unit_ids: frozenset = frozenset()


@dataclass(frozen=True)
class NomineeFacts:
    """An agenda item's nominee: an officer, or (``officer_id`` None) the collective ``unit_id``."""

    unit_id: int
    officer_id: int | None = None


def member_facts(*, officer_id=None, officer_unit_id=None, officer_is_leader=False, head_grant_unit_ids=()):
    led = set(head_grant_unit_ids)
    if officer_id is not None and officer_is_leader and officer_unit_id is not None:
        led.add(officer_unit_id)
    return MemberFacts(officer_id=officer_id, led_unit_ids=frozenset(led))


def automatic_ground(member: MemberFacts, nominee: NomineeFacts) -> str | None:
    """The ground on which ``member`` is recused from voting on ``nominee`` (None: they vote)."""
    if nominee.officer_id is not None:
        return RecusalGround.NOMINEE.value if member.officer_id == nominee.officer_id else None
    return RecusalGround.HEAD.value if nominee.unit_id in member.led_unit_ids else None
