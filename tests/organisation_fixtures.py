"""The fixed cast reorganised on 01/07/2025 (law.md §6): the Tổng cục over the province becomes the Cục
Quản lý; the province (Cục THADS Hậu Giang) and Chi cục B (Long Mỹ) end on 30/06/2025 and are merged
into THADS thành phố Cần Thơ and its Phòng THADS khu vực 2. Chi cục A stays open (a unit spanning both)."""

import datetime
from dataclasses import dataclass

import pytest

from emulation.models import Unit, UnitKind, UnitSuccession
from emulation.services import save_unit
from tests.factories import OfficerFactory, RoleGrantFactory, UnitFactory

ENDED = datetime.date(2025, 6, 30)
REORGANISED = datetime.date(2025, 7, 1)
BEFORE, AFTER = datetime.date(2024, 7, 10), datetime.date(2026, 1, 15)


@dataclass
class Reorganised:
    tong_cuc: Unit
    cuc_quan_ly: Unit
    province: Unit
    unit_a: Unit
    unit_b: Unit
    can_tho: Unit
    area: Unit


def _end(unit: Unit, **changes) -> Unit:
    for key, value in {"valid_to": ENDED, **changes}.items():
        setattr(unit, key, value)
    return save_unit(unit)


@pytest.fixture
def reorganised(province, unit_a, unit_b) -> Reorganised:
    tong_cuc = UnitFactory(code="TCTHADS", name="Tổng cục Thi hành án dân sự", kind=UnitKind.NATIONAL,
                           valid_to=ENDED)
    cuc_quan_ly = UnitFactory(code="CQLTHADS", name="Cục Quản lý Thi hành án dân sự", kind=UnitKind.NATIONAL,
                              valid_from=REORGANISED)
    _end(province, parent=tong_cuc)
    _end(unit_b)
    can_tho = UnitFactory(code="CTO", name="Thi hành án dân sự thành phố Cần Thơ", kind=UnitKind.PROVINCIAL,
                          parent=cuc_quan_ly, valid_from=REORGANISED, document_symbol="THADS")
    area = UnitFactory(code="CTO-KV2", name="Phòng Thi hành án dân sự khu vực 2", kind=UnitKind.SUB_DEPARTMENT,
                       parent=can_tho, valid_from=REORGANISED, place_name="Cần Thơ")
    for old, new, kind in [(tong_cuc, cuc_quan_ly, "rename"), (province, can_tho, "merge"), (unit_b, area, "merge")]:
        UnitSuccession.objects.create(predecessor=old, successor=new, kind=kind, effective_on=REORGANISED)
    unit_a.refresh_from_db()
    unit_b.refresh_from_db()
    return Reorganised(tong_cuc, cuc_quan_ly, province, unit_a, unit_b, can_tho, area)


@pytest.fixture
def area_head(reorganised):
    """The head of the successor Phòng khu vực 2, with one officer of its own."""
    OfficerFactory(unit=reorganised.area, full_name="Võ Thị Khu Vực", code="KV2-001")
    return RoleGrantFactory(user__username="truong_kv2", role="unit_head", unit=reorganised.area).user
