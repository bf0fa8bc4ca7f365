"""Read queries for council sessions, the secret ballot's participation record and publication.

A session is visible to its members and to whoever holds a staff, director or council role over
the council's unit; everyone else gets a 404. Individual ballots are never read here: only counts.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from emulation import access as org_access
from emulation.models import Officer, Role, RoleGrant
from emulation.text import name_sort_key

from .. import access, conflicts, tally
from ..models import (
    FINISHED_SESSION,
    AgendaItem,
    AwardRule,
    BallotCast,
    CouncilComment,
    CouncilMember,
    CouncilSession,
    Feedback,
    FeedbackStatus,
    MemberRole,
    Nomination,
    NominationStatus,
    ProposalStatus,
    Recusal,
    SessionStatus,
    WrittenOpinion,
)

SESSION_ROLES = frozenset({Role.STAFF, Role.ADMIN, Role.DIRECTOR, Role.COUNCIL_MEMBER})
SEAT_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.MEMBER: 2, MemberRole.SECRETARY: 3}


def seating_order(members) -> list[CouncilMember]:
    """The chair first, then the vice-chairs, the members and the secretary; within a role by given name."""
    return sorted(members, key=lambda m: (SEAT_ORDER.get(m.role, 9), name_sort_key(m.full_name), m.pk))


def _council_scope(user) -> Q:
    """Sessions of units the user holds a council-related role over (or none)."""
    if getattr(user, "is_superuser", False):
        return Q()
    condition = Q(pk__in=[])
    for grant in org_access.grants(user):
        if grant.role in SESSION_ROLES:
            condition |= Q(unit__path__startswith=grant.unit.path)
    return condition


def sessions_visible_to(user) -> QuerySet[CouncilSession]:
    if not getattr(user, "is_authenticated", False):
        return CouncilSession.objects.none()
    seat = CouncilMember.objects.filter(session=OuterRef("pk"), user=user)
    return CouncilSession.objects.filter(_council_scope(user) | Q(Exists(seat))).select_related(
        "unit", "campaign", "campaign__plan", "campaign__plan__issuer")


def campaign_sessions(user, campaign) -> QuerySet[CouncilSession]:
    return sessions_visible_to(user).filter(campaign=campaign).annotate(
        member_count=Count("members", distinct=True), item_count=Count("items", distinct=True),
        cast_count=Count("casts", distinct=True)).order_by("-held_on", "-id")


def council_campaign(user, pk: int) -> Campaign:
    """A campaign whose council pages the user may open: staff, director or council member over its
    issuing unit, or a member of one of its sessions (everyone else: it does not exist)."""
    campaign = Campaign.objects.select_related("plan", "plan__issuer").get(pk=pk)
    issuer = access.issuer_of(campaign)
    if not (access.holds_over(user, SESSION_ROLES, issuer)
            or CouncilMember.objects.filter(session__campaign=campaign, user=user).exists()):
        raise Campaign.DoesNotExist
    return campaign


def _nomination_relations(prefix: str = "") -> list[str]:
    return [f"{prefix}{name}" for name in (
        "proposal", "proposal__unit", "unit", "officer", "officer__unit", "campaign_award",
        "campaign_award__award_form", "rule")]


def agenda_candidates(campaign) -> QuerySet[Nomination]:
    """Nominations the council may consider: in a submitted proposal, not yet decided."""
    return (Nomination.objects.filter(proposal__campaign=campaign, proposal__status=ProposalStatus.SUBMITTED,
                                      status=NominationStatus.PROPOSED)
            .select_related(*_nomination_relations())
            .order_by("campaign_award__award_form__rank", "proposal__unit__path", "position", "id"))


def session_detail(user, pk: int) -> CouncilSession:
    """The session with members, participation, agenda, reports, feedback and comments, in a fixed
    number of queries whatever the size of the agenda."""
    items = AgendaItem.objects.select_related(*_nomination_relations("nomination__"), "nomination__report")
    items = items.prefetch_related(
        Prefetch("nomination__feedback", Feedback.objects.filter(status=FeedbackStatus.SHOWN).select_related("author")),
        Prefetch("comments", CouncilComment.objects.select_related("member")),
        Prefetch("recusals", Recusal.objects.select_related("member")),
        Prefetch("nomination__campaign_award__award_form__rules", AwardRule.objects.order_by("valid_from")),
    )
    return sessions_visible_to(user).prefetch_related(
        Prefetch("members", CouncilMember.objects.select_related("user")),
        Prefetch("casts", BallotCast.objects.select_related("member")),
        Prefetch("written_opinions", WrittenOpinion.objects.select_related("member")),
        Prefetch("items", items),
    ).get(pk=pk)


def session_for_update(pk: int) -> CouncilSession:
    """The session row, locked until the end of the transaction (casting and closing serialise here)."""
    return CouncilSession.objects.select_for_update().get(pk=pk)


def sessions_awaiting_vote(user) -> QuerySet[CouncilSession]:
    """Sessions in voting where the user holds a seat and has neither cast a ballot paper nor sent
    a written opinion as an absent member."""
    if not getattr(user, "is_authenticated", False):
        return CouncilSession.objects.none()
    voted = BallotCast.objects.filter(session=OuterRef("pk"), member__user=user)
    absent = WrittenOpinion.objects.filter(session=OuterRef("pk"), member__user=user)
    return (CouncilSession.objects.filter(status=SessionStatus.VOTING, members__user=user)
            .exclude(Exists(voted)).exclude(Exists(absent)).select_related("campaign").order_by("held_on", "id"))


HEAD_ROLES = (Role.UNIT_HEAD, Role.DIRECTOR)


def automatic_recusals(session) -> list[tuple[CouncilMember, AgendaItem, str]]:
    """(member, item, ground) for every member the conflict rules keep from voting on an item
    (``awards.conflicts``): three queries whatever the size of the council and agenda."""
    members = list(CouncilMember.objects.filter(session=session))
    user_ids = [m.user_id for m in members]
    officers = {o.user_id: o for o in Officer.objects.filter(user_id__in=user_ids)}
    grants: dict[int, set] = {}
    for user_id, unit_id in RoleGrant.objects.filter(user_id__in=user_ids, role__in=HEAD_ROLES).values_list(
            "user_id", "unit_id"):
        grants.setdefault(user_id, set()).add(unit_id)
    items = list(AgendaItem.objects.filter(session=session).select_related("nomination"))
    found = []
    for member in members:
        officer = officers.get(member.user_id)
        facts = conflicts.member_facts(
            officer_id=officer.pk if officer else None, officer_unit_id=officer.unit_id if officer else None,
            officer_is_leader=bool(officer and officer.is_leader), head_grant_unit_ids=grants.get(member.user_id, ()))
        for item in items:
            nominee = conflicts.NomineeFacts(unit_id=item.nomination.unit_id, officer_id=item.nomination.officer_id)
            if ground := conflicts.automatic_ground(facts, nominee):
                found.append((member, item, ground))
    return found


def recusals_of(member) -> dict[int, Recusal]:
    """The member's recusals, by agenda item id."""
    return {r.item_id: r for r in Recusal.objects.filter(member=member).select_related("item__nomination")}


def member_candidates(campaign):
    """Users who may sit on the council: anyone holding a role in the issuing unit's organisation."""
    issuer = access.issuer_of(campaign)
    ancestors = [issuer.path[:end + 1] for end, char in enumerate(issuer.path) if char == "/" and end]
    users = get_user_model().objects.filter(
        Q(role_grants__unit__path__startswith=issuer.path) | Q(role_grants__unit__path__in=ancestors), is_active=True)
    return users.distinct().order_by("first_name", "last_name", "username")  # by given name


# Publication for feedback


def published_campaign(user, pk: int) -> Campaign:
    """The campaign if the user belongs to its organisation (else it does not exist for them)."""
    campaign = Campaign.objects.select_related("plan", "plan__issuer").get(pk=pk)
    if not access.can_read_publication(user, campaign):
        raise Campaign.DoesNotExist
    return campaign


def published_nominations(campaign, *, shown_only: bool = True) -> QuerySet[Nomination]:
    """The nominees of the campaign's submitted proposals, with the feedback left on them: the comments
    staff let through (``shown_only``), or all of them for the staff who moderate."""
    feedback = Feedback.objects.select_related("author", "replied_by")
    if shown_only:
        feedback = feedback.filter(status=FeedbackStatus.SHOWN)
    return (Nomination.objects.filter(proposal__campaign=campaign, proposal__status=ProposalStatus.SUBMITTED)
            .select_related(*_nomination_relations())
            .prefetch_related(Prefetch("feedback", feedback))
            .order_by("campaign_award__award_form__rank", "proposal__unit__path", "position", "id"))


def public_campaign(pk: int, today) -> Campaign:
    """A campaign whose list has been made public (from the first day of its window), for anyone."""
    return Campaign.objects.select_related("plan", "plan__issuer", "feedback_window").get(
        pk=pk, feedback_window__opens_on__lte=today)


def public_nomination(pk: int, today) -> Nomination:
    return Nomination.objects.select_related(
        "proposal", "proposal__campaign", "proposal__campaign__plan", "proposal__campaign__plan__issuer",
        "proposal__campaign__feedback_window").get(pk=pk, proposal__status=ProposalStatus.SUBMITTED,
                                                   proposal__campaign__feedback_window__opens_on__lte=today)


def feedback_by_token(token: str) -> Feedback:
    return Feedback.objects.select_related("nomination__officer", "nomination__unit",
                                           "nomination__proposal__campaign").get(token=token)


def moderated_feedback(user, pk: int) -> Feedback:
    """A comment on a list the user may read (moderation itself is checked by the service)."""
    feedback = Feedback.objects.select_related("nomination__proposal__campaign__plan__issuer").get(pk=pk)
    if not access.can_read_publication(user, feedback.nomination.proposal.campaign):
        raise Feedback.DoesNotExist
    return feedback


def published_nomination(user, pk: int) -> Nomination:
    nomination = Nomination.objects.select_related(
        "proposal", "proposal__campaign", "proposal__campaign__plan", "proposal__campaign__plan__issuer",
        "proposal__campaign__feedback_window").get(pk=pk, proposal__status=ProposalStatus.SUBMITTED)
    if not access.can_read_publication(user, nomination.proposal.campaign):
        raise Nomination.DoesNotExist
    return nomination


# The session page: rows computed from the prefetched session (no further queries)


def rule_for(nomination):
    """The rule version that judges a nomination: the one stored at submission, else the award's
    version in force on the proposal's submission date (from prefetched rules)."""
    if nomination.rule_id:
        return nomination.rule
    submitted = nomination.proposal.submitted_at
    if submitted is None:
        return None
    day = timezone.localdate(submitted)
    return next((r for r in nomination.campaign_award.award_form.rules.all() if r.is_in_force_on(day)), None)


VERDICTS = {"eligible": _("Đủ điều kiện"), "not_eligible": _("Chưa đủ điều kiện"),
            "needs_judgement": _("Cần Hội đồng xem xét")}
OUTCOMES = {"met": _("Đạt"), "not_met": _("Không đạt"), "judgement": _("Cần xem xét")}


@dataclass(frozen=True)
class Eligibility:
    verdict: str
    verdict_label: str
    evaluated_on: datetime.date | None
    findings: list


def eligibility_of(data) -> Eligibility | None:
    """The eligibility explanation stored at submission, read defensively (it may be empty or partial)."""
    if not isinstance(data, dict) or not data:
        return None
    verdict = str(data.get("verdict", ""))
    try:
        evaluated_on = datetime.date.fromisoformat(str(data.get("evaluated_on", "")))
    except ValueError:
        evaluated_on = None
    findings = []
    for finding in data.get("findings") or []:
        if not isinstance(finding, dict):
            continue
        outcome = str(finding.get("outcome", ""))
        cites = finding.get("cites") or []
        findings.append({"criterion": str(finding.get("criterion", "")), "outcome": outcome,
                         "outcome_label": OUTCOMES.get(outcome, outcome), "text": str(finding.get("text", "")),
                         "cites": [str(c) for c in cites] if isinstance(cites, list) else [str(cites)]})
    return Eligibility(verdict=verdict, verdict_label=VERDICTS.get(verdict, verdict), evaluated_on=evaluated_on,
                       findings=findings)


def _report(nomination):
    try:
        return nomination.report
    except ObjectDoesNotExist:
        return None


@dataclass(frozen=True)
class AgendaRow:
    item: AgendaItem
    nomination: Nomination
    report: object
    eligibility: Eligibility | None
    rule: AwardRule | None
    result: tally.ItemResult | None

    @property
    def threshold_text(self) -> str:
        """The rule version's threshold as it words it: "từ 80% trở lên", "trên 50%"."""
        if self.rule is None:
            return ""
        value = number_format(self.rule.vote_threshold.normalize(), use_l10n=True)
        return tally.threshold_phrase(f"{value}%", self.rule.threshold_comparison)

    @property
    def recusals(self) -> list:
        return list(self.item.recusals.all())


def _row(item, total: int, closed: bool) -> AgendaRow:
    nomination = item.nomination
    rule = rule_for(nomination)
    result = None
    if closed and item.yes_count is not None and rule is not None and total:
        result = tally.tally_item(yes=item.yes_count, no=item.no_count or 0, abstain=item.abstain_count or 0,
                                  total_members=total, threshold_percent=rule.vote_threshold,
                                  comparison=rule.threshold_comparison)
    return AgendaRow(item=item, nomination=nomination, report=_report(nomination),
                     eligibility=eligibility_of(nomination.eligibility), rule=rule, result=result)


def session_overview(user, session) -> dict:
    """What the session pages show, from ``session_detail``'s prefetched data: the agenda, members
    who voted and who did not (the participation record), the user's seat, and counts once closed."""
    members = seating_order(session.members.all())
    voted_ids = {cast.member_id for cast in session.casts.all()}
    seat = next((m for m in members if m.user_id == getattr(user, "pk", None)), None)
    total, participants = len(members), len(voted_ids)
    closed = session.status in FINISHED_SESSION
    opinions = sorted(session.written_opinions.all(), key=lambda o: name_sort_key(o.member.full_name))
    items = list(session.items.all())
    return {
        "session": session, "campaign": session.campaign, "members": members, "seat": seat,
        "has_voted": seat is not None and seat.pk in voted_ids,
        "has_opinion": seat is not None and any(o.member_id == seat.pk for o in opinions),
        "my_recusals": {r.item_id: r for item in items for r in item.recusals.all() if seat and r.member_id == seat.pk},
        "voted": [m for m in members if m.pk in voted_ids], "not_voted": [m for m in members if m.pk not in voted_ids],
        "rows": [_row(item, total, closed) for item in items],
        "total": total, "participants": participants,
        "participation": tally.percent_of(participants, total) if total else None,
        "quorum_met": bool(total) and tally.quorum_met(participants, total, session.quorum_percent),
        "written_opinions": opinions,
        "absent_with_opinion": [m for m in members if any(o.member_id == m.pk for o in opinions)],
    }
