"""Benchmark: the notifications of a national campaign launch — 700 participating units, 10.000 people holding
a unit-head or staff role over them — on PostgreSQL.

    .venv/bin/python bench/notify_bench.py [batch units, default NOTIFY_BATCH_UNITS]

Times what the ``campaigns.notify_participants`` task does (``campaigns.notifications.tell_participants``:
the text once, then per batch of units the holders of the roles over them in one query and one bulk insert
that skips rows already there), against the baseline of a bare ``bulk_create`` of the same 10.000 rows
measured in the same run; and a second run of the task (a retried delivery), which writes nothing. Builds its
units, users and grants inside a transaction that is rolled back at the end.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")

PEOPLE = 10_000
REPEAT = 5
RUN = iter(range(1_000_000))  # each repetition writes under a new event key: nothing to reset between them


class Rollback(Exception):
    pass


def _people(subs) -> None:
    from django.contrib.auth import get_user_model

    from emulation.models import Role, RoleGrant

    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bench_notify_{n:05d}", last_name="Nguyễn Văn", first_name=f"Đo {n}")
         for n in range(PEOPLE)], batch_size=2000)
    RoleGrant.objects.bulk_create([RoleGrant(user=u, role=Role.UNIT_HEAD if n % 7 == 0 else Role.STAFF,
                                             unit=subs[n % len(subs)]) for n, u in enumerate(users)], batch_size=2000)


def main() -> None:
    from bench.attainment import ensure_database, timed

    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from bench.dataset import _units
    from campaigns.models import Campaign, CampaignKind, Participation, Plan
    from campaigns.notifications import tell_participants
    from emulation.events import Event
    from emulation.models import Notification, Unit

    call_command("migrate", verbosity=0)
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else settings.NOTIFY_BATCH_UNITS
    try:
        with transaction.atomic():
            Notification.objects.all().delete()
            subs = list(Unit.objects.filter(code__startswith="BS", parent__parent__code="BENCH")) or _units()
            _people(subs)
            plan = Plan.objects.create(issuer=subs[0].parent.parent, year=2026, symbol="KH-BENCH", title="Đo thông báo")
            campaign = Campaign.objects.create(plan=plan, kind=CampaignKind.ANNUAL, name="Phong trào toàn quốc (đo)",
                                               starts_on=timezone.localdate(), ends_on=timezone.localdate())
            Participation.objects.bulk_create([Participation(campaign=campaign, unit=u) for u in subs])
            def event():
                return Event(name="campaign.launch", actor_id=None, model_label="campaigns.Campaign",
                             object_id=campaign.pk, unit_id=plan.issuer_id, source="", target="",
                             data={"unit_ids": [u.pk for u in subs]}, key=f"campaign-launch-{next(RUN)}")

            def rows():
                key = f"bench-bare-{next(RUN)}"
                return [Notification(recipient_id=pk, event_key=key, kind="campaign.launch", verb="Đo", url="/",
                                     campaign_id=campaign.pk) for pk in user_ids]

            launched = []

            def launch():
                launched.append(event())
                return tell_participants(launched[-1], batch_size=batch)

            user_ids = list(get_user_ids())
            bare = timed(lambda: len(Notification.objects.bulk_create(rows(), batch_size=2000)), REPEAT)
            product = timed(launch, REPEAT)
            last = launched[-1]
            start = time.perf_counter()
            tell_participants(last, batch_size=batch)  # a retried task: every row is already there
            rerun = time.perf_counter() - start
            written = Notification.objects.filter(event_key=last.key).count()
            raise Rollback
    except Rollback:
        pass
    print(f"national launch: {len(subs)} units, {PEOPLE} people, batches of {batch} units; "
          f"{written} notifications written (asked {product[2]})")
    print(f"tell_participants: min {product[0]:.2f} s, median {product[1]:.2f} s")
    print(f"bare bulk_create of {bare[2]} rows: min {bare[0]:.2f} s, median {bare[1]:.2f} s")
    print(f"ratio product / bare (min): {product[0] / bare[0]:.1f}×; second run (nothing new): {rerun:.2f} s")


def get_user_ids():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username__startswith="bench_notify_").values_list("pk", flat=True)


if __name__ == "__main__":
    main()
