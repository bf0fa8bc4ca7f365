"""Read queries for campaign awards, candidates and proposals, scoped to what the user may see."""

import datetime
from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from emulation import access as org_access
from emulation.models import Assignment, Officer, Unit

from .. import balance, candidates, quotas
from ..models import (
    AwardRecord,
    AwardRule,
    CampaignAward,
    Criterion,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalAttachment,
    ProposalStatus,
    Quota,
    SubmissionReopening,
)

SEAT_HOLDING = (NominationStatus.PROPOSED, NominationStatus.PASSED, NominationStatus.AWARDED,
                NominationStatus.FORWARDED)


def seat_of(nomination: Nomination) -> quotas.Seat:
    if nomination.officer_id:
        return quotas.seat(nomination.proposal.unit_id, officer=nomination.officer)
    return quotas.seat(nomination.proposal.unit_id, unit=nomination.unit)


def quota_rules(campaign_award: CampaignAward) -> list[quotas.QuotaRule]:
    return [quotas.QuotaRule(q.pk, q.subject_kind, q.per_unit, q.limit, q.text or str(q))
            for q in campaign_award.quotas.all()]


def taken_seats(campaign_award: CampaignAward, *, statuses=SEAT_HOLDING, exclude_proposal=None) -> list[quotas.Seat]:
    held = (Nomination.objects.filter(campaign_award=campaign_award, proposal__status=ProposalStatus.SUBMITTED,
                                      status__in=statuses).select_related("officer", "unit", "proposal"))
    if exclude_proposal is not None:
        held = held.exclude(proposal=exclude_proposal)
    return [seat_of(n) for n in held]


def campaign_awards(campaign) -> QuerySet[CampaignAward]:
    """The awards a campaign offers with their criteria and quotas (three queries)."""
    return (CampaignAward.objects.filter(campaign=campaign).select_related("award_form", "campaign")
            .prefetch_related(Prefetch("criteria", Criterion.objects.order_by("position", "id")),
                              Prefetch("quotas", Quota.objects.order_by("id"))))


def campaign_award(campaign, pk) -> CampaignAward:
    return campaign_awards(campaign).get(pk=pk)


def rule_in_force(award_form, day):
    """The rule version of ``award_form`` in force on ``day`` (None when none is)."""
    return (AwardRule.objects.filter(award_form=award_form, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day)).order_by("-valid_from").first())


def proposals_visible_to(user) -> QuerySet[Proposal]:
    return Proposal.objects.filter(org_access.scope_q(user, "unit")).select_related(
        "unit", "campaign__plan__issuer", "submitted_by", "letter_entry", "minutes_entry")


def campaign_proposals(user, campaign) -> QuerySet[Proposal]:
    return proposals_visible_to(user).filter(campaign=campaign).order_by("unit__sort_key", "-version")


def proposal_detail(user, pk) -> Proposal:
    attachments = ProposalAttachment.objects.select_related("nomination__officer", "nomination__unit")
    nominations = Nomination.objects.select_related("officer__unit", "unit", "campaign_award__award_form", "report",
                                                    "rule").order_by("position", "id")
    return proposals_visible_to(user).prefetch_related(
        Prefetch("nominations", nominations), Prefetch("attachments", attachments),
        "campaign__participations").get(pk=pk)


def proposal_versions(proposal) -> list[Proposal]:
    return list(Proposal.objects.filter(campaign=proposal.campaign_id, unit=proposal.unit_id).order_by("-version"))


def participating_units(user, campaign) -> QuerySet[Unit]:
    return Unit.objects.filter(org_access.scope_q(user, None), participations__campaign=campaign).order_by("sort_key")


def proposable_units(user, campaign) -> QuerySet[Unit]:
    return participating_units(user, campaign).filter(org_access.scope_q(user, None, editable=True))


def reopenings(campaign) -> QuerySet[SubmissionReopening]:
    return SubmissionReopening.objects.filter(campaign=campaign).select_related("unit", "granted_by")


def candidates_for_awards(awards: list[CampaignAward], units: list[Unit], on: datetime.date) -> dict[int, list]:
    """Award id → ``candidates_for`` that award, the facts gathered once for all of them."""
    if not awards:
        return {}
    officers = _officers_of(units)
    gathered = candidates.gather(awards[0].campaign, units, officers, on)
    return {award.pk: _for_award(award, units, officers, on, gathered) for award in awards}


def _officers_of(units: list[Unit]) -> list[Officer]:
    if not units:
        return []
    paths = Q()
    for unit in units:
        paths |= Q(unit__path__startswith=unit.path)
    return list(Officer.objects.filter(paths, is_active=True).select_related("unit"))


def _for_award(award, units, officers, on, gathered=None) -> list[candidates.Assessed]:
    subject_type = award.award_form.subject_type
    chosen = officers if subject_type != "collective" else []
    assessed = candidates.assess_all(award, units, chosen, on, gathered)
    if subject_type == "individual":
        assessed = [a for a in assessed if not a.is_collective]
    return assessed


def candidates_for(award: CampaignAward, units: list[Unit], on: datetime.date) -> list[candidates.Assessed]:
    """The units' collectives and active officers judged for ``award`` (a fixed number of queries)."""
    officers = _officers_of(units) if award.award_form.subject_type != "collective" else []
    return _for_award(award, units, officers, on)


def quota_standings(awards: list[CampaignAward], unit_id: int | None = None,
                    draft: list[Nomination] = ()) -> dict[int, list[quotas.Standing]]:
    """Award id → the standing of each of its quotas — the unit's share of per-unit ones — with the
    nominees of ``draft`` (a proposal being written) counted apart (one query for all the awards; their
    quotas come prefetched by ``campaign_awards``)."""
    seats, drafted = defaultdict(list), defaultdict(list)
    held = Nomination.objects.filter(campaign_award__in=awards, proposal__status=ProposalStatus.SUBMITTED,
                                     status__in=SEAT_HOLDING).select_related("officer", "unit", "proposal")
    for nomination in held:
        seats[nomination.campaign_award_id].append(seat_of(nomination))
    for nomination in draft:
        drafted[nomination.campaign_award_id].append(seat_of(nomination))
    return {a.pk: quotas.standings(quota_rules(a), seats[a.pk], unit_id, drafted[a.pk]) for a in awards}


def rules_in_force(award_forms, day) -> dict[int, AwardRule]:
    """Award form id → its rule version in force on ``day`` (one query)."""
    found = {}
    for rule in (AwardRule.objects.filter(award_form__in=award_forms, valid_from__lte=day)
                 .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day)).order_by("award_form_id", "-valid_from")):
        found.setdefault(rule.award_form_id, rule)
    return found


def award_history(*, officer=None, unit=None) -> QuerySet[AwardRecord]:
    records = AwardRecord.objects.select_related("award_form", "decision", "campaign")
    return records.filter(officer=officer) if officer is not None else records.filter(unit=unit)


def nominee_balance(campaign) -> dict[str, balance.Balance]:
    """The make-up of the individuals proposed (``awards.balance``): in the proposals sent, and in those
    still being written (drafts and proposals returned to be completed), each against the campaign's
    ceiling on the leaders' share. One query."""
    hardship_post = Assignment.objects.filter(officer=OuterRef("officer_id"), hardship=True, ends_on__isnull=True)
    rows = Nomination.objects.filter(
        proposal__campaign=campaign, officer__isnull=False, status__in=SEAT_HOLDING,
        proposal__status__in=[ProposalStatus.SUBMITTED, ProposalStatus.DRAFT]).annotate(
        post=Exists(hardship_post)).values_list(
        "proposal__status", "officer__is_leader", "officer__unit__hardship", "post")
    found = {ProposalStatus.SUBMITTED: [], ProposalStatus.DRAFT: []}
    for status, leader, unit_hardship, post in rows:
        found[status].append((leader, unit_hardship or post))
    cap = campaign.leader_share_max
    return {"submitted": balance.of(found[ProposalStatus.SUBMITTED], cap),
            "drafted": balance.of(found[ProposalStatus.DRAFT], cap)}


def open_proposals(user, limit: int = 8) -> list[Proposal]:
    """Proposals being written or waiting for the council, newest first (the dashboard)."""
    return list(proposals_visible_to(user).filter(status__in=[ProposalStatus.DRAFT, ProposalStatus.SUBMITTED])
                .annotate(nominees=Count("nominations")).order_by("-created_at")[:limit])
