"""Writing workbooks in the layout staff exchange with the higher level: merged title lines (issuing
body in capitals, document title, subtitle), a bold bordered header row repeated on every printed
page, bordered data rows with real numbers, frozen below the header, A4 landscape fitted to width,
Times New Roman.

Streamed with openpyxl's write-only mode, so a 10.000-row list stays fast and small in memory.
In that mode everything written before the rows (column widths, frozen panes, sheet properties,
row heights) is set before the first ``append``; merged ranges, page setup and print titles are
written at the end and may be set any time before saving.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from .spreadsheets import append_rows, create_sheet, streaming_workbook, text_cell, workbook_bytes

FONT = "Times New Roman"
TEXT, SERIAL, INTEGER, MONEY, PERCENT, DECIMAL, CENTER = "text", "serial", "integer", "money", "percent", \
    "decimal", "center"
NUMBER_FORMATS = {SERIAL: "0", INTEGER: "#,##0", MONEY: "#,##0", PERCENT: "0.00", DECIMAL: "0.00"}
A4 = 9
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class Column:
    """One column of the table: its Vietnamese header, width (characters) and kind of value.

    ``percent`` holds percentage points (76.5 for 76,50 %, the header says "(%)"), shown with two
    decimals; ``integer`` and ``money`` (đồng) are whole numbers grouped by thousands."""

    header: str
    width: float
    kind: str = TEXT


def _cell_style(kind: str) -> NamedStyle:
    horizontal = {TEXT: "left", SERIAL: "center", CENTER: "center"}.get(kind, "right")
    return NamedStyle(name=f"tdkt_{kind}", font=Font(name=FONT, size=12), border=_BORDER,
                      number_format=NUMBER_FORMATS.get(kind, "General"),
                      alignment=Alignment(horizontal=horizontal, vertical="top", wrap_text=kind in (TEXT, CENTER)))


def _register_styles(workbook, kinds) -> None:
    workbook.add_named_style(NamedStyle(name="tdkt_issuer", font=Font(name=FONT, size=13, bold=True),
                                        alignment=Alignment(horizontal="left", vertical="center")))
    workbook.add_named_style(NamedStyle(name="tdkt_title", font=Font(name=FONT, size=14, bold=True),
                                        alignment=Alignment(horizontal="center", vertical="center")))
    workbook.add_named_style(NamedStyle(name="tdkt_subtitle", font=Font(name=FONT, size=13, italic=True),
                                        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)))
    workbook.add_named_style(NamedStyle(
        name="tdkt_header", font=Font(name=FONT, size=12, bold=True), border=_BORDER,
        fill=PatternFill("solid", fgColor="F2F2F2"),
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)))
    for kind in sorted(set(kinds)):
        workbook.add_named_style(_cell_style(kind))


def _prepare(sheet, columns: Sequence[Column], header_row: int) -> None:
    """What write-only mode writes before the rows: widths, frozen panes, fit-to-page, row heights."""
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    for row in range(1, header_row - 1):
        sheet.row_dimensions[row].height = 20
    sheet.row_dimensions[header_row].height = 48


def _print_setup(sheet, header_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.font = FONT


def header_row_of(title_lines: Sequence[str]) -> int:
    """The row of the column headers: after the title lines and one blank row."""
    return len(title_lines) + 2


def exchange_workbook(*, sheet_title: str, title_lines: Sequence[str], columns: Sequence[Column],
                      rows: Iterable[Sequence]) -> bytes:
    """The .xlsx bytes of one sheet in the exchange layout.

    ``title_lines``: the issuing body (written in capitals), the document title (capitals), then
    any subtitle lines (italic), each merged across the table. ``rows``: one sequence of values per
    row, in the order of ``columns``; numbers stay numbers (int, Decimal), None leaves a cell empty, text is
    always written as text (``spreadsheets.cell_value``)."""
    workbook = streaming_workbook()
    sheet = create_sheet(workbook, sheet_title[:31])
    _register_styles(workbook, [c.kind for c in columns])
    header_row, last = header_row_of(title_lines), get_column_letter(len(columns))
    _prepare(sheet, columns, header_row)
    for number, line in enumerate(title_lines, start=1):
        style = "tdkt_issuer" if number == 1 else "tdkt_title" if number == 2 else "tdkt_subtitle"
        sheet.append([text_cell(sheet, line.upper() if number <= 2 else line, style=style)])
        sheet.merged_cells.add(f"A{number}:{last}{number}")
    sheet.append([])
    sheet.append([text_cell(sheet, column.header, style="tdkt_header") for column in columns])
    count = append_rows(sheet, rows, [f"tdkt_{column.kind}" for column in columns])
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + max(count, 1)}"
    _print_setup(sheet, header_row)
    return workbook_bytes(workbook)
