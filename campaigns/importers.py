"""Excel in for results: one sheet for units, one for officers; all rows are checked first and
written in one transaction (bulk), or nothing is written."""

from dataclasses import dataclass, field

from django.db import transaction

from emulation import access as org_access
from emulation import audit
from emulation.models import AuditAction, AuditEntry, Officer
from emulation.spreadsheets import (
    CellError,
    RowError,
    cell,
    open_workbook,
    parse_amount,
    parse_date,
    read_sheet,
    refuse_formula,
)
from emulation.text import nfc
from emulation.validators import name_problem

from .attainment import input_errors
from .models import Campaign, Result, ResultStatus

UNIT_SHEET, OFFICER_SHEET = "Đơn vị", "Cá nhân"
FIGURES = ["Tổng số việc", "Việc có điều kiện", "Việc thi hành xong", "Tổng số tiền (đồng)",
           "Tiền có điều kiện (đồng)", "Tiền thi hành xong (đồng)"]
FIELDS = ["cases_total", "cases_with_conditions", "cases_completed", "money_total", "money_with_conditions",
          "money_completed"]
UNIT_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Tính đến ngày", *FIGURES]
OFFICER_COLUMNS = ["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Tính đến ngày", *FIGURES]
REQUIRED = {"Mã đơn vị", "Mã cán bộ", "Tính đến ngày"}


@dataclass
class Outcome:
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def summary(self) -> str:
        return f"Đã nhập {self.created} số liệu mới, cập nhật {self.updated} số liệu (trạng thái: đang nhập)."


def parse_code(value) -> str:
    """A unit's or officer's code as written in the sheet (whole numbers without ".0"), in NFC; never a formula
    nor an invisible character."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    code = nfc(str(value))
    problem = name_problem(code)
    if problem:
        raise CellError(problem)
    return refuse_formula(code)


def _read(records, sheet, errors, *, subject_column, period) -> list[dict]:
    rows = []
    for number, record in records:
        if all(record[header] in (None, "") for header in FIGURES):
            continue  # a pre-filled line left empty: not reported yet
        row = {"row": number, "sheet": sheet,
               "code": cell(errors, sheet, number, record, subject_column, parse_code, required=True),
               "as_of": cell(errors, sheet, number, record, "Tính đến ngày", parse_date, required=True)}
        for header, name in zip(FIGURES, FIELDS, strict=True):
            row[name] = cell(errors, sheet, number, record, header, parse_amount)
        if row["as_of"] and not period[0] <= row["as_of"] <= period[1]:
            errors.append(RowError(sheet, number, "Tính đến ngày", "Ngày nằm ngoài kỳ tính kết quả "
                                   f"{period[0]:%d/%m/%Y} – {period[1]:%d/%m/%Y}."))
        for key, column in (("cases", "Việc thi hành xong"), ("money", "Tiền thi hành xong (đồng)")):
            values = [row[f"{key}_completed"], row[f"{key}_with_conditions"], row[f"{key}_total"]]
            if None not in values:
                errors.extend(RowError(sheet, number, column, problem) for problem in input_errors(*values))
        rows.append(row)
    return rows


def _resolve(rows, units: dict, officers: dict, editable, errors) -> None:
    """Attach the unit (and officer) of each row; refuse codes outside the campaign or the user's scope."""
    for row in rows:
        if row["code"] is None:
            continue
        if row["sheet"] == UNIT_SHEET:
            unit, officer = units.get(row["code"]), None
            missing = "Đơn vị không tham gia phong trào (mã không đúng)." if unit is None else ""
        else:
            officer = officers.get(row["code"])
            unit = officer.unit if officer else None
            missing = "Cán bộ không thuộc đơn vị tham gia phong trào (mã không đúng)." if officer is None else ""
        column = "Mã đơn vị" if row["sheet"] == UNIT_SHEET else "Mã cán bộ"
        if missing:
            errors.append(RowError(row["sheet"], row["row"], column, missing))
        elif not editable(unit):
            errors.append(RowError(row["sheet"], row["row"], column, "Ngoài phạm vi bạn được quản lý."))
        row["unit"], row["officer"] = unit, officer


def import_results(file, *, campaign: Campaign, user, progress=None) -> Outcome:
    outcome = Outcome()
    try:
        workbook = open_workbook(file)
    except CellError as exc:
        outcome.errors.append(RowError("", 0, "", str(exc)))
        return outcome
    errors, period = outcome.errors, campaign.results_period
    rows = _read(read_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, errors), UNIT_SHEET, errors,
                 subject_column="Mã đơn vị", period=period)
    rows += _read(read_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, errors), OFFICER_SHEET, errors,
                  subject_column="Mã cán bộ", period=period)
    participants = {p.unit.code: p.unit for p in campaign.participations.select_related("unit")}
    officers = {o.code: o for o in Officer.objects.filter(unit__in=participants.values()).select_related("unit")}
    _resolve(rows, participants, officers, lambda unit: org_access.in_scope(user, unit, editable=True), errors)
    existing = {(r.unit_id, r.officer_id, r.as_of): r for r in Result.objects.filter(campaign=campaign)}
    _check_duplicates_and_locks(rows, existing, errors)
    if errors:
        errors.sort(key=lambda e: (e.sheet != UNIT_SHEET, e.row, e.column))
        return outcome
    _write(rows, campaign, existing, user, outcome, progress)
    return outcome


def _check_duplicates_and_locks(rows, existing, errors) -> None:
    seen = {}
    for row in rows:
        if row.get("unit") is None or row["as_of"] is None:
            continue
        key = (row["unit"].pk, row["officer"].pk if row["officer"] else None, row["as_of"])
        if key in seen:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày", f"Trùng với dòng {seen[key]}."))
        seen[key] = row["row"]
        if key in existing and existing[key].status == ResultStatus.CONFIRMED:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày",
                                   "Số liệu ngày này đã được xác nhận; không ghi đè bằng tệp."))
        elif key in existing and existing[key].status == ResultStatus.SUBMITTED:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày",
                                   "Số liệu ngày này đã gửi, đang chờ xác nhận; rút lại trước khi ghi đè bằng tệp."))


def _write(rows, campaign, existing, user, outcome, progress) -> None:
    new, changed = [], []
    for row in rows:
        key = (row["unit"].pk, row["officer"].pk if row["officer"] else None, row["as_of"])
        figures = {name: row[name] for name in FIELDS}
        result = existing.get(key)
        if result is None:
            new.append(Result(campaign=campaign, unit=row["unit"], officer=row["officer"], as_of=row["as_of"],
                              updated_by=user, **figures))
        elif any(getattr(result, k) != v for k, v in figures.items()):
            for name, value in figures.items():
                setattr(result, name, value)
            result.updated_by = user  # a draft or returned result keeps its state until the unit sends it
            changed.append(result)
    with transaction.atomic():
        for start in range(0, len(new), 1000):
            Result.objects.bulk_create(new[start:start + 1000])
            if progress:
                progress(min(start + 1000, len(new)), len(new) + len(changed))
        Result.objects.bulk_update(changed, [*FIELDS, "updated_by"], batch_size=1000)
        AuditEntry.objects.bulk_create([
            AuditEntry(actor=user, actor_name=audit.actor_name(user), action=AuditAction.IMPORT,
                       model_label="campaigns.Result", object_id=str(r.pk), object_repr=str(r)[:255],
                       unit_id=r.unit_id, changes={name: [None, getattr(r, name)] for name in FIELDS})
            for r in [*new, *changed]], batch_size=1000)
    if progress:
        progress(len(new) + len(changed), len(new) + len(changed))
    outcome.created, outcome.updated = len(new), len(changed)
