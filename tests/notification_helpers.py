"""Shared checks of the notification and reminder tests: who was told what, and whether they can open it."""

from django.test import Client

from emulation.models import Notification


def reminders_of(kind: str) -> list[tuple]:
    """(recipient's username, event key, text, link) of each notification of ``kind``, sorted."""
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", "event_key", "verb",
                                                                      "url"))


def opens(user, url: str) -> bool:
    """``user`` signed in gets the page at ``url`` (200): nobody is told about what they cannot open."""
    client = Client()
    client.force_login(user)
    return client.get(url).status_code == 200
