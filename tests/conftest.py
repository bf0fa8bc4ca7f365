"""The fixed cast: a province with two sub-departments (A and B), data in both, and one user per
role. A leak between units shows up as a 200 where a 404 is expected."""

import datetime

import pytest
from django.test import Client

from emulation.models import Role, UnitKind
from tests import db_flush
from tests.factories import (
    CampaignFactory,
    OfficerFactory,
    ParticipationFactory,
    PlanFactory,
    RoleGrantFactory,
    UnitFactory,
)

db_flush.install()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, its ids starting at 10.000 (``db_flush.ids_from_ten_thousand``)."""
    from django.db import connection

    with django_db_blocker.unblock():
        db_flush.ids_from_ten_thousand(connection)


@pytest.fixture
def province(db):
    return UnitFactory(code="HG", name="Cục Thi hành án dân sự tỉnh Hậu Giang", short_name="Cục THADS Hậu Giang",
                       kind=UnitKind.PROVINCIAL)


@pytest.fixture
def unit_a(province):
    return UnitFactory(code="HG-VT", name="Chi cục Thi hành án dân sự thành phố Vị Thanh", parent=province)


@pytest.fixture
def unit_b(province):
    return UnitFactory(code="HG-LM", name="Chi cục Thi hành án dân sự huyện Long Mỹ", parent=province)


def _user_with(role, unit, username):
    return RoleGrantFactory(user__username=username, role=role, unit=unit).user


@pytest.fixture
def staff(province):
    return _user_with(Role.STAFF, province, "thuongtruc")


@pytest.fixture
def head_a(unit_a):
    return _user_with(Role.UNIT_HEAD, unit_a, "truong_a")


@pytest.fixture
def head_b(unit_b):
    return _user_with(Role.UNIT_HEAD, unit_b, "truong_b")


@pytest.fixture
def council_member(province):
    return _user_with(Role.COUNCIL_MEMBER, province, "hoidong")


@pytest.fixture
def director(province):
    return _user_with(Role.DIRECTOR, province, "cuctruong")


@pytest.fixture
def viewer(province):
    return _user_with(Role.VIEWER, province, "xem")


@pytest.fixture
def officer_a(unit_a):
    return OfficerFactory(unit=unit_a, full_name="Nguyễn Văn An", code="A-001")


@pytest.fixture
def officer_b(unit_b):
    return OfficerFactory(unit=unit_b, full_name="Trần Thị Bình", code="B-001")


@pytest.fixture
def plan_a(unit_a):
    """A plan issued by sub-department A itself (e.g. its own plan under the provincial one)."""
    return PlanFactory(issuer=unit_a, number=5, symbol="KH-CCTHADS", title="Kế hoạch thi đua của Chi cục Vị Thanh")


@pytest.fixture
def plan_b(unit_b):
    return PlanFactory(issuer=unit_b, number=7, symbol="KH-CCTHADS", title="Kế hoạch thi đua của Chi cục Long Mỹ")


@pytest.fixture
def province_plan(province, unit_a, unit_b):
    plan = PlanFactory(issuer=province, number=12, symbol="KH-CTHADS", title="Kế hoạch phát động đợt thi đua cao điểm")
    campaign = CampaignFactory(plan=plan, name="Đợt thi đua cao điểm năm 2024")
    ParticipationFactory(campaign=campaign, unit=unit_a)
    ParticipationFactory(campaign=campaign, unit=unit_b)
    return plan


@pytest.fixture
def results_campaign(province_plan):
    """The provincial campaign (units A and B take part), with its results period: 01/10/2023 – 30/06/2024."""
    campaign = province_plan.campaigns.get()
    campaign.results_starts_on, campaign.results_ends_on = datetime.date(2023, 10, 1), datetime.date(2024, 6, 30)
    campaign.save()
    return campaign


@pytest.fixture
def campaign_a(plan_a):
    return CampaignFactory(plan=plan_a, name="Phong trào thi đua của Chi cục Vị Thanh")


@pytest.fixture
def campaign_b(plan_b):
    return CampaignFactory(plan=plan_b, name="Phong trào thi đua của Chi cục Long Mỹ")


@pytest.fixture
def login():
    """``login(user)`` → a test client signed in as that user."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def celery_eager_unless_worker(request):
    """Tasks run in-process unless the test goes through a real worker (``@pytest.mark.worker``)."""
    from emulation.celery import app

    eager = request.node.get_closest_marker("worker") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def jobs_inside_the_request(settings):
    """Eager jobs run inside the request that asks for them, so a test reads their outcome right after; the tests
    of ``make run``'s background mode turn it on (tests/emulation/test_dispatch.py)."""
    settings.EAGER_JOBS_IN_BACKGROUND = False


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def ballot_key_dir(settings, tmp_path):
    """Each test's secret-ballot keys in its own directory (a shared one would mix sessions' keys)."""
    settings.BALLOT_KEY_DIR = tmp_path / "ballot-keys"
    return settings.BALLOT_KEY_DIR


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Pages cached by an earlier test (whose rows were rolled back, ids reused) are not served to this one."""
    from emulation import pagecache

    pagecache.changed()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


from tests.demo_fixture import demo_loaded, demo_tables, live_demo, shared_demo  # noqa: E402,F401 - the demo loaded once for a module (tests/demo_fixture.py)
from tests.worker_fixture import celery_prefork_worker, celery_worker_process  # noqa: E402,F401 - fixture for @pytest.mark.worker tests
