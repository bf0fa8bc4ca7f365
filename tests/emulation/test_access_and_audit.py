import pytest

from emulation import access, audit
from emulation.models import AuditEntry, Role
from tests.factories import RoleGrantFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.integration


def test_grants_reach_the_subtree_only(province, unit_a, unit_b, staff, head_a):
    child_of_a = UnitFactory(parent=unit_a)
    assert access.visible_unit_ids(staff) == {province.pk, unit_a.pk, unit_b.pk, child_of_a.pk}
    assert access.visible_unit_ids(head_a) == {unit_a.pk, child_of_a.pk}
    assert access.editable_unit_ids(head_a) == {unit_a.pk, child_of_a.pk}


def test_viewer_and_council_read_but_do_not_edit(province, unit_a, viewer, council_member):
    assert unit_a.pk in access.visible_unit_ids(viewer)
    assert access.editable_unit_ids(viewer) == frozenset()
    assert access.editable_unit_ids(council_member) == frozenset()


def test_unit_paths_do_not_leak_between_similar_prefixes(db):
    """Unit 1's path must not be a prefix of unit 10's."""
    units = [UnitFactory() for _ in range(11)]
    user = RoleGrantFactory(role=Role.UNIT_HEAD, unit=units[0]).user
    assert access.visible_unit_ids(user) == {units[0].pk}


def test_anonymous_and_roleless_users_see_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    assert access.visible_unit_ids(AnonymousUser()) == frozenset()
    assert access.visible_unit_ids(UserFactory()) == frozenset()


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
