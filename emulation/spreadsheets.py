"""Spreadsheets in and out. Reading for all-or-nothing imports: values parsed with messages a clerk can
act on, errors that name the sheet, the row, the column and the reason. Writing: one streaming path
for every export (openpyxl write-only mode: a row is written to the file when it is appended, so
memory stays flat at 10.000 rows); every value that comes from user data goes through ``cell_value``
(``text_cell``, ``append_rows``), so a name such as ``=HYPERLINK(...)`` is written as text, never as a
live formula (OWASP "CSV injection")."""

import datetime
import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.utils.formats import number_format
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from . import workbook_guard

HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
# A spreadsheet reads text starting with one of these as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TRUE_WORDS, FALSE_WORDS = {"có", "x", "1", "true", "yes"}, {"không", "", "0", "false", "no"}


CellError = workbook_guard.CellError  # a value (or a file) that cannot be read; the message is shown as is


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


def cell_value(value):
    """``value`` as it may be written to a cell: text that a spreadsheet would take for a formula gets a
    leading single quote, so it stays text; numbers, dates and None are returned as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def as_text(cell):
    """Mark an openpyxl cell that holds text as text (data type "s"), whatever its first character."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def text_cell(sheet, value, **style) -> WriteOnlyCell:
    """A write-only cell holding ``value`` made safe by ``cell_value``, text kept as text; ``style``: the
    cell's openpyxl style attributes (``style="name"`` for a named style, ``font=…``, ``fill=…``)."""
    cell = as_text(WriteOnlyCell(sheet, value=cell_value(value)))
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def append_rows(sheet, rows, styles=()) -> int:
    """Append rows of user data to a write-only sheet; returns how many. Each value goes through
    ``cell_value`` and ``as_text``. One cell per column is made once (with the named style of
    ``styles``, by position; unstyled past them) and reused for every row: write-only mode writes a
    row when it is appended, so only the value changes. A cell made and styled per value was most of
    the time over a bare write-only loop (cProfile, 10.000 rows × 11 columns). Dates are written as
    text (dd/mm/yyyy) in these layouts, so a column's cell never picks up a date format."""
    cells = [text_cell(sheet, None, style=style) for style in styles]
    count = 0
    for values in rows:
        while len(cells) < len(values):
            cells.append(WriteOnlyCell(sheet))
        for cell, value in zip(cells, values, strict=False):  # a shorter row leaves the cells after it out
            cell.value = cell_value(value)
            as_text(cell)
        sheet.append(cells if len(values) == len(cells) else cells[:len(values)])
        count += 1
    return count


def refuse_formula(text: str) -> str:
    """An imported name or code may not start like a formula; the message says why."""
    if text.startswith(FORMULA_TRIGGERS):
        raise CellError(f"“{text}” không được bắt đầu bằng dấu =, +, -, @ hoặc ký tự tab: "
                        "bảng tính sẽ hiểu đó là công thức.")
    return text


def parse_bool(value) -> bool:
    text = str(value if value is not None else "").strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(f"“{value}” không hợp lệ: ghi “có” hoặc “không”.")


def parse_date(value) -> datetime.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise CellError(f"“{value}” không phải ngày dạng dd/mm/yyyy.") from exc


def open_workbook(file):
    """The workbook, or a CellError when the file is not an .xlsx workbook within the limits
    (``workbook_guard``; XML with a DTD is refused by defusedxml, which openpyxl uses when installed)."""
    workbook_guard.check(file)
    try:
        return load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as exc:
        raise CellError("Tệp không phải bảng tính Excel .xlsx hợp lệ.") from exc


def read_sheet(workbook, name: str, columns: list[str], errors: list) -> list[tuple[int, dict]]:
    if name not in workbook.sheetnames:
        errors.append(RowError(name, 1, "", f"Thiếu trang tính “{name}”."))
        return []
    rows = workbook[name].iter_rows(values_only=True)
    header = [str(c).strip() if c is not None else "" for c in next(rows, ())][:len(columns)]
    if header != columns:
        errors.append(RowError(name, 1, "", f"Dòng tiêu đề phải là: {', '.join(columns)}."))
        return []
    records, most = [], workbook_guard.limits()["rows"] + 1
    for number, values in enumerate(rows, start=2):
        if number > most:  # the declared dimension can lie: counted as read
            most_text = number_format(most - 1, force_grouping=True)
            errors.append(RowError(name, number, "", f"Trang tính có quá nhiều dòng (tối đa {most_text})."))
            break
        values = list(values[:len(columns)]) + [None] * (len(columns) - len(values))
        if any(v not in (None, "") for v in values):
            cleaned = [v.strip() if isinstance(v, str) else v for v in values]
            records.append((number, dict(zip(columns, cleaned, strict=True))))
    return records


def cell(errors, sheet, number, record, column, parse=None, required=False):
    """Read one cell of a record; on a problem, note it in ``errors`` and return None."""
    value = record[column]
    if required and value in (None, ""):
        errors.append(RowError(sheet, number, column, "Bắt buộc nhập."))
        return None
    if parse is None:
        return str(value).strip() if value is not None else ""
    try:
        return parse(value)
    except CellError as exc:
        errors.append(RowError(sheet, number, column, str(exc)))
        return None


def parse_amount(value) -> int:
    """A whole, non-negative number (cases or đồng): 1234567, "1.234.567" or 1234567.0."""
    if value is None or value == "":
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(".", "").replace(" ", "")
    if not text.isdigit():
        raise CellError(f"“{value}” không phải số nguyên không âm.")
    return int(text)


class _CellSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows are lists of ready cells (``text_cell``, ``append_rows``): it
    yields them as they are, where openpyxl's own ``append`` first tries each cell as a value and
    catches the error (a tenth of the writing time at 10.000 rows)."""

    def _values_to_row(self, values, row_idx):
        for col_idx, cell in enumerate(values, 1):
            cell.column, cell.row = col_idx, row_idx
            yield cell


def streaming_workbook() -> Workbook:
    """An empty workbook in write-only mode (no default sheet): the one way exports are written."""
    return Workbook(write_only=True)


def create_sheet(workbook, title: str) -> WriteOnlyWorksheet:
    """A sheet of ``streaming_workbook``; rows are appended as cells only (``append_rows``, ``text_cell``)."""
    sheet = _CellSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)  # what Workbook.create_sheet does with its own write-only class
    return sheet


def add_sheet(workbook, title, columns, widths, required=()):
    """A write-only sheet with a bold, frozen header row; required columns in red. Column widths and
    the frozen pane are set before the first row, as write-only mode needs."""
    sheet = create_sheet(workbook, title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([text_cell(sheet, column, fill=HEADER_FILL, alignment=Alignment(wrap_text=True, vertical="center"),
                            font=Font(bold=True, color="B02A37" if column in required else "000000"))
                  for column in columns])
    return sheet


def workbook_bytes(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
