"""The dashboard's scoped part is cached for users with the same grants until an audited change commits."""

import pytest
from django.urls import reverse

from awards.services import proposals as services
from emulation import access, pagecache
from emulation.models import Role, RoleGrant
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

CLOSED = "redis://127.0.0.1:1/0"


def _propose(staff, province, campaign, code="HG-X1"):
    unit = UnitFactory(code=code, parent=province)
    access.forget(staff)  # the new unit joins the staff's scope
    campaign.participations.create(unit=unit)
    return services.open_proposal(actor=staff, campaign=campaign, unit=unit, title="Đề nghị")


def _open_proposals(page: str) -> int:
    return page.split('data-testid="open-proposals"', 1)[1].split("</ul>", 1)[0].count("<li class=\"mb-1\">")


def test_a_second_staff_member_with_the_same_grant_is_served_from_the_cache(
        login, staff, province, campaign_award, django_assert_num_queries):  # noqa: F811
    _propose(staff, province, campaign_award.campaign)
    first = login(staff).get(reverse("reports:dashboard")).content.decode()
    colleague = UserFactory(username="thuongtruc2")
    RoleGrant.objects.create(user=colleague, role=Role.STAFF, unit=province)
    client = login(colleague)
    # session, user, grants, votes, scope (the succession links), recent changes (2), bell, session save (3): nothing
    # scoped
    with django_assert_num_queries(11):
        page = client.get(reverse("reports:dashboard")).content.decode()
    assert _open_proposals(first) == _open_proposals(page) == 1


def test_an_audited_change_shows_on_the_next_request(login, staff, province, unit_a, campaign_award,  # noqa: F811
                                                     django_capture_on_commit_callbacks):
    client = login(staff)
    assert _open_proposals(client.get(reverse("reports:dashboard")).content.decode()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        _propose(staff, province, campaign_award.campaign)
    assert _open_proposals(client.get(reverse("reports:dashboard")).content.decode()) == 1


def test_other_grants_are_not_served_the_cached_page(login, staff, head_a, head_b, unit_a, campaign_award):  # noqa: F811
    services.open_proposal(actor=head_a, campaign=campaign_award.campaign, unit=unit_a, title="Đề nghị")
    assert _open_proposals(login(head_a).get(reverse("reports:dashboard")).content.decode()) == 1
    assert _open_proposals(login(head_b).get(reverse("reports:dashboard")).content.decode()) == 0
    assert pagecache.scope_signature(head_a) != pagecache.scope_signature(head_b)


def test_the_dashboard_answers_when_the_cache_does_not(login, staff, province, campaign_award, settings):  # noqa: F811
    _propose(staff, province, campaign_award.campaign)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED}}
    access.forget(staff)
    response = login(staff).get(reverse("reports:dashboard"))
    assert response.status_code == 200 and _open_proposals(response.content.decode()) == 1
