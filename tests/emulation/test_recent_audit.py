"""The dashboard's "recent changes": the newest entries in the user's scope, found within the trail's newest
entries or, when the scope's changes are older than those, unit by unit; never another unit's."""

import datetime

import pytest
from django.utils import timezone

from emulation import selectors
from emulation.models import AuditEntry, Role
from tests.factories import RoleGrantFactory

pytestmark = pytest.mark.django_db


def _entries(unit, count, start):
    return [AuditEntry.objects.create(at=start + datetime.timedelta(minutes=i), action="update",
                                      model_label="emulation.Unit", object_id=str(unit.pk),
                                      object_repr=f"{unit.code} {i}", unit=unit) for i in range(count)]


@pytest.fixture
def trail(unit_a, unit_b):
    """Unit A changed a day ago; unit B many times since."""
    now = timezone.now()
    return (_entries(unit_a, 4, now - datetime.timedelta(days=1)),
            _entries(unit_b, 12, now - datetime.timedelta(hours=1)))


@pytest.mark.parametrize("window", [3, 2000])
def test_a_scope_whose_changes_are_old_gets_its_newest_entries(monkeypatch, unit_a, trail, window):
    monkeypatch.setattr(selectors, "NEWEST_WINDOW", window)  # 3: unit A's entries are all outside the window
    user = RoleGrantFactory(user__username="thuongtruc_a", role=Role.STAFF, unit=unit_a).user
    old_a, _ = trail
    assert selectors.recent_audit_entries(user, limit=3) == [old_a[3], old_a[2], old_a[1]]


@pytest.mark.parametrize("window", [3, 2000])
def test_a_wide_scope_gets_the_newest_of_the_whole_trail(monkeypatch, staff, trail, window):
    monkeypatch.setattr(selectors, "NEWEST_WINDOW", window)
    old_a, recent_b = trail
    assert selectors.recent_audit_entries(staff, limit=8) == recent_b[:3:-1]
    assert selectors.recent_audit_entries(staff, limit=20) == [*recent_b[::-1], *old_a[::-1]]
