"""Benchmark: delivering 1.000 notification emails through the outbox to a local SMTP server.

    .venv/bin/python bench/mail_bench.py [emails]

A scratch database (``var/mail-bench.sqlite3`` in the repository, or ``DATABASE_URL`` if set: its
``bench-*`` users are replaced) with 1.000 users who chose email and one event told to all of them,
so ``notify`` writes 1.000 notifications and 1.000 outbox rows (timed once: "queue"). An aiosmtpd
server listens on a free localhost port in this process. Then, each timed 5 times (the rows set back
to pending in between):

- product: ``outbox.deliver`` in batches of 200, as the delivery tasks run them (claim with one
  conditional update, one SMTP connection and one "sent" update per batch);
- product, one connection per email: the same, one row per call (what reusing a connection saves);
- baseline: Django's ``send_messages`` of the same 1.000 messages on one connection (what
  ``send_mass_mail`` does), no database;
- floor: a bare ``smtplib`` loop sending the same 1.000 messages, already rendered to bytes, on one
  connection.

Figures are printed, never asserted. The SMTP server shares the process (and the GIL) with the
sender in every variant alike.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
SCRATCH = ROOT / "var" / "mail-bench.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH}")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
os.environ.pop("CELERY_BROKER_URL", None)


def timed(function, reset, repeat=5):
    times = []
    for _ in range(repeat):
        reset()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def build(count: int) -> list[int]:
    """Fresh tables, ``count`` users with an address, one event told to all: the outbox ids."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test.utils import override_settings

    from emulation import events, notifications
    from emulation.models import OutboundEmail

    if SCRATCH.exists() and os.environ["DATABASE_URL"].endswith(str(SCRATCH)):
        SCRATCH.unlink()
    SCRATCH.parent.mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    User = get_user_model()
    User.objects.filter(username__startswith="bench-").delete()  # a previous run on a PostgreSQL DATABASE_URL
    User.objects.bulk_create([User(username=f"bench-{n:04d}", email=f"bench-{n:04d}@thidua.example",
                                   last_name="Nguyễn Thị", first_name=f"Ánh {n}") for n in range(count)])
    event = events.Event(name="proposal.return", actor_id=None, model_label="awards.Proposal", object_id=1,
                         unit_id=None, source="submitted", target="returned", reason="Thiếu biên bản họp bình xét")
    text = ("Phạm Quốc Việt đã trả lại đề nghị khen thưởng “Tập thể lao động xuất sắc năm 2025” của Chi cục "
            "Thi hành án dân sự huyện Long Mỹ để bổ sung. Lý do: Thiếu biên bản họp bình xét. Việc cần làm: bổ "
            "sung hồ sơ ở bản đề nghị mới rồi gửi lại.")
    start = time.perf_counter()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        recipients = User.objects.filter(username__startswith="bench-").values_list("pk", flat=True)
        notifications.notify(event, recipients, text, "/khen-thuong/de-nghi/1/",
                             object_label="Đề nghị khen thưởng của Chi cục Long Mỹ", actor="Phạm Quốc Việt")
    print(f"queue    notify() to {count} recipients: {count} notifications + outbox rows in "
          f"{time.perf_counter() - start:.3f} s (delivered to a dummy backend after commit)")
    return list(OutboundEmail.objects.filter(recipient__username__startswith="bench-").order_by("pk")
                .values_list("pk", flat=True))


def main() -> None:
    import smtplib

    import django

    django.setup()
    from django.conf import settings
    from django.core.mail import get_connection
    from django.test.utils import override_settings
    from django.utils import timezone

    from emulation import outbox
    from emulation.models import EmailStatus, OutboundEmail
    from tests.smtp_fixture import SmtpSink

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    ids = build(count)
    sink = SmtpSink().start()
    smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": sink.port, "EMAIL_USE_TLS": False, "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": ""}
    rows = list(OutboundEmail.objects.filter(pk__in=ids).order_by("pk"))
    messages = [outbox.message_of(row, None) for row in rows]
    raw = [(m.from_email, m.to, m.message().as_bytes(linesep="\r\n")) for m in messages]

    def reset():
        OutboundEmail.objects.filter(pk__in=ids).update(status=EmailStatus.PENDING, attempts=0, sent_at=None, claim="",
                                     next_attempt_at=timezone.now())
        sink.received.clear()

    def product(batch):
        def run():
            total = sum(outbox.deliver(ids[i:i + batch]).sent for i in range(0, len(ids), batch))
            assert total == count == len(sink.received), (total, len(sink.received))
        return run

    def django_one_connection():
        with get_connection() as connection:
            connection.send_messages(messages)

    def bare_smtplib():
        with smtplib.SMTP("127.0.0.1", sink.port) as client:
            for sender, to, data in raw:
                client.sendmail(sender, to, data)

    with override_settings(**smtp):
        results = {
            "product": timed(product(200), reset),
            "per email": timed(product(1), reset),
            "django": timed(django_one_connection, reset),
            "floor": timed(bare_smtplib, reset),
        }
    sink.stop()
    (best, median), floor = results["product"], results["floor"][0]
    print(f"product  outbox.deliver, batches of 200:   {count} emails  min {best:.3f} s  median {median:.3f} s  "
          f"({count / best:.0f} emails/s)")
    print(f"variant  outbox.deliver, one per connection: min {results['per email'][0]:.3f} s  "
          f"median {results['per email'][1]:.3f} s")
    print(f"baseline Django send_messages, one connection: min {results['django'][0]:.3f} s  "
          f"median {results['django'][1]:.3f} s")
    print(f"floor    bare smtplib loop, one connection:    min {floor:.3f} s  median {results['floor'][1]:.3f} s")
    print(f"ratio    product / floor = {best / floor:.2f}×   product / Django = {best / results['django'][0]:.2f}×   "
          f"one connection per email / product = {results['per email'][0] / best:.2f}×")
    print(f"database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")


if __name__ == "__main__":
    main()
