"""Read queries for decisions: the session awaiting one, its outcome, the decision and its list."""

from django.db.models import QuerySet

from emulation import access as org_access

from ..models import AgendaItem, CouncilSession, Decision, Nomination


def session_for_decision(user, pk) -> CouncilSession:
    return CouncilSession.objects.select_related("campaign__plan__issuer", "unit").filter(
        unit_id__in=org_access.visible_unit_ids(user)).get(pk=pk)


def session_outcome(session) -> QuerySet[AgendaItem]:
    return session.items.select_related("nomination__officer__unit", "nomination__unit",
                                        "nomination__campaign_award__award_form", "nomination__proposal__unit")


def decision_detail(user, pk) -> Decision:
    return Decision.objects.select_related("session__campaign", "issuer", "approved_by").filter(
        issuer_id__in=org_access.visible_unit_ids(user)).get(pk=pk)


def decision_nominations(decision) -> QuerySet[Nomination]:
    passed = Nomination.objects.filter(agenda_items__session=decision.session_id, agenda_items__passed=True)
    return passed.select_related("officer__unit", "unit", "campaign_award__award_form", "record").order_by(
        "campaign_award__position", "unit__sort_key", "officer__sort_key")
