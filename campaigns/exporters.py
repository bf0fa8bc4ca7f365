"""Excel out: the results template of a campaign, pre-filled with the codes the user may report for, and
the attainment table and the overall standings in the layout exchanged with the higher level."""

import csv
import io
from types import SimpleNamespace

from emulation import access as org_access
from emulation.exchange_layout import CENTER, MONEY, PERCENT, SERIAL, Column, exchange_workbook
from emulation.models import Officer
from emulation.spreadsheets import add_sheet, append_rows, streaming_workbook, workbook_bytes

from .importers import OFFICER_COLUMNS, OFFICER_SHEET, REQUIRED, UNIT_COLUMNS, UNIT_SHEET
from .models import Campaign, MetricKind


def results_template(campaign: Campaign, user) -> bytes:
    units = [p.unit for p in campaign.participations.select_related("unit").order_by("unit__path")
             if org_access.in_scope(user, p.unit, editable=True)]
    as_of = campaign.results_period[1].strftime("%d/%m/%Y")
    workbook = streaming_workbook()
    sheet = add_sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, [16, 48, 14, 14, 16, 18, 22, 22, 24], REQUIRED)
    append_rows(sheet, ([unit.code, unit.name, as_of] for unit in units))
    sheet = add_sheet(workbook, OFFICER_SHEET, OFFICER_COLUMNS, [14, 30, 16, 14, 14, 16, 18, 22, 22, 24], REQUIRED)
    officers = Officer.objects.filter(unit__in=units, is_active=True).select_related("unit").order_by(
        "unit__path", "sort_key")
    append_rows(sheet, ([officer.code, officer.full_name, officer.unit.code, as_of] for officer in officers))
    return workbook_bytes(workbook)


ATTAINMENT_COLUMNS = [
    Column("STT", 6, SERIAL), Column("Đơn vị", 40), Column("Cá nhân", 26), Column("Chỉ tiêu", 10, CENTER),
    Column("Loại chỉ tiêu", 36), Column("Khung", 30), Column("Mức chỉ tiêu (%)", 14, PERCENT),
    Column("Thực hiện (%)", 14, PERCENT), Column("Kết quả", 16, CENTER), Column("Còn thiếu (việc/đồng)", 20, MONEY),
    Column("Còn thiếu (điểm %)", 16, PERCENT), Column("Xếp hạng", 10, CENTER), Column("Ghi chú", 40),
]
STATE_LABELS = {"met": "Đạt", "not_met": "Chưa đạt", "not_computable": "Không tính được"}
ATTAINMENT_TITLE = "Bảng tổng hợp kết quả thực hiện chỉ tiêu thi đua"


def _attainment_values(number: int, row) -> list:
    evaluation, state = row.evaluation, str(row.evaluation.state)
    return [
        number, row.result.unit.name, row.result.officer.full_name if row.result.officer else "",
        row.target.code, row.target.get_metric_kind_display(), row.bracket_words, row.target_value,
        evaluation.rate_display, STATE_LABELS[state], evaluation.gap_units or None,
        evaluation.gap_points if state == "not_met" else None,
        f"{row.rank}/{row.peers}" if row.rank else "", evaluation.reason,
    ]


def attainment_table(campaign: Campaign, rows) -> tuple[list[str], list[list]]:
    """The title lines and the cell values the attainment workbook prints (what a cached copy is keyed on)."""
    title_lines = [campaign.plan.issuer.name, ATTAINMENT_TITLE, campaign.name]
    return title_lines, [_attainment_values(n, row) for n, row in enumerate(rows, start=1)]


def attainment_workbook(campaign: Campaign, rows) -> bytes:
    """Bảng tổng hợp kết quả thực hiện chỉ tiêu in the exchange layout: the issuing body, the title and
    the campaign's name on top, one row per (subject, target); rates and gaps are numbers."""
    title_lines, values = attainment_table(campaign, rows)
    return exchange_workbook(sheet_title="Đạt chỉ tiêu", title_lines=title_lines, columns=ATTAINMENT_COLUMNS,
                             rows=values)


class _Stored:
    """A stored ``AttainmentRow`` seen as the standings row ``attainment_workbook`` prints."""

    def __init__(self, row, labels: dict):
        label = labels.get(row.metric_kind, row.metric_kind)
        self.result = SimpleNamespace(unit=row.unit, officer=row.officer)
        self.target = SimpleNamespace(code=row.target_code, get_metric_kind_display=lambda: label)
        self.bracket_words, self.target_value = row.bracket, row.target_value
        self.rank, self.peers = row.rank, row.peers
        self.evaluation = SimpleNamespace(rate_display=row.actual, state=row.state, gap_units=row.gap_units,
                                          gap_points=row.gap_points, reason=row.reason)


def stored_rows(rows) -> list[_Stored]:
    labels = {value: str(label) for value, label in MetricKind.choices}
    return [_Stored(row, labels) for row in rows.iterator(chunk_size=2000)]


def attainment_csv(campaign: Campaign, rows) -> bytes:
    """The same table as the workbook, one header line then one line per row (UTF-8 with BOM for Excel;
    numbers with a dot, as data)."""
    _, values = attainment_table(campaign, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.header for column in ATTAINMENT_COLUMNS])
    writer.writerows(["" if v is None else v for v in line] for line in values)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


STANDINGS_COLUMNS = [
    Column("STT", 6, SERIAL), Column("Hạng", 10, CENTER), Column("Đơn vị", 44), Column("Nhóm", 8, CENTER),
    Column("Các chỉ tiêu đánh giá", 40), Column("Số chỉ tiêu đạt", 12, CENTER), Column("Số chỉ tiêu", 12, CENTER),
    Column("Không tính được", 12, CENTER), Column("Bình quân so với mức (%)", 16, PERCENT),
    Column("Thấp nhất so với mức (%)", 16, PERCENT),
]
STANDINGS_TITLE = "Bảng xếp hạng chung các đơn vị"


def standings_workbook(campaign: Campaign, rows) -> bytes:
    """The stored standings (``StandingRow`` with their units), one row per unit in standing order."""
    values = ([n, f"{row.rank}/{row.peers}", row.unit.name, row.group, row.group_label, row.met, row.assessed,
               row.not_computable, row.mean_ratio, row.min_ratio]
              for n, row in enumerate(rows.iterator(chunk_size=2000), start=1))
    return exchange_workbook(sheet_title="Xếp hạng chung", title_lines=[campaign.plan.issuer.name, STANDINGS_TITLE,
                                                                         campaign.name],
                             columns=STANDINGS_COLUMNS, rows=values)
