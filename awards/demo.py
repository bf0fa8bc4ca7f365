"""The award catalogue, what the seed campaigns offer and some earlier awards. Rows are upserted on
their natural keys: loading twice changes nothing."""

from campaigns import snapshots
from campaigns.models import Campaign
from emulation.models import Officer

from . import demo_data as data
from . import demo_typical
from .models import AwardForm, AwardRecord, AwardRule, CampaignAward, Criterion, Quota


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
        ballot, threshold, verified = data.BALLOT.get(code, data.DEFAULT_BALLOT)
        for basis, start, end in (data.ND98, data.ND152):
            letter, report = data.TEMPLATES[basis]
            _upsert(AwardRule, {"award_form": forms[code], "legal_basis": basis}, {
                "valid_from": start, "valid_to": end, "requires_ballot": ballot, "vote_threshold": threshold,
                "threshold_verified": verified and basis == data.ND98[0], "report_template": report,
                "proposal_template": letter, "feedback_days": 10 if level in ("ministry",) else 0})
    return forms


def _campaigns() -> dict[str, Campaign]:
    by_seed = {"001": ("HG", "peak"), "002": ("UBND-HG", "thematic"), "003": ("TN", "typical_examples"),
               "004": ("LS", "multi_year")}
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
