"""The outbox: delivering pending emails at most once, retrying with backoff, and the daily digest.

- A delivery claims its rows with one conditional update (pending and due → sending, with a claim
  token): two workers, a retried task or the sweep running at the same time never send a row twice;
  a row already sent is not claimed again.
- The claimed rows go out on one SMTP connection and are marked sent together. A failure puts the
  row back to pending with the error and the next attempt time (1 min, 2, 4 … up to 6 h); after
  ``MAX_ATTEMPTS`` it is failed.
  When the server cannot be reached, the rest of the batch waits too, without one timeout each.
- ``sweep`` (on the beat schedule) delivers whatever is due. A row left "sending" by a worker that
  died mid-send is marked failed, not re-sent: the server may already have it (at most once).
- ``write_digests``: one email per user and day listing the notifications kept for the digest.
"""

import datetime
import email.message
import smtplib
import uuid
from dataclasses import dataclass
from email.header import Header
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import mail, notifications
from .models import DigestItem, EmailStatus, OutboundEmail

MAX_ATTEMPTS = 8
BACKOFF_FIRST = datetime.timedelta(minutes=1)
BACKOFF_LONGEST = datetime.timedelta(hours=6)
STALE_AFTER = datetime.timedelta(minutes=15)
SWEEP_BATCH = 200
# Refusals of one message (its sender, recipient or content); any other error means the server is unreachable.
PER_MESSAGE = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)
INTERRUPTED = "Gửi bị gián đoạn (tiến trình dừng giữa chừng); không gửi lại tự động để tránh gửi hai lần."


@dataclass
class Outcome:
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def add(self, other: "Outcome") -> None:
        self.sent, self.retrying, self.failed = (self.sent + other.sent, self.retrying + other.retrying,
                                                 self.failed + other.failed)

    def as_dict(self) -> dict:
        return {"sent": self.sent, "retrying": self.retrying, "failed": self.failed}


def backoff(attempts: int) -> datetime.timedelta:
    """The wait after the ``attempts``-th failed try: 1 min, 2, 4, 8 … at most 6 h."""
    return min(BACKOFF_LONGEST, BACKOFF_FIRST * 2 ** max(attempts - 1, 0))


def claim(ids=None, *, now, limit: int | None = None) -> tuple[str, list[OutboundEmail]]:
    """Take the due pending rows (among ``ids`` if given) for this delivery: pending → sending."""
    due = OutboundEmail.objects.filter(status=EmailStatus.PENDING, next_attempt_at__lte=now)
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    if limit is not None:
        due = OutboundEmail.objects.filter(
            pk__in=list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]),
            status=EmailStatus.PENDING)
    token = uuid.uuid4().hex
    if not due.update(status=EmailStatus.SENDING, claim=token, claimed_at=now):
        return token, []
    return token, list(OutboundEmail.objects.filter(claim=token, status=EmailStatus.SENDING).order_by("pk"))


class OutboxMessage(EmailMultiAlternatives):
    """Django 5.2's email API folds a long non-ASCII subject with an empty first line, which decoders
    read with a leading space: the subject is set as one ``Header`` that knows its name, and folds right."""

    def message(self, *args, **kwargs):
        built = super().message(*args, **kwargs)
        if not self.subject.isascii():
            del built["Subject"]
            email.message.Message.__setitem__(built, "Subject", Header(self.subject, "utf-8", header_name="Subject"))
        return built


def message_of(row: OutboundEmail, connection) -> EmailMultiAlternatives:
    message = OutboxMessage(row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.to_address],
                                     connection=connection, headers={"Auto-Submitted": "auto-generated"})
    if row.html_body:
        message.attach_alternative(row.html_body, "text/html")
    return message


def _sent(ids: list[int], token: str) -> None:
    """One update for the rows a batch sent (a crash before it leaves them "sending": never re-sent)."""
    OutboundEmail.objects.filter(pk__in=ids, claim=token, status=EmailStatus.SENDING).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error="")


def _failed(row: OutboundEmail, token: str, error: Exception | str) -> str:
    attempts = row.attempts + 1
    status = EmailStatus.FAILED if attempts >= MAX_ATTEMPTS else EmailStatus.PENDING
    OutboundEmail.objects.filter(pk=row.pk, claim=token, status=EmailStatus.SENDING).update(
        status=status, attempts=attempts, next_attempt_at=timezone.now() + backoff(attempts), claim="",
        last_error=(str(error) or type(error).__name__)[:2000])
    return status


def deliver(ids=None, *, now=None, limit: int | None = None) -> Outcome:
    """Send the due pending rows (``ids``, or any up to ``limit``) on one connection."""
    token, rows = claim(ids, now=now or timezone.now(), limit=limit)
    outcome = Outcome()
    if not rows:
        return outcome
    connection = get_connection(fail_silently=False)
    unreachable, opened, sent = None, False, []
    try:
        for row in rows:
            error = unreachable
            if error is None:
                try:
                    if not opened:  # opened here, send_messages keeps it open for the whole batch
                        connection.open()
                        opened = True
                    if connection.send_messages([message_of(row, connection)]) != 1:
                        error = "Máy chủ thư không nhận thư."
                except (smtplib.SMTPException, OSError) as exc:
                    error, opened = exc, False
                    connection.close()
                    unreachable = None if isinstance(exc, PER_MESSAGE) else exc
            if error is None:
                sent.append(row.pk)
            elif _failed(row, token, error) == EmailStatus.FAILED:
                outcome.failed += 1
            else:
                outcome.retrying += 1
    finally:
        connection.close()
        _sent(sent, token)
    outcome.sent = len(sent)
    return outcome


def release_stale(*, now) -> int:
    """Rows a dead worker left "sending": failed with the reason (they may have gone out already)."""
    return OutboundEmail.objects.filter(status=EmailStatus.SENDING, claimed_at__lt=now - STALE_AFTER).update(
        status=EmailStatus.FAILED, claim="", last_error=INTERRUPTED)


def sweep(*, now=None, batch: int = SWEEP_BATCH, max_batches: int = 50) -> Outcome:
    """Deliver what is due, ``batch`` rows per connection (the beat schedule runs it every minute)."""
    now = now or timezone.now()
    release_stale(now=now)
    total = Outcome()
    for _ in range(max_batches):
        outcome = deliver(now=now, limit=batch)
        total.add(outcome)
        if outcome.sent + outcome.retrying + outcome.failed < batch:
            break
    return total


def _waiting_items(now):
    return (DigestItem.objects.filter(email__isnull=True, notification__created_at__lte=now,
                                      recipient__is_active=True)
            .exclude(recipient__email="").select_related("notification", "recipient")
            .order_by("recipient_id", "notification__created_at", "pk"))


def write_digests(*, day: datetime.date, now=None) -> list[int]:
    """For each user with notifications kept for the digest: one email for ``day`` (a second run the same
    day writes none; what arrived since waits for the next day). Returns the new emails' ids."""
    now = now or timezone.now()
    done = set(OutboundEmail.objects.filter(digest_day=day).values_list("recipient_id", flat=True))
    ids = []
    for recipient_id, group in groupby(_waiting_items(now), key=lambda item: item.recipient_id):
        items = list(group)
        if recipient_id in done:
            continue
        user = items[0].recipient
        lines = [mail.DigestLine(item.notification, notifications.kind_label(item.notification.kind)) for item in items]
        message = mail.digest_message(user, day=day, lines=lines)
        try:
            with transaction.atomic():
                email = OutboundEmail.objects.create(
                    recipient=user, to_address=user.email, subject=message.subject, body=message.body,
                    html_body=message.html, digest_day=day, next_attempt_at=now)
                DigestItem.objects.filter(pk__in=[item.pk for item in items], email__isnull=True).update(email=email)
        except IntegrityError:  # another run wrote this user's digest for the day meanwhile
            continue
        ids.append(email.pk)
    return ids
