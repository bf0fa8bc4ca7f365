# ruff: noqa: F811 - the awards fixtures are imported by name
"""A unit head submits a proposal, a council member votes in secret, the director approves, and the
award appears in the officer's history."""

import datetime

import pytest
from django.urls import reverse

from awards.models import CouncilSession, MemberRole
from awards.services import ballots, council
from emulation.models import Role
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401 - fixtures
from tests.e2e.conftest import ARTIFACTS
from tests.factories import RoleGrantFactory
from tests.samples import PDF

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def signed_in(browser, live_server, user):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/to-chuc/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "matkhau-123")
    with page.expect_navigation():
        page.click("[data-testid=login-submit]")
    return context, page


def test_proposal_vote_decision_history(page, sign_in, shot, browser, live_server, campaign_award, head_a, staff,
                                        council_member, director, officer_a, unit_a, media_root):
    campaign = campaign_award.campaign
    campaign.dossier_due_on = datetime.date(2099, 1, 1)
    campaign.save()

    # The unit head opens a proposal, nominates an officer and completes the dossier.
    sign_in(head_a)
    page.goto(page.base_url + reverse("awards:campaign_awards", args=[campaign.pk]))
    page.select_option("#id_unit", str(unit_a.pk))
    page.click("[data-testid=proposal-open]")
    page.select_option("#id_subject", f"o{officer_a.pk}")
    page.click("[data-testid=nominate-submit]")
    assert "Đã thêm vào danh sách đề nghị." in page.inner_text("main")
    page.click("[data-testid=proposal-submit]")  # too early: the missing parts are named, nothing is sent
    main = page.inner_text("main")
    assert "Chưa ghi cuộc họp xét" in main and "Nguyễn Văn An: chưa có báo cáo thành tích" in main
    assert page.inner_text("[data-testid=proposal-status]") == "Đang soạn"

    page.click("[data-testid=meeting-edit]")
    page.fill("#id_meeting_held_on", "20/06/2024")
    page.fill("#id_meeting_chair", "Chi cục trưởng")
    page.fill("#id_meeting_present", "6")
    page.fill("#id_meeting_total", "7")
    page.click("[data-testid=form-submit]")
    page.select_option("#id_kind", "minutes")
    page.set_input_files("#id_file", files=[{"name": "bien-ban-hop-xet.pdf", "mimeType": "application/pdf",
                                             "buffer": PDF}])
    page.click("[data-testid=attachment-submit]")
    assert "Đã đính kèm tệp." in page.inner_text("main")
    page.click("[data-testid=report-link]")
    page.fill("#id_duties", "Chấp hành viên, tổ chức thi hành các vụ việc được phân công.")
    page.fill("#id_achievements", "Thi hành xong 80% số việc có điều kiện, vượt chỉ tiêu 77%.")
    page.click("[data-testid=form-submit]")
    page.click("[data-testid=proposal-submit]")
    assert page.inner_text("[data-testid=proposal-status]") == "Đã gửi"
    assert "Đủ điều kiện" in page.inner_text("[data-testid=nomination-table]")
    shot("award-proposal-submitted")

    # Staff convene the council; the agenda takes the submitted nomination.
    others = [RoleGrantFactory(user__username=f"uyvien{i}", role=Role.COUNCIL_MEMBER, unit=campaign.plan.issuer).user
              for i in (2, 3)]
    seats = [council.Seat(user=council_member, full_name="Nguyễn Hội Đồng", role=MemberRole.CHAIR)] + [
        council.Seat(user=u, full_name=f"Ủy viên {u.username}") for u in others]
    session = council.create_session(actor=staff, session=CouncilSession(
        campaign=campaign, title="Phiên họp xét tặng Giấy khen", held_on=datetime.date(2024, 7, 5)), seats=seats)
    council.open_voting(actor=staff, session=session)

    # A council member votes in secret, once.
    member_context, member_page = signed_in(browser, live_server, council_member)
    member_page.goto(live_server.url + reverse("awards:session_vote", args=[session.pk]))
    member_page.check("[data-testid=ballot-row] input[value=yes]")
    member_page.click("[data-testid=form-submit]")
    member_page.goto(live_server.url + reverse("awards:session_vote", args=[session.pk]))
    assert "đã bỏ phiếu" in member_page.inner_text("main").lower()
    member_context.close()
    ballots.cast_ballot(actor=others[0], session=session, choices={session.items.get().pk: "yes"})
    council.close_session(actor=staff, session=session)

    # The director approves; the award is written into the officer's history.
    director_context, director_page = signed_in(browser, live_server, director)
    director_page.goto(live_server.url + reverse("awards:session_results", args=[session.pk]))
    director_page.click("[data-testid=decision-create]")
    director_page.fill("#id_decided_on", "10/07/2024")
    director_page.fill("#id_signer_name", "Lê Phước Toàn")
    director_page.click("[data-testid=form-submit]")
    assert "Quyết định số 01/QĐ-CTHADS" in director_page.inner_text("main")
    assert "Nguyễn Văn An" in director_page.inner_text("[data-testid=decision-list]")
    director_page.goto(live_server.url + officer_a.get_absolute_url())
    history = director_page.inner_text("[data-testid=award-history]")
    assert "Giấy khen của Cục trưởng Cục THADS tỉnh" in history and "01/QĐ-CTHADS" in history
    director_page.screenshot(path=str(ARTIFACTS / "award-history.png"), full_page=True)
    director_context.close()
