"""The director's charts on the dashboard (Thủ trưởng cơ quan): completion by unit in the running campaigns and
completion by cases year on year, drawn as inline SVG (``reports.charts``) with their figures for a table.
Renders what ``campaigns.selectors.completion`` reads; lists and strings only, so that the page cache keeps them."""

from django.utils.translation import gettext as _

from campaigns.models import CampaignKind
from campaigns.selectors import completion

from . import charts
from .formats import page_number, page_percent


def _now_chart(chart: dict) -> dict:
    cases = chart["metric"] == "completion_cases"
    title = _("Tỷ lệ thi hành xong về việc") if cases else _("Tỷ lệ thi hành xong về tiền")
    svg = charts.bar_chart_svg(
        [charts.short_label(label) for label in chart["labels"]],
        chart["actual"],
        target=chart["target"],
        width_mm=charts.PAGE_WIDTH_MM,
        places=2,
        title=title,
        description=_("Mỗi thanh là tỷ lệ của một đơn vị; vạch đỏ là mức chỉ tiêu của đơn vị đó."),
        legend=(_("Kết quả thực hiện"), _("Mức chỉ tiêu")),
        fmt=page_number,
        caption=False,
        label_share=charts.PAGE_LABELS,
    )
    rows = [
        (label, page_percent(actual), page_percent(level))
        for label, actual, level in zip(chart["labels"], chart["actual"], chart["target"], strict=True)
    ]
    return {"campaign": chart["campaign"], "title": title, "svg": svg, "rows": rows, "more": chart["more"]}


def _year_chart(data: dict) -> dict | None:
    if not data["years"]:
        return None
    labels = [label for label, _rates in data["lines"]]
    series = [(str(year), [rates[n] for _label, rates in data["lines"]]) for n, year in enumerate(data["years"])]
    title = _("Tỷ lệ thi hành xong về việc qua các năm")
    svg = charts.grouped_bar_chart_svg(
        [charts.short_label(label) for label in labels],
        series,
        width_mm=charts.PAGE_WIDTH_MM,
        places=2,
        title=title,
        description=_("Mỗi nhóm thanh là một đơn vị, mỗi thanh là một năm, từ năm cũ đến năm mới."),
        fmt=page_number,
        caption=False,
        label_share=charts.PAGE_LABELS,
    )
    rows = [(label, [page_percent(rate) for rate in rates]) for label, rates in data["lines"]]
    return {"title": title, "svg": svg, "years": data["years"], "rows": rows, "more": data["more"]}


def director_charts(user, today, running, *, kind: str = "") -> dict:
    """``running``: the running campaigns in the user's scope (the dashboard has them already)."""
    yearly = completion.completion_by_year(user, today, kind=kind)
    labels = dict(CampaignKind.choices)
    return {
        "now": [_now_chart(chart) for chart in completion.completion_now(user, running)],
        "by_year": _year_chart(yearly),
        "kind": yearly["kind"],
        "kinds": [(k, str(labels[k])) for k in yearly["kinds"]],
    }
