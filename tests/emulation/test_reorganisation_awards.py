"""Prerequisites earned before the merger count after it: an officer's follow the person, a collective's roll
up from its predecessors to the successor (awards/candidates.py)."""

import datetime

import pytest

from awards.candidates import assess_all
from awards.criteria import Outcome
from awards.models import AwardRecord, CampaignAward, Criterion
from emulation import reorganisation_services as services
from emulation.models import Officer

D = datetime.date
pytestmark = pytest.mark.integration


def _prior_award(campaign, form, codes, min_count, applies_to):
    award = CampaignAward.objects.create(campaign=campaign, award_form=form)
    Criterion.objects.create(campaign_award=award, kind="prior_award", applies_to=applies_to,
                             params={"award_codes": codes, "min_count": min_count}, text="Khen thưởng trước đó")
    return award


def _finding(assessed):
    [finding] = [f for f in assessed.assessment.findings if f.criterion == "Khen thưởng trước đó"]
    return finding


def test_an_officers_cstdcs_from_the_dissolved_chi_cuc_counts_in_the_successor(merger, world, staff, area, cstdcs):
    chief = world["chief"]
    for year in (2023, 2024):
        AwardRecord.objects.create(award_form=cstdcs, officer=chief, year=year, decision_reference=f"{year}/QĐ",
                                   decided_on=D(year, 12, 15), issued_by="Cục THADS tỉnh Hậu Giang")
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    chief = Officer.objects.select_related("unit").get(pk=chief.pk)
    assert chief.unit == area
    award = _prior_award(world["running"], cstdcs, ["CSTDCS"], 2, "individual")
    [assessed] = assess_all(award, [], [chief], D(2025, 9, 30))
    finding = _finding(assessed)
    assert (finding.outcome, finding.cites) == (Outcome.MET, (
        "Chiến sĩ thi đua cơ sở năm 2023 (2023/QĐ)", "Chiến sĩ thi đua cơ sở năm 2024 (2024/QĐ)"))


def test_a_collective_award_of_a_predecessor_counts_for_the_successor(merger, world, staff, area, award_form):
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    award = _prior_award(world["running"], award_form, ["TTLDXS"], 1, "collective")
    [assessed] = assess_all(award, [area], [], D(2025, 9, 30))
    finding = _finding(assessed)
    assert (finding.outcome, finding.cites) == (
        Outcome.MET, ("Tập thể Lao động xuất sắc năm 2024 (15/QĐ-CTHADS)",))


def test_a_unit_without_predecessors_has_only_its_own_awards(world, province, award_form):
    award = _prior_award(world["running"], award_form, ["TTLDXS"], 1, "collective")
    [assessed] = assess_all(award, [province], [], D(2025, 9, 30))
    assert _finding(assessed).outcome == Outcome.NOT_MET
