"""Excel in for results: one sheet for units, one for officers; all rows are checked first and
written in one transaction (bulk), or nothing is written."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction

from emulation import access as org_access
from emulation import audit, bulk
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


class Subject(NamedTuple):
    unit_id: int
    officer_id: int | None
    name: str  # what the audit log shows: the officer's name, or the unit's
    path: str  # the unit's place in the tree, for the scope check (``access.in_scope``)


def _subjects(campaign) -> tuple[dict, dict]:
    """The participating units and their officers by code, as plain values (two queries)."""
    units = {code: Subject(pk, None, name, path) for code, pk, name, path in
             campaign.participations.values_list("unit__code", "unit_id", "unit__name", "unit__path")}
    officers = {code: Subject(unit_id, pk, name, path) for code, pk, unit_id, name, path in
                Officer.objects.filter(unit__participations__campaign=campaign)
                .values_list("code", "pk", "unit_id", "full_name", "unit__path")}
    return units, officers


def _resolve(rows, units: dict, officers: dict, editable, errors) -> None:
    """Attach the subject of each row; refuse codes outside the campaign or the user's scope."""
    for row in rows:
        if row["code"] is None:
            continue
        if row["sheet"] == UNIT_SHEET:
            subject, column = units.get(row["code"]), "Mã đơn vị"
            missing = "Đơn vị không tham gia phong trào (mã không đúng)."
        else:
            subject, column = officers.get(row["code"]), "Mã cán bộ"
            missing = "Cán bộ không thuộc đơn vị tham gia phong trào (mã không đúng)."
        if subject is None:
            errors.append(RowError(row["sheet"], row["row"], column, missing))
        elif not editable(subject):
            errors.append(RowError(row["sheet"], row["row"], column, "Ngoài phạm vi bạn được quản lý."))
        row["subject"] = subject


def _key(row) -> tuple:
    return row["subject"].unit_id, row["subject"].officer_id, row["as_of"]


def _existing(campaign, rows) -> dict:
    """The campaign's results on the dates the file reports, by (unit, officer, date): one query."""
    dates = {row["as_of"] for row in rows if row["as_of"]}
    found = Result.objects.filter(campaign=campaign, as_of__in=dates).values_list(
        "pk", "unit_id", "officer_id", "as_of", "status", *FIELDS)
    return {(unit_id, officer_id, as_of): (pk, status, tuple(figures))
            for pk, unit_id, officer_id, as_of, status, *figures in found}


def import_results(file, *, campaign: Campaign, user, progress=None) -> Outcome:
    """Check every row, then write all of them or nothing. ``progress(done, total)`` is told after the
    checks and after each batch written (every ``bulk.BATCH`` rows), never once per row."""
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
    _resolve(rows, *_subjects(campaign), lambda subject: org_access.in_scope(user, subject, editable=True), errors)
    existing = _existing(campaign, rows)
    _check_duplicates_and_locks(rows, existing, errors)
    if errors:
        errors.sort(key=lambda e: (e.sheet != UNIT_SHEET, e.row, e.column))
        return outcome
    if progress:
        progress(0, len(rows))
    _write(rows, campaign, existing, user, outcome, progress)
    return outcome


def _check_duplicates_and_locks(rows, existing, errors) -> None:
    seen = {}
    for row in rows:
        if row.get("subject") is None or row["as_of"] is None:
            continue
        key = _key(row)
        if key in seen:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày", f"Trùng với dòng {seen[key]}."))
        seen[key] = row["row"]
        status = existing[key][1] if key in existing else None
        if status == ResultStatus.CONFIRMED:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày",
                                   "Số liệu ngày này đã được xác nhận; không ghi đè bằng tệp."))
        elif status == ResultStatus.SUBMITTED:
            errors.append(RowError(row["sheet"], row["row"], "Tính đến ngày",
                                   "Số liệu ngày này đã gửi, đang chờ xác nhận; rút lại trước khi ghi đè bằng tệp."))


def _audit_row(user, actor_name: str, pk: int, row, before) -> dict:
    """One audit entry per result written (the log shows, per subject, which figures the file set)."""
    return {"actor_id": getattr(user, "pk", None), "actor_name": actor_name, "action": AuditAction.IMPORT,
            "model_label": "campaigns.Result", "object_id": str(pk),
            "object_repr": f"{row['subject'].name} – {row['as_of']:%d/%m/%Y}"[:255], "unit_id": row["subject"].unit_id,
            "changes": {name: [old, row[name]] for name, old in zip(FIELDS, before, strict=True)}}


def _write(rows, campaign, existing, user, outcome, progress) -> None:
    """All in one transaction: new results inserted in batches, changed drafts updated, their audit
    entries inserted in bulk; then the planner's statistics refreshed for the tables filled."""
    new, changed = [], []
    for row in rows:
        figures = tuple(row[name] for name in FIELDS)
        found = existing.get(_key(row))
        if found is None:
            new.append(row)
        elif found[2] != figures:
            changed.append((found[0], row, found[2]))
    total, actor_name = len(new) + len(changed), audit.actor_name(user)
    user_id = getattr(user, "pk", None)
    with transaction.atomic():
        ids = bulk.insert_rows(Result, [
            {"campaign_id": campaign.pk, "unit_id": row["subject"].unit_id, "officer_id": row["subject"].officer_id,
             "as_of": row["as_of"], "updated_by_id": user_id, **{name: row[name] for name in FIELDS}}
            for row in new], progress=progress and (lambda done: progress(done, total)))
        Result.objects.bulk_update([  # a draft or returned result keeps its state until the unit sends it
            Result(pk=pk, updated_by_id=user_id, **{name: row[name] for name in FIELDS}) for pk, row, _ in changed],
            [*FIELDS, "updated_by"], batch_size=1000)
        bulk.insert_rows(AuditEntry, [
            *(_audit_row(user, actor_name, pk, row, [None] * len(FIELDS)) for pk, row in zip(ids, new, strict=True)),
            *(_audit_row(user, actor_name, pk, row, before) for pk, row, before in changed)])
        audit.written_in_bulk()
        transaction.on_commit(lambda: bulk.analyze(Result, AuditEntry))
    if progress:
        progress(total, total)
    outcome.created, outcome.updated = len(new), len(changed)
