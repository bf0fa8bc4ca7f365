"""Read queries for decisions: the session awaiting one, its outcome, the decision and its list."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from emulation import access as org_access

from .. import access
from ..models import AgendaItem, AwardRecord, CouncilSession, Decision, Nomination, SessionStatus
from . import eligibility


def session_for_decision(user, pk) -> CouncilSession:
    return CouncilSession.objects.select_related("campaign__plan__issuer", "unit").filter(
        org_access.scope_q(user, "unit")).get(pk=pk)


def session_outcome(session) -> QuerySet[AgendaItem]:
    return session.items.select_related("nomination__officer__unit", "nomination__unit",
                                        "nomination__campaign_award__award_form", "nomination__proposal__unit")


@dataclass(frozen=True)
class OutcomeRow:
    item: AgendaItem
    stopped: str = ""  # why the nominee may not be awarded on the day ("" when nothing stops it)


def outcome_on(session, on: datetime.date) -> list[OutcomeRow]:
    """The session's agenda for the director, each passed nominee judged again on ``on``."""
    items = list(session_outcome(session).select_related("nomination__campaign_award__campaign"))
    stopped = eligibility.stopped_nominations([i.nomination for i in items if i.passed], on=on)
    return [OutcomeRow(i, stopped.get(i.nomination_id, "")) for i in items]


def awardable(rows: list[OutcomeRow]) -> list[AgendaItem]:
    """What the director may tick: passed and not stopped, by votes in favour."""
    return sorted((r.item for r in rows if r.item.passed and not r.stopped), key=lambda i: (-i.yes_count, i.position))


def decision_detail(user, pk) -> Decision:
    """The issuer's people see its decisions; so do the units whose collectives or officers it awards
    (a decision is sent to them, and their award history links to it)."""
    awarded_here = AwardRecord.objects.filter(decision=OuterRef("pk")).filter(
        org_access.scope_q(user, "unit") | org_access.scope_q(user, "officer__unit"))
    return Decision.objects.select_related("session__campaign", "issuer", "approved_by").filter(
        org_access.scope_q(user, "issuer") | Exists(awarded_here)).get(pk=pk)


def decision_nominations(decision) -> QuerySet[Nomination]:
    passed = Nomination.objects.filter(agenda_items__session=decision.session_id, agenda_items__passed=True)
    return passed.select_related("officer__unit", "unit", "campaign_award__award_form", "record").order_by(
        "campaign_award__position", "unit__sort_key", "officer__sort_key")


def sessions_to_decide(user) -> list[CouncilSession]:
    """Closed sessions without a decision, for the director of the issuing unit (the dashboard)."""
    sessions = CouncilSession.objects.filter(status=SessionStatus.CLOSED, decision__isnull=True).select_related(
        "campaign__plan__issuer").order_by("-held_on")
    return [s for s in sessions.filter(org_access.scope_q(user, "unit"))
            if access.can_decide(user, s.campaign)]
