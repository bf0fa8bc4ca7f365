"""A reorganisation on top of the fixed cast: Chi cục A and B merge into Phòng THADS khu vực 1 of the same
province from 01/07/2025, with people, grants, a campaign running on that day and one that ended in 2024."""

import datetime

import pytest

from awards.models import AwardForm, AwardRecord
from campaigns.models import Result, SubPlanRequirement
from emulation import reorganisation_services
from emulation.models import Assignment, Role, UnitKind
from tests.factories import (
    CampaignFactory,
    OfficerFactory,
    ParticipationFactory,
    PlanFactory,
    PledgeFactory,
    ReorganisationFactory,
    RoleGrantFactory,
    UnitFactory,
)

D = datetime.date
EFFECTIVE = D(2025, 7, 1)


def _officer(unit, code, name, position):
    officer = OfficerFactory(unit=unit, code=code, full_name=name, position=position)
    Assignment.objects.create(officer=officer, unit=unit, position=position, starts_on=D(2020, 1, 1))
    return officer


@pytest.fixture
def area(province):
    return UnitFactory(code="HG-KV1", name="Phòng Thi hành án dân sự khu vực 1", parent=province,
                       kind=UnitKind.SUB_DEPARTMENT, valid_from=EFFECTIVE)


@pytest.fixture
def other_province(db):
    return UnitFactory(code="LS", name="Cục Thi hành án dân sự tỉnh Lạng Sơn", kind=UnitKind.PROVINCIAL)


@pytest.fixture
def other_staff(other_province):
    return RoleGrantFactory(user__username="thuongtruc_ls", role=Role.STAFF, unit=other_province).user


def _title(code, name, subject_type, rank):
    return AwardForm.objects.create(code=code, name=name, kind="title", subject_type=subject_type,
                                    authority="Cục trưởng", authority_level="provincial", rank=rank)


@pytest.fixture
def award_form(db):
    return _title("TTLDXS", "Tập thể Lao động xuất sắc", "collective", 30)


@pytest.fixture
def cstdcs(db):
    return _title("CSTDCS", "Chiến sĩ thi đua cơ sở", "individual", 40)


@pytest.fixture
def world(province, unit_a, unit_b, head_a, province_plan, award_form):
    """People, grants and campaign objects of A and B before the merger."""
    chief = _officer(unit_a, "A-CCT", "Võ Minh Khoa", "Chi cục trưởng")
    clerk = _officer(unit_b, "B-TK", "Đỗ Thu Hà", "Thư ký thi hành án")
    running_plan = PlanFactory(issuer=province, number=30, year=2025, issued_on=D(2025, 1, 10),
                               title="Kế hoạch thi đua năm 2025")
    running = CampaignFactory(plan=running_plan, name="Phong trào thi đua năm 2025", starts_on=D(2025, 1, 1),
                              ends_on=D(2025, 9, 30))
    ParticipationFactory(campaign=running, unit=unit_a)
    ParticipationFactory(campaign=running, unit=unit_b)
    PledgeFactory(campaign=running, unit=unit_a, registered_on=D(2025, 2, 1))
    PledgeFactory(campaign=running, unit=unit_b, officer=clerk, registered_on=D(2025, 2, 2))
    SubPlanRequirement.objects.create(plan=running_plan, unit=unit_a, due_on=D(2025, 2, 28))
    SubPlanRequirement.objects.create(plan=running_plan, unit=unit_b, due_on=D(2025, 2, 28))
    PlanFactory(issuer=unit_b, parent=running_plan, number=3, year=2025, title="Kế hoạch của Chi cục Long Mỹ")
    past = province_plan.campaigns.get()
    Result.objects.create(campaign=past, unit=unit_a, as_of=D(2024, 6, 30), cases_total=120,
                          cases_with_conditions=100, cases_completed=90)
    AwardRecord.objects.create(award_form=award_form, unit=unit_a, year=2024, decision_reference="15/QĐ-CTHADS",
                               decided_on=D(2024, 12, 20), issued_by="Cục THADS tỉnh Hậu Giang")
    return {"chief": chief, "clerk": clerk, "running": running, "past": past, "running_plan": running_plan}


@pytest.fixture
def merger(staff, unit_a, unit_b, area, world):
    """Recorded by the provincial staff, not applied yet."""
    return reorganisation_services.record_reorganisation(
        actor=staff, reorganisation=ReorganisationFactory.build(decision_number="120/QĐ-CTHADS",
                                                                issuer="Cục trưởng Cục THADS tỉnh Hậu Giang"),
        predecessors=[unit_a, unit_b], successors=[area])
