"""The council's minutes (Biên bản, Mẫu 1.9) and its list of passed nominations, rendered to PDF and
read back: blocks in order, the register's number, counts and percentages of the whole membership,
the signature fields of the secretary and the chair, and nothing that pairs a member with a choice."""

# ruff: noqa: F811

import datetime

import pytest

from awards import tally
from awards.models import Nomination
from awards.services import ballots
from awards.services import council as services
from reports import formats
from reports.documents import council
from reports.pdf import render_pdf
from reports.signatures import signature_field_names
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import OfficerFactory

from .documents import MEMBER_NAMES, assert_in_order, close_with, open_session, page_texts, raw_lines

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

YES, NO = "yes", "no"
# Agenda: officer A, Lê Thị Cúc, unit A (the order of the submitted proposal).
PAPERS = [[YES, YES, NO], [YES, YES, NO], [YES, NO, NO], [YES, NO, YES]]


@pytest.fixture
def closed(staff, submitted_proposal):
    return close_with(staff, open_session(staff, submitted_proposal.campaign), PAPERS)


def rendered(session_pk):
    session = council.load_session(session_pk)
    return session, render_pdf(council.session_minutes_parts(session) + council.passed_list_parts(session))


def test_minutes_have_the_blocks_of_mau_1_9_in_order(closed):
    session, pdf = rendered(closed.pk)
    text = " ".join(page_texts(pdf.data))
    assert closed.minutes_entry.reference == "01/BB-HĐTĐKT"
    assert_in_order(text, [
        "TỔNG CỤC" if closed.unit.parent_id else "CỤC THI HÀNH ÁN DÂN SỰ", "Số: 01/BB-HĐTĐKT", "BIÊN BẢN",
        "Họp Hội đồng Thi đua – Khen thưởng Cục Thi hành án dân sự tỉnh Hậu Giang",
        "Thời gian bắt đầu: …… giờ ……, ngày 03 tháng 7 năm 2024", "Địa điểm: Phòng họp Cục THADS tỉnh Hậu Giang",
        "Thành phần tham dự: 4/5 thành viên Hội đồng (80,00% tổng số thành viên; tối thiểu theo quy định: 66,67%)",
        "+ Nguyễn Thị Chủ – Chủ tịch Hội đồng", "Thành viên vắng mặt: 1",
        "+ Hoàng Thị Vắng – Ủy viên: có ý kiến bằng văn bản (nhận ngày 02/07/2024): “Nhất trí với danh sách đề nghị.”",
        "Chủ trì (chủ tọa): Nguyễn Thị Chủ", "Thư ký (người ghi biên bản): Trần Văn Thư",
        "số phiếu phát ra: 5; số phiếu thu về: 4; số phiếu hợp lệ: 4",
        "Nguyễn Văn An", "Lê Thị Cúc", "Chi cục Thi hành án dân sự thành phố Vị Thanh",
        "đề nghị khen thưởng 1/3 trường hợp", "Cuộc họp kết thúc vào", "THƯ KÝ", "Trần Văn Thư", "CHỦ TỌA",
        "Nguyễn Thị Chủ", "Nơi nhận:", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "(Kèm theo Biên bản số 01/BB-HĐTĐKT ngày 03 tháng 7 năm 2024"])
    assert "Hậu Giang, ngày" not in text  # a biên bản has no place and date line
    assert signature_field_names(pdf.data) == ["BienBanHoiDong_ThuKy", "BienBanHoiDong_ChuToa"]


def test_vote_rows_print_the_stored_counts_over_the_whole_membership(closed):
    session, pdf = rendered(closed.pk)
    minutes = " ".join(page_texts(pdf.data)[:-1])
    rows = []
    for item in session.items.all():
        percent = formats.percent(tally.percent_of(item.yes_count, 5), 2)
        rows += [item.nomination.officer.full_name if item.nomination.officer_id else item.nomination.unit.name,
                 f"{item.yes_count}/5 {item.no_count} {item.abstain_count} {percent} từ 50% trở lên "
                 f"{'Đạt' if item.passed else 'Không đạt'}"]
    assert [(i.yes_count, i.passed) for i in session.items.all()] == [(4, True), (2, False), (1, False)]
    assert_in_order(minutes, rows)
    assert "4/5 0 0 80,00% từ 50% trở lên Đạt" in minutes and "2/5 2 0 40,00% từ 50% trở lên Không đạt" in minutes


def test_the_passed_list_holds_only_what_the_council_passed(closed):
    _session, pdf = rendered(closed.pk)
    appendix = page_texts(pdf.data)[-1]
    assert_in_order(appendix, ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "Giấy khen của Cục trưởng Cục THADS tỉnh",
                               "Cá nhân: 1", "Nguyễn Văn An", "4/5 80,00%", "Tổng số: 1 trường hợp"])
    assert "Lê Thị Cúc" not in appendix
    assert "Tập thể" not in appendix


def test_no_member_is_printed_next_to_a_choice(closed):
    _session, pdf = rendered(closed.pk)
    for line in raw_lines(pdf.data):
        if any(name in line for name in MEMBER_NAMES):
            assert "đồng ý" not in line.lower() and "Đạt" not in line, line


def test_an_open_session_has_no_number_and_no_count_yet(staff, submitted_proposal):
    session = open_session(staff, submitted_proposal.campaign)
    _session, pdf = rendered(session.pk)
    text = " ".join(page_texts(pdf.data))
    assert_in_order(text, ["Số: /BB-HĐTĐKT", "BIÊN BẢN", "Thành phần tham dự: 0/5 thành viên",
                           "chưa kiểm phiếu", "Cuộc họp kết thúc vào … giờ …", "THƯ KÝ", "CHỦ TỌA"])
    assert "01/BB-HĐTĐKT" not in text
    assert "Đạt" not in text


def add_nominations(proposal, count):
    rule = proposal.nominations.first().rule
    award = proposal.nominations.first().campaign_award
    for index in range(count):
        officer = OfficerFactory(unit=proposal.unit, full_name=f"Cán bộ số {index}", code=f"A-1{index:02d}")
        Nomination.objects.create(proposal=proposal, campaign_award=award, unit=proposal.unit, officer=officer,
                                  rule=rule, position=10 + index)


@pytest.mark.parametrize("extra", [0, 12])
def test_loading_and_building_take_the_same_queries_whatever_the_agenda(staff, submitted_proposal, extra,
                                                                       django_assert_max_num_queries):
    add_nominations(submitted_proposal, extra)
    session = open_session(staff, submitted_proposal.campaign)
    close_with(staff, session, [[YES] * (3 + extra)] * 4)
    with django_assert_max_num_queries(7):
        loaded = council.load_session(session.pk)
        parts = council.session_minutes_parts(loaded) + council.passed_list_parts(loaded)
    assert len(parts) == 2
    assert parts[1].count("4/5") == 3 + extra


@pytest.fixture
def with_recusal(staff, submitted_proposal):
    """The fourth member (Phạm Văn Viên) declares a conflict on Lê Thị Cúc; the rule is "quá nửa"
    (more than 50 %); abstentions on the ballot; the fifth member is absent with a written opinion."""
    rule = submitted_proposal.nominations.first().rule
    rule.vote_threshold, rule.threshold_comparison = 50, "more_than"
    rule.save()
    session = open_session(staff, submitted_proposal.campaign)
    members = sorted(session.members.all(), key=lambda m: m.user_id)
    officer, colleague, collective = session.items.order_by("position", "id")
    ballots.declare_conflict(actor=members[3].user, item=colleague, reason="Là anh ruột của người được đề nghị")
    papers = [{officer.pk: YES, colleague.pk: YES, collective.pk: "abstain"},
              {officer.pk: YES, colleague.pk: "abstain", collective.pk: NO},
              {officer.pk: "abstain", colleague.pk: YES, collective.pk: YES},
              {officer.pk: YES, collective.pk: YES}]
    for member, paper in zip(members, papers, strict=False):
        ballots.cast_ballot(actor=member.user, session=session, choices=paper)
    ballots.record_written_opinion(actor=staff, session=session, member=members[4],
                                   received_on=datetime.date(2024, 7, 2), text="Nhất trí với danh sách đề nghị.")
    return services.close_session(actor=staff, session=session)


def test_minutes_print_abstentions_the_threshold_phrase_and_recusals_with_reasons(with_recusal):
    session, pdf = rendered(with_recusal.pk)
    minutes = " ".join(page_texts(pdf.data)[:-1])
    # yes/total, no, abstain, % of all members, the threshold as the rule words it, verdict
    assert_in_order(minutes, [
        "Thành viên vắng mặt: 1", "+ Hoàng Thị Vắng – Ủy viên: có ý kiến bằng văn bản",
        "Thành viên không tham gia biểu quyết (xung đột lợi ích): 1 trường hợp",
        "+ Phạm Văn Viên, đối với Lê Thị Cúc (Giấy khen của Cục trưởng Cục THADS tỉnh): Tự khai báo xung đột "
        "lợi ích: Là anh ruột của người được đề nghị.",
        "Nguyễn Văn An", "3/5 0 1 60,00% trên 50% Đạt",
        "Lê Thị Cúc", "2/5 0 1 40,00% trên 50% Không đạt",
        "Chi cục Thi hành án dân sự thành phố Vị Thanh", "2/5 1 1 40,00% trên 50% Không đạt"])
    # present and absent are never the same member
    assert minutes.count("Hoàng Thị Vắng") == 1
    assert "Vắng Hoàng Thị" not in minutes and "Viên Phạm Văn" not in minutes


def test_minutes_name_a_passed_nominee_whose_award_is_stopped(closed):
    item = closed.items.get(nomination__officer__full_name="Nguyễn Văn An")
    item.stopped_reason = "Đang có vụ việc chưa kết luận (Nguyễn Văn An: Đang điều tra từ 02/07/2024)"
    item.save()
    session, pdf = rendered(closed.pk)
    text = " ".join(page_texts(pdf.data))
    assert_in_order(text, ["đề nghị khen thưởng 1/3 trường hợp", "Tạm dừng khen thưởng", "Nguyễn Văn An",
                           "(không đủ điều kiện vào ngày kết thúc bỏ phiếu):", "Đang có vụ việc chưa kết luận",
                           "Cuộc họp kết thúc vào"])
    assert text.count("Tạm dừng khen thưởng") == 1
