"""Thin Celery tasks of the campaigns app."""

from celery import shared_task
from django.db import OperationalError

from . import snapshots


@shared_task(name="campaigns.recompute_attainment", bind=True, acks_late=True, max_retries=3)
def recompute_attainment(self, *, campaign_id: int) -> str:
    try:
        snapshot = snapshots.recompute(campaign_id)
    except OperationalError as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
    return f"snapshot {snapshot.pk}" if snapshot else "unchanged"
