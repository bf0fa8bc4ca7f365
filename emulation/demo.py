"""Demo organisation, people and accounts (the plain data are in ``demo_data``). Every row is upserted on its
natural key (unit code, officer code, username, …): loading twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.hashers import check_password, make_password

from . import demo_data as data
from . import demo_reorganisation
from .models import (
    Assignment,
    AwardHold,
    Discipline,
    Gender,
    Officer,
    PerformanceRating,
    Role,
    RoleGrant,
    Unit,
    UnitKind,
    UnitSuccession,
)
from .services import derive_officer_fields, derive_unit_fields, save_officer, save_unit

DEMO_PASSWORD = "thidua2026"
# Demo accounts' email addresses: a domain reserved for examples (RFC 2606), so no real mailbox is ever written to.
DEMO_EMAIL_DOMAIN = "tdkt.example"  # not like the demo password: the similarity validator refuses "thidua…"

# (username, role, unit scope, the officer behind the account or a (family + middle, given) name, Django admin)
_ACCOUNTS = [
    ("admin", None, None, ("Quản trị", "Hệ thống"), True),
    ("thuongtruc", Role.STAFF, "HG", "HG-TCCB-02", False),  # seed 001: Phòng TCCB serves the council
    ("cuctruong", Role.DIRECTOR, "HG", "HG-01", False),
    ("hoidong", Role.COUNCIL_MEMBER, "HG", "HG-NV-01", False),
    ("xem", Role.VIEWER, "HG", "HG-VP-02", False),
    ("truong_vithanh", Role.UNIT_HEAD, "HG-CC-VTH", "HG-CC-VTH-01", False),
    ("truong_longmy", Role.UNIT_HEAD, "HG-CC-LMH", "HG-CC-LMH-01", False),
    ("thuongtruc_bd", Role.STAFF, "BD", "BD-VP-02", False),  # seed 000: Văn phòng Cục follows the movement
    ("thuongtruc_tn", Role.STAFF, "TN", "TN-TCCB-02", False),
    ("thuongtruc_ls", Role.STAFF, "LS", "LS-TCCB-02", False),
    ("thuongtruc_ubnd", Role.STAFF, "UBND-HG", ("Phan Quốc", "Việt"), False),
]


def _abbreviate(district: str) -> str:
    """"thành phố Vị Thanh" → "TP Vị Thanh", "thị xã Long Mỹ" → "TX Long Mỹ", "huyện Long Mỹ" → "Long Mỹ"."""
    for prefix, short in (("thành phố ", "TP "), ("thị xã ", "TX "), ("huyện ", "")):
        if district.startswith(prefix):
            return short + district[len(prefix):]
    return district


def staffing():
    """Every demo post, in a fixed order: (unit code, officer code, position, is_leader, is_enforcement_officer)."""
    for spec in data.PROVINCES:
        code = spec["code"]
        for slot, (position, leader, enforcement) in enumerate(data.PROVINCE_ROSTER, start=1):
            yield code, f"{code}-{slot:02d}", position, leader, enforcement
        for suffix, _, _ in data.DIVISIONS:
            unit = f"{code}-{suffix}"
            yield unit, f"{unit}-01", data.DIVISION_HEAD.get(suffix, "Trưởng phòng"), True, False
            yield unit, f"{unit}-02", data.DIVISION_STAFF, False, False
        for index, (suffix, district, _) in enumerate(spec["districts"]):
            if code == "HG":
                roster = data.SUB_DEPARTMENT_ROSTER_HG
            else:
                support = data.SUPPORT_POSITIONS[index % len(data.SUPPORT_POSITIONS)]
                roster = [*data.SUB_DEPARTMENT_ROSTER, (support, False, False)]
                if district.startswith("thành phố"):
                    roster.append(data.CITY_EXTRA)
            unit = f"{code}-CC-{suffix}"
            for slot, (position, leader, enforcement) in enumerate(roster, start=1):
                yield unit, f"{unit}-{slot:02d}", position, leader, enforcement


def _compose(index: int, gender: str, shift: int) -> str:
    family = data.FAMILY[(index * 7 + shift // 5) % len(data.FAMILY)]
    middle = data.MIDDLE[gender][(index * 3 + shift) % len(data.MIDDLE[gender])]
    given = data.GIVEN[gender][(index * 5 + shift) % len(data.GIVEN[gender])]
    return f"{family} {middle} {given}"


def people() -> dict[str, tuple[str, str, datetime.date]]:
    """Officer code → (full name, gender, birth date): fixed, unique names, four women in nine."""
    taken, result = set(data.REAL_NAMES), {}
    for index, (_, code, *_rest) in enumerate(staffing()):
        gender = Gender.FEMALE if index % 9 in (1, 3, 5, 7) else Gender.MALE
        shift = 0
        while (name := _compose(index, gender, shift)) in taken:
            shift += 1
        taken.add(name)
        result[code] = (name, str(gender), datetime.date(1968 + index % 28, 1 + index % 12, 1 + index % 28))
    return result


PEOPLE = people()


def _account(username, role, unit, person, admin) -> dict:
    if isinstance(person, str):
        family_middle, given = PEOPLE[person][0].rsplit(" ", 1)
        officer = person
    else:
        (family_middle, given), officer = person, None
    return {"username": username, "password": DEMO_PASSWORD, "email": f"{username}@{DEMO_EMAIL_DOMAIN}",
            "role": role, "unit": unit, "name": (family_middle, given), "officer": officer, "is_staff": admin,
            "is_superuser": role is None}


# The demo accounts: the README, the ``load_demo`` summary and the tests read them from here.
DEMO_ACCOUNTS = [_account(*row) for row in _ACCOUNTS]


def _changed(obj, values: dict) -> bool:
    return obj.pk is None or any(getattr(obj, key) != value for key, value in values.items())


def upsert_unit(code, *, name, kind, parent=None, short_name="", valid_from=None, valid_to=None,
                legal_entity=False, hardship=False) -> Unit:
    unit = Unit.objects.filter(code=code).first() or Unit(code=code)
    wanted = {"name": name, "kind": kind, "parent_id": parent.pk if parent else None, "short_name": short_name,
              "valid_from": valid_from, "valid_to": valid_to, "legal_entity": legal_entity,
              "has_seal": legal_entity, "hardship": hardship}
    probe = Unit(**{**wanted, "code": code})
    derive_unit_fields(probe)
    if not _changed(unit, {**wanted, "search_key": probe.search_key, "sort_key": probe.sort_key}):
        return unit
    for key, value in wanted.items():
        setattr(unit, key, value)
    return save_unit(unit)


def link(predecessor: Unit, successor: Unit, kind: str, basis: str) -> None:
    """The succession link as data; Hậu Giang's come from the reorganisation operation (``demo_reorganisation``)."""
    if demo_reorganisation.by_operation(predecessor.code):
        return
    values = {"kind": kind, "effective_on": data.REORGANISED, "legal_basis": basis}
    succession = (UnitSuccession.objects.filter(predecessor=predecessor, successor=successor).first()
                  or UnitSuccession(predecessor=predecessor, successor=successor))
    if _changed(succession, values):
        for key, value in values.items():
            setattr(succession, key, value)
        succession.full_clean()
        succession.save()


def load_units() -> dict[str, Unit]:
    old = upsert_unit(data.NATIONAL_OLD[0], name=data.NATIONAL_OLD[1], short_name=data.NATIONAL_OLD[2],
                      kind=UnitKind.NATIONAL, valid_to=data.OLD_UNTIL, legal_entity=True)
    new = upsert_unit(data.NATIONAL_NEW[0], name=data.NATIONAL_NEW[1], short_name=data.NATIONAL_NEW[2],
                      kind=UnitKind.NATIONAL, valid_from=data.REORGANISED, legal_entity=True)
    link(old, new, "rename", data.NATIONAL_BASIS)
    units = {old.code: old, new.code: new}
    for province in data.PROVINCES:
        units.update(_load_province(province, old, new))
    units.update(_load_peoples_committee())
    return units


def _load_province(spec, national_old, national_new) -> dict[str, Unit]:
    code, place = spec["code"], spec["short"].removeprefix("Cục THADS ")
    units = {code: upsert_unit(code, name=spec["name"], short_name=spec["short"], kind=UnitKind.PROVINCIAL,
                               parent=national_old, valid_to=data.OLD_UNTIL, legal_entity=True)}
    for suffix, name, short in data.DIVISIONS:
        units[f"{code}-{suffix}"] = upsert_unit(f"{code}-{suffix}", name=name, kind=UnitKind.DIVISION,
                                                short_name=f"{short} ({place})", parent=units[code],
                                                valid_to=data.OLD_UNTIL)
    for suffix, district, hardship in spec["districts"]:
        units[f"{code}-CC-{suffix}"] = upsert_unit(
            f"{code}-CC-{suffix}", name=f"Chi cục Thi hành án dân sự {district}", kind=UnitKind.SUB_DEPARTMENT,
            short_name=f"Chi cục THADS {_abbreviate(district)}",
            parent=units[code], valid_to=data.OLD_UNTIL, legal_entity=True, hardship=hardship)
    new_code, new_name, new_short, kind = spec["successor"]
    successor = upsert_unit(new_code, name=new_name, short_name=new_short, kind=UnitKind.PROVINCIAL,
                            parent=national_new, valid_from=data.REORGANISED, legal_entity=True)
    link(units[code], successor, kind, data.RENAME_BASIS if kind == "rename" else data.PROVINCE_BASIS)
    chi_cuc = [units[f"{code}-CC-{suffix}"] for suffix, _, _ in spec["districts"]]
    for index in range(0, len(chi_cuc), data.AREA_OFFICE_SIZE):
        number = index // data.AREA_OFFICE_SIZE + 1
        absorbed = chi_cuc[index:index + data.AREA_OFFICE_SIZE]
        area = upsert_unit(f"{new_code}-KV{number}", name=f"Phòng Thi hành án dân sự khu vực {number}",
                           kind=UnitKind.SUB_DEPARTMENT, parent=successor, valid_from=data.REORGANISED,
                           short_name=f"Phòng THADS khu vực {number} ({new_short})",
                           hardship=any(u.hardship for u in absorbed))
        for old_unit in absorbed:
            link(old_unit, area, "merge", data.AREA_BASIS)
        units[area.code] = area
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


def load_officers(units: dict[str, Unit]) -> dict[str, Officer]:
    """Officers through ``save_officer``; each with its assignment from ``ASSIGNMENT_START`` (open unless a user
    or the reorganisation transferred the officer since: then the officer's current unit and position stay)."""
    existing = {o.code: o for o in Officer.objects.filter(code__in=PEOPLE)}
    assignments = {a.officer_id: a for a in Assignment.objects.filter(officer__code__in=PEOPLE,
                                                                       starts_on=data.ASSIGNMENT_START)}
    moved = {a.officer_id for a in assignments.values() if a.ends_on is not None}
    officers, new_assignments = {}, []
    for unit_code, code, position, leader, enforcement in staffing():
        unit = units[unit_code]
        full_name, gender, birth_date = PEOPLE[code]
        officer = existing.get(code) or Officer(code=code)
        values = {"full_name": full_name, "gender": gender, "birth_date": birth_date, "unit_id": unit.pk,
                  "position": position, "is_leader": leader, "is_enforcement_officer": enforcement,
                  "is_active": True}
        probe = Officer(**{**values, "code": code})
        derive_officer_fields(probe)
        if officer.pk in moved:
            values = {**values, "unit_id": officer.unit_id, "position": officer.position}
        if _changed(officer, {**values, "search_key": probe.search_key, "sort_key": probe.sort_key}):
            for key, value in values.items():
                setattr(officer, key, value)
            save_officer(officer)
        wanted = {"unit_id": unit.pk, "position": position, "hardship": unit.hardship}
        assignment = assignments.get(officer.pk)
        if assignment is None:
            new_assignments.append(Assignment(officer=officer, starts_on=data.ASSIGNMENT_START, **wanted))
        elif _changed(assignment, wanted):
            for key, value in wanted.items():
                setattr(assignment, key, value)
            assignment.save()
        officers[code] = officer
    Assignment.objects.bulk_create(new_assignments)
    return officers


def upsert(model, lookup: dict, values: dict, *, exclude=()):
    """The demo's one way to write a row: the row found by ``lookup`` (or a new one) with ``values``, validated and
    saved only when something differs, so loading the demo twice changes nothing. ``exclude``: fields the
    validation leaves out (a creator the demo does not set)."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    if _changed(obj, values):
        for key, value in values.items():
            setattr(obj, key, value)
        obj.full_clean(exclude=list(exclude))
        obj.save()
    return obj


def load_discipline(officers: dict[str, Officer]) -> None:
    """A decision (number, date) or a hold (kind, opening date) is one row; an earlier demo version may have
    attached it to another officer: the row moves, a duplicate is removed."""
    for code, form, number, decided_on, ends_on, reason in data.DISCIPLINES:
        lookup = {"decision_number": number, "decided_on": decided_on}
        kept = upsert(Discipline, lookup, {"officer": officers[code], "form": form, "ends_on": ends_on,
                                            "related_to_duties": True, "reason": reason})
        Discipline.objects.filter(**lookup).exclude(pk=kept.pk).delete()
    for code, kind, opened_on, closed_on, note in data.AWARD_HOLDS:
        lookup = {"kind": kind, "opened_on": opened_on}
        kept = upsert(AwardHold, lookup, {"officer": officers[code], "closed_on": closed_on, "note": note})
        AwardHold.objects.filter(**lookup).exclude(pk=kept.pk).delete()


def load_ratings(officers: dict[str, Officer]) -> None:
    for index, (code, officer) in enumerate(sorted((c, o) for c, o in officers.items() if c.startswith("BD-"))):
        level = "excellent" if index % 4 == 0 else "completed" if code.endswith("-06") else "good"
        upsert(PerformanceRating, {"officer": officer, "year": data.RATING_YEAR}, {"level": level})


def load_accounts(units: dict[str, Unit]) -> None:
    """Grants on the seed units; once the reorganisation is applied they sit on the successors."""
    User = get_user_model()
    moved = demo_reorganisation.receiving()
    # One hash for every account: the demo password is public, and hashing it a dozen times (plus as many checks
    # on a second load) was most of the load's time. Each distinct stored hash is checked once.
    encoded = None
    verified: dict[str, bool] = {}
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account["username"]).first() or User(username=account["username"])
        values = {"last_name": account["name"][0], "first_name": account["name"][1], "is_active": True,
                  "is_staff": account["is_staff"], "is_superuser": account["is_superuser"], "email": account["email"]}
        if user.password not in verified:
            verified[user.password] = bool(user.password) and check_password(DEMO_PASSWORD, user.password)
        wrong_password = not verified[user.password]  # check_password without a setter: never re-hashed
        if _changed(user, values) or wrong_password:
            for key, value in values.items():
                setattr(user, key, value)
            if wrong_password:
                password_validation.validate_password(DEMO_PASSWORD, user)  # the demo password obeys the rules too
                encoded = encoded or make_password(DEMO_PASSWORD)
                user.password = encoded
            user.save()
        if account["role"]:
            unit_id = units[account["unit"]].pk
            RoleGrant.objects.get_or_create(user=user, role=account["role"], unit_id=moved.get(unit_id, unit_id))


def load() -> dict:
    units = load_units()
    officers = load_officers(units)
    load_discipline(officers)
    load_ratings(officers)
    load_accounts(units)
    return {"units": units, "officers": officers}


def reorganise(units: dict[str, Unit]) -> None:
    """After the seed-era data of every app: the 01/07/2025 reorganisation, through the operation."""
    demo_reorganisation.load(units)
