"""Excel import of units and officers: read, validate everything, then write all of it in one
transaction, or nothing. Errors name the sheet, the row, the column and the reason."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import access, audit, services, validators
from .models import Assignment, AuditAction, Gender, Officer, Unit, UnitKind
from .spreadsheets import (
    CellError,
    RowError,
    cell,
    open_workbook,
    parse_bool,
    parse_date,
    read_sheet,
    refuse_formula,
)
from .text import nfc

UNIT_SHEET, OFFICER_SHEET = "Đơn vị", "Cán bộ"
UNIT_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Mã đơn vị cấp trên", "Hiệu lực từ",
                "Hiệu lực đến", "Vùng khó khăn"]
OFFICER_COLUMNS = ["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị", "Chức vụ", "Lãnh đạo",
                   "Chấp hành viên", "Ngày bắt đầu công tác"]
REQUIRED = {"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã cán bộ", "Họ và tên", "Giới tính",
            "Ngày bắt đầu công tác"}
GENDERS = {"nam": Gender.MALE, "nữ": Gender.FEMALE, "nu": Gender.FEMALE}
COUNT_KEYS = ("units_created", "units_updated", "officers_created", "officers_updated")
PROGRESS_EVERY = 50
OUT_OF_SCOPE = "ngoài phạm vi bạn được quản lý."


@dataclass
class Outcome:
    errors: list[RowError] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def summary(self) -> str:
        c = self.counts
        return (f"Đã nhập {c.get('units_created', 0)} đơn vị mới, cập nhật {c.get('units_updated', 0)} đơn vị; "
                f"{c.get('officers_created', 0)} cán bộ mới, cập nhật {c.get('officers_updated', 0)} cán bộ.")


# --- one cell ---------------------------------------------------------------------------------

def parse_text(max_length: int, *, name: bool = False) -> Callable:
    """A parser for a text cell: NFC, trimmed, whole numbers without ".0", at most ``max_length`` long.
    A ``name`` (or code) may not start like a spreadsheet formula nor hold invisible characters."""

    def parse(value) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = nfc(str(value)) if value is not None else ""
        if len(text) > max_length:
            raise CellError(f"Dài quá {max_length} ký tự (đang có {len(text)}).")
        if not name:
            return text
        problem = validators.name_problem(text)
        if problem:
            raise CellError(problem)
        return refuse_formula(text)

    return parse


def _text(model, field_name: str) -> Callable:
    return parse_text(model._meta.get_field(field_name).max_length)


def _name(model, field_name: str) -> Callable:
    return parse_text(model._meta.get_field(field_name).max_length, name=True)


def parse_kind(value) -> str:
    text = nfc(str(value or "")).lower()
    for code, label in UnitKind.choices:
        if text in (code, nfc(str(label)).lower()):
            return code
    raise CellError(f"Loại đơn vị “{nfc(str(value or ''))}” không có trong danh mục.")


def parse_gender(value) -> str:
    try:
        return GENDERS[nfc(str(value or "")).lower()]
    except KeyError as exc:
        raise CellError(f"Giới tính “{value}” không hợp lệ: ghi “Nam” hoặc “Nữ”.") from exc


# (key, column, parser): the first entry is the natural key of the sheet.
UNIT_SPEC = [("code", "Mã đơn vị", _name(Unit, "code")), ("name", "Tên đơn vị", _name(Unit, "name")),
             ("short_name", "Tên viết tắt", _name(Unit, "short_name")), ("kind", "Loại đơn vị", parse_kind),
             ("parent", "Mã đơn vị cấp trên", _name(Unit, "code")), ("valid_from", "Hiệu lực từ", parse_date),
             ("valid_to", "Hiệu lực đến", parse_date), ("hardship", "Vùng khó khăn", parse_bool)]
OFFICER_SPEC = [("code", "Mã cán bộ", _name(Officer, "code")), ("full_name", "Họ và tên", _name(Officer, "full_name")),
                ("gender", "Giới tính", parse_gender), ("birth_date", "Ngày sinh", parse_date),
                ("unit", "Mã đơn vị", _name(Unit, "code")), ("position", "Chức vụ", _text(Officer, "position")),
                ("is_leader", "Lãnh đạo", parse_bool), ("is_enforcement_officer", "Chấp hành viên", parse_bool),
                ("starts_on", "Ngày bắt đầu công tác", parse_date)]
UNIT_FIELDS = ["name", "short_name", "kind", "valid_from", "valid_to", "hardship"]
OFFICER_FIELDS = ["full_name", "gender", "birth_date", "position", "is_leader", "is_enforcement_officer"]


# --- reading and checking ---------------------------------------------------------------------

def _read(records, sheet: str, spec: list, errors: list) -> dict[str, dict]:
    """Rows keyed by their code; a code repeated in the sheet is an error on the later row."""
    rows: dict[str, dict] = {}
    for number, record in records:
        row = {"row": number}
        for key, column, parse in spec:
            row[key] = cell(errors, sheet, number, record, column, parse, required=column in REQUIRED)
        code = row["code"]
        if code in rows:
            errors.append(RowError(sheet, number, spec[0][1], f"Mã “{code}” trùng với dòng {rows[code]['row']}."))
        elif code:
            rows[code] = row
    return rows


@dataclass
class _Plan:
    """What the workbook asks for, beside what the database holds."""

    user: object
    units: dict[str, dict]
    officers: dict[str, dict]
    existing_units: dict[str, Unit] = field(default_factory=dict)
    existing_officers: dict[str, Officer] = field(default_factory=dict)
    db_parent: dict[str, str | None] = field(default_factory=dict)  # unit code → parent code, as stored
    open_since: dict[str, object] = field(default_factory=dict)  # officer code → start of the open assignment
    today: object = None

    def parent_of(self, code: str) -> str | None:
        return self.units[code]["parent"] if code in self.units else self.db_parent.get(code)


def _load(plan: _Plan) -> None:
    wanted = set(plan.units) | {r["parent"] for r in plan.units.values()} | {r["unit"] for r in plan.officers.values()}
    plan.existing_units = {u.code: u for u in Unit.objects.filter(code__in=wanted - {None, ""})}
    ancestors = {int(part) for u in plan.existing_units.values() for part in u.path.strip("/").split("/") if part}
    plan.db_parent = dict(Unit.objects.filter(pk__in=ancestors).values_list("code", "parent__code"))
    plan.existing_officers = {o.code: o for o in Officer.objects.filter(code__in=plan.officers).select_related("unit")}
    plan.open_since = dict(Assignment.objects.filter(officer__code__in=plan.officers, ends_on__isnull=True)
                           .order_by("starts_on").values_list("officer__code", "starts_on"))


def _in_cycle(plan: _Plan, code: str) -> bool:
    seen, node = set(), plan.parent_of(code)
    while node and node not in seen:
        if node == code:
            return True
        seen.add(node)
        node = plan.parent_of(node)
    return False


def _unit_scope_error(plan: _Plan, code: str, editable) -> tuple[str, str] | None:
    current, parent = plan.existing_units.get(code), plan.units[code]["parent"]
    if current is not None and not editable(current):
        return "Mã đơn vị", f"Đơn vị {OUT_OF_SCOPE}"
    if current is not None and plan.db_parent.get(code) == (parent or None):
        return None  # the parent stays as it is
    if not parent and not plan.user.is_superuser:
        return "Mã đơn vị cấp trên", "Chỉ quản trị hệ thống được tạo hoặc đưa đơn vị lên cấp cao nhất."
    if parent in plan.existing_units and not editable(plan.existing_units[parent]):
        return "Mã đơn vị cấp trên", f"Đơn vị cấp trên {OUT_OF_SCOPE}"
    return None


def _unit_errors(plan: _Plan, code: str, editable) -> Iterator[tuple[str, str]]:
    row, parent = plan.units[code], plan.units[code]["parent"]
    if row["valid_from"] and row["valid_to"] and row["valid_to"] < row["valid_from"]:
        yield "Hiệu lực đến", "Ngày hết hiệu lực trước ngày bắt đầu."
    if parent is None:  # unreadable: already reported
        return
    if parent and parent not in plan.units and parent not in plan.existing_units:
        yield "Mã đơn vị cấp trên", f"Không có đơn vị mã “{parent}”."
        return
    if _in_cycle(plan, code):
        yield "Mã đơn vị cấp trên", "Quan hệ cấp trên bị vòng lặp."
    scope = _unit_scope_error(plan, code, editable)
    if scope:
        yield scope


def _transfer_error(plan: _Plan, code: str, unit: Unit | None) -> tuple[str, str] | None:
    """Moving an officer closes the open assignment on the new start date, which must come after its start."""
    current, row = plan.existing_officers[code], plan.officers[code]
    since = plan.open_since.get(code)
    moved = unit is None or unit.pk != current.unit_id
    if moved and since and row["starts_on"] and row["starts_on"] <= since:
        return "Ngày bắt đầu công tác", ("Đổi đơn vị thì ngày bắt đầu công tác phải sau ngày bắt đầu ở đơn vị "
                                         f"hiện tại ({since:%d/%m/%Y}).")
    return None


def _officer_date_errors(plan: _Plan, row: dict) -> Iterator[tuple[str, str]]:
    start = validators.date_problem(row["starts_on"], today=plan.today, window=validators.WORK_START)
    if start:
        yield "Ngày bắt đầu công tác", start
    birth = validators.birth_date_problem(row["birth_date"], today=plan.today, starts_on=row["starts_on"])
    if birth:
        yield "Ngày sinh", birth


def _officer_errors(plan: _Plan, code: str, editable) -> Iterator[tuple[str, str]]:
    yield from _officer_date_errors(plan, plan.officers[code])
    unit_code = plan.officers[code]["unit"]
    unit = plan.existing_units.get(unit_code)
    if unit_code and unit_code not in plan.units and unit is None:
        yield "Mã đơn vị", f"Không có đơn vị mã “{unit_code}”."
        return
    if unit is not None and not editable(unit):
        yield "Mã đơn vị", f"Đơn vị {OUT_OF_SCOPE}"
    current = plan.existing_officers.get(code)
    if current is not None and not editable(current.unit):
        yield "Mã cán bộ", f"Cán bộ {OUT_OF_SCOPE}"
    elif current is not None and unit_code:
        transfer = _transfer_error(plan, code, unit)
        if transfer:
            yield transfer


def _check(plan: _Plan, errors: list) -> None:
    def editable(unit) -> bool:
        return access.in_scope(plan.user, unit, editable=True)

    sheets = [(UNIT_SHEET, plan.units, _unit_errors), (OFFICER_SHEET, plan.officers, _officer_errors)]
    for sheet, rows, check in sheets:
        for code, row in rows.items():
            errors.extend(RowError(sheet, row["row"], column, message)
                          for column, message in check(plan, code, editable))


# --- writing ------------------------------------------------------------------------------------

class _RowFailed(Exception):
    """A model check refused a row while writing: the transaction is rolled back."""

    def __init__(self, error: RowError):
        super().__init__(error.message)
        self.error = error


@dataclass
class _Writer:
    plan: _Plan
    progress: Callable | None
    total: int
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    done: int = 0

    def save(self, save, obj, sheet: str, row: int) -> None:
        try:
            save(obj)
        except ValidationError as exc:
            raise _RowFailed(RowError(sheet, row, "", " ".join(exc.messages))) from exc

    def audit(self, obj, before: dict | None, noun: str) -> None:
        after = audit.snapshot(obj)
        if before is not None and not audit.diff(before, after):
            return
        audit.record(actor=self.plan.user, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=obj,
                     before=before, after=after)
        self.counts[f"{noun}_{'updated' if before else 'created'}"] += 1

    def tick(self) -> None:
        self.done += 1
        if self.progress and (self.done % PROGRESS_EVERY == 0 or self.done == self.total):
            self.progress(self.done, self.total)


def _unit_order(rows: dict[str, dict]) -> list[str]:
    """Parents before children (the rows have no cycle by now)."""
    ordered, placed = [], set()
    for code in rows:
        chain, node = [], code
        while node in rows and node not in placed:
            chain.append(node)
            placed.add(node)
            node = rows[node]["parent"]
        ordered.extend(reversed(chain))
    return ordered


def _write_unit(writer: _Writer, row: dict) -> None:
    units = writer.plan.existing_units
    unit = units.get(row["code"]) or Unit(code=row["code"])
    before = audit.snapshot(unit) if unit.pk else None
    if unit.pk:
        unit.refresh_from_db(fields=["path"])  # an earlier row may have moved its subtree
    for name in UNIT_FIELDS:
        setattr(unit, name, row[name])
    unit.parent = units[row["parent"]] if row["parent"] else None
    if unit.parent is not None:
        unit.parent.refresh_from_db(fields=["path"])
    writer.save(services.save_unit, unit, UNIT_SHEET, row["row"])
    units[unit.code] = unit
    writer.audit(unit, before, "units")


def _write_officer(writer: _Writer, row: dict) -> None:
    officer = writer.plan.existing_officers.get(row["code"]) or Officer(code=row["code"])
    before = audit.snapshot(officer) if officer.pk else None
    unit = writer.plan.existing_units[row["unit"]]
    moved = officer.pk is None or officer.unit_id != unit.pk
    for name in OFFICER_FIELDS:
        setattr(officer, name, row[name])
    officer.unit = unit
    writer.save(services.save_officer, officer, OFFICER_SHEET, row["row"])
    if moved:  # a new officer, or a transfer: close the open assignment, open one at the new unit
        Assignment.objects.filter(officer=officer, ends_on__isnull=True).update(ends_on=row["starts_on"])
        Assignment.objects.create(officer=officer, unit=unit, position=officer.position, starts_on=row["starts_on"],
                                  hardship=unit.hardship)
    writer.audit(officer, before, "officers")


def _write(plan: _Plan, progress) -> dict:
    writer = _Writer(plan, progress, total=len(plan.units) + len(plan.officers))
    with transaction.atomic():
        for code in _unit_order(plan.units):
            _write_unit(writer, plan.units[code])
            writer.tick()
        for row in plan.officers.values():
            _write_officer(writer, row)
            writer.tick()
    return writer.counts


# --- the whole workbook -------------------------------------------------------------------------

def _validate(file, user, errors: list) -> _Plan | None:
    try:
        workbook = open_workbook(file)
    except CellError as exc:
        errors.append(RowError("", 0, "", str(exc)))
        return None
    try:
        units = _read(read_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, errors), UNIT_SHEET, UNIT_SPEC, errors)
        officers = _read(read_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, errors), OFFICER_SHEET, OFFICER_SPEC,
                         errors)
    finally:
        workbook.close()
    plan = _Plan(user=user, units=units, officers=officers, today=timezone.localdate())
    _load(plan)
    _check(plan, errors)
    return plan


def import_organisation(file, *, user, progress: Callable | None = None) -> Outcome:
    """Validate the whole workbook; write it all in one transaction only when there is no error.

    ``progress(done, total)`` is called every ``PROGRESS_EVERY`` written rows and after the last one."""
    outcome = Outcome()
    access.forget(user)
    plan = _validate(file, user, outcome.errors)
    if outcome.errors:
        outcome.errors.sort(key=lambda e: (e.sheet != UNIT_SHEET, e.row))
        return outcome
    try:
        outcome.counts = _write(plan, progress)
    except _RowFailed as exc:
        outcome.errors.append(exc.error)
    return outcome
