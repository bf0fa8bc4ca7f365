"""In-app notifications: the recipients by role grant, notify() in bulk and idempotent, the bell in
one query, the inbox (filters, pages, the user's own only, mark read one by one or all)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from emulation import events, notifications
from emulation.context_processors import notification_bell
from emulation.models import Notification, Role
from tests.factories import CampaignFactory, NotificationFactory, PlanFactory, RoleGrantFactory, UnitFactory

pytestmark = pytest.mark.django_db


def _event(**fields):
    values = {"name": "result.return", "actor_id": None, "model_label": "campaigns.Result", "object_id": 1,
              "unit_id": None, "source": "submitted", "target": "returned", "reason": "Thiếu số liệu"}
    return events.Event(**(values | fields))


def test_ancestor_paths_are_the_unit_and_every_unit_above_it():
    assert notifications.ancestor_paths("/000001/000004/000009/") == [
        "/000001/", "/000001/000004/", "/000001/000004/000009/"]
    assert notifications.ancestor_paths("") == []


@pytest.mark.parametrize(("reason", "inside"), [
    ("Thiếu biên bản.", "Thiếu biên bản"), ("Thiếu biên bản", "Thiếu biên bản"), ("  Sai số liệu.  ", "Sai số liệu"),
    ("", ""),
])
def test_a_reason_goes_inside_a_sentence_without_its_own_full_stop(reason, inside):
    event = events.Event(name="result.return", actor_id=None, model_label="campaigns.Result", object_id=1,
                         unit_id=None, source="submitted", target="returned", reason=reason)
    assert notifications.reason_of(event) == inside


def test_holders_of_a_role_are_granted_it_on_the_unit_or_above_never_below_or_beside(
        province, unit_a, unit_b, head_a, head_b, staff, director):
    division = UnitFactory(code="HG-VT-1", name="Đội thi hành án số 1", parent=unit_a)
    head_of_division = RoleGrantFactory(user__username="doi1", role=Role.UNIT_HEAD, unit=division).user
    province_head = RoleGrantFactory(user__username="truong_cuc", role=Role.UNIT_HEAD, unit=province).user
    assert notifications.holder_ids(unit_a, [Role.UNIT_HEAD]) == {head_a.pk, province_head.pk}
    assert notifications.holder_ids(division, [Role.UNIT_HEAD]) == {head_a.pk, province_head.pk,
                                                                    head_of_division.pk}
    assert notifications.holder_ids(unit_a, [Role.STAFF]) == {staff.pk}
    assert notifications.holder_ids_over([unit_a, unit_b], [Role.UNIT_HEAD]) == {head_a.pk, head_b.pk,
                                                                               province_head.pk}
    head_b.is_active = False
    head_b.save()
    assert head_b.pk not in notifications.holder_ids(unit_b, [Role.UNIT_HEAD])


def test_notify_writes_one_row_per_recipient_in_one_insert_and_never_twice(head_a, head_b, staff, unit_a):
    event = _event(actor_id=staff.pk, unit_id=unit_a.pk)
    with CaptureQueriesContext(connection) as queries:
        notifications.notify(event, [head_a, head_b.pk, head_a], "Đã trả lại", "/x/", actor="Thường trực")
    inserts = [q["sql"].split('"')[1] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert inserts == ["emulation_notification"]  # one bulk insert (the actor's name was given); nobody has an email
    assert len(queries) <= 4  # and one read for the email channel (the savepoint around both: two more)
    notifications.notify(event, [head_a, head_b], "Đã trả lại", "/x/")  # the same event delivered again
    rows = Notification.objects.order_by("recipient_id")
    assert [(n.recipient_id, n.kind, n.reason, n.unit_id, n.url) for n in rows] == [
        (head_a.pk, "result.return", "Thiếu số liệu", unit_a.pk, "/x/"),
        (head_b.pk, "result.return", "Thiếu số liệu", unit_a.pk, "/x/")]
    notifications.notify(_event(), [head_a], "Lần trả lại khác", "/x/")  # another event: another row
    assert Notification.objects.filter(recipient=head_a).count() == 2


def test_the_actor_is_not_told_of_their_own_action(staff, head_a):
    notifications.notify(_event(actor_id=staff.pk), [staff, head_a], "…", "/")
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [head_a.pk]
    assert Notification.objects.get().actor_name == "thuongtruc"


def test_a_handler_runs_in_vietnamese_after_commit_and_not_at_all_on_rollback(
        head_a, django_capture_on_commit_callbacks):
    from django.db import transaction
    from django.utils import translation

    seen = []
    notifications.subscribe("test.ping", "Thử", lambda event: seen.append(translation.get_language()))
    try:
        with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
            events.emit(_event(name="test.ping"))
        assert seen == ["vi"]
        with (pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True) as callbacks,
              transaction.atomic()):
            events.emit(_event(name="test.ping"))
            raise RuntimeError
        assert (seen, callbacks) == (["vi"], [])
    finally:
        for handler in list(events._subscribers["test.ping"]):
            events.unsubscribe("test.ping", handler)


# The bell


def _bell(user):
    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        context = notification_bell(request)
    return context, len(queries)


def test_the_bell_counts_the_unread_in_one_query_however_many_there_are(head_a, head_b):
    assert _bell(head_a) == ({"unread_notifications": 0}, 1)
    NotificationFactory.create_batch(30, recipient=head_a)
    NotificationFactory.create_batch(2, recipient=head_a, read_at="2024-07-01T00:00:00Z")
    NotificationFactory.create_batch(5, recipient=head_b)
    assert _bell(head_a) == ({"unread_notifications": 30}, 1)


def test_the_bell_shows_in_the_navbar_and_a_page_costs_the_same_queries_at_1_and_40(login, head_a):
    client = login(head_a)
    NotificationFactory(recipient=head_a)
    url = reverse("emulation:notification_list")
    client.get(url)  # the first request after signing in also writes the session (its idle limit)
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    assert 'data-testid="bell-count">1<' in page and page.count('data-testid="notification"') == 1
    NotificationFactory.create_batch(39, recipient=head_a)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert 'data-testid="bell-count">40<' in page
    assert page.count('data-testid="notification"') == 25  # a full page rendered, for the same queries
    assert len(few) == len(many)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (reverse("emulation:notification_list"), reverse("emulation:notification_read_all")):
        response = client.get(url) if url.endswith("thong-bao/") else client.post(url)
        assert response.status_code == 302 and reverse("emulation:login") in response["Location"]
    assert "bell" not in client.get(reverse("emulation:login")).content.decode()


# The inbox


def test_the_inbox_shows_only_the_users_own_filtered_by_unread_and_kind(login, head_a, head_b):
    NotificationFactory(recipient=head_a, kind="result.return", verb="Kết quả bị trả lại vì thiếu số")
    NotificationFactory(recipient=head_a, kind="pledge.approve", verb="Giao ước đã duyệt",
                        read_at="2024-07-01T00:00:00Z")
    NotificationFactory(recipient=head_b, kind="result.return", verb="Của đơn vị khác")
    client = login(head_a)
    url = reverse("emulation:notification_list")
    page = client.get(url).content.decode()
    assert ("Kết quả bị trả lại vì thiếu số" in page, "Giao ước đã duyệt" in page, "Của đơn vị khác" in page) == (
        True, True, False)
    assert "Kết quả bị trả lại</option>" in page  # the kind filter, labelled
    page = client.get(url, {"unread": "1"}).content.decode()
    assert ("Kết quả bị trả lại vì thiếu số" in page, "Giao ước đã duyệt" in page) == (True, False)
    page = client.get(url, {"kind": "pledge.approve"}).content.decode()
    assert ("Kết quả bị trả lại vì thiếu số" in page, "Giao ước đã duyệt" in page) == (False, True)


def test_the_inbox_is_paginated(login, head_a):
    NotificationFactory.create_batch(30, recipient=head_a)
    response = login(head_a).get(reverse("emulation:notification_list"))
    assert len(response.context["page_obj"]) == 25
    assert len(login(head_a).get(reverse("emulation:notification_list"), {"page": 2}).context["page_obj"]) == 5


def test_marking_one_read_opens_its_link_and_another_users_answers_404(login, head_a, head_b):
    mine = NotificationFactory(recipient=head_a, url="/ke-hoach/")
    theirs = NotificationFactory(recipient=head_b)
    client = login(head_a)
    response = client.post(reverse("emulation:notification_read", args=[mine.pk]), {"open": "1"})
    assert (response.status_code, response["Location"]) == (302, "/ke-hoach/")
    assert client.post(reverse("emulation:notification_read", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("emulation:notification_read", args=[mine.pk])).status_code == 405
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.read_at is not None, theirs.read_at) == (True, None)


@pytest.mark.parametrize("stored", ["//elsewhere.example/x", "https://elsewhere.example/", "/\\elsewhere.example"])
def test_opening_never_leaves_the_site(login, head_a, stored):
    notification = NotificationFactory(recipient=head_a, url=stored)
    response = login(head_a).post(reverse("emulation:notification_read", args=[notification.pk]), {"open": "1"})
    assert (response.status_code, response["Location"]) == (302, reverse("emulation:notification_list"))


def test_mark_all_read_touches_only_the_users_own(login, head_a, head_b):
    NotificationFactory.create_batch(3, recipient=head_a)
    NotificationFactory(recipient=head_b)
    response = login(head_a).post(reverse("emulation:notification_read_all"))
    assert response.status_code == 302
    assert (notifications.unread_count(head_a), notifications.unread_count(head_b)) == (0, 1)


def test_the_inbox_filters_by_campaign_offering_only_the_users_own_campaigns(login, head_a, head_b, province_plan,
                                                                             campaign_a, campaign_b):
    campaign = province_plan.campaigns.get()
    NotificationFactory(recipient=head_a, campaign=campaign, verb="Về đợt cao điểm")
    NotificationFactory(recipient=head_a, campaign=campaign_a, verb="Về phong trào của Vị Thanh")
    NotificationFactory(recipient=head_a, verb="Không thuộc phong trào nào")
    NotificationFactory(recipient=head_b, campaign=campaign_b, verb="Của Long Mỹ")
    assert notifications.campaigns_of(head_a) == [(campaign.pk, campaign.name), (campaign_a.pk, campaign_a.name)]
    client = login(head_a)
    url = reverse("emulation:notification_list")
    page = client.get(url).content.decode()
    assert (f'<option value="{campaign_a.pk}" >{campaign_a.name}</option>' in page, campaign_b.name in page) == (
        True, False)
    page = client.get(url, {"campaign": campaign.pk}).content.decode()
    assert ("Về đợt cao điểm" in page, "Về phong trào của Vị Thanh" in page, "Không thuộc" in page) == (
        True, False, False)
    assert f'<option value="{campaign.pk}" selected>' in page
    assert "Của Long Mỹ" not in client.get(url, {"campaign": campaign_b.pk}).content.decode()
    page = client.get(url, {"campaign": "x"}).content.decode()  # a bad value filters nothing out
    assert "Không thuộc phong trào nào" in page


def test_the_campaign_filter_lists_campaigns_in_vietnamese_order(head_a, province):
    plan = PlanFactory(issuer=province)
    for name in ("Đợt thi đua cao điểm", "Phong trào Dân vận khéo", "Ấn tượng năm mới", "Bình xét cuối năm"):
        NotificationFactory(recipient=head_a, campaign=CampaignFactory(plan=plan, name=name))
    assert [name for _pk, name in notifications.campaigns_of(head_a)] == [
        "Ấn tượng năm mới", "Bình xét cuối năm", "Đợt thi đua cao điểm", "Phong trào Dân vận khéo"]


def test_the_campaign_filter_costs_one_query_however_many_campaigns(login, head_a, province):
    plan = PlanFactory(issuer=province)
    client, url = login(head_a), reverse("emulation:notification_list")
    NotificationFactory(recipient=head_a, campaign=CampaignFactory(plan=plan))
    client.get(url)  # the first request after signing in also writes the session (its idle limit)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(12):
        NotificationFactory.create_batch(3, recipient=head_a, campaign=CampaignFactory(plan=plan))
    first = plan.campaigns.order_by("pk").first().pk
    with CaptureQueriesContext(connection) as many:
        page = client.get(url, {"campaign": first, "unread": "1"}).content.decode()
    assert page.count('<option value="') - page.count('<option value="">') == 13 + len(notifications.kinds_of(head_a))
    assert len(few) == len(many)
