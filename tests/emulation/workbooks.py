"""Workbooks built in memory for the import tests."""

from io import BytesIO

from openpyxl import Workbook

from emulation.importers import OFFICER_COLUMNS, OFFICER_SHEET, UNIT_COLUMNS, UNIT_SHEET


def workbook_bytes(units=(), officers=(), unit_header=UNIT_COLUMNS, officer_header=OFFICER_COLUMNS) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in [(UNIT_SHEET, unit_header, units), (OFFICER_SHEET, officer_header, officers)]:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def unit_row(code, name, parent, kind="Chi cục THADS / Phòng THADS khu vực", valid_from="01/07/2025", valid_to="",
             hardship="không"):
    return [code, name, "", kind, parent, valid_from, valid_to, hardship]


def officer_row(code, name, unit, gender="Nữ", starts_on="01/07/2025", chv="có", birth="15/03/1985"):
    return [code, name, gender, birth, unit, "Chấp hành viên", "không", chv, starts_on]
