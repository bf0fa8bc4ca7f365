# ruff: noqa: F811 - the awards fixtures are imported by name
"""A member of the public comments on a published nominee without signing in, staff approve and answer, the
author reads the answer through the private link — at 1366 and 390 px."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Feedback, FeedbackWindow
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.e2e.test_award_flow import signed_in
from tests.e2e.test_notifications_flow import _looked_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_a_public_comment_is_approved_and_answered(browser, live_server, submitted_proposal, staff, width):
    today = timezone.localdate()
    campaign = submitted_proposal.campaign
    FeedbackWindow.objects.create(campaign=campaign, opens_on=today - datetime.timedelta(days=1),
                                  closes_on=today + datetime.timedelta(days=6))
    nomination = submitted_proposal.nominations.get(officer__full_name="Nguyễn Văn An")
    public = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900})
    page = public.new_page()
    page.goto(live_server.url + reverse("awards:public_list", args=[campaign.pk]))
    card = page.locator(f"#de-nghi-{nomination.pk}")
    card.locator("summary").click()
    with page.expect_navigation():
        card.locator("[data-testid=public-feedback-submit]").click()  # nothing filled in
    card = page.locator(f"#de-nghi-{nomination.pk}")
    assert "Trường này là bắt buộc." in card.inner_text() and not Feedback.objects.exists()
    card.locator(f"#id_n{nomination.pk}-name").fill("Trần Thị Bình")
    card.locator(f"#id_n{nomination.pk}-contact").fill("0912 345 678")
    card.locator(f"#id_n{nomination.pk}-text").fill("Anh An xử lý hồ sơ rất tận tình.")
    _looked_at(page, f"public-feedback-form-{width}")
    with page.expect_navigation():
        card.locator("[data-testid=public-feedback-submit]").click()
    assert page.inner_text("[data-testid=feedback-status]") == "Chờ duyệt"
    status_url = page.url
    _looked_at(page, f"public-feedback-sent-{width}")

    context, staff_page = signed_in(browser, live_server, staff)
    staff_page.set_viewport_size({"width": width, "height": 900})
    staff_page.goto(live_server.url + reverse("awards:published_list", args=[campaign.pk]))
    item = staff_page.locator("[data-testid=moderated-feedback]")
    assert "Chờ duyệt" in item.inner_text() and "0912 345 678" in item.inner_text()
    _looked_at(staff_page, f"feedback-moderation-{width}")
    with staff_page.expect_navigation():
        item.locator("[data-testid=feedback-show]").click()
    item = staff_page.locator("[data-testid=moderated-feedback]")
    item.locator("textarea[name=reply]").fill("Cảm ơn ý kiến; Hội đồng đã ghi nhận.")
    with staff_page.expect_navigation():
        item.locator("[data-testid=feedback-reply-submit]").click()
    assert "Đã gửi trả lời." in staff_page.inner_text("main")
    context.close()

    page.goto(status_url)
    assert page.inner_text("[data-testid=feedback-status]") == "Đã đăng"
    assert "Cảm ơn ý kiến; Hội đồng đã ghi nhận." in page.inner_text("[data-testid=feedback-answer]")
    _looked_at(page, f"public-feedback-answered-{width}")
    page.goto(live_server.url + reverse("awards:public_list", args=[campaign.pk]))
    assert "Anh An xử lý hồ sơ rất tận tình." in page.inner_text(f"#de-nghi-{nomination.pk}")
    public.close()
