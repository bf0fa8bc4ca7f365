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
