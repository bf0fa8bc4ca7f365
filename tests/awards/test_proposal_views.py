"""Proposal pages over HTTP: scoping (another unit's proposal answers 404, forbidden actions 403),
bad input loses nothing, query counts do not grow with the number of nominees."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import AchievementReport, AwardForm, CampaignAward, Nomination, Proposal, ProposalAttachment
from awards.services import proposals as services
from tests import samples
from tests.factories import OfficerFactory
from tests.samples import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(campaign_award, unit_a, head_a):
    campaign = campaign_award.campaign
    campaign.dossier_due_on = datetime.date(2099, 1, 1)
    campaign.save()
    return services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a, title="Đề nghị tặng Giấy khen")


def test_campaign_awards_page_shows_rules_and_the_units_proposal(login, head_a, draft, campaign_award):
    page = login(head_a).get(reverse("awards:campaign_awards", args=[campaign_award.campaign_id]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Giấy khen của Cục trưởng Cục THADS tỉnh" in body and "Nghị định" in body
    assert draft.unit.name in body


def test_unit_head_opens_nominates_and_uploads(login, head_a, draft, officer_a, campaign_award, media_root):
    client = login(head_a)
    response = client.post(reverse("awards:nominate", args=[draft.pk]),
                           {"campaign_award": str(campaign_award.pk), "subject": f"o{officer_a.pk}"})
    assert response.status_code == 302
    nomination = Nomination.objects.get(proposal=draft)
    client.post(reverse("awards:report_edit", args=[draft.pk, nomination.pk]),
                {"duties": "Chấp hành viên", "achievements": "Đạt 80% về việc"})
    assert AchievementReport.objects.get(nomination=nomination).achievements == "Đạt 80% về việc"
    client.post(reverse("awards:attachment_upload", args=[draft.pk]),
                {"kind": "minutes", "file": SimpleUploadedFile("bb.pdf", PDF, "application/pdf")})
    assert ProposalAttachment.objects.filter(proposal=draft).count() == 1
    page = client.get(reverse("awards:proposal_detail", args=[draft.pk]))
    assert "Nguyễn Văn An" in page.content.decode() and "Đủ điều kiện" in page.content.decode()


def test_adding_an_ineligible_nominee_warns_with_the_reason(login, head_a, draft, officer_a, campaign_award):
    from django.contrib.messages import get_messages

    from awards.models import Criterion, CriterionKind
    from emulation.models import DisciplineForm
    from tests.factories import DisciplineFactory

    Criterion.objects.create(campaign_award=campaign_award, kind=CriterionKind.NO_DISCIPLINE, applies_to="individual",
                             params={"from": "2023-10-01", "to": "2024-06-30", "min_form": "reprimand"})
    DisciplineFactory(officer=officer_a, form=DisciplineForm.REPRIMAND, decided_on=datetime.date(2024, 2, 1),
                      ends_on=datetime.date(2024, 5, 1), decision_number="07/QĐ-CTHADS")
    colleague = OfficerFactory(unit=officer_a.unit, full_name="Lê Thị Cúc", code="A-002", gender="female")
    client = login(head_a)
    response = client.post(reverse("awards:nominate", args=[draft.pk]),
                           {"campaign_award": str(campaign_award.pk), "subject": f"o{officer_a.pk}"})
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "warning"
    assert str(message).startswith("Đã thêm Nguyễn Văn An, nhưng hiện chưa đủ điều kiện “Giấy khen")
    assert "Bị kỷ luật hình thức “khiển trách” trở lên từ 01/10/2023 đến 30/06/2024" in str(message)
    response = client.post(reverse("awards:nominate", args=[draft.pk]),
                           {"campaign_award": str(campaign_award.pk), "subject": f"o{colleague.pk}"})
    message = list(get_messages(response.wsgi_request))[-1]  # after the warning, not shown yet
    assert (message.level_tag, str(message)) == ("success", "Đã thêm vào danh sách đề nghị.")
    assert Nomination.objects.filter(proposal=draft).count() == 2


def test_the_quota_panel_of_a_draft_counts_its_own_nominees(login, head_a, draft, officer_a, campaign_award):
    import re

    from awards.models import Quota

    Quota.objects.create(campaign_award=campaign_award, subject_kind="officer", limit=2, per_unit=True,
                         text="02 cá nhân mỗi đơn vị")
    client = login(head_a)
    page = client.get(reverse("awards:proposal_detail", args=[draft.pk])).content.decode()

    def panel(page):
        return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", li)).strip()
                for li in re.findall(r'data-testid="quota-standing">(.*?)</li>', page, re.S)]

    assert panel(page) == [f"{campaign_award.award_form.name}: 02 cá nhân mỗi đơn vị — còn 2"]
    for n in range(3):
        officer = officer_a if n == 0 else OfficerFactory(unit=officer_a.unit, code=f"A-10{n}")
        services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer)
    page = client.get(reverse("awards:proposal_detail", args=[draft.pk])).content.decode()
    assert panel(page) == [f"{campaign_award.award_form.name}: 02 cá nhân mỗi đơn vị — đã gửi 0, đề nghị này 3: vượt 1"]
    assert "list-group-item-danger" in page


def test_wrong_file_type_is_refused_with_a_message(login, head_a, draft, media_root):
    response = login(head_a).post(reverse("awards:attachment_upload", args=[draft.pk]), {
        "kind": "minutes", "file": SimpleUploadedFile("bb.pdf", b"GIF89a....", "application/pdf")}, follow=True)
    assert "không phải PDF/JPEG" in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_a_pdf_with_javascript_is_refused_with_a_message(login, head_a, draft, media_root):
    response = login(head_a).post(reverse("awards:attachment_upload", args=[draft.pk]), {
        "kind": "minutes", "file": SimpleUploadedFile("bb.pdf", samples.pdf("open_action"), "application/pdf")},
        follow=True)
    assert "Tệp “bb.pdf” chứa mã JavaScript nhúng trong PDF" in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_an_attachment_is_served_as_a_download(login, head_a, draft, media_root):
    client = login(head_a)
    client.post(reverse("awards:attachment_upload", args=[draft.pk]),
                {"kind": "minutes", "file": SimpleUploadedFile("bb.pdf", PDF, "application/pdf")})
    attachment = ProposalAttachment.objects.get()
    response = client.get(reverse("awards:attachment_download", args=[draft.pk, attachment.pk]))
    assert (response["Content-Disposition"], response["Content-Type"], b"".join(response.streaming_content)) == (
        'attachment; filename="bb.pdf"', "application/pdf", PDF)
    response.close()


def test_bad_meeting_counts_rerender_and_save_nothing(login, head_a, draft):
    response = login(head_a).post(reverse("awards:proposal_edit", args=[draft.pk]), {
        "title": "Đề nghị", "meeting_held_on": "20/06/2024", "meeting_present": "12", "meeting_total": "10"})
    assert response.status_code == 200
    assert "không được lớn hơn số người được triệu tập" in response.content.decode()
    draft.refresh_from_db()
    assert draft.meeting_present is None and draft.title == "Đề nghị tặng Giấy khen"


def test_another_units_proposal_does_not_exist_for_a_unit_head(login, head_b, draft, officer_a):
    client = login(head_b)
    nomination = services.nominate(actor=draft.created_by, proposal=draft, campaign_award=draft.campaign.awards.get(),
                                   officer=officer_a)
    urls = [reverse("awards:proposal_detail", args=[draft.pk]), reverse("awards:proposal_edit", args=[draft.pk]),
            reverse("awards:report_edit", args=[draft.pk, nomination.pk])]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for name in ("nominate", "proposal_submit", "attachment_upload", "proposal_return"):
        assert client.post(reverse(f"awards:{name}", args=[draft.pk]), {}).status_code == 404, name
    assert client.post(reverse("awards:nomination_remove", args=[draft.pk, nomination.pk])).status_code == 404
    assert Nomination.objects.filter(proposal=draft).count() == 1


def test_unit_head_cannot_nominate_another_units_officer_through_the_form(login, head_a, draft, officer_b,
                                                                          campaign_award):
    login(head_a).post(reverse("awards:nominate", args=[draft.pk]),
                       {"campaign_award": str(campaign_award.pk), "subject": f"o{officer_b.pk}"})
    assert not Nomination.objects.exists()


def test_in_scope_but_forbidden_answers_403(login, staff, council_member, head_a, draft):
    assert login(council_member).post(reverse("awards:proposal_submit", args=[draft.pk])).status_code == 403
    assert login(head_a).post(reverse("awards:proposal_return", args=[draft.pk]),
                              {"comment": "x"}).status_code == 403
    assert login(council_member).post(reverse("awards:reopen", args=[draft.campaign_id]), {}).status_code == 403


def test_staff_return_opens_a_new_version(login, staff, submitted_proposal):
    response = login(staff).post(reverse("awards:proposal_return", args=[submitted_proposal.pk]),
                                 {"comment": "Bổ sung biên bản"}, follow=True)
    assert "lần 2" in response.content.decode()
    assert Proposal.objects.filter(unit=submitted_proposal.unit).count() == 2


@pytest.mark.parametrize("extra", [1, 15])
def test_proposal_page_queries_do_not_grow_with_nominees(login, head_a, draft, campaign_award, unit_a, extra,
                                                        django_assert_max_num_queries):
    for i in range(extra):
        officer = OfficerFactory(unit=unit_a, code=f"A-{i + 10:03d}")
        services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer)
    client = login(head_a)
    with django_assert_max_num_queries(44):  # + the succession links, + 3: the idle-session refresh, + 2: initiatives
        assert client.get(reverse("awards:proposal_detail", args=[draft.pk])).status_code == 200


@pytest.mark.parametrize("extra", [1, 15])
def test_candidates_page_queries_do_not_grow(login, staff, campaign_award, unit_a, extra,
                                             django_assert_max_num_queries):
    for i in range(extra):
        OfficerFactory(unit=unit_a, code=f"A-{i + 10:03d}")
    client = login(staff)
    with django_assert_max_num_queries(28):  # + 3: the idle-session refresh, + 1: the candidates' initiatives
        page = client.get(reverse("awards:candidates", args=[campaign_award.campaign_id, campaign_award.pk]))
    assert page.status_code == 200 and page.content.decode().count('data-testid="candidate-row"') == extra + 2


def test_staff_see_leaders_direct_workers_and_hardship_among_nominees(login, staff, head_a, submitted_proposal,
                                                                      unit_a, officer_a):
    officer_a.is_leader = True
    officer_a.save()
    unit_a.hardship = True
    unit_a.save()
    page = login(staff).get(reverse("awards:campaign_awards", args=[submitted_proposal.campaign_id]))
    balance = page.content.decode().split('data-testid="nominee-balance"')[1].split("</section>")[0]
    assert "Lãnh đạo, quản lý: 1 (50%)" in balance and "người lao động trực tiếp: 1 (50%)" in balance
    assert "nơi khó khăn: 2 (100%)" in balance
    assert 'data-testid="nominee-balance"' not in login(head_a).get(
        reverse("awards:campaign_awards", args=[submitted_proposal.campaign_id])).content.decode()


def test_the_balance_warns_above_the_campaigns_ceiling_and_counts_drafts_apart(login, staff, head_b, unit_b,
                                                                               submitted_proposal, officer_a):
    officer_a.is_leader = True
    officer_a.save()
    campaign = submitted_proposal.campaign
    url = reverse("awards:campaign_awards", args=[campaign.pk])

    def balance():
        page = login(staff).get(url).content.decode()
        return " ".join(re.sub(r"<[^>]+>", " ", page.split('data-testid="nominee-balance"')[1].split("</section>")[0])
                        .split())

    assert "Phong trào chưa đặt tỷ lệ lãnh đạo, quản lý tối đa" in balance()
    campaign.leader_share_max = 40
    campaign.save()
    assert "Lãnh đạo, quản lý: 1 (50%) — tối đa 40% theo phong trào (không quá 0 người)" in balance()
    assert "Tỷ lệ lãnh đạo, quản lý vượt mức 40% của phong trào: 1 người, tối đa 0." in balance()
    campaign.leader_share_max = 50
    campaign.save()
    assert "vượt mức" not in balance()
    draft = services.open_proposal(actor=head_b, campaign=campaign, unit=unit_b, title="Đề nghị")
    for n in range(3):
        services.nominate(actor=head_b, proposal=draft, campaign_award=campaign.awards.get(),
                          officer=OfficerFactory(unit=unit_b, code=f"B-{n}", is_leader=n == 0))
    text = balance()
    assert "2 cá nhân trong các đề nghị đã gửi" in text
    assert ("Thêm 3 cá nhân trong các đề nghị đang soạn (chưa gửi, chưa tính ở trên), trong đó 1 lãnh đạo, "
            "quản lý.") in text


@pytest.mark.parametrize("extra_awards", [0, 8])
def test_pages_do_not_grow_with_the_number_of_awards(login, staff, head_a, draft, campaign_award, officer_a,
                                                     extra_awards, django_assert_max_num_queries):
    for i in range(extra_awards):
        form = AwardForm.objects.create(code=f"X{i}", name=f"Hình thức {i}", kind="commendation", subject_type="both",
                                        authority="Cục trưởng", authority_level="provincial", rank=20 + i)
        award = CampaignAward.objects.create(campaign=campaign_award.campaign, award_form=form)
        services.nominate(actor=head_a, proposal=draft, campaign_award=award, officer=OfficerFactory(unit=draft.unit))
    staff_client, head_client = login(staff), login(head_a)
    with django_assert_max_num_queries(23):  # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
        staff_client.get(reverse("awards:campaign_awards", args=[campaign_award.campaign_id]))
    with django_assert_max_num_queries(44):  # + the succession links, + 3: the idle-session refresh, + 2: initiatives
        head_client.get(reverse("awards:proposal_detail", args=[draft.pk]))
