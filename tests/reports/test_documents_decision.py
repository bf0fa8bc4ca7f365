"""The award decision (Quyết định, Mẫu 1.2) and its annexed list: the register's number, the blocks in
order, recitals punctuated as the decree says, and only the nominations it awards in the annex."""

# ruff: noqa: F811

import datetime

import pytest

from awards.models import NominationStatus
from awards.services import decisions
from reports.documents import decisions as documents
from reports.pdf import render_pdf
from reports.signatures import signature_field_names
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401

from .documents import assert_in_order, close_with, open_session, page_texts
from .test_documents_council import NO, YES, add_nominations

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def decide(staff, director, proposal, papers, awarded=None):
    session = close_with(staff, open_session(staff, proposal.campaign), papers)
    if awarded is not None:
        awarded = {n.pk for n in proposal.nominations.all() if n.officer and n.officer.full_name in awarded}
    return decisions.approve(actor=director, session=session, decided_on=datetime.date(2024, 7, 10),
                             signer_name="Lê Phước Toàn", signer_title="KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG",
                             awarded=awarded)


@pytest.fixture
def decision(staff, director, submitted_proposal):
    """Officer A and Lê Thị Cúc pass, unit A does not; the director awards officer A only."""
    return decide(staff, director, submitted_proposal, [[YES, YES, NO]] * 3 + [[NO, NO, NO]],
                  awarded={"Nguyễn Văn An"})


def rendered(pk):
    decision = documents.load_decision(pk)
    return decision, render_pdf(documents.decision_parts(decision))


def test_decision_has_the_blocks_of_mau_1_2_in_order(decision):
    loaded, pdf = rendered(decision.pk)
    main, annex = page_texts(pdf.data)
    assert decision.registered.reference == decision.reference == "01/QĐ-CTHADS"
    assert_in_order(main, [
        "CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG", "Số: 01/QĐ-CTHADS", "Hậu Giang, ngày 10 tháng 7 năm 2024",
        "QUYẾT ĐỊNH", "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua",
        "CỤC TRƯỞNG CỤC THI HÀNH ÁN DÂN SỰ TỈNH HẬU GIANG",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ Nghị định số 98/2023/NĐ-CP",
        "Căn cứ Kế hoạch số 12/KH-CTHADS ngày 20 tháng 3 năm 2024",
        "Xét đề nghị của Hội đồng Thi đua – Khen thưởng Cục Thi hành án dân sự tỉnh Hậu Giang tại Biên bản số "
        "01/BB-HĐTĐKT ngày 03 tháng 7 năm 2024.",
        "QUYẾT ĐỊNH:", "Điều 1. Khen thưởng 1 cá nhân", "(có danh sách kèm theo)",
        "Giấy khen của Cục trưởng Cục THADS tỉnh: 1 cá nhân.", "Điều 2.", "Điều 3.",
        "chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, CTHADS.", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Lê Phước Toàn"])
    assert_in_order(annex, ["Phụ lục", "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
                            "(Kèm theo Quyết định số 01/QĐ-CTHADS ngày 10 tháng 7 năm 2024 của Cục trưởng Cục Thi "
                            "hành án dân sự tỉnh Hậu Giang)", "Giấy khen của Cục trưởng Cục THADS tỉnh", "Cá nhân: 1",
                            "Nguyễn Văn An", "Tổng số: 1 cá nhân."])
    assert signature_field_names(pdf.data) == ["QuyetDinh_NguoiKy"]


def test_the_annex_lists_only_the_awarded_nominations(decision, submitted_proposal):
    _loaded, pdf = rendered(decision.pk)
    annex = page_texts(pdf.data)[-1]
    statuses = {(n.officer.full_name if n.officer else n.unit.name): n.status
                for n in submitted_proposal.nominations.select_related("officer", "unit")}
    assert statuses == {"Nguyễn Văn An": NominationStatus.AWARDED, "Lê Thị Cúc": NominationStatus.REFUSED,
                        "Chi cục Thi hành án dân sự thành phố Vị Thanh": NominationStatus.NOT_PASSED}
    assert "Nguyễn Văn An" in annex
    assert "Lê Thị Cúc" not in annex
    assert "Tập thể" not in annex


def test_recitals_end_with_semicolons_and_a_full_stop(decision):
    lines = documents.recitals(documents.load_decision(decision.pk))
    assert [line[-1] for line in lines] == [";", ";", ";", "."]
    assert lines[-1].startswith("Xét đề nghị của Hội đồng Thi đua – Khen thưởng")


@pytest.mark.unit
@pytest.mark.parametrize(("title", "lines"), [
    ("CỤC TRƯỞNG", ("CỤC TRƯỞNG",)),
    ("KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG", ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")),
    ("TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    ("", ("Cục trưởng",)),
])
def test_signing_authority_lines(title, lines):
    assert documents.authority_lines(title, "Cục trưởng") == lines


@pytest.mark.parametrize("extra", [0, 12])
def test_loading_and_building_take_the_same_queries_whatever_the_list(staff, director, submitted_proposal, extra,
                                                                     django_assert_max_num_queries):
    add_nominations(submitted_proposal, extra)
    decision = decide(staff, director, submitted_proposal, [[YES] * (3 + extra)] * 4)
    with django_assert_max_num_queries(3):
        parts = documents.decision_parts(documents.load_decision(decision.pk))
    assert parts[1].count('<td class="center">') == 3 + extra + 1  # one per awarded subject, one per award form
