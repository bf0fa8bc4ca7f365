"""Grid entry of results (nhập số liệu dạng bảng): the rules of one grid of units × columns, as plain
functions over plain values (what was typed, what is stored), with no database.

Columns are the six standard figures every unit reports, then each campaign-specific target that
applies to units (a percentage, a count, or a yes/no verdict). A cell is read with the field of the
single-result form (``campaigns.forms.ResultForm``): "1.234.567" grouped or bare digits, "76,5" for
decimals, strictly; a row is then checked as that form's service checks one result (completed ≤ with
conditions ≤ total). A row left empty that has no stored result is not reported yet, and is skipped.

What the grid may change (``locked``): only results the lifecycle's editing table lets the user change
without a reason (``workflow.RESULT_EDITING``: a draft or a returned result, by the unit or staff on its
behalf). A submitted result waits for staff; a confirmed one changes only on its own page, with a
reason. Their cells are read-only, and a POST that changes one is refused with the cell's error —
never silently overwritten.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.number_fields import GroupedIntegerField, LocalizedDecimalField
from emulation.text import search_key

from . import workflow
from .attainment import figure_errors
from .enums import ResultStatus

WHOLE, DECIMAL, VERDICT = "whole", "decimal", "verdict"
FIGURES = (
    "cases_total",
    "cases_with_conditions",
    "cases_completed",
    "money_total",
    "money_with_conditions",
    "money_completed",
)
FIGURE_LABELS = {
    "cases_total": gettext_lazy("Tổng số việc"),
    "cases_with_conditions": gettext_lazy("Việc có điều kiện"),
    "cases_completed": gettext_lazy("Việc thi hành xong"),
    "money_total": gettext_lazy("Tổng số tiền (đồng)"),
    "money_with_conditions": gettext_lazy("Tiền có điều kiện (đồng)"),
    "money_completed": gettext_lazy("Tiền thi hành xong (đồng)"),
}
CASES_MAX, MONEY_MAX = 2**31 - 1, 2**63 - 1  # the columns' ranges (PositiveIntegerField, PositiveBigIntegerField)
MAX_FIELDS = 900  # cells per page: Django refuses a POST of more than 1.000 fields (DATA_UPLOAD_MAX_NUMBER_FIELDS)


@dataclass(frozen=True)
class Column:
    key: str  # the figure's field name, or "t<target id>"
    label: str
    kind: str  # WHOLE, DECIMAL or VERDICT
    target_id: int | None = None
    maximum: int | None = None

    @property
    def inputmode(self) -> str:
        """The phone's keyboard for the cell: digits, digits with a decimal mark, or letters."""
        return {WHOLE: "numeric", DECIMAL: "decimal"}.get(self.kind, "text")


def figure_columns() -> list[Column]:
    return [
        Column(name, str(FIGURE_LABELS[name]), WHOLE, maximum=CASES_MAX if name.startswith("cases") else MONEY_MAX)
        for name in FIGURES
    ]


def target_column(target_id: int, label: str, verdict: bool) -> Column:
    return Column(f"t{target_id}", label, VERDICT if verdict else DECIMAL, target_id=target_id)


def units_per_page(columns: int) -> int:
    """As many units as fit ``MAX_FIELDS`` cells in one POST (at least one)."""
    return max(1, MAX_FIELDS // max(columns, 1))


def cell_name(unit_id: int, column: Column) -> str:
    return f"u{unit_id}-{column.key}"


VERDICTS = {  # the words typed or pasted, accent-free and lower case, in Vietnamese and in English
    "dat": True,
    "co": True,
    "x": True,
    "passed": True,
    "yes": True,
    "khong dat": False,
    "khong": False,
    "not passed": False,
    "no": False,
    "chua danh gia": None,
    "": None,
}


def parse_verdict(text: str) -> bool | None:
    """ "Đạt" / "Không đạt" (any case, with or without accents; "x" or "có" for Đạt), or empty."""
    key = " ".join(search_key(text).split())
    if key not in VERDICTS:
        raise forms.ValidationError(_("Ghi “Đạt” hoặc “Không đạt”, hoặc để trống."), code="invalid")
    return VERDICTS[key]


def _field(column: Column) -> forms.Field:
    if column.kind == WHOLE:
        limit = formats.number_format(column.maximum, force_grouping=True)
        return GroupedIntegerField(
            required=False,
            max_value=column.maximum,
            error_messages={"max_value": _("Số quá lớn: tối đa %(limit)s.") % {"limit": limit}},
        )
    return LocalizedDecimalField(required=False, min_value=0, max_digits=17, decimal_places=2)


def parse_cell(column: Column, text: str) -> tuple[object, list[str]]:
    """(value, errors) of one typed cell; an empty cell is None. A percentage pasted from Excel keeps its
    sign ("76,5%"): a decimal cell reads the number before it."""
    text = text.strip()
    if column.kind == DECIMAL and text.endswith("%") and text != "%":
        text = text[:-1].rstrip()
    try:
        if column.kind == VERDICT:
            return parse_verdict(text), []
        return _field(column).clean(text), []
    except forms.ValidationError as error:
        return None, list(error.messages)


def show(column: Column, value) -> str:
    """A stored value as the cell shows it (and reads it back): grouped whole numbers, local decimals."""
    if value is None:
        return ""
    if column.kind == WHOLE:
        return formats.number_format(int(value), force_grouping=True)
    if column.kind == DECIMAL:
        value = Decimal(value)
        return formats.localize_input(value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize())
    return _("Đạt") if value else _("Không đạt")


LOCKED = {
    ResultStatus.SUBMITTED: gettext_lazy("Số liệu đã gửi, đang chờ xác nhận: rút lại rồi mới sửa."),
    ResultStatus.CONFIRMED: gettext_lazy("Số liệu đã xác nhận: chỉ sửa ở trang của dòng này, kèm lý do."),
}


def locked_reason(user, campaign, unit, result) -> str:
    """Why the grid may not change ``result`` for ``user`` (empty when it may): the lifecycle's editing
    table (``workflow.RESULT_EDITING``), and no change that needs a reason (a confirmed result) is made here."""
    result.campaign, result.unit = campaign, unit
    why = workflow.RESULT_EDITING.refusal(user, result)
    if why is None and not workflow.RESULT_EDITING.needs_reason(result):
        return ""
    return str(LOCKED.get(result.status, why))


@dataclass
class Row:
    """One unit's line: what is stored (``stored``: column key → value, None when no result) and what was typed."""

    unit_id: int
    columns: list[Column]  # the columns that apply to this unit
    stored: dict | None = None
    locked: str = ""  # why the grid may not change this unit's result (empty: it may)
    typed: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)

    @property
    def reported(self) -> bool:
        return any(self.values.get(c.key) is not None for c in self.columns)


def check_row(row: Row) -> None:
    """Parse each typed cell of ``row`` into ``values`` and put each problem under its cell in ``errors``:
    what cannot be read, then (a locked line) what differs from the stored result, or (a line to save) the
    figures left empty and the chains of those that were read."""
    for column in row.columns:
        value, problems = parse_cell(column, row.typed.get(column.key, ""))
        row.values[column.key] = value
        if problems:
            row.errors[column.key] = problems
    if row.locked:
        for column in row.columns:
            if column.key not in row.errors and row.values[column.key] != row.stored.get(column.key):
                row.errors[column.key] = [str(row.locked)]
        return
    if row.stored is None and not any(text.strip() for text in row.typed.values()):
        return  # not reported yet
    for column in row.columns:
        if column.kind == WHOLE and row.values[column.key] is None and column.key not in row.errors:
            row.errors[column.key] = [_("Nhập số liệu (0 nếu không có).")]
    for key, problems in figure_errors(row.values).items():
        row.errors.setdefault(key, []).extend(problems)


def changes(row: Row) -> dict:
    """Column key → [stored, typed] of the cells that differ (a new result: every reported cell)."""
    stored = row.stored or {}
    return {
        c.key: [stored.get(c.key), row.values[c.key]]
        for c in row.columns
        if row.values[c.key] != stored.get(c.key) and not (row.stored is None and row.values[c.key] is None)
    }
