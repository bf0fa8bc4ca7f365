# ruff: noqa: F811 - the awards fixtures are imported by name
"""Staff return a unit head's proposal; the head sees the bell's count, opens the inbox, follows the link and
finds the proposal with the reason on it — at 1366 and at 390 px."""

import pytest
from django.urls import reverse

from awards.models import Proposal
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_award_flow import signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
REASON = "Bổ sung biên bản họp xét có chữ ký của chủ trì"


def _looked_at(page, name) -> None:
    """No horizontal page scroll; a screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], name


@pytest.mark.parametrize("width", [1366, 390])
def test_a_returned_proposal_reaches_the_head_through_the_bell(browser, live_server, submitted_proposal, staff,
                                                              head_a, width):
    context, page = signed_in(browser, live_server, staff)
    page.goto(live_server.url + reverse("awards:proposal_detail", args=[submitted_proposal.pk]))
    page.fill("#id_comment", REASON)
    with page.expect_navigation():
        page.click("[data-testid=proposal-return]")
    context.close()
    draft = Proposal.objects.get(previous=submitted_proposal)

    context, page = signed_in(browser, live_server, head_a)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("reports:dashboard"))
    assert page.inner_text("[data-testid=bell-count]") == "1"
    _looked_at(page, f"notifications-dashboard-{width}")
    with page.expect_navigation():
        page.click("[data-testid=bell]")
    item = page.inner_text("[data-testid=notification]")
    assert "đã trả lại đề nghị khen thưởng “Đề nghị tặng Giấy khen”" in item
    assert f"Lý do: {REASON}." in item and "Việc cần làm: bổ sung hồ sơ" in item
    _looked_at(page, f"notifications-inbox-{width}")
    with page.expect_navigation():
        page.click("[data-testid=notification-open]")
    assert page.url.endswith(reverse("awards:proposal_detail", args=[draft.pk]))
    assert REASON in page.inner_text("[data-testid=return-reason]")
    assert page.locator("[data-testid=bell-count]").count() == 0  # read by following it
    _looked_at(page, f"notifications-proposal-{width}")
    context.close()
