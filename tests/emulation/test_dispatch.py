"""The task outbox: committed with the change or not at all; published after the commit; a broker that is down
leaves the row pending (the page is a normal page) until the sweep publishes it; debounced by key."""

import pytest
from django.db import transaction

from emulation import dispatch
from emulation.celery import app
from emulation.models import OutboxStatus, OutboxTask

pytestmark = pytest.mark.django_db
CLOSED = "redis://127.0.0.1:1/0"  # nothing listens there: a broker that is down


def point_broker_at(url: str | None) -> None:
    """Make this process publish to ``url`` (None: back to the configured broker). Celery reads the
    ``CELERY_BROKER_URL`` environment variable before its own setting, but never before the write URL; the
    pools keep connections to the old one."""
    app.conf.broker_write_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down():
    """Publishing for real (not in-process), to a broker that refuses connections."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    point_broker_at(CLOSED)
    yield
    app.conf.task_always_eager = previous
    point_broker_at(None)


def test_a_rolled_back_change_asks_for_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError), \
            transaction.atomic():
        dispatch.enqueue("emulation.sweep_jobs")
        raise RuntimeError("the change failed")
    assert (OutboxTask.objects.count(), callbacks) == (0, [])


def test_in_process_the_task_runs_after_the_commit_and_the_row_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        row = dispatch.enqueue("emulation.sweep_jobs")
    assert OutboxTask.objects.get().status == OutboxStatus.PENDING and len(callbacks) == 1
    callbacks[0]()
    row.refresh_from_db()
    assert (row.status, row.attempts, row.sent_at is not None) == (OutboxStatus.SENT, 1, True)
    assert dispatch.send(row.pk) is False  # sent once


def test_a_broker_that_is_down_leaves_the_row_pending_with_the_error(broker_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = dispatch.enqueue("emulation.sweep_jobs", {})
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert "Connection refused" in row.last_error or "111" in row.last_error
    assert dispatch.send_pending() == 0
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 2)


def test_the_sweep_publishes_what_waited_once_the_broker_is_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        waiting = [dispatch.enqueue("emulation.sweep_jobs") for _ in range(3)]
    assert dispatch.send_pending() == 3
    assert set(OutboxTask.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert dispatch.send_pending() == 0 and len(waiting) == 3


def test_a_key_debounces_until_the_first_request_starts(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": 1}, countdown=30, key="a:1")
        again = dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": 1}, countdown=30, key="a:1")
        other = dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": 2}, countdown=30, key="a:2")
    assert (first is not None, again, other is not None) == (True, None, True)
    OutboxTask.objects.filter(pk=first.pk).update(not_before=first.created_at)  # its time came: it has started
    with django_capture_on_commit_callbacks(execute=False):
        assert dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": 1}, countdown=30,
                                key="a:1") is not None
