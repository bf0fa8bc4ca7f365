"""The outbox against a real SMTP server in the test process (aiosmtpd): what arrives on the wire,
sent at most once, SMTP down then up, backoff, the sweep and the daily digest."""

import datetime
import email
from email import policy

import pytest
from django.conf import settings as project_settings
from django.core import mail as django_mail
from django.utils import timezone

from emulation import outbox, tasks
from emulation.models import DigestItem, EmailStatus, OutboundEmail
from tests.factories import DigestItemFactory, NotificationFactory, OutboundEmailFactory, UserFactory
from tests.smtp_fixture import SmtpSink, smtp_server  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

SUBJECT = "[Thi đua – Khen thưởng] Đề nghị bị trả lại: Đề nghị khen thưởng của Chi cục Long Mỹ"
BODY = ("Kính gửi Đặng Thị Ấn,\n\nPhạm Quốc Việt đã trả lại đề nghị khen thưởng “Tập thể lao động xuất sắc”. "
        "Lý do: Thiếu biên bản họp bình xét. Việc cần làm: bổ sung hồ sơ rồi gửi lại.\n")


def _wire(raw: bytes):
    return email.message_from_bytes(raw, policy=policy.default)


def _reload(row):
    return OutboundEmail.objects.get(pk=row.pk)


def test_the_smtp_server_receives_vietnamese_subject_and_body_decoded_from_the_wire(smtp_server):  # noqa: F811
    row = OutboundEmailFactory(to_address="truong.longmy@thidua.example", subject=SUBJECT, body=BODY,
                               html_body="<p>Lý do: <b>Thiếu biên bản họp bình xét</b></p>")
    assert outbox.deliver([row.pk]).as_dict() == {"sent": 1, "retrying": 0, "failed": 0}
    [(recipients, raw)] = smtp_server.received
    message = _wire(raw)
    assert (recipients, message["To"], message["Subject"]) == (["truong.longmy@thidua.example"],
                                                              "truong.longmy@thidua.example", SUBJECT)
    assert message["From"] == project_settings.DEFAULT_FROM_EMAIL
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == BODY
    assert "Thiếu biên bản họp bình xét" in message.get_body(("html",)).get_content()
    assert b"Thi \xc4\x91ua" not in raw.split(b"\r\n\r\n", 1)[0]  # the header itself is encoded (RFC 2047)
    row = _reload(row)
    assert (row.status, row.attempts, row.last_error, row.sent_at is not None) == (EmailStatus.SENT, 1, "", True)


def test_one_connection_carries_the_batch_and_a_refused_address_does_not_stop_the_others(settings):
    sink = SmtpSink(refuse={"sai@thidua.example"}).start()
    sink.settings_for(settings)
    try:
        rows = [OutboundEmailFactory(to_address=a) for a in ("mot@thidua.example", "sai@thidua.example",
                                                              "hai@thidua.example")]
        assert outbox.deliver([r.pk for r in rows]).as_dict() == {"sent": 2, "retrying": 1, "failed": 0}
    finally:
        sink.stop()
    assert [to for to, _raw in sink.received] == [["mot@thidua.example"], ["hai@thidua.example"]]
    refused = _reload(rows[1])
    assert (refused.status, refused.attempts, "550" in refused.last_error) == (EmailStatus.PENDING, 1, True)


def test_smtp_down_keeps_the_mail_pending_then_the_sweep_delivers_it_exactly_once(settings):
    sink = SmtpSink()  # not started: nobody listens on its port
    sink.settings_for(settings)
    notification = NotificationFactory()
    row = OutboundEmailFactory(notification=notification, subject=SUBJECT, body=BODY)
    started = timezone.now()
    assert tasks.deliver_emails(email_ids=[row.pk]) == {"sent": 0, "retrying": 1, "failed": 0}
    row = _reload(row)
    assert (row.status, row.attempts, bool(row.last_error)) == (EmailStatus.PENDING, 1, True)
    assert started + datetime.timedelta(seconds=59) < row.next_attempt_at < timezone.now() + datetime.timedelta(
        seconds=61)
    assert outbox.sweep().as_dict() == {"sent": 0, "retrying": 0, "failed": 0}  # not due yet: nothing tried

    sink.start()
    try:
        later = row.next_attempt_at + datetime.timedelta(seconds=1)
        assert outbox.sweep(now=later).as_dict() == {"sent": 1, "retrying": 0, "failed": 0}
        assert outbox.sweep(now=later).as_dict() == {"sent": 0, "retrying": 0, "failed": 0}
        assert tasks.deliver_emails(email_ids=[row.pk]) == {"sent": 0, "retrying": 0, "failed": 0}  # a retried task
    finally:
        sink.stop()
    assert [_wire(raw)["Subject"] for _to, raw in sink.received] == [SUBJECT]
    row = _reload(row)
    assert (row.status, row.attempts, row.last_error) == (EmailStatus.SENT, 2, "")


def test_when_the_server_is_unreachable_the_whole_batch_waits_after_one_try(settings):
    SmtpSink().settings_for(settings)
    rows = [OutboundEmailFactory() for _ in range(3)]
    assert outbox.deliver([r.pk for r in rows]).as_dict() == {"sent": 0, "retrying": 3, "failed": 0}
    assert {(r.status, r.attempts) for r in OutboundEmail.objects.all()} == {(EmailStatus.PENDING, 1)}


def test_a_delivery_run_twice_or_at_the_same_time_sends_once():
    row = OutboundEmailFactory()
    token, claimed = outbox.claim([row.pk], now=timezone.now())
    assert (len(claimed), outbox.claim([row.pk], now=timezone.now())[1]) == (1, [])  # a second worker gets none
    assert outbox.deliver([row.pk]).sent == 0  # already claimed
    OutboundEmail.objects.filter(pk=row.pk).update(status=EmailStatus.PENDING, claim="")
    assert [outbox.deliver([row.pk]).sent, outbox.deliver([row.pk]).sent] == [1, 0]
    assert tasks.deliver_emails(email_ids=[row.pk]) == {"sent": 0, "retrying": 0, "failed": 0}
    assert len(django_mail.outbox) == 1


@pytest.mark.parametrize(("attempts", "minutes"), [(1, 1), (2, 2), (3, 4), (5, 16), (9, 256), (10, 360), (30, 360)])
def test_backoff_doubles_from_one_minute_up_to_six_hours(attempts, minutes):
    assert outbox.backoff(attempts) == datetime.timedelta(minutes=minutes)


def test_after_the_last_attempt_the_row_is_failed_and_no_longer_tried(settings):
    SmtpSink().settings_for(settings)
    row = OutboundEmailFactory(attempts=outbox.MAX_ATTEMPTS - 1)
    assert outbox.deliver([row.pk]).as_dict() == {"sent": 0, "retrying": 0, "failed": 1}
    assert outbox.sweep(now=timezone.now() + datetime.timedelta(days=1)).as_dict()["failed"] == 0
    assert (_reload(row).status, _reload(row).attempts) == (EmailStatus.FAILED, outbox.MAX_ATTEMPTS)


def test_a_row_left_sending_by_a_dead_worker_is_failed_not_sent_again():
    row = OutboundEmailFactory()
    assert len(outbox.claim([row.pk], now=timezone.now())[1]) == 1  # the worker that claimed it died mid-send
    OutboundEmail.objects.filter(pk=row.pk).update(claimed_at=timezone.now() - datetime.timedelta(minutes=16))
    assert outbox.sweep().as_dict() == {"sent": 0, "retrying": 0, "failed": 0}
    row = _reload(row)
    assert (row.status, row.last_error, len(django_mail.outbox)) == (EmailStatus.FAILED, outbox.INTERRUPTED, 0)


def test_the_sweep_sends_in_batches_until_nothing_is_due():
    OutboundEmailFactory.create_batch(5)
    OutboundEmailFactory(next_attempt_at=timezone.now() + datetime.timedelta(hours=1))
    assert outbox.sweep(batch=2).as_dict() == {"sent": 5, "retrying": 0, "failed": 0}
    assert len(django_mail.outbox) == 5


def test_the_daily_digest_is_one_email_per_user_and_day(smtp_server):  # noqa: F811
    ann, binh, nobody = (UserFactory(username=u, email=f"{u}@thidua.example", last_name=family, first_name=given)
                         for u, family, given in (("ann", "Đặng Thị", "Ấn"), ("binh", "Bùi Văn", "Bình"),
                                                  ("ai", "", "")))
    first = [DigestItemFactory(notification__recipient=ann, notification__verb=f"Việc thứ {n} của Ấn")
             for n in (1, 2)]
    DigestItemFactory(notification__recipient=binh, notification__verb="Việc của Bình")
    day = datetime.date(2026, 12, 1)
    ids = outbox.write_digests(day=day)
    assert outbox.write_digests(day=day) == []  # the job run twice the same day: nothing more
    assert outbox.deliver(ids).sent == 2
    by_user = {to[0]: _wire(raw) for to, raw in smtp_server.received}
    assert sorted(by_user) == ["ann@thidua.example", "binh@thidua.example"]
    assert by_user["ann@thidua.example"]["Subject"] == (
        "[Thi đua – Khen thưởng] Thư tổng hợp ngày 01/12/2026: 2 thông báo")
    text = by_user["ann@thidua.example"].get_body(("plain",)).get_content()
    assert ("Kính gửi Đặng Thị Ấn," in text, "Việc thứ 1 của Ấn" in text, "Việc thứ 2 của Ấn" in text,
            "Việc của Bình" in text) == (True, True, True, False)
    assert {item.email_id for item in DigestItem.objects.filter(pk__in=[i.pk for i in first])} == {ids[0]}

    late = DigestItemFactory(notification__recipient=ann, notification__verb="Đến sau")
    assert outbox.write_digests(day=day) == []  # arrived after today's digest: kept for tomorrow
    [tomorrow] = outbox.write_digests(day=day + datetime.timedelta(days=1))
    late.refresh_from_db()
    assert (late.email_id, OutboundEmail.objects.get(pk=tomorrow).recipient_id) == (tomorrow, ann.pk)
    assert nobody.pk not in set(OutboundEmail.objects.values_list("recipient_id", flat=True))


def test_the_digest_task_writes_and_delivers_todays_digests(django_capture_on_commit_callbacks):
    DigestItemFactory(notification__recipient=UserFactory(email="c@thidua.example"))
    with django_capture_on_commit_callbacks(execute=True):  # the delivery is published after the commit (outbox)
        assert [tasks.send_digests(), tasks.send_digests()] == [1, 0]
    digest = OutboundEmail.objects.get()
    assert ([m.to for m in django_mail.outbox], digest.status, digest.digest_day) == (
        [["c@thidua.example"]], EmailStatus.SENT, timezone.localdate())


def test_the_beat_schedule_runs_the_sweep_every_minute_and_the_digest_at_seven():
    schedule = project_settings.CELERY_BEAT_SCHEDULE
    digest = schedule["email-daily-digest"]["schedule"]
    assert (schedule["email-outbox-sweep"]["task"], schedule["email-outbox-sweep"]["schedule"]) == (
        "emulation.sweep_outbox", 60.0)
    assert (schedule["email-daily-digest"]["task"], digest.hour, digest.minute) == (
        "emulation.send_digests", {7}, {0})
    assert project_settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"
