"""The award catalogue, what the seed campaigns offer and some earlier awards. Rows are upserted on
their natural keys: loading twice changes nothing."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns import snapshots
from campaigns.models import Campaign
from emulation.models import Officer, Unit
from emulation.text import person_name

from . import demo_data as data
from . import demo_typical
from .models import (
    AchievementReport,
    AwardForm,
    AwardRecord,
    AwardRule,
    CampaignAward,
    CouncilSession,
    Criterion,
    MemberRole,
    Proposal,
    Quota,
)
from .services import council
from .services import proposals as services


def _upsert(model, lookup: dict, values: dict):
    obj = model.objects.filter(**lookup).first()
    if obj is not None and all(getattr(obj, k) == v for k, v in values.items()):
        return obj
    obj = obj or model(**lookup)
    for key, value in values.items():
        setattr(obj, key, value)
    obj.full_clean()
    obj.save()
    return obj


def load_catalogue() -> dict[str, AwardForm]:
    forms = {}
    for code, name, kind, subject, authority, level, rank, description in data.CATALOGUE:
        forms[code] = _upsert(AwardForm, {"code": code}, {
            "name": name, "kind": kind, "subject_type": subject, "authority": authority, "authority_level": level,
            "rank": rank, "description": description})
        ballot, threshold, comparison, verified = data.BALLOT.get(code, data.DEFAULT_BALLOT)
        for basis, start, end in (data.ND98, data.ND152):
            letter, report = data.TEMPLATES[basis]
            _upsert(AwardRule, {"award_form": forms[code], "legal_basis": basis}, {
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
        award = _upsert(CampaignAward, {"campaign": campaigns[key], "award_form": forms[code]},
                        {"decided_here": here, "criteria_text": text, "cited_basis": cited, "position": position})
        for index, (kind, applies_to, params, words) in enumerate(criteria):
            _upsert(Criterion, {"campaign_award": award, "position": index},
                    {"kind": kind, "applies_to": applies_to, "params": params, "text": words})
        for subject, per_unit, limit, words in quotas:
            _upsert(Quota, {"campaign_award": award, "subject_kind": subject},
                    {"per_unit": per_unit, "limit": limit, "text": words})
    snapshots.recompute(campaigns["001"].pk)  # eligibility reads the latest attainment snapshot


def load_history(forms: dict[str, AwardForm]) -> None:
    for officer_code, code, year, reference in data.HISTORY:
        officer = Officer.objects.select_related("unit").get(code=officer_code)
        issuer = "Bộ Tư pháp" if reference.endswith("BTP") else officer.unit.parent.name
        _upsert(AwardRecord, {"officer": officer, "award_form": forms[code], "year": year},
                {"decision_reference": reference, "decided_on": data.D(year, 12, 20), "issued_by": issuer})


def load() -> None:
    forms = load_catalogue()
    load_campaign_awards(forms)
    load_history(forms)
    demo_typical.load()
    load_walkthrough()


MINUTES_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
               b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")
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
    submitted_at = data.SUBMITTED_AT
    on = submitted_at.date()  # the seed's own date: the Chi cục ended on 30/06/2025
    for username, unit_code, nominees in WALKTHROUGH:
        actor, unit = users[username], Unit.objects.get(code=unit_code)
        proposal = services.open_proposal(actor=actor, campaign=campaign, unit=unit,
                                          title="Tờ trình đề nghị tặng Giấy khen đợt thi đua cao điểm", today=on)
        chair, secretary = data.MEETING_PEOPLE[unit_code]
        proposal.meeting_held_on, proposal.meeting_chair = data.D(2024, 6, 26), chair
        proposal.meeting_secretary = secretary
        proposal.meeting_present, proposal.meeting_total = 6, 6
        proposal.meeting_votes = "Biểu quyết 6/6 đồng ý đề nghị."
        services.update_proposal(actor=actor, proposal=proposal)
        services.attach(actor=actor, proposal=proposal, kind="minutes",
                        upload=SimpleUploadedFile("bien-ban-hop-xet.pdf", MINUTES_PDF, "application/pdf"))
        for code in nominees:
            officer = Officer.objects.get(code=code) if code else None
            nomination = services.nominate(actor=actor, proposal=proposal, campaign_award=award, officer=officer,
                                           unit=None if officer else unit, today=on)
            services.save_report(actor=actor, report=AchievementReport(
                nomination=nomination, duties=data.REPORT_DUTIES, achievements=data.REPORT_ACHIEVEMENTS))
        services.submit(actor=actor, proposal=proposal, now=submitted_at)
    seats = [council.Seat(user=users[name], role=role, full_name=person_name(users[name]))
             for name, role in (("cuctruong", MemberRole.CHAIR), ("hoidong", MemberRole.MEMBER))]
    session = council.create_session(actor=users["thuongtruc"], session=CouncilSession(
        campaign=campaign, title="Phiên họp Hội đồng Thi đua – Khen thưởng xét tặng Giấy khen đợt thi đua cao điểm",
        held_on=data.D(2024, 7, 3), location="Phòng họp Cục THADS tỉnh Hậu Giang"), seats=seats)
    council.open_voting(actor=users["thuongtruc"], session=session)
