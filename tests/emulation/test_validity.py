"""The organisation of a day as plain rules: validity, the refusal naming the successor, the head's title."""

import datetime

import pytest

from emulation import validity
from emulation.validity import Successor

pytestmark = pytest.mark.unit

D = datetime.date
ENDED = D(2025, 6, 30)
LONG_MY = "Chi cục Thi hành án dân sự huyện Long Mỹ"
AREA = Successor("Phòng Thi hành án dân sự khu vực 2", "merge")


@pytest.mark.parametrize(("valid_from", "valid_to", "on", "expected"), [
    (None, ENDED, D(2024, 6, 1), True),
    (None, ENDED, ENDED, True),
    (None, ENDED, D(2025, 7, 1), False),
    (D(2025, 7, 1), None, D(2025, 6, 30), False),
    (D(2025, 7, 1), None, D(2026, 1, 15), True),
    (None, None, D(1999, 1, 1), True),
])
def test_valid_on(valid_from, valid_to, on, expected):
    assert validity.valid_on(valid_from, valid_to, on) is expected


@pytest.mark.parametrize(("on", "until", "expected"), [
    (D(2025, 1, 1), D(2025, 12, 31), True),   # the period spans the end date
    (D(2025, 7, 1), D(2025, 12, 31), False),  # wholly after it
    (D(2024, 4, 1), D(2024, 6, 30), True),
])
def test_valid_during(on, until, expected):
    assert validity.valid_during(None, ENDED, on, until) is expected


@pytest.mark.parametrize(("on", "purpose", "expected"), [
    (D(2024, 6, 28), "propose", None),
    (ENDED, "propose", None),
    (D(2025, 7, 1), "propose",
     "Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi hành án "
     "dân sự khu vực 2): thành tích của cán bộ do đơn vị kế thừa đề nghị."),
    (D(2026, 3, 2), "issue",
     "Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi hành án "
     "dân sự khu vực 2): văn bản từ ngày này do đơn vị kế thừa ban hành."),
    (D(2026, 3, 2), "pledge",
     "Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi hành án "
     "dân sự khu vực 2): giao ước thi đua do đơn vị kế thừa đăng ký."),
])
def test_refusal_of_a_merged_chi_cuc(on, purpose, expected):
    assert validity.refusal(name=LONG_MY, valid_from=None, valid_to=ENDED, starts_on=on, successors=(AREA,),
                            purpose=purpose) == expected


def test_refusal_of_a_campaign_period_only_when_the_unit_ended_before_it_starts():
    refuse = dict(name=LONG_MY, valid_from=None, valid_to=ENDED, successors=(AREA,), purpose="participate")
    assert validity.refusal(**refuse, starts_on=D(2025, 1, 1), ends_on=D(2025, 9, 30)) is None
    assert validity.refusal(**refuse, starts_on=D(2025, 7, 1), ends_on=D(2025, 9, 30)) == (
        "Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi hành "
        "án dân sự khu vực 2): đơn vị kế thừa tham gia phong trào thay cho đơn vị này.")


@pytest.mark.parametrize(("successors", "phrase"), [
    ((Successor("Thi hành án dân sự tỉnh Lạng Sơn", "rename"),), "(đổi tên thành Thi hành án dân sự tỉnh Lạng Sơn)"),
    ((Successor("A", "split"), Successor("B", "split")), "(chia tách, chuyển giao cho A, B)"),
    ((), "đã kết thúc hoạt động từ 01/07/2025: thành tích"),
])
def test_refusal_names_the_succession(successors, phrase):
    why = validity.refusal(name="Cục THADS tỉnh Lạng Sơn", valid_from=None, valid_to=ENDED, starts_on=D(2026, 1, 1),
                           successors=successors)
    assert phrase in why


def test_a_unit_not_yet_set_up_is_refused_with_its_start():
    assert validity.refusal(name="Phòng Thi hành án dân sự khu vực 2", valid_from=D(2025, 7, 1), valid_to=None,
                            starts_on=D(2024, 6, 1)) == (
        "Phòng Thi hành án dân sự khu vực 2 bắt đầu hoạt động từ 01/07/2025.")


@pytest.mark.parametrize(("kind", "on", "city", "title"), [
    ("national", D(2025, 6, 30), False, "Tổng cục trưởng"),
    ("national", D(2025, 7, 1), False, "Cục trưởng"),
    ("provincial", D(2024, 7, 10), False, "Cục trưởng"),
    ("provincial", D(2026, 1, 15), True, "Trưởng Thi hành án dân sự thành phố"),
    ("provincial", D(2026, 1, 15), False, "Trưởng Thi hành án dân sự tỉnh"),
    ("sub_department", D(2024, 7, 10), False, "Chi cục trưởng"),
    ("sub_department", D(2026, 1, 15), False, "Trưởng Phòng Thi hành án dân sự khu vực"),
    ("authority", D(2026, 1, 15), False, "Chủ tịch"),
    ("external", D(2026, 1, 15), False, "Thủ trưởng đơn vị"),
])
def test_head_title_by_kind_and_date(kind, on, city, title):
    assert validity.head_title(kind, on, city=city) == title
