"""Every PDF kind, read back from the file: A4, text inside the prescribed margins, no page number on
page 1 and numbers from page 2 of a part, the font embedded, signature fields present (NĐ 30/2020)."""

# ruff: noqa: F811

import pytest

from awards.models import CouncilSession
from reports.documents import KINDS
from reports.signatures import signature_field_names
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports import pdfcheck
from tests.reports.test_documents_campaign import plan, summary_campaign  # noqa: F401
from tests.reports.test_documents_decision import decision  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EXPECTED_FIELDS = {
    "proposal_letter": ["ToTrinh_NguoiKy"],
    "proposal_minutes": ["BienBan_ThuKy", "BienBan_ChuToa"],
    "nomination_report": ["XacNhan", "NguoiBaoCao"],
    "session_minutes": ["BienBanHoiDong_ThuKy", "BienBanHoiDong_ChuToa"],
    "session_passed_list": [],
    "decision": ["QuyetDinh_NguoiKy"],
    "plan": ["KeHoach_NguoiKy"],
    "campaign_summary": ["BaoCao_NguoiKy"],
}


def record_for(code: str, fixture):
    """The record of a kind, made by the fixture that builds realistic data for it (one per test:
    the decision and the summary both award officer A in the same campaign)."""
    if code in ("proposal_letter", "proposal_minutes"):
        return fixture("dossier_proposal").pk
    if code == "nomination_report":
        return fixture("dossier_proposal").nominations.first().pk
    if code in ("session_minutes", "session_passed_list"):
        return CouncilSession.objects.get(decision=fixture("decision")).pk
    if code == "decision":
        return fixture("decision").pk
    return fixture("plan" if code == "plan" else "summary_campaign").pk


def test_every_pdf_kind_is_checked_here():
    assert {code for code, kind in KINDS.items() if kind.extension == "pdf"} - {"proposal_dossier"} == set(
        EXPECTED_FIELDS)


@pytest.mark.parametrize("code", sorted(EXPECTED_FIELDS))
def test_the_pdf_follows_the_format(code, request):
    data = KINDS[code].prepare(record_for(code, request.getfixturevalue)).render(None).data
    pages = pdfcheck.check_official_geometry(data)
    assert pdfcheck.page_numbers(pages[0]) == []
    fonts = pdfcheck.fonts(data)
    assert fonts and all(fonts.values()) and all("Liberation-Serif" in name for name in fonts), fonts
    assert signature_field_names(data) == EXPECTED_FIELDS[code]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdfcheck.text(data) or code == "session_passed_list"
