"""Publication of nominees for feedback (công khai lấy ý kiến) and the feedback itself."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from awards.models import Feedback, FeedbackWindow
from awards.services import feedback as services
from emulation.models import AuditEntry, Role, UnitKind
from tests.factories import RoleGrantFactory, UnitFactory

pytestmark = pytest.mark.integration

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def outsider(db):
    other = UnitFactory(code="CT", name="Cục Thi hành án dân sự tỉnh Cần Thơ", kind=UnitKind.PROVINCIAL)
    return RoleGrantFactory(user__username="ngoai", role=Role.STAFF, unit=other).user


def _window(campaign, opens_on, closes_on):
    return FeedbackWindow.objects.create(campaign=campaign, opens_on=opens_on, closes_on=closes_on,
                                         note="Lấy ý kiến trong 10 ngày làm việc.")


def _list_url(campaign):
    return reverse("awards:published_list", args=[campaign.pk])


def _feedback_url(nomination):
    return reverse("awards:feedback_create", args=[nomination.pk])


def test_staff_publish_the_list_for_a_feedback_window(login, staff, submitted_proposal, today):
    campaign = submitted_proposal.campaign
    client = login(staff)
    url = reverse("awards:feedback_publish", args=[campaign.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"opens_on": today.strftime("%d/%m/%Y"), "closes_on": (today + 9 * DAY).strftime(
        "%d/%m/%Y"), "note": "Công khai danh sách đề nghị tặng Giấy khen."})
    assert response["Location"] == _list_url(campaign)
    window = FeedbackWindow.objects.get()
    assert (window.campaign, window.opens_on, window.closes_on, window.published_by) == (
        campaign, today, today + 9 * DAY, staff)
    assert list(AuditEntry.objects.values_list("model_label", "action", "actor")) == [
        ("awards.FeedbackWindow", "create", staff.pk)]
    page = client.get(_list_url(campaign)).content.decode()
    assert page.count('data-testid="published-nomination"') == 3
    assert today.strftime("%d/%m/%Y") in page and "Đang nhận ý kiến." in page


def test_publishing_with_the_end_before_the_start_saves_nothing(login, staff, submitted_proposal, today):
    url = reverse("awards:feedback_publish", args=[submitted_proposal.campaign.pk])
    response = login(staff).post(url, {"opens_on": today.strftime("%d/%m/%Y"),
                                       "closes_on": (today - DAY).strftime("%d/%m/%Y")})
    assert "Ngày kết thúc không được trước ngày bắt đầu công khai." in response.content.decode()
    assert (FeedbackWindow.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_only_staff_publish(login, head_a, council_member, outsider, submitted_proposal):
    url = reverse("awards:feedback_publish", args=[submitted_proposal.campaign.pk])
    assert login(head_a).get(url).status_code == 403
    assert login(council_member).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404


def test_officer_of_the_organisation_leaves_feedback_while_the_window_is_open(login, head_b, submitted_proposal,
                                                                               today):
    campaign = submitted_proposal.campaign
    _window(campaign, today - 2 * DAY, today + 5 * DAY)
    nomination = submitted_proposal.nominations.first()
    client = login(head_b)
    assert "Lấy ý kiến trong 10 ngày làm việc." in client.get(_list_url(campaign)).content.decode()
    response = client.post(_feedback_url(nomination), {"text": "Đồng chí An luôn tận tụy với công việc."})
    assert response["Location"] == f"{_list_url(campaign)}#de-nghi-{nomination.pk}"
    assert list(Feedback.objects.values_list("nomination", "author", "text")) == [
        (nomination.pk, head_b.pk, "Đồng chí An luôn tận tụy với công việc.")]
    assert AuditEntry.objects.get().model_label == "awards.Feedback"
    assert "Đồng chí An luôn tận tụy với công việc." in client.get(_list_url(campaign)).content.decode()


def test_feedback_after_the_window_closed_is_refused_with_a_message(login, head_b, submitted_proposal, today):
    campaign = submitted_proposal.campaign
    _window(campaign, today - 10 * DAY, today - DAY)
    client = login(head_b)
    page = client.get(_list_url(campaign)).content.decode()
    assert "Đã hết thời gian nhận ý kiến." in page and "<textarea" not in page
    response = client.post(_feedback_url(submitted_proposal.nominations.first()), {"text": "Muộn"})
    assert response.status_code == 403
    assert "Ngoài thời gian lấy ý kiến" in response.content.decode()
    assert (Feedback.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_before_publication_only_staff_preview(login, staff, head_b, submitted_proposal, today):
    campaign = submitted_proposal.campaign
    response = login(head_b).get(_list_url(campaign))
    assert response.status_code == 403
    assert "chưa được công khai" in response.content.decode()
    assert login(staff).get(_list_url(campaign)).status_code == 200
    _window(campaign, today + DAY, today + 10 * DAY)
    assert login(head_b).get(_list_url(campaign)).status_code == 403
    refused = login(head_b).post(_feedback_url(submitted_proposal.nominations.first()), {"text": "Sớm"})
    assert refused.status_code == 403
    assert Feedback.objects.count() == 0


def test_users_outside_the_organisation_get_404(login, outsider, submitted_proposal, today):
    campaign = submitted_proposal.campaign
    _window(campaign, today - DAY, today + DAY)
    client = login(outsider)
    assert client.get(_list_url(campaign)).status_code == 404
    assert client.post(_feedback_url(submitted_proposal.nominations.first()), {"text": "X"}).status_code == 404
    assert Feedback.objects.count() == 0


def test_anonymous_users_are_sent_to_sign_in(client, submitted_proposal):
    response = client.get(_list_url(submitted_proposal.campaign))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_services_refuse_outsiders_and_empty_text(outsider, head_b, submitted_proposal, today):
    _window(submitted_proposal.campaign, today, today)
    nomination = submitted_proposal.nominations.first()
    with pytest.raises(PermissionDenied):
        services.leave_feedback(actor=outsider, nomination=nomination, text="X", today=today)
    with pytest.raises(PermissionDenied):
        services.leave_feedback(actor=head_b, nomination=nomination, text="X", today=today + DAY)
    feedback = services.leave_feedback(actor=head_b, nomination=nomination, text=" Tốt ", today=today)
    assert feedback.text == "Tốt"


def test_republishing_changes_the_window_and_is_audited(staff, submitted_proposal, today):
    campaign = submitted_proposal.campaign
    services.publish_for_feedback(actor=staff, campaign=campaign, opens_on=today, closes_on=today)
    services.publish_for_feedback(actor=staff, campaign=campaign, opens_on=today, closes_on=today + 3 * DAY)
    assert FeedbackWindow.objects.get().closes_on == today + 3 * DAY
    entry = AuditEntry.objects.order_by("id").last()
    assert (entry.action, entry.changes["closes_on"]) == ("update", [today.isoformat(), (today + 3 * DAY).isoformat()])
