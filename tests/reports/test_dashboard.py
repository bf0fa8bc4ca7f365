"""The dashboard shows the awards work of each role, at a fixed number of queries."""

import pytest
from django.urls import reverse

from awards.models import CouncilSession, SessionStatus
from awards.services import proposals as services
from emulation import access
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_unit_head_sees_their_proposal_and_the_director_a_session_to_approve(login, head_a, head_b, director,
                                                                          submitted_proposal):  # noqa: F811
    page = login(head_a).get(reverse("reports:dashboard")).content.decode()
    assert 'data-testid="open-proposals"' in page and "Đã gửi" in page
    assert "Không có đề nghị nào" in login(head_b).get(reverse("reports:dashboard")).content.decode()
    session = CouncilSession.objects.create(unit=submitted_proposal.campaign.plan.issuer,
                                            campaign=submitted_proposal.campaign, title="Phiên họp xét khen thưởng",
                                            held_on="2024-07-05", status=SessionStatus.CLOSED)
    page = login(director).get(reverse("reports:dashboard")).content.decode()
    assert "Chờ phê duyệt" in page and session.title in page


@pytest.mark.parametrize("units", [2, 10])
def test_staff_dashboard_queries_stay_fixed(login, staff, province, campaign_award, units,  # noqa: F811
                                            django_assert_max_num_queries):
    campaign = campaign_award.campaign
    created = [UnitFactory(code=f"HG-X{i}", parent=province) for i in range(units)]
    access.forget(staff)  # the new units join the staff's scope
    for unit in created:
        campaign.participations.create(unit=unit)
        services.open_proposal(actor=staff, campaign=campaign, unit=unit, title="Đề nghị")
    client = login(staff)
    with django_assert_max_num_queries(23):
        assert client.get(reverse("reports:dashboard")).status_code == 200
