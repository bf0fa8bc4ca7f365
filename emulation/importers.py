"""Excel import of units and officers: read, validate everything, then write all of it in one
transaction, or nothing. Errors name the sheet, the row, the column and the reason."""

from dataclasses import dataclass, field

from django.db import transaction

from . import access, audit, services
from .models import Assignment, AuditAction, Gender, Officer, Unit, UnitKind
from .spreadsheets import CellError, RowError, cell, open_workbook, parse_bool, parse_date, read_sheet

UNIT_SHEET, OFFICER_SHEET = "Đơn vị", "Cán bộ"
UNIT_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Mã đơn vị cấp trên", "Hiệu lực từ",
                "Hiệu lực đến", "Vùng khó khăn"]
OFFICER_COLUMNS = ["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị", "Chức vụ", "Lãnh đạo",
                   "Chấp hành viên", "Ngày bắt đầu công tác"]
REQUIRED = {"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã cán bộ", "Họ và tên", "Giới tính",
            "Ngày bắt đầu công tác"}
GENDERS = {"nam": Gender.MALE, "nữ": Gender.FEMALE, "nu": Gender.FEMALE}


@dataclass
class Outcome:
    errors: list[RowError] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def summary(self) -> str:
        c = self.counts
        return (f"Đã nhập {c.get('units_created', 0)} đơn vị mới, cập nhật {c.get('units_updated', 0)} đơn vị; "
                f"{c.get('officers_created', 0)} cán bộ mới, cập nhật {c.get('officers_updated', 0)} cán bộ.")


def _cell(errors, sheet, number, record, column, parse=None):
    return cell(errors, sheet, number, record, column, parse, required=column in REQUIRED)


def parse_kind(value) -> str:
    text = str(value or "").strip()
    for code, label in UnitKind.choices:
        if text.lower() in (code, str(label).lower()):
            return code
    raise CellError(f"Loại đơn vị “{text}” không có trong danh mục.")


def parse_gender(value) -> str:
    try:
        return GENDERS[str(value or "").strip().lower()]
    except KeyError as exc:
        raise CellError(f"Giới tính “{value}” không hợp lệ: ghi “Nam” hoặc “Nữ”.") from exc


def _read_units(records, errors) -> dict[str, dict]:
    specs = {}
    for number, rec in records:
        spec = {"row": number, "code": _cell(errors, UNIT_SHEET, number, rec, "Mã đơn vị"),
                "name": _cell(errors, UNIT_SHEET, number, rec, "Tên đơn vị"),
                "short_name": _cell(errors, UNIT_SHEET, number, rec, "Tên viết tắt"),
                "kind": _cell(errors, UNIT_SHEET, number, rec, "Loại đơn vị", parse_kind),
                "parent": _cell(errors, UNIT_SHEET, number, rec, "Mã đơn vị cấp trên"),
                "valid_from": _cell(errors, UNIT_SHEET, number, rec, "Hiệu lực từ", parse_date),
                "valid_to": _cell(errors, UNIT_SHEET, number, rec, "Hiệu lực đến", parse_date),
                "hardship": _cell(errors, UNIT_SHEET, number, rec, "Vùng khó khăn", parse_bool)}
        if spec["valid_from"] and spec["valid_to"] and spec["valid_to"] < spec["valid_from"]:
            errors.append(RowError(UNIT_SHEET, number, "Hiệu lực đến", "Ngày hết hiệu lực trước ngày bắt đầu."))
        if spec["code"] in specs:
            errors.append(RowError(UNIT_SHEET, number, "Mã đơn vị",
                                   f"Mã “{spec['code']}” trùng với dòng {specs[spec['code']]['row']}."))
        elif spec["code"]:
            specs[spec["code"]] = spec
    return specs


def _read_officers(records, errors) -> dict[str, dict]:
    specs = {}
    for number, rec in records:
        spec = {"row": number, "code": _cell(errors, OFFICER_SHEET, number, rec, "Mã cán bộ"),
                "full_name": _cell(errors, OFFICER_SHEET, number, rec, "Họ và tên"),
                "gender": _cell(errors, OFFICER_SHEET, number, rec, "Giới tính", parse_gender),
                "birth_date": _cell(errors, OFFICER_SHEET, number, rec, "Ngày sinh", parse_date),
                "unit": _cell(errors, OFFICER_SHEET, number, rec, "Mã đơn vị"),
                "position": _cell(errors, OFFICER_SHEET, number, rec, "Chức vụ"),
                "is_leader": _cell(errors, OFFICER_SHEET, number, rec, "Lãnh đạo", parse_bool),
                "is_enforcement_officer": _cell(errors, OFFICER_SHEET, number, rec, "Chấp hành viên", parse_bool),
                "starts_on": _cell(errors, OFFICER_SHEET, number, rec, "Ngày bắt đầu công tác", parse_date)}
        if spec["code"] in specs:
            errors.append(RowError(OFFICER_SHEET, number, "Mã cán bộ",
                                   f"Mã “{spec['code']}” trùng với dòng {specs[spec['code']]['row']}."))
        elif spec["code"]:
            specs[spec["code"]] = spec
    return specs


def _check_units(specs, existing: dict[str, Unit], user, errors) -> None:
    editable = access.editable_unit_ids(user)
    for code, spec in specs.items():
        parent = spec["parent"]
        if parent and parent not in specs and parent not in existing:
            errors.append(RowError(UNIT_SHEET, spec["row"], "Mã đơn vị cấp trên", f"Không có đơn vị mã “{parent}”."))
            continue
        seen, node = {code}, parent
        while node in specs:
            if node in seen:
                errors.append(RowError(UNIT_SHEET, spec["row"], "Mã đơn vị cấp trên", "Quan hệ cấp trên bị vòng lặp."))
                break
            seen.add(node)
            node = specs[node]["parent"]
        current = existing.get(code)
        if current is not None and current.pk not in editable:
            errors.append(RowError(UNIT_SHEET, spec["row"], "Mã đơn vị", "Đơn vị ngoài phạm vi bạn được quản lý."))
        elif parent in existing and existing[parent].pk not in editable:
            errors.append(RowError(UNIT_SHEET, spec["row"], "Mã đơn vị cấp trên",
                                   "Đơn vị cấp trên ngoài phạm vi bạn được quản lý."))
        elif not parent and not user.is_superuser:
            errors.append(RowError(UNIT_SHEET, spec["row"], "Mã đơn vị cấp trên",
                                   "Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất."))


def _check_officers(specs, unit_specs, units: dict[str, Unit], officers: dict[str, Officer], user, errors):
    editable = access.editable_unit_ids(user)
    for code, spec in specs.items():
        unit_code = spec["unit"]
        if unit_code and unit_code not in unit_specs and unit_code not in units:
            errors.append(RowError(OFFICER_SHEET, spec["row"], "Mã đơn vị", f"Không có đơn vị mã “{unit_code}”."))
        elif unit_code in units and units[unit_code].pk not in editable:
            errors.append(RowError(OFFICER_SHEET, spec["row"], "Mã đơn vị", "Đơn vị ngoài phạm vi bạn được quản lý."))
        current = officers.get(code)
        if current is not None and current.unit_id not in editable:
            errors.append(RowError(OFFICER_SHEET, spec["row"], "Mã cán bộ", "Cán bộ ngoài phạm vi bạn được quản lý."))


def _unit_order(specs) -> list[str]:
    """Parents before children."""
    ordered, placed = [], set()

    def place(code):
        if code in placed or code not in specs:
            return
        place(specs[code]["parent"])
        placed.add(code)
        ordered.append(code)

    for code in specs:
        place(code)
    return ordered


UNIT_FIELDS = ["name", "short_name", "kind", "valid_from", "valid_to", "hardship"]
OFFICER_FIELDS = ["full_name", "gender", "birth_date", "position", "is_leader", "is_enforcement_officer"]


def _apply_units(specs, units, user, counts, tick):
    for code in _unit_order(specs):
        spec = specs[code]
        unit = units.get(code) or Unit(code=code)
        before = audit.snapshot(unit) if unit.pk else None
        for name in UNIT_FIELDS:
            setattr(unit, name, spec[name] or ("" if name == "short_name" else spec[name]))
        unit.hardship = bool(spec["hardship"])
        unit.parent = units[spec["parent"]] if spec["parent"] else None
        services.save_unit(unit)
        units[code] = unit
        if before is None or audit.diff(before, audit.snapshot(unit)):
            audit.record(actor=user, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=unit,
                         before=before)
            counts["units_updated" if before else "units_created"] += 1
        tick()


def _apply_officers(specs, units, officers, user, counts, tick):
    for code, spec in specs.items():
        officer = officers.get(code) or Officer(code=code)
        before = audit.snapshot(officer) if officer.pk else None
        for name in OFFICER_FIELDS:
            setattr(officer, name, spec[name] if spec[name] is not None else "")
        officer.birth_date = spec["birth_date"]
        moved = officer.pk is None or officer.unit_id != units[spec["unit"]].pk
        officer.unit = units[spec["unit"]]
        services.save_officer(officer)
        if moved:
            Assignment.objects.filter(officer=officer, ends_on__isnull=True).update(ends_on=spec["starts_on"])
            Assignment.objects.create(officer=officer, unit=officer.unit, position=officer.position,
                                      starts_on=spec["starts_on"], hardship=officer.unit.hardship)
        if before is None or audit.diff(before, audit.snapshot(officer)):
            audit.record(actor=user, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=officer,
                         before=before)
            counts["officers_updated" if before else "officers_created"] += 1
        tick()


def import_organisation(file, *, user, progress=None) -> Outcome:
    """Validate the whole workbook; write it all in one transaction only when there is no error."""
    outcome = Outcome()
    access.forget(user)
    try:
        workbook = open_workbook(file)
    except CellError as exc:
        outcome.errors.append(RowError("", 0, "", str(exc)))
        return outcome
    errors = outcome.errors
    unit_specs = _read_units(read_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, errors), errors)
    officer_specs = _read_officers(read_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, errors), errors)
    wanted_units = (set(unit_specs) | {s["parent"] for s in unit_specs.values()}
                    | {s["unit"] for s in officer_specs.values()})
    units = {u.code: u for u in Unit.objects.filter(code__in=wanted_units)}
    officers = {o.code: o for o in Officer.objects.filter(code__in=officer_specs)}
    _check_units(unit_specs, units, user, errors)
    _check_officers(officer_specs, unit_specs, units, officers, user, errors)
    if errors:
        errors.sort(key=lambda e: (e.sheet != UNIT_SHEET, e.row))
        return outcome
    total, done = len(unit_specs) + len(officer_specs), [0]

    def tick():
        done[0] += 1
        if progress and (done[0] % 50 == 0 or done[0] == total):
            progress(done[0], total)

    counts = dict.fromkeys(["units_created", "units_updated", "officers_created", "officers_updated"], 0)
    with transaction.atomic():
        _apply_units(unit_specs, units, user, counts, tick)
        _apply_officers(officer_specs, units, officers, user, counts, tick)
    outcome.counts = counts
    return outcome
