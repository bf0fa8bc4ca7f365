"""Email with notify(): the recipient's channel decides (in-app only, email, daily digest), the outbox
row is written with the notification and delivered after commit, once; what the message says."""

import pytest
from django.core import mail as django_mail
from django.db import transaction

from emulation import events, mail, notifications
from emulation.models import Channel, DigestItem, EmailStatus, Notification, OutboundEmail
from tests.factories import NotificationFactory, NotificationPreferenceFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = ("Nguyễn Thị Hằng đã trả lại số liệu kết quả của Chi cục Vị Thanh (phong trào “Đợt thi đua cao điểm”). "
        "Lý do: Thiếu biên bản kiểm tra. Việc cần làm: sửa số liệu theo lý do trên rồi gửi lại.")


def _event(name="result.return", **fields):
    values = {"name": name, "actor_id": None, "model_label": "campaigns.Result", "object_id": 7, "unit_id": None,
              "source": "submitted", "target": "returned", "reason": "Thiếu biên bản kiểm tra"}
    return events.Event(**(values | fields))


def _user(username, email="", **names):
    return UserFactory(username=username, email=email or f"{username}@thidua.example", **names)


def _tell(event, recipients, capture):
    with capture(execute=True):
        notifications.notify(event, recipients, TEXT, "/ke-hoach/ket-qua/7/", object_label="Chi cục Vị Thanh",
                             actor="Nguyễn Thị Hằng")


def test_each_recipient_gets_what_they_chose_in_app_email_or_digest(django_capture_on_commit_callbacks):
    in_app, by_email, digest = _user("a"), _user("b"), _user("c")
    NotificationPreferenceFactory(user=in_app, kind="result.return", channel=Channel.IN_APP)
    NotificationPreferenceFactory(user=by_email, kind="result.return", channel=Channel.EMAIL)
    NotificationPreferenceFactory(user=digest, kind="result.return", channel=Channel.DIGEST)
    NotificationPreferenceFactory(user=in_app, kind="pledge.return", channel=Channel.EMAIL)  # another kind's choice
    _tell(_event(), [in_app, by_email, digest], django_capture_on_commit_callbacks)

    assert Notification.objects.count() == 3  # the inbox has it for everyone, whatever the channel
    assert [(e.recipient_id, e.to_address, e.status) for e in OutboundEmail.objects.all()] == [
        (by_email.pk, "b@thidua.example", EmailStatus.SENT)]
    assert [m.to for m in django_mail.outbox] == [["b@thidua.example"]]
    assert [(d.recipient_id, d.email_id) for d in DigestItem.objects.all()] == [(digest.pk, None)]


def test_without_a_choice_the_kind_default_applies_email_to_act_digest_for_news(django_capture_on_commit_callbacks):
    user = _user("d")
    assert (notifications.default_channel("result.return"), notifications.default_channel("result.confirm"),
            notifications.default_channel("reminder.unknown")) == (Channel.EMAIL, Channel.DIGEST, Channel.EMAIL)
    _tell(_event(), [user], django_capture_on_commit_callbacks)
    _tell(_event("result.confirm", target="confirmed"), [user], django_capture_on_commit_callbacks)
    assert (OutboundEmail.objects.get().notification.kind, DigestItem.objects.get().notification.kind) == (
        "result.return", "result.confirm")


def test_no_address_or_an_inactive_account_means_in_app_only(django_capture_on_commit_callbacks):
    no_address = UserFactory(username="e", email="")
    inactive = _user("f", is_active=False)
    _tell(_event(), [no_address, inactive], django_capture_on_commit_callbacks)
    assert (Notification.objects.count(), OutboundEmail.objects.count(), len(django_mail.outbox)) == (2, 0, 0)


def test_the_same_event_told_twice_sends_one_email(django_capture_on_commit_callbacks):
    user = _user("g")
    event = _event()
    _tell(event, [user], django_capture_on_commit_callbacks)
    _tell(event, [user], django_capture_on_commit_callbacks)  # a retried delivery of the event
    assert (Notification.objects.count(), OutboundEmail.objects.count(), len(django_mail.outbox)) == (1, 1, 1)


def test_the_outbox_row_is_committed_with_the_notification_and_sent_only_after(django_capture_on_commit_callbacks):
    user = _user("h")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notifications.notify(_event(), [user], TEXT, "/x/")
    assert (OutboundEmail.objects.get().status, len(django_mail.outbox), len(callbacks)) == (
        EmailStatus.PENDING, 0, 1)
    callbacks[0]()
    assert (OutboundEmail.objects.get().status, len(django_mail.outbox)) == (EmailStatus.SENT, 1)


def test_a_rolled_back_transaction_leaves_neither_notification_nor_email(django_capture_on_commit_callbacks):
    user = _user("i")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        notifications.notify(_event(), [user], TEXT, "/x/")
        raise RuntimeError("rolled back")
    assert (Notification.objects.count(), OutboundEmail.objects.count(), len(django_mail.outbox)) == (0, 0, 0)


def test_the_message_says_what_the_inbox_row_says_with_an_absolute_link(settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://thidua.thads.gov.vn"
    user = _user("k", last_name="Lê Thùy", first_name="Hằng")
    _tell(_event(), [user], django_capture_on_commit_callbacks)
    notification, message = Notification.objects.get(), django_mail.outbox[0]
    link = f"https://thidua.thads.gov.vn/to-chuc/thong-bao/{notification.pk}/mo/"
    assert message.subject == "[Thi đua – Khen thưởng] Kết quả bị trả lại: Chi cục Vị Thanh"
    assert message.body.splitlines()[:3] == ["Kính gửi Lê Thùy Hằng,", "", TEXT]
    assert f"Mở thông báo: {link}" in message.body.splitlines()
    assert "Đổi cách nhận tại: https://thidua.thads.gov.vn/to-chuc/tai-khoan/" in message.body
    html, mimetype = message.alternatives[0]
    assert (mimetype, f'<a href="{link}">Mở thông báo</a>' in html, "Lê Thùy Hằng" in html) == ("text/html", True, True)


def test_the_message_never_carries_more_than_the_inbox_row():
    notification = NotificationFactory(verb="Đã trả lại <b>kết quả</b>.", object_label="Chi cục\nVị Thanh",
                                       actor_name="Người bí mật", reason="Lý do riêng chỉ trong nhật ký")
    message = mail.notification_message(notification, label="Kết quả bị trả lại")
    assert message.subject == "[Thi đua – Khen thưởng] Kết quả bị trả lại: Chi cục Vị Thanh"  # one line
    shown = [notification.verb, "Chi cục\nVị Thanh"]
    assert [part in message.body for part in shown] == [True, True]
    assert ("Người bí mật" in message.body, "Lý do riêng" in message.body, "Lý do riêng" in message.html) == (
        False, False, False)
    assert "Đã trả lại &lt;b&gt;kết quả&lt;/b&gt;." in message.html  # escaped in the HTML part


def test_a_subject_without_object_and_a_long_one_stay_within_the_header():
    assert mail.subject_for("Mời bỏ phiếu", "") == "[Thi đua – Khen thưởng] Mời bỏ phiếu"
    assert len(mail.subject_for("Mời bỏ phiếu", "Phiên họp " * 60)) == 255


def test_the_digest_lists_each_notification_with_its_link_and_counts_in_vietnamese(settings):
    import datetime

    settings.SITE_URL = "http://127.0.0.1:8000/"
    user = _user("m", last_name="Trần Văn", first_name="Bình")
    rows = [NotificationFactory(recipient=user, verb=f"Thông báo thứ {n}", object_label=f"Đối tượng {n}")
            for n in (1, 2)]
    message = mail.digest_message(user, day=datetime.date(2026, 12, 1),
                                  lines=[mail.DigestLine(n, "Kết quả được xác nhận") for n in rows])
    assert message.subject == "[Thi đua – Khen thưởng] Thư tổng hợp ngày 01/12/2026: 2 thông báo"
    body = message.body.splitlines()
    assert body[0] == "Kính gửi Trần Văn Bình,"
    assert [line.strip() for line in body if line.strip().startswith("Mở thông báo")] == [
        f"Mở thông báo: http://127.0.0.1:8000/to-chuc/thong-bao/{n.pk}/mo/" for n in rows]
    assert [line.split(" · ")[0] for line in body if line[:2] in ("1.", "2.")] == [
        "1. Kết quả được xác nhận", "2. Kết quả được xác nhận"]


def test_a_large_count_in_the_digest_subject_is_grouped_with_dots():
    import datetime

    user = _user("n")
    notification = NotificationFactory(recipient=user)
    message = mail.digest_message(user, day=datetime.date(2026, 12, 1),
                                  lines=[mail.DigestLine(notification, "Loại")] * 1234)
    assert message.subject.endswith(": 1.234 thông báo")


def test_a_returned_result_reaches_the_heads_mailbox_and_its_link_opens_the_result(
        settings, province_plan, staff, head_a, head_b, unit_a, login, django_capture_on_commit_callbacks):
    """End to end: a real transition, a real SMTP server, the link followed by the head."""
    import email
    from email import policy

    from django.urls import reverse

    from campaigns import services
    from campaigns.models import Result
    from tests.smtp_fixture import SmtpSink

    settings.SITE_URL = "https://thidua.thads.gov.vn"
    for user in (head_a, head_b, staff):
        user.email = f"{user.username}@thidua.example"
        user.save()
    result = Result.objects.create(campaign=province_plan.campaigns.get(), unit=unit_a, status="submitted",
                                   as_of=province_plan.campaigns.get().ends_on)
    sink = SmtpSink().start()
    sink.settings_for(settings)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.transition_result(actor=staff, result=result, action="return", reason="Thiếu biên bản kiểm tra")
    finally:
        sink.stop()
    [(to, raw)] = sink.received  # the head of unit A only: not unit B's, not the actor
    message = email.message_from_bytes(raw, policy=policy.default)
    notification = Notification.objects.get(recipient=head_a)
    body = message.get_body(("plain",)).get_content()
    assert (to, message["Subject"]) == (["truong_a@thidua.example"],
                                        f"[Thi đua – Khen thưởng] Kết quả bị trả lại: {result}")
    assert ("Lý do: Thiếu biên bản kiểm tra." in body, notification.verb in body.replace("\r\n", "\n")) == (True, True)
    link = f"https://thidua.thads.gov.vn/to-chuc/thong-bao/{notification.pk}/mo/"
    assert f"Mở thông báo: {link}" in body.splitlines()
    response = login(head_a).get(link.removeprefix(settings.SITE_URL), follow=True)
    assert (response.redirect_chain[-1][0], response.status_code) == (
        reverse("campaigns:result_edit", args=[result.campaign_id, result.pk]), 200)
    notification.refresh_from_db()
    assert notification.is_read
