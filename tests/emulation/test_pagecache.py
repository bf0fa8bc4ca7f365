"""The page cache: shared by users with the same grants, stale once an audited change commits, skipped when the
cache does not answer."""

import pytest
from django.db import transaction

from emulation import audit, pagecache
from emulation.models import AuditEntry

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return ["computed", self.calls]


def test_same_grants_share_until_an_audited_change_commits(staff, head_a, unit_a, django_capture_on_commit_callbacks):
    compute = Counter()
    assert pagecache.shared("t", staff, compute) == pagecache.shared("t", staff, compute) == ["computed", 1]
    assert pagecache.shared("t", head_a, compute) == ["computed", 2]  # other grants: computed for them
    with django_capture_on_commit_callbacks(execute=True):
        audit.record(actor=staff, action="update", obj=unit_a)
    assert pagecache.shared("t", staff, compute) == ["computed", 3]


def test_a_bulk_write_of_entries_moves_the_generation_on_commit(staff, unit_a, django_capture_on_commit_callbacks):
    compute = Counter()
    pagecache.shared("t", staff, compute)
    with django_capture_on_commit_callbacks(execute=True):
        AuditEntry.objects.bulk_create([AuditEntry(action="import", model_label="campaigns.Result", object_id="1",
                                                   object_repr="Kết quả", unit=unit_a)])
        audit.written_in_bulk()  # what the results import does after its bulk insert
    assert pagecache.shared("t", staff, compute) == ["computed", 2]


def test_a_change_rolled_back_keeps_the_cached_data(staff, unit_a, django_capture_on_commit_callbacks):
    compute = Counter()
    pagecache.shared("t", staff, compute)
    with (django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError),
          transaction.atomic()):
        audit.record(actor=staff, action="update", obj=unit_a)
        raise RuntimeError
    assert callbacks == [] and pagecache.shared("t", staff, compute) == ["computed", 1]


def test_without_a_cache_every_call_computes(staff, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    compute = Counter()
    pagecache.changed()  # logged, not raised
    assert pagecache.shared("t", staff, compute) == ["computed", 1]
    assert pagecache.shared("t", staff, compute) == ["computed", 2]
