"""``bulk.insert_rows``: the ids in order, defaults for the columns left out, JSON kept, on both databases."""

import pytest

from emulation import bulk
from emulation.models import AuditEntry

pytestmark = pytest.mark.integration


def test_insert_rows_returns_the_ids_in_order_and_fills_defaults(staff, unit_a, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 2)
    done = []
    rows = [{"actor_id": staff.pk, "actor_name": f"Người {n}", "action": "import", "model_label": "campaigns.Result",
             "object_id": str(n), "object_repr": f"Dòng {n}", "unit_id": unit_a.pk if n % 2 else None,
             "changes": {"cases_total": [None, n], "ghi_chú": "“=1+1”"}} for n in range(5)]
    ids = bulk.insert_rows(AuditEntry, rows, progress=done.append)
    entries = AuditEntry.objects.in_bulk(ids)
    assert [(entries[pk].object_id, entries[pk].unit_id, entries[pk].changes) for pk in ids] == [
        (str(n), unit_a.pk if n % 2 else None, {"cases_total": [None, n], "ghi_chú": "“=1+1”"}) for n in range(5)]
    assert done == [2, 4, 5]
    assert len({entries[pk].at for pk in ids}) == 1 and all(entries[pk].at is not None for pk in ids)


def test_insert_rows_of_nothing_inserts_nothing(db):
    assert (bulk.insert_rows(AuditEntry, []), AuditEntry.objects.count()) == ([], 0)



def test_update_rows_sets_each_rows_own_values_and_leaves_the_others(staff, unit_a, unit_b,
                                                                      django_assert_num_queries):
    rows = [{"actor_id": staff.pk, "actor_name": "Cũ", "action": "import", "model_label": "campaigns.Result",
             "object_id": str(n), "object_repr": f"Dòng {n}", "unit_id": unit_a.pk, "changes": {}} for n in range(4)]
    ids = bulk.insert_rows(AuditEntry, rows)
    with django_assert_num_queries(1):
        updated = bulk.update_rows(AuditEntry, [
            {"pk": ids[0], "actor_name": "Mới 0", "unit_id": unit_b.pk, "changes": {"a": [1, 2]}},
            {"pk": ids[2], "actor_name": "Mới 2", "unit_id": None, "changes": {"ghi_chú": "“x”"}}],
            ["actor_name", "unit_id", "changes"])
    assert updated == 2
    entries = AuditEntry.objects.in_bulk(ids)
    assert [(entries[pk].actor_name, entries[pk].unit_id, entries[pk].changes) for pk in ids] == [
        ("Mới 0", unit_b.pk, {"a": [1, 2]}), ("Cũ", unit_a.pk, {}), ("Mới 2", None, {"ghi_chú": "“x”"}),
        ("Cũ", unit_a.pk, {})]


def test_update_rows_of_nothing_sends_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert bulk.update_rows(AuditEntry, [], ["actor_name"]) == 0
