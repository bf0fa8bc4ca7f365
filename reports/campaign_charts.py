"""The campaign charts page (Biểu đồ kết quả thi đua): the units' case completion against each unit's target, the
enforcement officers by attainment band and the reporting trend, drawn as inline SVG (``reports.charts``) with
their figures for a table. Renders what ``campaigns.selectors.results.campaign_dashboard`` reads."""

from django.utils.translation import gettext as _

from campaigns.selectors.completion import BARS

from . import charts
from .formats import page_number, page_percent


def _units_chart(units: dict) -> dict:
    """The first ``BARS`` units in table order, as the director's charts: the standings page holds the rest."""
    title = _("Tỷ lệ thi hành xong về việc của đơn vị so với chỉ tiêu")
    units = {key: units[key][:BARS] for key in ("labels", "actual", "target")} | {"more": len(units["labels"]) - BARS}
    svg = charts.bar_chart_svg(
        [charts.short_label(label) for label in units["labels"]], units["actual"], target=units["target"],
        width_mm=charts.PAGE_WIDTH_MM, places=2, title=title,
        description=_("Mỗi thanh là tỷ lệ của một đơn vị; vạch đỏ là mức chỉ tiêu của đơn vị đó."),
        legend=(_("Kết quả thực hiện"), _("Mức chỉ tiêu")), fmt=page_number, caption=False,
        label_share=charts.PAGE_LABELS)
    rows = [(label, page_percent(actual), page_percent(level))
            for label, actual, level in zip(units["labels"], units["actual"], units["target"], strict=True)]
    return {"title": title, "svg": svg, "rows": rows, "more": max(0, units["more"])}


def _officers_chart(officers: dict) -> dict:
    title = _("Chấp hành viên theo mức đạt")
    svg = charts.bar_chart_svg(
        officers["labels"], officers["counts"], width_mm=charts.PAGE_WIDTH_MM, unit="", places=0, title=title,
        description=_("Mỗi thanh là số chấp hành viên có tỷ lệ thi hành xong về việc trong khoảng đó."),
        fmt=page_number, caption=False, label_share=0.24)  # the bands' labels are short
    rows = [(label, page_number(count, 0)) for label, count in zip(officers["labels"], officers["counts"], strict=True)]
    return {"title": title, "svg": svg, "rows": rows}


def _trend_chart(trend: dict) -> dict:
    title = _("Diễn biến theo kỳ báo cáo")
    cases, money = _("Về việc"), _("Về tiền")
    svg = charts.line_chart_svg(
        trend["labels"], [(cases, trend["cases"]), (money, trend["money"])], width_mm=charts.PAGE_WIDTH_MM,
        places=2, title=title, fmt=page_number, caption=False,
        description=_("Tỷ lệ thi hành xong về việc và về tiền của toàn bộ đơn vị trong phạm vi, "
                      "tại mỗi ngày số liệu đã xác nhận."))
    rows = [(label, page_percent(done), page_percent(paid))
            for label, done, paid in zip(trend["labels"], trend["cases"], trend["money"], strict=True)]
    return {"title": title, "svg": svg, "rows": rows, "series": (cases, money)}


def campaign_charts(figures: dict) -> dict:
    """``figures``: what ``campaign_dashboard`` read for the user. Each chart: its title, its ``<svg>`` and the rows
    of its table; a chart with nothing to draw is ``None``."""
    return {
        "units": _units_chart(figures["units"]) if figures["units"]["labels"] else None,
        "officers": _officers_chart(figures["officers"]) if any(figures["officers"]["counts"]) else None,
        "trend": _trend_chart(figures["trend"]) if figures["trend"]["labels"] else None,
    }
