"""The idle limit moves on with the user's requests, with one session write a minute at most."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _session_writes(queries) -> int:
    return sum(q["sql"].startswith("UPDATE") and "django_session" in q["sql"] for q in queries.captured_queries)


def test_a_request_after_a_minute_moves_the_end_on_and_one_within_the_minute_writes_nothing(
        login, staff, django_assert_max_num_queries):
    client = login(staff)
    url = reverse("emulation:notification_list")
    with django_assert_max_num_queries(20) as first:
        assert client.get(url).status_code == 200
    key = client.session.session_key
    ends = Session.objects.get(pk=key).expire_date
    with django_assert_max_num_queries(20) as second:
        assert client.get(url).status_code == 200
    assert (_session_writes(first), _session_writes(second)) == (1, 0)
    assert Session.objects.get(pk=key).expire_date == ends
    session = client.session
    session["_refreshed_at"] -= 60  # a minute later
    session.save()
    ends = Session.objects.get(pk=key).expire_date
    with django_assert_max_num_queries(20) as later:
        assert client.get(url).status_code == 200
    assert _session_writes(later) == 1 and Session.objects.get(pk=key).expire_date >= ends


def test_an_anonymous_request_makes_no_session(client):
    client.get(reverse("emulation:login"))
    assert Session.objects.count() == 0
