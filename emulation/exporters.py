"""Excel out: the import template, with the header rows the importer expects."""

from openpyxl.styles import Font

from . import access
from .importers import OFFICER_COLUMNS, OFFICER_SHEET, REQUIRED, UNIT_COLUMNS, UNIT_SHEET
from .models import Unit, UnitKind
from .spreadsheets import add_sheet, append_rows, create_sheet, streaming_workbook, text_cell, workbook_bytes

GUIDE = [
    ("Mã đơn vị", "Duy nhất trong hệ thống. Mã đã có thì cập nhật đơn vị đó, mã mới thì tạo đơn vị mới."),
    ("Loại đơn vị", "Một trong: " + "; ".join(str(label) for _, label in UnitKind.choices) + "."),
    ("Mã đơn vị cấp trên", "Mã một đơn vị đã có (xem danh sách bên dưới) hoặc một đơn vị khác trong cùng tệp."),
    ("Hiệu lực từ / đến, Ngày sinh, Ngày bắt đầu công tác", "Ngày dạng dd/mm/yyyy, ví dụ 01/07/2025."),
    ("Vùng khó khăn, Lãnh đạo, Chấp hành viên", "Ghi “có” hoặc “không” (để trống là không)."),
    ("Giới tính", "Nam hoặc Nữ."),
    ("Mã cán bộ", "Cán bộ đã có mà đổi Mã đơn vị thì được điều động từ Ngày bắt đầu công tác."),
    ("Nguyên tắc", "Tệp có lỗi thì không dữ liệu nào được nhập; danh sách lỗi ghi rõ trang, dòng, cột."),
]


def organisation_template(user) -> bytes:
    workbook = streaming_workbook()
    add_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, [16, 48, 24, 30, 18, 14, 14, 14], REQUIRED)
    add_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, [14, 30, 10, 12, 16, 26, 10, 14, 20], REQUIRED)
    guide = create_sheet(workbook, "Hướng dẫn")
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 42, 100
    guide.append([text_cell(guide, text, font=Font(bold=True))
                  for text in ("Cột", "Cách ghi (cột chữ đỏ là bắt buộc)")])
    units = Unit.objects.filter(access.scope_q(user, None, editable=True)).order_by("path")
    append_rows(guide, [*GUIDE, (), ("Mã đơn vị bạn được quản lý", "Tên đơn vị"), *([u.code, u.name] for u in units)])
    return workbook_bytes(workbook)
