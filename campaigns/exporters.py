"""Excel out: the results template of a campaign, pre-filled with the codes the user may report for."""

from openpyxl import Workbook

from emulation import access as org_access
from emulation.models import Officer
from emulation.spreadsheets import add_sheet, workbook_bytes

from .importers import OFFICER_COLUMNS, OFFICER_SHEET, REQUIRED, UNIT_COLUMNS, UNIT_SHEET
from .models import Campaign


def results_template(campaign: Campaign, user) -> bytes:
    editable = org_access.editable_unit_ids(user)
    units = [p.unit for p in campaign.participations.select_related("unit").order_by("unit__path")
             if p.unit_id in editable]
    as_of = campaign.results_period[1].strftime("%d/%m/%Y")
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = add_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, [16, 48, 14, 14, 16, 18, 22, 22, 24], REQUIRED)
    for unit in units:
        sheet.append([unit.code, unit.name, as_of])
    sheet = add_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, [14, 30, 16, 14, 14, 16, 18, 22, 22, 24], REQUIRED)
    for officer in Officer.objects.filter(unit__in=units, is_active=True).select_related("unit").order_by(
            "unit__path", "sort_key"):
        sheet.append([officer.code, officer.full_name, officer.unit.code, as_of])
    return workbook_bytes(workbook)


ATTAINMENT_COLUMNS = [("Đơn vị", 40), ("Cá nhân", 26), ("Chỉ tiêu", 10), ("Loại chỉ tiêu", 36), ("Khung", 30),
                      ("Mức chỉ tiêu (%)", 14), ("Thực hiện (%)", 14), ("Kết quả", 16), ("Còn thiếu (việc/đồng)", 20),
                      ("Còn thiếu (điểm %)", 16), ("Xếp hạng", 10), ("Ghi chú", 40)]
STATE_LABELS = {"met": "Đạt", "not_met": "Chưa đạt", "not_computable": "Không tính được"}


def attainment_workbook(campaign: Campaign, rows) -> bytes:
    """The attainment table as a formatted sheet: Vietnamese headers, frozen header, number formats."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = add_sheet(workbook, "Đạt chỉ tiêu", [c for c, _ in ATTAINMENT_COLUMNS], [w for _, w in ATTAINMENT_COLUMNS])
    for row in rows:
        evaluation = row.evaluation
        sheet.append([
            row.result.unit.name, row.result.officer.full_name if row.result.officer else "",
            row.target.code, row.target.get_metric_kind_display(), row.bracket_words,
            None if row.target_value is None else float(row.target_value),
            None if evaluation.rate is None else float(evaluation.rate_display),
            STATE_LABELS[str(evaluation.state)], evaluation.gap_units or None,
            float(evaluation.gap_points) if str(evaluation.state) == "not_met" else None,
            f"{row.rank}/{row.peers}" if row.rank else "", evaluation.reason,
        ])
    for column, number_format in (("F", "0.00"), ("G", "0.00"), ("I", "#,##0"), ("J", "0.00")):
        for cell in sheet[column][1:]:
            cell.number_format = number_format
    sheet.auto_filter.ref = sheet.dimensions
    return workbook_bytes(workbook)
