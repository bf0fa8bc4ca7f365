"""Thư điện tử: what a notification's email says, and the outbox rows ``notify`` writes with it.

- A message carries no more than the inbox row shows: the kind, the object, the notification's own
  text (who did what, the reason, what to do next), its time, and an absolute link (``SITE_URL``) to
  the notification's open view, which marks it read and goes on to the object.
- Always in Vietnamese, like the stored text, whatever language the reader's interface uses.
- ``queue_event`` runs inside ``notify``'s transaction: each recipient with an email address whose
  choice for the kind is email gets one outbox row (unique per notification, so delivering the
  event twice writes one), the digest choice gets a digest item; delivery is enqueued after commit.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import dispatch
from .models import Channel, DigestItem, EmailStatus, Notification, NotificationPreference, OutboundEmail
from .text import person_name


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    html: str


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def open_link(notification_id: int) -> str:
    """The notification's open view: marks it read, then goes to the object (after signing in if need be)."""
    return absolute(reverse("emulation:notification_open", args=[notification_id]))


@functools.cache
def _account_path() -> str:
    return reverse("emulation:account_edit")


def account_link() -> str:
    return absolute(_account_path())


def one_line(value) -> str:
    """A header may not break lines: every run of white space becomes one space."""
    return " ".join(str(value).split())


def when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def subject_for(label: str, object_label: str) -> str:
    values = {"kind": one_line(label), "object": one_line(object_label)}
    if values["object"]:
        return (_("[Thi đua – Khen thưởng] %(kind)s: %(object)s") % values)[:255]
    return (_("[Thi đua – Khen thưởng] %(kind)s") % values)[:255]


def _footer(label: str) -> tuple[str, str]:
    automatic = _("Thư gửi tự động từ hệ thống Thi đua – Khen thưởng; vui lòng không trả lời thư này.")
    reason = _("Bạn nhận thư này vì đã chọn nhận thư điện tử cho loại thông báo “%(kind)s”. Đổi cách nhận tại: "
               "%(link)s") % {"kind": label, "link": account_link()}
    return automatic, reason


def notification_message(notification: Notification, *, label: str) -> Message:
    """The email telling ``notification.recipient`` what the inbox row tells them."""
    with translation.override("vi"):
        greeting = _("Kính gửi %(name)s,") % {"name": person_name(notification.recipient)}
        link = open_link(notification.pk)
        facts = [(_("Loại thông báo"), label), (_("Đối tượng"), notification.object_label),
                 (_("Thời điểm"), when(notification.created_at))]
        facts = [(name, value) for name, value in facts if value]
        automatic, reason = _footer(label)
        opener = _("Mở thông báo")
        body = "\n".join([greeting, "", notification.verb, "", *(f"{name}: {value}" for name, value in facts), "",
                          f"{opener}: {link}", "", "—", automatic, reason, ""])
        html = format_html(
            "<p>{}</p><p>{}</p><ul>{}</ul><p><a href=\"{}\">{}</a></p><hr><p><small>{}<br>{}</small></p>",
            greeting, notification.verb,
            format_html_join("", "<li>{}: {}</li>", facts), link, opener, automatic, reason)
        return Message(subject_for(label, notification.object_label), body, html)


@dataclass(frozen=True)
class DigestLine:
    notification: Notification
    label: str


def digest_message(user, *, day, lines: list[DigestLine]) -> Message:
    """One email listing the notifications kept for ``user``'s daily digest."""
    with translation.override("vi"):
        count = formats.number_format(len(lines), use_l10n=True, force_grouping=True)
        values = {"day": formats.date_format(day, "SHORT_DATE_FORMAT"), "count": count}
        subject = ngettext("[Thi đua – Khen thưởng] Thư tổng hợp ngày %(day)s: %(count)s thông báo",
                           "[Thi đua – Khen thưởng] Thư tổng hợp ngày %(day)s: %(count)s thông báo",
                           len(lines)) % values
        greeting = _("Kính gửi %(name)s,") % {"name": person_name(user)}
        intro = _("Các thông báo bạn chọn nhận trong thư tổng hợp hằng ngày:")
        opener = _("Mở thông báo")
        automatic = _("Thư gửi tự động từ hệ thống Thi đua – Khen thưởng; vui lòng không trả lời thư này.")
        change = _("Đổi cách nhận thông báo tại: %(link)s") % {"link": account_link()}
        text_items, html_items = [], []
        for number, line in enumerate(lines, start=1):
            n = line.notification
            head = " · ".join(part for part in (line.label, when(n.created_at), n.object_label) if part)
            text_items += [f"{number}. {head}", f"   {n.verb}", f"   {opener}: {open_link(n.pk)}", ""]
            html_items.append(format_html("<li><strong>{}</strong><br>{}<br><a href=\"{}\">{}</a></li>",
                                          head, n.verb, open_link(n.pk), opener))
        body = "\n".join([greeting, "", intro, "", *text_items, "—", automatic, change, ""])
        html = format_html("<p>{}</p><p>{}</p><ol>{}</ol><hr><p><small>{}<br>{}</small></p>", greeting, intro,
                           format_html_join("", "{}", ((item,) for item in html_items)), automatic, change)
        return Message(one_line(subject)[:255], body, html)


def queue_event(event_key: str, *, kind: str, label: str, default: str) -> list[int]:
    """Inside ``notify``'s transaction: outbox rows and digest items for the event's notifications whose
    recipient is active and has an email address. Returns the ids of the emails to deliver after commit."""
    choice = NotificationPreference.objects.filter(user_id=OuterRef("recipient_id"), kind=kind).values("channel")
    rows = (Notification.objects.filter(event_key=event_key, recipient__is_active=True)
            .exclude(recipient__email="").annotate(channel=Subquery(choice[:1])).select_related("recipient"))
    if default == Channel.IN_APP:
        rows = rows.filter(channel__in=[Channel.EMAIL, Channel.DIGEST])
    now = timezone.now()
    emails, digests = [], []
    for notification in rows:
        channel = notification.channel or default
        if channel == Channel.EMAIL:
            message = notification_message(notification, label=label)
            emails.append(OutboundEmail(recipient_id=notification.recipient_id, to_address=notification.recipient.email,
                                        subject=message.subject, body=message.body, html_body=message.html,
                                        notification=notification, next_attempt_at=now))
        elif channel == Channel.DIGEST:
            digests.append(DigestItem(notification=notification, recipient_id=notification.recipient_id))
    DigestItem.objects.bulk_create(digests, ignore_conflicts=True)
    if not emails:
        return []
    OutboundEmail.objects.bulk_create(emails, ignore_conflicts=True)
    ids = list(OutboundEmail.objects.filter(notification__event_key=event_key, status=EmailStatus.PENDING,
                                            attempts=0).values_list("pk", flat=True))
    enqueue(ids)  # outbox rows of the task outbox, committed with these: published after the commit
    return ids


def enqueue(email_ids: list[int], *, batch: int = 200) -> None:
    """Hand the emails to the delivery task, ``batch`` at a time (one SMTP connection per batch), through the
    task outbox: a broker outage delays them and never blocks the request (the rows wait in the database)."""
    for start in range(0, len(email_ids), batch):
        dispatch.enqueue("emulation.deliver_emails", {"email_ids": email_ids[start:start + batch]})
