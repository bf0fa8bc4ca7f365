"""Golden tests of a proposal's dossier: required blocks in order, embedded fonts, signature fields,
A4 with the prescribed margins (read from the PDF), templates by legal basis."""
# ruff: noqa: F811

import datetime

import pytest

from awards.models import AchievementReport, AwardRule
from emulation import registers
from reports.documents import proposals
from reports.pdf import render_pdf
from reports.signatures import signature_field_names
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import InitiativeAuthorFactory
from tests.reports import pdfcheck

D = datetime.date


@pytest.fixture
def dossier_proposal(submitted_proposal, head_a):
    proposal = submitted_proposal
    proposal.meeting_held_on, proposal.meeting_chair = D(2024, 6, 20), "Trần Văn Hải"
    proposal.meeting_secretary = "Phan Thị Mai"
    proposal.meeting_attendees = "Trần Văn Hải – Chi cục trưởng\nLê Thị Cúc – Chấp hành viên"
    proposal.meeting_present, proposal.meeting_total = 5, 6
    proposal.letter_entry = registers.issue_number(issuer=proposal.unit, series="TTr", issued_on=D(2024, 6, 25),
                                                   subject="Đề nghị khen thưởng", actor=head_a)
    proposal.minutes_entry = registers.issue_number(issuer=proposal.unit, series="BB", issued_on=D(2024, 6, 20),
                                                    subject="Biên bản họp xét", actor=head_a)
    proposal.save()
    for n in proposal.nominations.all():
        AchievementReport.objects.create(
            nomination=n, summary="Tốt nghiệp cử nhân luật; công tác tại Chi cục từ năm 2015.",
            duties="Tổ chức thi hành các vụ việc được phân công.",
            achievements=f"{n.subject}: thi hành xong 95,5% số việc có điều kiện, vượt 5,5 điểm % chỉ tiêu.")
    return proposal


def _render(parts):
    return render_pdf(parts)


@pytest.mark.django_db
def test_the_dossier_has_the_required_blocks_in_order(dossier_proposal, officer_a):
    proposal = proposals.load(dossier_proposal.pk)
    rendered = _render(proposals.dossier_parts(proposal))
    text = pdfcheck.text(rendered.data)
    pdfcheck.assert_in_order(text, [
        # Tờ trình (Mẫu 1.4 with Kính gửi)
        "CHI CỤC THI HÀNH ÁN DÂN SỰ", "Số: 01/TTr-CCTHADS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Vị Thanh, ngày 25 tháng 6 năm 2024", "TỜ TRÌNH", "Đề nghị tặng Giấy khen",
        "Kính gửi:", "Căn cứ Luật Thi đua, khen thưởng", "Nghị định số 98/2023/NĐ-CP", "Kính trình",
        "Nơi nhận:", "CHI CỤC TRƯỞNG", "Trần Văn Hải",
        # its annexed list
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "Kèm theo Tờ trình số 01/TTr-CCTHADS", officer_a.full_name,
        # one achievement report per nominee, in the nominations' order
        "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG", "I. SƠ LƯỢC LÝ LỊCH", officer_a.full_name, "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "1. Quyền hạn, nhiệm vụ được giao", "2. Thành tích đạt được", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "NGƯỜI BÁO CÁO THÀNH TÍCH", "Lê Thị Cúc", "I. ĐẶC ĐIỂM, TÌNH HÌNH",
        # the review meeting's minutes (Mẫu 1.9)
        "Số: 01/BB-CCTHADS", "BIÊN BẢN", "Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Chủ trì",
        "Thư ký (người ghi biên bản): Phan Thị Mai", "Nội dung", "Cuộc họp kết thúc", "THƯ KÝ", "Phan Thị Mai",
        "CHỦ TỌA", "Trần Văn Hải",
    ])
    assert "95,5%" in text


@pytest.mark.django_db
def test_fonts_are_embedded_and_the_text_is_selectable(dossier_proposal):
    rendered = _render(proposals.dossier_parts(proposals.load(dossier_proposal.pk)))
    fonts = pdfcheck.fonts(rendered.data)
    assert fonts and all(fonts.values()), fonts
    assert all("Liberation-Serif" in name for name in fonts), fonts
    assert len(pdfcheck.text(rendered.data)) > 2000  # real text on every page, not images


@pytest.mark.django_db
def test_signature_fields_exist_with_the_right_names(dossier_proposal):
    rendered = _render(proposals.dossier_parts(proposals.load(dossier_proposal.pk)))
    assert signature_field_names(rendered.data) == [
        "ToTrinh_NguoiKy", "BaoCao01_XacNhan", "BaoCao01_NguoiBaoCao", "BaoCao02_XacNhan", "BaoCao02_NguoiBaoCao",
        "BaoCao03_XacNhan", "BaoCao03_NguoiBaoCao", "BienBan_ThuKy", "BienBan_ChuToa"]
    assert [f.name for f in rendered.fields] == signature_field_names(rendered.data)


@pytest.mark.django_db
def test_pages_are_a4_with_the_prescribed_margins_and_numbers_from_page_two(dossier_proposal):
    nominations = list(dossier_proposal.nominations.all())
    long_report = nominations[0].report
    paragraph = "kết quả thi hành án được giao trong năm, vượt chỉ tiêu về việc và về tiền; giải quyết dứt điểm."
    long_report.achievements = "\n".join(f"Đoạn {i}: {paragraph}" for i in range(60))
    long_report.save()
    proposal = proposals.load(dossier_proposal.pk)
    parts = proposals.report_parts(proposal, nominations[0], {}, 1)
    pages = pdfcheck.check_official_geometry(_render(parts).data)
    assert len(pages) >= 3
    assert pdfcheck.page_numbers(pages[0]) == []
    assert [[ln.text for ln in pdfcheck.page_numbers(p)] for p in pages[1:]] == [[str(n)] for n in
                                                                                  range(2, len(pages) + 1)]
    number = pdfcheck.page_numbers(pages[1])[0]
    assert abs((number.x0 + number.x1) / 2 - (30 + (210 - 15)) / 2) < 3  # centred over the text block
    body = [ln for ln in pages[1].lines if not pdfcheck.is_page_number(ln, pages[1])]
    assert abs(min(ln.x0 for ln in body) - 30) < 0.6 and abs(max(ln.x1 for ln in body) - 195) < 1.5
    assert max(ln.size for ln in body) <= 14.1 and max(ln.size for ln in body) >= 13.9


@pytest.mark.django_db
def test_the_whole_dossier_keeps_inside_the_margins(dossier_proposal):
    rendered = _render(proposals.dossier_parts(proposals.load(dossier_proposal.pk)))
    pdfcheck.check_official_geometry(rendered.data)


@pytest.mark.django_db
def test_templates_follow_the_legal_basis_of_the_proposal_date(dossier_proposal, certificate):
    proposal = proposals.load(dossier_proposal.pk)
    assert proposals.basis_for(proposal, list(proposal.nominations.all())).code == "nd98"
    text = pdfcheck.text(_render(proposals.report_parts(proposal, proposal.nominations.all()[0], {}, 1)).data)
    assert "Mẫu số 03 – Nghị định số 98/2023/NĐ-CP" in text

    new_rule = AwardRule.objects.filter(award_form=certificate, report_template__startswith="nd152").get()
    proposal.nominations.update(rule=new_rule)
    proposal.submitted_at = datetime.datetime(2025, 8, 4, 9, 0, tzinfo=datetime.UTC)
    proposal.save()
    proposal = proposals.load(proposal.pk)
    assert proposals.basis_for(proposal, list(proposal.nominations.all())).code == "nd152"
    text = pdfcheck.text(_render(proposals.letter_parts(proposal) + proposals.report_parts(
        proposal, proposal.nominations.all()[0], {}, 1)).data)
    assert "Mẫu số 01 – Nghị định số 152/2025/NĐ-CP" in text
    assert "Mẫu số 05 – Nghị định số 152/2025/NĐ-CP" in text


@pytest.mark.unit
def test_a_draft_without_rules_takes_the_basis_of_its_date():
    class Draft:
        submitted_at = datetime.datetime(2025, 6, 30, 10, 0, tzinfo=datetime.UTC)

    assert proposals.basis_for(Draft(), []).code == "nd98"
    Draft.submitted_at = datetime.datetime(2025, 7, 1, 10, 0, tzinfo=datetime.UTC)
    assert proposals.basis_for(Draft(), []).code == "nd152"


@pytest.mark.unit
def test_the_letters_subject_drops_a_leading_to_trinh():
    assert proposals.letter_subject("Tờ trình đề nghị tặng Giấy khen") == "Đề nghị tặng Giấy khen"
    assert proposals.letter_subject("Đề nghị tặng Giấy khen") == "Đề nghị tặng Giấy khen"


@pytest.mark.django_db
def test_loading_and_building_the_dossier_takes_constant_queries(dossier_proposal, django_assert_max_num_queries,
                                                                  unit_a):
    with django_assert_max_num_queries(12) as few:
        proposals.dossier_parts(proposals.load(dossier_proposal.pk))
    from tests.factories import OfficerFactory

    campaign_award = dossier_proposal.nominations.first().campaign_award
    for i in range(6):
        officer = OfficerFactory(unit=unit_a, code=f"EXTRA-{i}")
        n = dossier_proposal.nominations.create(campaign_award=campaign_award, unit=unit_a, officer=officer,
                                                position=10 + i)
        AchievementReport.objects.create(nomination=n, duties="Nhiệm vụ", achievements="Thành tích")
    with django_assert_max_num_queries(len(few.captured_queries)):
        proposals.dossier_parts(proposals.load(dossier_proposal.pk))


@pytest.mark.django_db
def test_user_text_is_escaped_and_documents_stay_vietnamese_in_english_mode(dossier_proposal):
    from django.utils import translation

    dossier_proposal.title = "Đề nghị <b>tặng</b> </table><script>x</script>"
    dossier_proposal.save()
    report = dossier_proposal.nominations.first().report
    report.achievements = "Vượt chỉ tiêu </p></td></tr></table> <img src=x>"
    report.save()
    with translation.override("en"):
        parts = proposals.dossier_parts(proposals.load(dossier_proposal.pk))
    html = "".join(parts)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;/table&gt;" in html
    text = pdfcheck.text(_render(parts).data)
    assert "Đề nghị <b>tặng</b>" in text and "ngày 25 tháng 6 năm 2024" in text and "Kính gửi" in text


@pytest.mark.django_db
def test_the_report_lists_the_nominees_recognised_initiatives(dossier_proposal, officer_a):
    InitiativeAuthorFactory(officer=officer_a, share=60, initiative__unit=officer_a.unit,
                            initiative__title="Số hóa hồ sơ thi hành án", initiative__decision_number="45/QĐ-THADS")
    InitiativeAuthorFactory(officer=officer_a, initiative__unit=officer_a.unit, initiative__title="Sáng kiến về sau",
                            initiative__decided_on=datetime.date(2024, 7, 10))  # after the proposal was sent
    proposal = proposals.load(dossier_proposal.pk)
    parts = dict(proposals.report_part_list(proposal))
    mine = next(html for n, html in parts.items() if n.officer_id == officer_a.pk)
    assert ("- Sáng kiến “Số hóa hồ sơ thi hành án” (phạm vi cơ sở, tỷ lệ đóng góp 60%): QĐ 45/QĐ-THADS ngày "
            "12/12/2023 của Thi hành án dân sự tỉnh Hậu Giang.") in mine
    assert "Sáng kiến về sau" not in mine
    others = [html for n, html in parts.items() if n.officer_id != officer_a.pk]
    assert all("Số hóa hồ sơ thi hành án" not in html for html in others)
    single = proposals.report_parts(proposal, next(n for n in parts if n.officer_id == officer_a.pk), {}, 1)[0]
    assert "Số hóa hồ sơ thi hành án" in single
