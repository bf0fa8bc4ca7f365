"""Headers by the document's date (NĐ 30/2020 box 2): the parent and issuing bodies and the head's title
are those of the organisation on that date; no abolished body heads a document after its end."""

# ruff: noqa: F811

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.documents import campaigns as documents
from reports.documents import decisions as decision_documents
from reports.pdf import render_pdf
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import PlanFactory
from tests.organisation_fixtures import AFTER, BEFORE, reorganised  # noqa: F401

from .documents import assert_in_order, page_texts
from .test_documents_council import NO, YES
from .test_documents_decision import decide

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def plan_text(issuer, issued_on) -> str:
    plan = PlanFactory(issuer=issuer, issued_on=issued_on, year=issued_on.year, title="Kế hoạch thi đua",
                       signer_name="Trần Văn Ký", signer_title="")
    return page_texts(render_pdf(documents.plan_parts(documents.load_plan(plan.pk))).data)[0]


def header(text: str) -> str:
    return text[:text.index("KẾ HOẠCH")]


def test_a_2024_plan_of_a_chi_cuc_keeps_the_old_bodies(reorganised):
    text = plan_text(reorganised.unit_b, BEFORE)
    assert_in_order(text, ["CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG", "CHI CỤC THI HÀNH ÁN DÂN SỰ HUYỆN LONG MỸ",
                           "KẾ HOẠCH", "CHI CỤC TRƯỞNG", "Trần Văn Ký"])


def test_a_2026_plan_has_no_chi_cuc_nor_tong_cuc_in_its_header(reorganised):
    text = plan_text(reorganised.area, AFTER)
    assert_in_order(text, ["THI HÀNH ÁN DÂN SỰ THÀNH PHỐ CẦN THƠ", "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2",
                           "Cần Thơ, ngày 15 tháng 01 năm 2026", "KẾ HOẠCH",
                           "TRƯỞNG PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC", "Trần Văn Ký"])
    assert "CHI CỤC" not in header(text) and "TỔNG CỤC" not in header(text) and "CHI CỤC" not in text


def test_a_unit_spanning_the_reorganisation_is_headed_by_its_parent_of_the_date(reorganised):
    assert header(plan_text(reorganised.unit_a, BEFORE)).startswith("CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG")
    assert header(plan_text(reorganised.unit_a, AFTER)).startswith("THI HÀNH ÁN DÂN SỰ THÀNH PHỐ CẦN THƠ")


def test_a_2026_plan_of_the_dissolved_chi_cuc_is_not_rendered(reorganised):
    plan = PlanFactory(issuer=reorganised.unit_b, issued_on=BEFORE, year=2024)
    plan.issued_on = AFTER  # as if dated later, past the service's own check
    with pytest.raises(ValidationError, match="hợp nhất vào Phòng Thi hành án dân sự khu vực 2"):
        documents.plan_parts(plan)


def test_a_2024_decision_is_headed_by_the_tong_cuc_and_signed_by_the_cuc_truong(reorganised, staff, director,
                                                                                 submitted_proposal):
    decision = decide(staff, director, submitted_proposal, [[YES, YES, NO]] * 4)
    assert decision.decided_on == datetime.date(2024, 7, 10)
    main = page_texts(render_pdf(decision_documents.decision_parts(
        decision_documents.load_decision(decision.pk))).data)[0]
    assert_in_order(main, ["TỔNG CỤC THI HÀNH ÁN DÂN SỰ", "CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG", "QUYẾT ĐỊNH",
                           "CỤC TRƯỞNG CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG", "- Tổng cục Thi hành án dân sự (để báo "
                           "cáo);"])
