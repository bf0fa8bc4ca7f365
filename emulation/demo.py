"""Demo organisation, people and accounts. Upserts on natural keys: loading twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model

from . import demo_data as data
from .models import (
    Assignment,
    AwardHold,
    Discipline,
    DisciplineForm,
    HoldKind,
    Officer,
    Role,
    RoleGrant,
    Unit,
    UnitKind,
    UnitSuccession,
)
from .services import derive_officer_fields, derive_unit_fields, save_unit

DEMO_PASSWORD = "thidua2026"

DEMO_ACCOUNTS = [
    {"username": "admin", "role": None, "unit": None, "name": ("Quản trị", "Hệ thống")},
    {"username": "thuongtruc", "role": Role.STAFF, "unit": "HG", "name": ("Bùi Thị", "Diễm")},
    {"username": "cuctruong", "role": Role.DIRECTOR, "unit": "HG", "name": ("Lê Phước", "Toàn")},
    {"username": "hoidong", "role": Role.COUNCIL_MEMBER, "unit": "HG", "name": ("Trần Minh", "Khoa")},
    {"username": "xem", "role": Role.VIEWER, "unit": "HG", "name": ("Ngô Thu", "Hà")},
    {"username": "truong_vithanh", "role": Role.UNIT_HEAD, "unit": "HG-CC-VTH", "name": ("Huỳnh Văn", "Nam")},
    {"username": "truong_longmy", "role": Role.UNIT_HEAD, "unit": "HG-CC-LMH", "name": ("Võ Thị", "Lan")},
    {"username": "thuongtruc_bd", "role": Role.STAFF, "unit": "BD", "name": ("Đặng Thị", "Thảo")},
    {"username": "thuongtruc_tn", "role": Role.STAFF, "unit": "TN", "name": ("Dương Văn", "Sơn")},
    {"username": "thuongtruc_ls", "role": Role.STAFF, "unit": "LS", "name": ("Hoàng Thị", "Oanh")},
    {"username": "thuongtruc_ubnd", "role": Role.STAFF, "unit": "UBND-HG", "name": ("Phan Quốc", "Việt")},
]


def upsert_unit(code, *, name, kind, parent=None, short_name="", valid_from=None, valid_to=None,
                legal_entity=False, hardship=False) -> Unit:
    unit = Unit.objects.filter(code=code).first() or Unit(code=code)
    wanted = {"name": name, "kind": kind, "parent_id": parent.pk if parent else None, "short_name": short_name,
              "valid_from": valid_from, "valid_to": valid_to, "legal_entity": legal_entity,
              "has_seal": legal_entity, "hardship": hardship}
    probe = Unit(**{**wanted, "code": code})
    derive_unit_fields(probe)
    if unit.pk and all(getattr(unit, k) == getattr(probe, k) for k in [*wanted, "search_key", "sort_key"]):
        return unit
    for key, value in wanted.items():
        setattr(unit, key, value)
    return save_unit(unit)


def _abbreviate(district: str) -> str:
    """"thành phố Vị Thanh" → "TP Vị Thanh", "thị xã Long Mỹ" → "TX Long Mỹ", "huyện Long Mỹ" → "Long Mỹ"."""
    for prefix, short in (("thành phố ", "TP "), ("thị xã ", "TX "), ("huyện ", "")):
        if district.startswith(prefix):
            return short + district[len(prefix):]
    return district


def link(predecessor: Unit, successor: Unit, kind: str, basis: str) -> None:
    UnitSuccession.objects.get_or_create(
        predecessor=predecessor, successor=successor,
        defaults={"kind": kind, "effective_on": data.REORGANISED, "legal_basis": basis})


def load_units() -> dict[str, Unit]:
    units = {}
    old = upsert_unit(data.NATIONAL_OLD[0], name=data.NATIONAL_OLD[1], short_name=data.NATIONAL_OLD[2],
                      kind=UnitKind.NATIONAL, valid_to=data.OLD_UNTIL, legal_entity=True)
    new = upsert_unit(data.NATIONAL_NEW[0], name=data.NATIONAL_NEW[1], short_name=data.NATIONAL_NEW[2],
                      kind=UnitKind.NATIONAL, valid_from=data.REORGANISED, legal_entity=True)
    link(old, new, "rename", data.NATIONAL_BASIS)
    for province in data.PROVINCES:
        units.update(_load_province(province, old, new))
    units.update(_load_peoples_committee())
    return units


def _load_province(spec, national_old, national_new) -> dict[str, Unit]:
    code = spec["code"]
    units = {code: upsert_unit(code, name=spec["name"], short_name=spec["short"], kind=UnitKind.PROVINCIAL,
                               parent=national_old, valid_to=data.OLD_UNTIL, legal_entity=True)}
    for suffix, name in data.DIVISIONS:
        units[f"{code}-{suffix}"] = upsert_unit(f"{code}-{suffix}", name=name, kind=UnitKind.DIVISION,
                                                parent=units[code], valid_to=data.OLD_UNTIL)
    for suffix, district, hardship in spec["districts"]:
        units[f"{code}-CC-{suffix}"] = upsert_unit(
            f"{code}-CC-{suffix}", name=f"Chi cục Thi hành án dân sự {district}", kind=UnitKind.SUB_DEPARTMENT,
            short_name=f"Chi cục THADS {_abbreviate(district)}",
            parent=units[code], valid_to=data.OLD_UNTIL, legal_entity=True, hardship=hardship)
    new_code, new_name, new_short, kind = spec["successor"]
    successor = upsert_unit(new_code, name=new_name, short_name=new_short, kind=UnitKind.PROVINCIAL,
                            parent=national_new, valid_from=data.REORGANISED, legal_entity=True)
    link(units[code], successor, kind, data.PROVINCE_BASIS)
    chi_cuc = [units[f"{code}-CC-{suffix}"] for suffix, _, _ in spec["districts"]]
    for index in range(0, len(chi_cuc), data.AREA_OFFICE_SIZE):
        number = index // data.AREA_OFFICE_SIZE + 1
        area = upsert_unit(f"{new_code}-KV{number}", name=f"Phòng Thi hành án dân sự khu vực {number}",
                           kind=UnitKind.SUB_DEPARTMENT, parent=successor, valid_from=data.REORGANISED,
                           short_name=f"Phòng THADS khu vực {number} ({new_short})")
        for old_unit in chi_cuc[index:index + data.AREA_OFFICE_SIZE]:
            link(old_unit, area, "merge", data.PROVINCE_BASIS)
    units[new_code] = successor
    return units


def _load_peoples_committee() -> dict[str, Unit]:
    code, name, short = data.PEOPLES_COMMITTEE
    committee = upsert_unit(code, name=name, short_name=short, kind=UnitKind.AUTHORITY,
                            valid_to=data.OLD_UNTIL, legal_entity=True)
    new_code, new_name, new_short = data.PEOPLES_COMMITTEE_NEW
    successor = upsert_unit(new_code, name=new_name, short_name=new_short, kind=UnitKind.AUTHORITY,
                            valid_from=data.REORGANISED, legal_entity=True)
    link(committee, successor, "merge", data.PROVINCE_BASIS)
    units = {code: committee, new_code: successor}
    for ext_code, ext_name, kind in data.EXTERNAL_UNITS:
        units[ext_code] = upsert_unit(ext_code, name=ext_name, kind=kind, parent=committee,
                                      valid_to=data.OLD_UNTIL, legal_entity=True)
    return units


def _person(index: int) -> tuple[str, str]:
    gender = "female" if index % 9 in (1, 3, 5, 7) else "male"
    family = data.FAMILY[(index * 7) % len(data.FAMILY)]
    middle = data.MIDDLE[gender][(index * 3) % len(data.MIDDLE[gender])]
    given = data.GIVEN[gender][(index * 5) % len(data.GIVEN[gender])]
    return f"{family} {middle} {given}", gender


def _rosters(units: dict[str, Unit]):
    for spec in data.PROVINCES:
        code = spec["code"]
        yield units[code], data.PROVINCE_ROSTER
        for suffix, _ in data.DIVISIONS:
            yield units[f"{code}-{suffix}"], data.DIVISION_ROSTER
        roster = data.ROSTER_FULL if code == "HG" else data.ROSTER_SMALL
        for suffix, _, _ in spec["districts"]:
            yield units[f"{code}-CC-{suffix}"], roster


def load_officers(units: dict[str, Unit]) -> dict[str, Officer]:
    officers, index = {}, 0
    for unit, roster in _rosters(units):
        for slot, (position, leader, enforcement) in enumerate(roster, start=1):
            code = f"{unit.code}-{slot:02d}"
            full_name, gender = _person(index)
            index += 1
            officer = Officer.objects.filter(code=code).first()
            if officer is None:
                officer = Officer(code=code, full_name=full_name, gender=gender, unit=unit, position=position,
                                  is_leader=leader, is_enforcement_officer=enforcement,
                                  birth_date=datetime.date(1970 + index % 25, 1 + index % 12, 1 + index % 28))
                derive_officer_fields(officer)
                officer.save()
                Assignment.objects.create(officer=officer, unit=unit, position=position,
                                          starts_on=data.ASSIGNMENT_START, hardship=unit.hardship)
            officers[code] = officer
    return officers


DISCIPLINES = [
    ("HG-CC-NB-03", DisciplineForm.REPRIMAND, "12/QĐ-CTHADS", datetime.date(2023, 11, 20), datetime.date(2024, 11, 20)),
    ("HG-CC-PH-04", DisciplineForm.WARNING, "25/QĐ-CTHADS", datetime.date(2024, 3, 5), datetime.date(2025, 3, 5)),
    ("BD-CC-TS-02", DisciplineForm.REPRIMAND, "08/QĐ-CTHADS", datetime.date(2023, 5, 10), datetime.date(2024, 5, 10)),
    ("TN-CC-DT-02", DisciplineForm.SALARY_DOWNGRADE, "31/QĐ-CTHADS", datetime.date(2023, 9, 1),
     datetime.date(2024, 9, 1)),
    ("LS-CC-HL-03", DisciplineForm.REPRIMAND, "17/QĐ-CTHADS", datetime.date(2024, 6, 14), datetime.date(2025, 6, 14)),
    ("LS-KT-02", DisciplineForm.WARNING, "22/QĐ-CTHADS", datetime.date(2022, 12, 1), datetime.date(2023, 12, 1)),
]


def load_discipline(officers: dict[str, Officer]) -> None:
    for code, form, number, decided_on, ends_on in DISCIPLINES:
        Discipline.objects.get_or_create(
            officer=officers[code], decision_number=number,
            defaults={"form": form, "decided_on": decided_on, "ends_on": ends_on,
                      "reason": "Vi phạm quy trình tổ chức thi hành án (dữ liệu minh họa)."})
    AwardHold.objects.get_or_create(
        officer=officers["HG-CC-CTA-03"], kind=HoldKind.INVESTIGATION, opened_on=datetime.date(2024, 5, 15),
        defaults={"note": "Đang kiểm tra hồ sơ kê biên tài sản theo phản ánh (dữ liệu minh họa)."})
    AwardHold.objects.get_or_create(
        officer=officers["BD-CC-PM-02"], kind=HoldKind.COMPLAINT, opened_on=datetime.date(2023, 4, 3),
        defaults={"closed_on": datetime.date(2023, 6, 30), "note": "Đã xác minh, không có vi phạm."})


def load_accounts(units: dict[str, Unit]) -> None:
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account["username"]).first()
        if user is None:
            user = User(username=account["username"], first_name=account["name"][1],
                        last_name=account["name"][0])
            user.is_superuser = user.is_staff = account["role"] is None
            user.set_password(DEMO_PASSWORD)
            user.save()
        if account["role"]:
            RoleGrant.objects.get_or_create(user=user, role=account["role"], unit=units[account["unit"]])


def load() -> dict:
    units = load_units()
    officers = load_officers(units)
    load_discipline(officers)
    load_accounts(units)
    return {"units": units, "officers": officers}


