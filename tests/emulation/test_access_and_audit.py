# ruff: noqa: F811 - the organisation fixtures imported below are requested by name
import pytest
from django.urls import reverse

from emulation import access, audit
from emulation.models import AuditEntry, Role, Unit
from tests.factories import RoleGrantFactory, UnitFactory, UnitSuccessionFactory, UserFactory
from tests.organisation_fixtures import area_head, reorganised  # noqa: F401

pytestmark = pytest.mark.integration


def visible(user, *, editable=False) -> set[int]:
    """The units in the user's scope, by the SQL filter; the in-Python test must agree unit by unit."""
    by_sql = set(Unit.objects.filter(access.scope_q(user, None, editable=editable)).values_list("pk", flat=True))
    by_path = {u.pk for u in Unit.objects.all() if access.in_scope(user, u, editable=editable)}
    assert by_sql == by_path
    return by_sql


def editable(user) -> set[int]:
    return visible(user, editable=True)


def test_grants_reach_the_subtree_only(province, unit_a, unit_b, staff, head_a):
    child_of_a = UnitFactory(parent=unit_a)
    assert visible(staff) == {province.pk, unit_a.pk, unit_b.pk, child_of_a.pk}
    assert visible(head_a) == {unit_a.pk, child_of_a.pk}
    assert editable(head_a) == {unit_a.pk, child_of_a.pk}


def test_viewer_and_council_read_but_do_not_edit(province, unit_a, viewer, council_member):
    assert unit_a.pk in visible(viewer)
    assert editable(viewer) == set()
    assert editable(council_member) == set()


def test_unit_paths_do_not_leak_between_similar_prefixes(db):
    """Unit 1's path must not be a prefix of unit 10's."""
    units = [UnitFactory() for _ in range(11)]
    user = RoleGrantFactory(role=Role.UNIT_HEAD, unit=units[0]).user
    assert visible(user) == {units[0].pk}


def test_anonymous_and_roleless_users_see_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()
    assert visible(UserFactory()) == set()


def test_audit_diff_lists_only_changed_fields():
    assert audit.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {"b": [2, 3], "c": [None, 4]}


def test_audit_record_stores_actor_unit_and_changes(staff, officer_a, unit_a):
    before = audit.snapshot(officer_a)
    officer_a.position = "Chi cục trưởng"
    entry = audit.record(actor=staff, action="update", obj=officer_a, before=before)
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor_name, stored.unit_id, stored.changes) == (
        "thuongtruc", unit_a.pk, {"position": ["Chấp hành viên", "Chi cục trưởng"]})


def test_audit_entries_hang_from_the_issuing_unit(staff, province_plan, province):
    campaign = province_plan.campaigns.get()
    entry = audit.record(actor=staff, action="update", obj=campaign, before={})
    assert entry.unit_id == province.pk


# A successor keeps the archive of what it took over (read only).

@pytest.fixture
def can_tho_staff(reorganised):
    return RoleGrantFactory(user__username="thuongtruc_cto", role=Role.STAFF, unit=reorganised.can_tho).user


def test_a_successor_reads_the_subtrees_it_took_over_but_edits_only_its_own(reorganised, can_tho_staff, area_head):
    r = reorganised
    assert visible(can_tho_staff) == {r.can_tho.pk, r.area.pk, r.province.pk, r.unit_a.pk,
                                                      r.unit_b.pk}
    assert editable(can_tho_staff) == {r.can_tho.pk, r.area.pk}
    # Phòng khu vực 2 took over Chi cục B only: not its sibling, not the old province
    assert visible(area_head) == {r.area.pk, r.unit_b.pk}
    assert editable(area_head) == {r.area.pk}


def test_inheritance_is_transitive_and_does_not_leak_to_neighbours(reorganised, can_tho_staff):
    later = UnitFactory(code="CTO2", name="Thi hành án dân sự thành phố Cần Thơ (mới)")
    UnitSuccessionFactory(predecessor=reorganised.can_tho, successor=later)
    heir = RoleGrantFactory(role=Role.STAFF, unit=later).user
    assert {reorganised.province.pk, reorganised.unit_b.pk} <= visible(heir)
    neighbour = RoleGrantFactory(role=Role.STAFF, unit=UnitFactory(code="LS")).user
    assert visible(neighbour) & visible(can_tho_staff) == set()


def test_successor_staff_open_the_old_campaign_but_cannot_change_it(login, reorganised, can_tho_staff,
                                                                     province_plan):
    campaign = province_plan.campaigns.get()
    client = login(can_tho_staff)
    for name in ("campaigns:plan_detail", "campaigns:campaign_detail", "campaigns:campaign_results"):
        pk = province_plan.pk if name == "campaigns:plan_detail" else campaign.pk
        assert client.get(reverse(name, args=[pk])).status_code == 200, name
    assert client.get(reverse("campaigns:campaign_edit", args=[campaign.pk])).status_code in (403, 404)
    outsider = RoleGrantFactory(role=Role.STAFF, unit=UnitFactory(code="LS")).user
    assert login(outsider).get(reverse("campaigns:campaign_detail", args=[campaign.pk])).status_code == 404
