"""The award catalogue, what the seed campaigns offer and some earlier awards. Rows are upserted on
their natural keys: loading twice changes nothing."""

from django.contrib.auth import get_user_model

from campaigns import snapshots
from campaigns.models import Campaign
from emulation.demo import upsert
from emulation.models import Officer, Unit

from . import demo_current, demo_initiatives, demo_proposals, demo_typical
from . import demo_data as data
from .models import (
    AwardForm,
    AwardRecord,
    AwardRule,
    CampaignAward,
    CouncilSession,
    Criterion,
    Proposal,
    Quota,
)


def load_catalogue() -> dict[str, AwardForm]:
    forms = {}
    for code, name, kind, subject, authority, level, rank, description in data.CATALOGUE:
        forms[code] = upsert(AwardForm, {"code": code}, {
            "name": name, "kind": kind, "subject_type": subject, "authority": authority, "authority_level": level,
            "rank": rank, "description": description})
        ballot, threshold, comparison, verified = data.BALLOT.get(code, data.DEFAULT_BALLOT)
        for basis, start, end in (data.ND98, data.ND152):
            letter, report = data.TEMPLATES[basis]
            upsert(AwardRule, {"award_form": forms[code], "legal_basis": basis}, {
                "valid_from": start, "valid_to": end, "requires_ballot": ballot, "vote_threshold": threshold,
                "threshold_comparison": comparison,
                "threshold_verified": verified and basis == data.ND98[0], "report_template": report,
                "proposal_template": letter, "feedback_days": 10 if level in ("ministry",) else 0})
    return forms


def _campaigns() -> dict[str, Campaign]:
    by_seed = {"001": ("HG", "peak"), "002": ("UBND-HG", "thematic"), "003": ("TN", "typical_examples"),
               "004": ("LS", "multi_year"), "000": ("BD", "annual")}
    return {key: Campaign.objects.get(plan__issuer__code=issuer, kind=kind) for key, (issuer, kind) in by_seed.items()}


def load_campaign_awards(forms: dict[str, AwardForm]) -> None:
    campaigns = _campaigns()
    for position, (key, code, here, text, criteria, quotas, cited) in enumerate(data.CAMPAIGN_AWARDS):
        award = upsert(CampaignAward, {"campaign": campaigns[key], "award_form": forms[code]},
                        {"decided_here": here, "criteria_text": text, "cited_basis": cited, "position": position})
        for index, (kind, applies_to, params, words) in enumerate(criteria):
            upsert(Criterion, {"campaign_award": award, "position": index},
                    {"kind": kind, "applies_to": applies_to, "params": params, "text": words})
        for subject, per_unit, limit, words in quotas:
            upsert(Quota, {"campaign_award": award, "subject_kind": subject},
                    {"per_unit": per_unit, "limit": limit, "text": words})
    snapshots.recompute(campaigns["001"].pk)  # eligibility reads the latest attainment snapshot


def load_history(forms: dict[str, AwardForm]) -> None:
    for officer_code, code, year, reference in data.HISTORY:
        officer = Officer.objects.get(code=officer_code)
        decided_on = data.D(year, 12, 20)
        unit = officer.assignments.select_related("unit__parent").filter(starts_on__lte=decided_on).order_by(
            "-starts_on").first().unit  # the unit of the award's day (the officer may have moved since)
        issuer = "Bộ Tư pháp" if reference.endswith("BTP") else unit.parent.name
        upsert(AwardRecord, {"officer": officer, "award_form": forms[code], "year": year},
                {"decision_reference": reference, "decided_on": decided_on, "issued_by": issuer})


def load() -> None:
    forms = load_catalogue()
    load_campaign_awards(forms)
    load_history(forms)
    demo_initiatives.load()
    demo_typical.load()
    load_walkthrough()


def load_current(*, today) -> None:
    """The current statistical year's awards (``demo_current``), after ``campaigns.demo.load_current``."""
    demo_current.load(today=today)


WALKTHROUGH = [  # seed 001: (proposing account, unit, nominees: officer codes or None for the collective)
    ("truong_vithanh", "HG-CC-VTH", [None, "HG-CC-VTH-05"]),
    ("thuongtruc", "HG-CC-LMX", ["HG-CC-LMX-04"]),
]


def load_walkthrough() -> None:
    """Seed 001 as it stood after the dossier deadline: two units' proposals submitted and the
    council session open for voting (members: the demo council member and the director), so the
    demo can be walked through from the vote to the decision. Skipped once the proposals exist."""
    award = CampaignAward.objects.get(campaign__plan__issuer__code="HG", campaign__kind="peak",
                                      award_form__code="GK_CUC")
    campaign = award.campaign
    if Proposal.objects.filter(campaign=campaign).exists():
        return
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["truong_vithanh", "thuongtruc", "hoidong", "cuctruong"])}
    for username, unit_code, nominees in WALKTHROUGH:
        demo_proposals.file_proposal(
            actor=users[username], award=award, unit=Unit.objects.get(code=unit_code), nominees=nominees,
            title="Tờ trình đề nghị tặng Giấy khen đợt thi đua cao điểm", meeting=data.MEETING_PEOPLE[unit_code],
            held_on=data.D(2024, 6, 26), submitted_at=data.SUBMITTED_AT,  # the Chi cục ended on 30/06/2025
            achievements=data.REPORT_ACHIEVEMENTS)
    demo_proposals.open_session(
        staff=users["thuongtruc"], chair=users["cuctruong"], member=users["hoidong"], session=CouncilSession(
            campaign=campaign, title="Phiên họp Hội đồng Thi đua – Khen thưởng xét tặng Giấy khen đợt thi đua cao "
            "điểm", held_on=data.D(2024, 7, 3), location="Phòng họp Cục THADS tỉnh Hậu Giang"))
