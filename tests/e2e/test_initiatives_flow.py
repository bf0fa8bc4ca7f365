"""A unit head records an initiative with two co-authors: shares that do not add up to 100 % are
refused with nothing saved, the corrected form saves; the register, the initiative and the officer's
page show it — at 1366 and at 390 px, without a horizontal page scroll."""

import pytest
from django.urls import reverse

from awards.models import Initiative
from tests.e2e.test_award_flow import signed_in
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import InitiativeAuthorFactory, OfficerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_a_unit_head_records_an_initiative_with_its_authors(browser, live_server, head_a, unit_a, officer_a, width):
    colleague = OfficerFactory(unit=unit_a, full_name="Lê Thị Cúc", position="Thư ký thi hành án")
    InitiativeAuthorFactory(officer=colleague, initiative__unit=unit_a,
                            initiative__title="Tiếp nhận đơn yêu cầu thi hành án qua mạng")
    context, page = signed_in(browser, live_server, head_a)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("awards:initiative_list"))
    assert page.locator("[data-testid=initiative-row]").count() == 1
    _looked_at(page, f"initiatives-list-{width}")

    with page.expect_navigation():
        page.click("[data-testid=initiative-create]")
    page.select_option("#id_unit", str(unit_a.pk))
    page.fill("#id_title", "Sổ theo dõi tiến độ thi hành án điện tử")
    page.fill("#id_field", "Tổ chức thi hành án")
    page.select_option("#id_scope", "grassroots")
    page.fill("#id_decision_number", "215/QĐ-CTHADS")
    page.fill("#id_decided_on", "20/12/2023")
    page.fill("#id_decided_by", "Cục Thi hành án dân sự tỉnh Hậu Giang")
    page.select_option("#id_authors-0-officer", str(officer_a.pk))
    page.fill("#id_authors-0-share", "70")
    page.select_option("#id_authors-1-officer", str(colleague.pk))
    page.fill("#id_authors-1-share", "20")
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    assert "hiện là 90%" in page.inner_text("[data-testid=author-errors]")
    assert Initiative.objects.count() == 1
    _looked_at(page, f"initiatives-refused-{width}")

    page.fill("#id_authors-1-share", "30")
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    assert "Chưa lưu" not in page.inner_text("main") and "Đã lưu sáng kiến" in page.inner_text("main")
    authors = page.inner_text("[data-testid=initiative-authors]")
    assert "Nguyễn Văn An" in authors and "70%" in authors and "Lê Thị Cúc" in authors and "30%" in authors
    assert "Số 215/QĐ-CTHADS ngày 20/12/2023" in page.inner_text("[data-testid=initiative-facts]")
    _looked_at(page, f"initiatives-detail-{width}")

    page.goto(live_server.url + reverse("emulation:officer_detail", args=[colleague.pk]))
    panel = page.inner_text("[data-testid=officer-initiatives]")
    assert "Sổ theo dõi tiến độ thi hành án điện tử" in panel and "Tiếp nhận đơn yêu cầu" in panel
    page.locator("[data-testid=officer-initiatives]").scroll_into_view_if_needed()
    _looked_at(page, f"initiatives-officer-{width}")
    context.close()
