"""The organisation on a date from the database: units and officers valid on a day, the successor
reached through the links, the header's parent line, the head's title, and the register's refusal."""

# ruff: noqa: F811

import pytest
from django.core.exceptions import ValidationError

from emulation import organisation, registers
from emulation.models import RegisteredDocument
from tests.factories import OfficerFactory
from tests.organisation_fixtures import AFTER, BEFORE, ENDED, REORGANISED, reorganised  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_valid_units_on_a_date(reorganised):
    r = reorganised
    codes = lambda on: sorted(organisation.valid_units(on).values_list("code", flat=True))  # noqa: E731
    assert codes(BEFORE) == sorted([r.tong_cuc.code, r.province.code, r.unit_a.code, r.unit_b.code])
    assert codes(AFTER) == sorted([r.cuc_quan_ly.code, r.unit_a.code, r.can_tho.code, r.area.code])
    during = organisation.valid_units(ENDED, until=REORGANISED).values_list("code", flat=True)
    assert len(during) == 7


def test_valid_officers_are_active_officers_of_valid_units(reorganised, officer_a, officer_b):
    OfficerFactory(unit=reorganised.unit_a, code="A-OLD", is_active=False)
    assert list(organisation.valid_officers(BEFORE).order_by("code")) == [officer_a, officer_b]
    assert list(organisation.valid_officers(AFTER)) == [officer_a]


def test_successor_of_follows_the_links_to_the_unit_of_the_date(reorganised):
    r = reorganised
    assert organisation.successor_of(r.unit_b, BEFORE) == r.unit_b
    assert organisation.successor_of(r.unit_b, AFTER) == r.area
    assert organisation.successor_of(r.tong_cuc, AFTER) == r.cuc_quan_ly
    assert organisation.successor_of(r.cuc_quan_ly, BEFORE) is None


@pytest.mark.parametrize(("unit", "on", "parent", "body"), [
    ("province", BEFORE, "Tổng cục Thi hành án dân sự", "Cục Thi hành án dân sự tỉnh Hậu Giang"),
    ("can_tho", AFTER, "Cục Quản lý Thi hành án dân sự", "Thi hành án dân sự thành phố Cần Thơ"),
    ("unit_b", BEFORE, "Cục Thi hành án dân sự tỉnh Hậu Giang", "Chi cục Thi hành án dân sự huyện Long Mỹ"),
    # a unit that spans the reorganisation: its ended parent is replaced by the parent's successor
    ("unit_a", AFTER, "Thi hành án dân sự thành phố Cần Thơ", "Chi cục Thi hành án dân sự thành phố Vị Thanh"),
    ("area", AFTER, "Thi hành án dân sự thành phố Cần Thơ", "Phòng Thi hành án dân sự khu vực 2"),
])
def test_header_for_a_date(reorganised, unit, on, parent, body):
    assert organisation.header_for(getattr(reorganised, unit), on) == organisation.Header(parent, body)


@pytest.mark.parametrize(("unit", "on", "title", "authority"), [
    ("province", BEFORE, "Cục trưởng", "Cục trưởng Cục Thi hành án dân sự tỉnh Hậu Giang"),
    ("can_tho", AFTER, "Trưởng Thi hành án dân sự thành phố", "Trưởng Thi hành án dân sự thành phố Cần Thơ"),
    ("unit_b", BEFORE, "Chi cục trưởng", "Chi cục trưởng Chi cục Thi hành án dân sự huyện Long Mỹ"),
    ("area", AFTER, "Trưởng Phòng Thi hành án dân sự khu vực", "Trưởng Phòng Thi hành án dân sự khu vực 2"),
    ("tong_cuc", BEFORE, "Tổng cục trưởng", "Tổng cục trưởng Tổng cục Thi hành án dân sự"),
])
def test_signer_title_and_authority_by_date(reorganised, unit, on, title, authority):
    assert organisation.signer_title(getattr(reorganised, unit), on) == title
    assert organisation.signer_authority(getattr(reorganised, unit), on) == authority


def test_register_numbers_a_dissolved_unit_before_its_end_date_only(reorganised):
    entry = registers.issue_number(issuer=reorganised.unit_b, series="TTr", issued_on=ENDED, subject="Tờ trình")
    assert entry.reference == "01/TTr-CCTHADS"
    with pytest.raises(ValidationError) as refused:
        registers.issue_number(issuer=reorganised.unit_b, series="TTr", issued_on=AFTER, subject="Tờ trình")
    assert refused.value.messages == [
        "Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào Phòng Thi hành án "
        "dân sự khu vực 2): văn bản từ ngày này do đơn vị kế thừa ban hành."]
    assert list(RegisteredDocument.objects.values_list("year", flat=True)) == [2025]
    assert registers.issue_number(issuer=reorganised.area, series="TTr", issued_on=AFTER,
                                  subject="Tờ trình").reference == "01/TTr-CCTHADS"
