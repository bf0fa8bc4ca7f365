"""Feedback from the public, without signing in: name and contact required, at most N per address and hour,
shown only once staff approve it, answered by staff — the author reads the answer through a private link."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards.models import Feedback, FeedbackStatus, FeedbackWindow
from awards.public_feedback import contact_problem
from awards.selectors import council as council_selectors
from emulation.models import AuditEntry, Notification

pytestmark = pytest.mark.integration
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(("contact", "refused"), [
    ("ten@example.vn", False), ("0912 345 678", False), ("+84 912.345.678", False), ("02933-876-543", False),
    ("", True), ("ten@", True), ("091234", True), ("gọi tôi", True), ("0912345678901234567", True),
])
def test_contact_problem(contact, refused):
    assert (contact_problem(contact) is not None) == refused


@pytest.fixture
def window(submitted_proposal):
    today = timezone.localdate()
    return FeedbackWindow.objects.create(campaign=submitted_proposal.campaign, opens_on=today - DAY,
                                         closes_on=today + 5 * DAY, note="Lấy ý kiến trong 7 ngày.")


@pytest.fixture
def nomination(submitted_proposal):
    return submitted_proposal.nominations.get(officer__full_name="Nguyễn Văn An")


def _post(nomination, address="203.0.113.5", **fields):
    data = {"name": "Trần Thị Bình", "contact": "0912 345 678", "text": "Anh An xử lý hồ sơ rất tận tình."} | fields
    return Client().post(reverse("awards:public_feedback_create", args=[nomination.pk]),
                         {f"n{nomination.pk}-{k}": v for k, v in data.items()}, REMOTE_ADDR=address)


def _public_page(campaign) -> str:
    response = Client().get(reverse("awards:public_list", args=[campaign.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_reads_the_published_list_without_signing_in(window, submitted_proposal):
    page = _public_page(submitted_proposal.campaign)
    assert "Nguyễn Văn An" in page and "Lê Thị Cúc" in page and "Lấy ý kiến trong 7 ngày." in page
    assert page.count('data-testid="public-feedback-form"') == 3 and 'name="csrfmiddlewaretoken"' in page


def test_before_publication_and_without_a_window_the_public_list_does_not_exist(submitted_proposal):
    url = reverse("awards:public_list", args=[submitted_proposal.campaign_id])
    assert Client().get(url).status_code == 404
    today = timezone.localdate()
    FeedbackWindow.objects.create(campaign=submitted_proposal.campaign, opens_on=today + DAY, closes_on=today + 9 * DAY)
    assert Client().get(url).status_code == 404


def test_name_and_contact_are_required_and_nothing_typed_is_lost(window, nomination):
    response = _post(nomination, name=" ", contact="091234")
    page = response.content.decode()
    assert response.status_code == 200 and not Feedback.objects.exists()
    assert "Số điện thoại gồm 8–15 chữ số" in page and "Anh An xử lý hồ sơ rất tận tình." in page
    assert "Trường này là bắt buộc." in page


def test_a_comment_waits_for_staff_then_shows_with_the_answer(window, nomination, submitted_proposal, login, staff,
                                                              head_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(nomination)
    feedback = Feedback.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "awards:public_feedback_status", args=[feedback.token])
    assert (feedback.status, feedback.author, feedback.ip_address) == (FeedbackStatus.PENDING, None, "203.0.113.5")
    entry = AuditEntry.objects.get(model_label="awards.Feedback")
    assert (entry.actor_id, entry.actor_name) == (None, "Trần Thị Bình (góp ý công khai)")
    [note] = Notification.objects.filter(recipient=staff)
    assert note.verb.startswith("Trần Thị Bình (góp ý công khai) đã gửi ý kiến góp ý về Nguyễn Văn An")
    campaign = submitted_proposal.campaign
    assert "Anh An xử lý hồ sơ" not in _public_page(campaign)  # not before staff approve
    assert "Anh An xử lý hồ sơ" not in login(head_b).get(reverse("awards:published_list", args=[campaign.pk])
                                                         ).content.decode()
    staff_page = login(staff).get(reverse("awards:published_list", args=[campaign.pk])).content.decode()
    assert "Anh An xử lý hồ sơ" in staff_page and "Chờ duyệt" in staff_page and "0912 345 678" in staff_page
    status = Client().get(response["Location"]).content.decode()
    assert "Chờ duyệt" in status and "Chưa có trả lời." in status

    client = login(staff)
    assert client.post(reverse("awards:feedback_moderate", args=[feedback.pk, "show"])).status_code == 302
    client.post(reverse("awards:feedback_moderate", args=[feedback.pk, "reply"]),
                {"reply": "Cảm ơn ý kiến; Hội đồng đã ghi nhận."})
    page = _public_page(campaign)
    assert "Anh An xử lý hồ sơ" in page and "Cảm ơn ý kiến; Hội đồng đã ghi nhận." in page
    assert "0912 345 678" not in page and "203.0.113.5" not in page  # the contact stays with staff
    status = Client().get(response["Location"]).content.decode()
    assert "Đã đăng" in status and "Cảm ơn ý kiến; Hội đồng đã ghi nhận." in status
    feedback.refresh_from_db()
    assert (feedback.status, feedback.moderated_by, feedback.replied_by) == (FeedbackStatus.SHOWN, staff, staff)
    assert AuditEntry.objects.filter(model_label="awards.Feedback", actor=staff).count() == 2


def test_staff_keep_a_comment_off_only_with_a_reason(window, nomination, login, staff):
    _post(nomination)
    feedback = Feedback.objects.get()
    url = reverse("awards:feedback_moderate", args=[feedback.pk, "hide"])
    response = login(staff).post(url, {"note": ""}, follow=True)
    assert "Ghi rõ lý do khi “Không đăng”." in response.content.decode()
    assert Feedback.objects.get().status == FeedbackStatus.PENDING
    login(staff).post(url, {"note": "Nội dung không liên quan đến thành tích."})
    feedback.refresh_from_db()
    assert (feedback.status, feedback.moderation_note) == (
        FeedbackStatus.HIDDEN, "Nội dung không liên quan đến thành tích.")
    status = Client().get(reverse("awards:public_feedback_status", args=[feedback.token])).content.decode()
    assert "Không đăng" in status and "Nội dung không liên quan đến thành tích." in status


def test_only_staff_of_the_issuer_moderate(window, nomination, login, head_b, head_a):
    _post(nomination)
    feedback = Feedback.objects.get()
    for user in (head_a, head_b):
        for action in ("show", "reply"):
            response = login(user).post(reverse("awards:feedback_moderate", args=[feedback.pk, action]),
                                        {"reply": "Trả lời"})
            assert response.status_code == 403, (user, action)
    assert Client().post(reverse("awards:feedback_moderate", args=[feedback.pk, "show"])).status_code == 302  # sign in
    assert Feedback.objects.get().status == FeedbackStatus.PENDING and not Feedback.objects.get().reply


def test_one_address_sends_at_most_five_an_hour(window, nomination, settings):
    assert settings.PUBLIC_FEEDBACK_PER_HOUR == 5
    assert [_post(nomination, text=f"Ý kiến {n}").status_code for n in range(5)] == [302] * 5
    refused = _post(nomination, text="Ý kiến thứ sáu")
    assert refused.status_code == 429 and "đã gửi 5 ý kiến trong một giờ qua" in refused.content.decode()
    assert "Ý kiến thứ sáu" in refused.content.decode()  # kept in the form
    assert _post(nomination, address="198.51.100.7", text="Từ địa chỉ khác").status_code == 302
    Feedback.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    assert _post(nomination, text="Một giờ sau").status_code == 302
    assert Feedback.objects.count() == 7


def test_after_the_window_no_comment_is_taken(window, nomination):
    FeedbackWindow.objects.filter(pk=window.pk).update(closes_on=timezone.localdate() - DAY,
                                                       opens_on=timezone.localdate() - 9 * DAY)
    response = _post(nomination)
    assert response.status_code == 403 and "Ngoài thời gian lấy ý kiến" in response.content.decode()
    assert not Feedback.objects.exists()
    assert 'data-testid="public-feedback-form"' not in _public_page(nomination.proposal.campaign)


def test_the_council_reads_only_the_comments_staff_let_through(window, nomination, login, staff):
    _post(nomination, text="Chờ duyệt")
    _post(nomination, text="Được đăng")
    shown = Feedback.objects.get(text="Được đăng")
    login(staff).post(reverse("awards:feedback_moderate", args=[shown.pk, "show"]))
    rows = council_selectors.published_nominations(nomination.proposal.campaign)
    assert [f.text for n in rows if n.pk == nomination.pk for f in n.feedback.all()] == ["Được đăng"]
    everything = council_selectors.published_nominations(nomination.proposal.campaign, shown_only=False)
    assert sorted(f.text for n in everything if n.pk == nomination.pk for f in n.feedback.all()) == [
        "Chờ duyệt", "Được đăng"]


def test_an_unknown_link_is_404(db):
    assert Client().get(reverse("awards:public_feedback_status", args=["0" * 32])).status_code == 404
