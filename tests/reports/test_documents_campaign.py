"""The plan (Kế hoạch, Mẫu 1.4) with its appendix of campaigns and milestones, and the campaign's summary
report: blocks in order, blank number and day where the văn thư fills them in, the attainment of the
latest snapshot as stored (tables and an inline SVG chart), awards granted, tables across pages."""

# ruff: noqa: F811

import datetime
from decimal import Decimal

import pytest

from awards.models import AwardRecord
from campaigns.models import AttainmentRow, AttainmentSnapshot, Milestone, MilestoneKind, Target
from reports.documents import campaigns as documents
from reports.pdf import render_pdf
from reports.signatures import signature_field_names
from tests.awards.conftest import certificate, province_campaign  # noqa: F401
from tests.factories import PlanFactory, PledgeFactory, UnitFactory

from .documents import assert_in_order, page_texts

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
D = datetime.date


@pytest.fixture
def plan(province_plan, province_campaign):
    province_plan.legal_basis = ("Kế hoạch số 1046/KH-TCTHADS ngày 20 tháng 3 năm 2024 của Tổng cục THADS;\n"
                                 "Quyết định số 329/QĐ-CTHADS ngày 29/12/2023 về giao chỉ tiêu")
    province_plan.theme = "Thi đua lập thành tích chào mừng Ngày Truyền thống THADS."
    province_plan.purposes = "- Tạo động lực thi đua trong toàn hệ thống.\n\n- Kịp thời biểu dương điển hình."
    province_plan.requirements = "- Thi đua thiết thực, hiệu quả."
    province_plan.content = ("Cục THADS tỉnh phát động đợt thi đua cao điểm.\n1. Đối tượng\n"
                             "Các tập thể, cá nhân trong Hệ thống THADS tỉnh.\nIII. TỔ CHỨC THỰC HIỆN\n"
                             "Phòng Tổ chức cán bộ tham mưu, theo dõi.")
    province_plan.recipients = "- Tổng cục THADS (để b/c);\n- Các Chi cục THADS (để t/h);\n- Lưu: VT, TCCB."
    province_plan.signer_name, province_plan.signer_title = "Lê Phước Toàn", "CỤC TRƯỞNG"
    province_plan.save()
    Milestone.objects.create(campaign=province_campaign, kind=MilestoneKind.DEADLINE, starts_on=D(2024, 7, 1),
                             title="Hạn gửi hồ sơ đề nghị khen thưởng")
    return province_plan


def test_plan_has_the_blocks_of_mau_1_4_in_order(plan):
    pdf = render_pdf(documents.plan_parts(documents.load_plan(plan.pk)))
    texts = page_texts(pdf.data)
    main, appendix = " ".join(texts[:-1]), texts[-1]
    assert_in_order(main, [
        "CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG", "Số: 12/KH-CTHADS", "Hậu Giang, ngày 20 tháng 3 năm 2024", "KẾ HOẠCH",
        "Phát động đợt thi đua cao điểm",
        "Căn cứ Kế hoạch số 1046/KH-TCTHADS ngày 20 tháng 3 năm 2024 của Tổng cục THADS;",
        "Căn cứ Quyết định số 329/QĐ-CTHADS ngày 29/12/2023 về giao chỉ tiêu.",
        "Chủ đề thi đua: “Thi đua lập thành tích chào mừng Ngày Truyền thống THADS”.",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Tạo động lực thi đua", "- Kịp thời biểu dương", "2. Yêu cầu",
        "- Thi đua thiết thực", "II. NỘI DUNG THI ĐUA", "Cục THADS tỉnh phát động", "1. Đối tượng",
        "III. TỔ CHỨC THỰC HIỆN", "Phòng Tổ chức cán bộ", "Nơi nhận:", "- Tổng cục THADS (để b/c);",
        "- Các Chi cục THADS (để t/h);", "- Lưu: VT, TCCB.", "CỤC TRƯỞNG", "Lê Phước Toàn"])
    assert_in_order(appendix, [
        "Phụ lục", "PHONG TRÀO THI ĐUA, THỜI GIAN VÀ CÁC MỐC THỰC HIỆN",
        "(Kèm theo Kế hoạch số 12/KH-CTHADS ngày 20 tháng 3 năm 2024", "1. Đợt thi đua cao điểm năm 2024",
        "Thời gian thi đua: từ ngày 01 tháng 4 năm 2024 đến ngày 30 tháng 6 năm 2024", "Đơn vị tham gia: 2 đơn vị",
        "Hạn gửi hồ sơ đề nghị khen thưởng", "01/07/2024"])
    assert signature_field_names(pdf.data) == ["KeHoach_NguoiKy"]


def test_a_plan_without_number_or_day_leaves_them_blank(province):
    draft = PlanFactory(issuer=province, number=None, issued_on=None, year=2024, title="Kế hoạch thi đua năm 2024")
    parts = documents.plan_parts(documents.load_plan(draft.pk))
    text = page_texts(render_pdf(parts).data)[0]
    assert len(parts) == 1  # no campaign yet, no appendix
    assert_in_order(text, ["Số: …/KH-CTHADS", "Hậu Giang, ngày tháng năm 2024", "KẾ HOẠCH", "Thi đua năm 2024",
                           "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THI ĐUA", "CỤC TRƯỞNG"])


@pytest.mark.unit
def test_paragraphs_tell_sections_and_headings_from_text():
    text = ("II. ĐỐI TƯỢNG\n1.2. Các phong trào khác\n1.1.3. Tỷ lệ trên 84%.\n\n  - Đối với tập thể:  \nNội dung"
            " theo Kế hoạch trọng tâm\ncông tác năm 2023.\nđoạn mới sau dấu chấm")
    assert [(p.text, p.level) for p in documents.paragraphs(text)] == [
        ("II. ĐỐI TƯỢNG", 1), ("1.2. Các phong trào khác", 2), ("1.1.3. Tỷ lệ trên 84%.", 0),
        ("- Đối với tập thể:", 0), ("Nội dung theo Kế hoạch trọng tâm công tác năm 2023.", 0),
        ("đoạn mới sau dấu chấm", 0)]


def store(snapshot, rows) -> None:
    """The snapshot's table: (unit, officer, target %, actual %, state) per row."""
    snapshot.attainment_rows.all().delete()
    AttainmentRow.objects.bulk_create([AttainmentRow(
        snapshot=snapshot, position=n, unit=unit, officer=officer, target_code="1", metric_kind="completion_cases",
        target_value=Decimal(target), actual=Decimal(actual), actual_display=f"{actual}%".replace(".", ","),
        state=state) for n, (unit, officer, target, actual, state) in enumerate(rows)])


def numbered_units(count: int) -> list:
    return [UnitFactory(name=f"Đơn vị số {i}", code=f"U{i}") for i in range(count)]


@pytest.fixture
def summary_campaign(province_campaign, unit_a, unit_b, certificate, officer_a):
    Target.objects.create(campaign=province_campaign, code="1", title="Tỷ lệ thi hành xong về việc",
                          metric_kind="completion_cases", subject_kind="sub_department", value=80)
    store(AttainmentSnapshot.objects.create(campaign=province_campaign, inputs_digest="a"), [
        (unit_a, None, "80.00", "85.50", "met"), (unit_b, None, "80.00", "72.25", "not_met"),
        (unit_a, officer_a, "80.00", "90.00", "met")])
    PledgeFactory(campaign=province_campaign, unit=unit_a)
    AwardRecord.objects.create(award_form=certificate, officer=officer_a, year=2024, decision_reference="01/QĐ-CTHADS",
                               decided_on=D(2024, 7, 10), issued_by="Cục THADS tỉnh Hậu Giang",
                               campaign=province_campaign)
    return province_campaign


def test_summary_report_has_its_sections_in_order(summary_campaign):
    parts = documents.summary_parts(documents.load_campaign(summary_campaign.pk), today=D(2024, 7, 20))
    pdf = render_pdf(parts)
    text = " ".join(page_texts(pdf.data))
    assert_in_order(text, [
        "Số: /BC-CTHADS", "Hậu Giang, ngày tháng năm 2024", "BÁO CÁO",
        "Tổng kết phong trào thi đua “Đợt thi đua cao điểm năm 2024”", "I. TÌNH HÌNH TRIỂN KHAI PHONG TRÀO THI ĐUA",
        "Thực hiện Kế hoạch số 12/KH-CTHADS ngày 20 tháng 3 năm 2024", "Đơn vị tham gia: 2 đơn vị",
        "Số đăng ký giao ước thi đua: 1 tập thể, 0 cá nhân", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA",
        "1. Tổng hợp theo chỉ tiêu", "1 – Tỷ lệ thi hành xong về việc 1 1 0 1 0 0", "2. Kết quả của các đơn vị",
        "Chi cục Thi hành án dân sự thành phố Vị Thanh", "80,00% 85,50% Đạt",
        "Chi cục Thi hành án dân sự huyện Long Mỹ", "80,00% 72,25% Chưa đạt",
        "III. CÔNG TÁC KHEN THƯỞNG", "Giấy khen của Cục trưởng Cục THADS tỉnh", "Nguyễn Văn An",
        "01/QĐ-CTHADS ngày 10/07/2024", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "CỤC TRƯỞNG"])
    # the chart's labels: SVG text is written after the rest of its page, so not in the order above
    assert "Kết quả thực hiện" in text and "Mức chỉ tiêu" in text
    assert signature_field_names(pdf.data) == ["BaoCao_NguoiKy"]
    assert parts[0].count('<rect class="bar"') == 2  # the units' bars; individuals are counted, not charted
    assert "85,50%" in parts[0].split("<svg", 1)[1]


def test_a_running_campaign_gets_an_interim_report_without_figures(province_campaign):
    parts = documents.summary_parts(documents.load_campaign(province_campaign.pk), today=D(2024, 5, 1))
    text = " ".join(page_texts(render_pdf(parts).data))
    assert_in_order(text, ["Sơ kết phong trào thi đua", "Chưa có bảng đạt chỉ tiêu",
                           "Chưa có quyết định khen thưởng"])
    assert "<svg" not in parts[0]


def test_a_long_unit_table_breaks_across_pages_with_its_header_repeated(summary_campaign):
    snapshot = summary_campaign.snapshots.get()
    store(snapshot, [(unit, None, "80.00", f"{60 + i % 30}.00", "met") for i, unit in enumerate(numbered_units(70))])
    parts = documents.summary_parts(documents.load_campaign(summary_campaign.pk), today=D(2024, 7, 20))
    pages = page_texts(render_pdf(parts).data)
    with_header = [i for i, page in enumerate(pages) if "STT Đơn vị Khung Mức chỉ tiêu Thực hiện Kết quả Hạng" in page]
    assert len(with_header) >= 2
    assert "Đơn vị số 69" in " ".join(pages)


@pytest.mark.parametrize("units", [1, 40])
def test_building_the_report_takes_the_same_queries_whatever_its_size(summary_campaign, units,
                                                                      django_assert_max_num_queries):
    snapshot = summary_campaign.snapshots.get()
    store(snapshot, [(unit, None, "80.00", "81.00", "met") for unit in numbered_units(units)])
    with django_assert_max_num_queries(9):
        parts = documents.summary_parts(documents.load_campaign(summary_campaign.pk), today=D(2024, 7, 20))
    assert parts[0].count('<rect class="bar"') == units
