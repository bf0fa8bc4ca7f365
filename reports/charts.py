"""Charts drawn on the server as inline SVG, for the PDF documents (WeasyPrint lays SVG out like any
other element, so a chart prints sharp and its text stays text) and for the director's dashboard
and the campaign charts page (``<title>`` and ``<desc>`` name the chart for screen readers; the pages put the
figures in a table too).

Plain functions over plain values: labels and numbers in, an ``<svg>`` string out. All lengths are
in millimetres (the viewBox is in mm), text in the documents' font."""

import datetime
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from .formats import number

FONT = "Doc Serif, Liberation Serif, Times New Roman, serif"
BAR_COLOUR = "#2f5d8a"
TARGET_COLOUR = "#b22222"
GRID_COLOUR = "#b0b0b0"
ROW_MM = 6.5
TEXT_MM = 3.2  # about 9 pt
TOP_MM, BOTTOM_MM = 7.0, 9.0
PAGE_WIDTH_MM = 90  # the pages' charts: text stays readable from a 390 px screen (about 11 px) to the widest box
PAGE_LABELS = 0.42  # of a page chart's width: names such as "Phòng THADS khu vực 1" in full


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def _scale_top(values: list[Decimal], unit: str, *, whole: bool = False) -> Decimal:
    """The axis end: 100 for percentages up to 100, else the largest value rounded up to a round number;
    ``whole`` (counts): a multiple of 4, so that the five grid lines fall on whole numbers."""
    largest = max(values, default=Decimal(0))
    if unit == "%" and largest <= 100:
        return Decimal(100)
    if largest <= 0:
        return Decimal(4) if whole else Decimal(1)
    step = Decimal(10) ** (len(str(int(largest))) - 1)
    top = ((largest / step).to_integral_value(rounding="ROUND_CEILING")) * step
    return (top / 4).to_integral_value(rounding="ROUND_CEILING") * 4 if whole else top


def _fit(label: str, width_mm: float) -> str:
    """Shorten a label to about the width of its column (serif text is about half an em per letter)."""
    room = max(4, int((width_mm - 1) / (TEXT_MM * 0.5)))
    return label if len(label) <= room else label[:room - 1].rstrip() + "…"


def short_label(label: str) -> str:
    """A page chart's label without a trailing parenthesis ("Phòng THADS khu vực 1 (THADS Cần Thơ)" → "Phòng THADS
    khu vực 1"): a page's charts hold one scope, the table under them the whole name."""
    return re.sub(r"\s*\([^()]*\)$", "", label) or label


def _text(x, y, content, *, anchor="start", size=TEXT_MM, weight="normal", fill="#000") -> str:
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}" font-weight="{weight}" text-anchor="{anchor}" '
            f'fill="{fill}">{escape(content)}</text>')


def _open(width_mm: float, height: float, title: str, description: str) -> str:
    """The ``<svg>`` element, named by ``title`` and described by ``description`` for screen readers."""
    named = f' role="img" aria-label="{escape(title)}"' if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="{width_mm}mm" height="{height:.2f}mm" '
            f'viewBox="0 0 {width_mm} {height:.2f}" font-family="{FONT}"{named}>'
            + (f"<title>{escape(title)}</title>" if title else "")
            + (f"<desc>{escape(description)}</desc>" if description else ""))


def bar_chart_svg(labels: Sequence[str], values: Sequence, *, target=None, width_mm: float = 160,
                  height_mm: float | None = None, unit: str = "%", places: int = 1, title: str = "",
                  description: str = "", legend: tuple[str, str] = ("Kết quả thực hiện", "Mức chỉ tiêu"),
                  fmt=number, caption: bool = True, label_share: float = 0.36) -> str:
    """Horizontal bars, one per label, with its value written at the bar's end ("84,5%").

    ``target``: one number (a dashed line across the chart) or one per bar (a mark on each bar, for
    targets that differ by bracket); ``None`` values draw no bar and read "—". ``height_mm``: the
    whole chart's height (by default, what the bars need). ``title`` is drawn on top and names the
    chart, ``description`` says what it shows; ``legend``: the words for the bars and the target;
    ``fmt(value, places)``: the numbers' text (the documents' Vietnamese by default); ``caption=False``
    leaves the title undrawn (a page heading says it); ``label_share``: the part of the width the labels get.
    Counts (``places=0``, a ``unit`` other than "%") get an axis on whole numbers."""
    if len(labels) != len(values):
        raise ValueError("one value per label")
    values = [_decimal(v) for v in values]
    per_bar = target is not None and not isinstance(target, int | float | Decimal | str)
    targets = [_decimal(t) for t in target] if per_bar else [_decimal(target)] * len(values)
    if per_bar and len(targets) != len(values):
        raise ValueError("one target per label")
    title_mm = 7.0 if title and caption else 0.0
    rows_mm = max(1, len(labels)) * ROW_MM
    height = height_mm or title_mm + TOP_MM + rows_mm + BOTTOM_MM
    row = (height - title_mm - TOP_MM - BOTTOM_MM) / max(1, len(labels))
    label_w = width_mm * label_share
    left, right = label_w + 2, width_mm - 16
    top = title_mm + TOP_MM
    scale = _scale_top([v for v in (*values, *targets) if v is not None], unit, whole=places == 0 and unit != "%")

    def x_of(value: Decimal) -> float:
        return left + float(min(value, scale) / scale) * (right - left)

    parts = [_open(width_mm, height, title, description)]
    if title_mm:
        parts.append(_text(width_mm / 2, 5, title, anchor="middle", size=3.7, weight="bold"))
    parts.extend(_grid(x_of, scale, top, top + row * len(labels), unit, fmt))
    for index, (label, value, goal) in enumerate(zip(labels, values, targets, strict=True)):
        y = top + index * row
        parts.append(_text(label_w, y + row / 2 + TEXT_MM * 0.35, _fit(str(label), label_w), anchor="end"))
        if value is not None:
            end = x_of(value)
            parts.append(f'<rect class="bar" x="{left:.2f}" y="{y + row * 0.18:.2f}" '
                         f'width="{max(0.0, end - left):.2f}" height="{row * 0.64:.2f}" fill="{BAR_COLOUR}"/>')
        shown = "—" if value is None else fmt(value, places) + unit
        ends = [x_of(v) for v in (value, goal if per_bar else None) if v is not None]
        parts.append(_text(max(ends, default=left) + 1, y + row / 2 + TEXT_MM * 0.35, shown, size=2.9))
        if per_bar and goal is not None:
            x = x_of(goal)
            parts.append(f'<line class="target-mark" x1="{x:.2f}" y1="{y + row * 0.05:.2f}" x2="{x:.2f}" '
                         f'y2="{y + row * 0.95:.2f}" stroke="{TARGET_COLOUR}" stroke-width="0.6"/>')
    bottom = top + row * len(labels)
    parts.append(f'<line x1="{left:.2f}" y1="{top - 1:.2f}" x2="{left:.2f}" y2="{bottom:.2f}" stroke="#000" '
                 f'stroke-width="0.3"/>')
    if target is not None and not per_bar and targets and targets[0] is not None:
        x = x_of(targets[0])
        parts.append(f'<line class="target-line" x1="{x:.2f}" y1="{top - 1:.2f}" x2="{x:.2f}" y2="{bottom:.2f}" '
                     f'stroke="{TARGET_COLOUR}" stroke-width="0.5" stroke-dasharray="1.5,1"/>')
    if target is not None:
        parts.append(_legend(width_mm, bottom + 6, legend))
    parts.append("</svg>")
    return "".join(parts)


def _grid(x_of, scale: Decimal, top: float, bottom: float, unit: str, fmt) -> list[str]:
    """Five vertical grid lines with their values above the chart (0 to the axis end)."""
    parts = []
    for tick in range(5):
        tick_value = scale * tick / 4
        x = x_of(tick_value)
        parts.append(f'<line x1="{x:.2f}" y1="{top - 1:.2f}" x2="{x:.2f}" y2="{bottom:.2f}" '
                     f'stroke="{GRID_COLOUR}" stroke-width="0.2"/>')
        parts.append(_text(x, top - 2, fmt(tick_value, 0) + unit, anchor="middle", size=2.8))
    return parts


def _legend(width_mm: float, y: float, words: tuple[str, str]) -> str:
    x = width_mm / 2 - 30
    return (f'<rect x="{x:.2f}" y="{y - 2.6:.2f}" width="6" height="3" fill="{BAR_COLOUR}"/>'
            + _text(x + 8, y, words[0], size=2.9)
            + f'<line x1="{x + 40:.2f}" y1="{y - 3:.2f}" x2="{x + 40:.2f}" y2="{y + 0.6:.2f}" stroke="{TARGET_COLOUR}" '
              f'stroke-width="0.6"/>'
            + _text(x + 42, y, words[1], size=2.9))


SERIES_COLOURS = ("#9aa9b8", "#5b7fa6", "#2f5d8a", "#1b3a5c", "#7a1f1f")  # oldest to newest, distinct in grey too


def grouped_bar_chart_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence]], *, width_mm: float = 160,
                          unit: str = "%", places: int = 1, title: str = "", description: str = "",
                          fmt=number, caption: bool = True, label_share: float = 0.34) -> str:
    """Horizontal bars in groups: one group per label, one bar per series (a year, say) with its value at the
    bar's end; ``None`` draws no bar and reads "—". The legend under the chart names the series; ``title``,
    ``description``, ``fmt``, ``caption`` and ``label_share`` as for ``bar_chart_svg``."""
    if any(len(values) != len(labels) for _name, values in series):
        raise ValueError("one value per label in every series")
    if len(series) > len(SERIES_COLOURS):
        raise ValueError(f"at most {len(SERIES_COLOURS)} series")
    columns = [[_decimal(v) for v in values] for _name, values in series]
    bar = 4.2
    group = bar * max(1, len(series)) + 2.5
    title_mm = 7.0 if title and caption else 0.0
    top = title_mm + TOP_MM
    bottom = top + group * max(1, len(labels))
    height = bottom + BOTTOM_MM
    label_w = width_mm * label_share
    left, right = label_w + 2, width_mm - 16
    scale = _scale_top([v for column in columns for v in column if v is not None], unit)

    def x_of(value: Decimal) -> float:
        return left + float(min(value, scale) / scale) * (right - left)

    parts = [_open(width_mm, height, title, description)]
    if title_mm:
        parts.append(_text(width_mm / 2, 5, title, anchor="middle", size=3.7, weight="bold"))
    parts.extend(_grid(x_of, scale, top, bottom, unit, fmt))
    for index, label in enumerate(labels):
        y = top + index * group + 1.25
        parts.append(_text(label_w, y + bar * len(series) / 2 + TEXT_MM * 0.35, _fit(str(label), label_w),
                           anchor="end"))
        for n, column in enumerate(columns):
            value, bar_y = column[index], y + n * bar
            if value is not None:
                parts.append(f'<rect class="bar" x="{left:.2f}" y="{bar_y + 0.3:.2f}" '
                             f'width="{max(0.0, x_of(value) - left):.2f}" height="{bar - 0.6:.2f}" '
                             f'fill="{SERIES_COLOURS[n]}"/>')
            shown = "—" if value is None else fmt(value, places) + unit
            end = x_of(value) if value is not None else left
            parts.append(_text(end + 1, bar_y + bar / 2 + 1, shown, size=2.6))
    parts.append(f'<line x1="{left:.2f}" y1="{top - 1:.2f}" x2="{left:.2f}" y2="{bottom:.2f}" stroke="#000" '
                 f'stroke-width="0.3"/>')
    step = min(24.0, (width_mm - 4) / max(1, len(series)))
    for n, (name, _values) in enumerate(series):
        x = 2 + n * step
        parts.append(f'<rect x="{x:.2f}" y="{bottom + 3.4:.2f}" width="5" height="3" fill="{SERIES_COLOURS[n]}"/>'
                     + _text(x + 6.5, bottom + 6, str(name), size=2.9))
    parts.append("</svg>")
    return "".join(parts)


LINE_COLOURS = (BAR_COLOUR, SERIES_COLOURS[4])  # blue and dark red; the second also dashed, with square points
LINE_DASHES = ("", ' stroke-dasharray="2,1"')
DATE_MM = 19.0  # room for one "dd/mm/yyyy" on the x axis (the line chart's text is the labels' size, for phones)


def _date_text(label) -> str:
    return label.strftime("%d/%m/%Y") if isinstance(label, datetime.date) else str(label)


def line_chart_svg(labels: Sequence, series: Sequence[tuple[str, Sequence]], *, width_mm: float = 160,
                   height_mm: float = 60, unit: str = "%", places: int = 1, title: str = "", description: str = "",
                   fmt=number, caption: bool = True) -> str:
    """Lines over evenly spaced points on the x axis (reporting dates: ``datetime.date`` labels read dd/mm/yyyy),
    at most two series, each point marked; when the points stand far enough apart, each value is written by its
    point, else only every n-th date is written (the latest always; the page's table has them all). The y axis
    runs 0–100 for percentages up to 100 (else to a round number). ``None`` draws no point and breaks the line.
    The legend under the chart names the series; ``title``, ``description``, ``fmt`` and ``caption`` as for
    ``bar_chart_svg``."""
    if any(len(values) != len(labels) for _name, values in series):
        raise ValueError("one value per label in every series")
    if len(series) > len(LINE_COLOURS):
        raise ValueError(f"at most {len(LINE_COLOURS)} series")
    columns = [[_decimal(v) for v in values] for _name, values in series]
    title_mm = 7.0 if title and caption else 0.0
    top, bottom = title_mm + 5.0, height_mm - 14.0
    left, right = 12.0, width_mm - 4.0  # the grid; the points keep half a date's width off its ends
    first, last = left + DATE_MM / 2 - 2.5, right - DATE_MM / 2 + 2.5
    scale = _scale_top([v for column in columns for v in column if v is not None], unit)
    count = len(labels)

    def x_of(index: int) -> float:
        return (first + last) / 2 if count == 1 else first + index * (last - first) / (count - 1)

    def y_of(value: Decimal) -> float:
        return bottom - float(min(max(value, Decimal(0)), scale) / scale) * (bottom - top)

    parts = [_open(width_mm, height_mm, title, description)]
    if title_mm:
        parts.append(_text(width_mm / 2, 5, title, anchor="middle", size=3.7, weight="bold"))
    for tick in range(5):
        tick_value = scale * tick / 4
        y = y_of(tick_value)
        parts.append(f'<line x1="{left:.2f}" y1="{y:.2f}" x2="{right:.2f}" y2="{y:.2f}" stroke="{GRID_COLOUR}" '
                     f'stroke-width="0.2"/>')
        parts.append(_text(left - 1, y + 1.1, fmt(tick_value, 0) + unit, anchor="end"))
    parts.append(f'<line x1="{left:.2f}" y1="{bottom:.2f}" x2="{right:.2f}" y2="{bottom:.2f}" stroke="#000" '
                 f'stroke-width="0.3"/>')
    every = 1 if count < 2 else math.ceil(DATE_MM * (count - 1) / (last - first))  # dates that do not overlap
    for index in range(count - 1, -1, -every):  # from the latest date back
        parts.append(_text(x_of(index), bottom + 4.5, _date_text(labels[index]), anchor="middle"))
    for n, column in enumerate(columns):
        parts.extend(_line(column, x_of, y_of, n, (unit, places, fmt) if every == 1 else None))
    step = min(40.0, (width_mm - 4) / max(1, len(series)))
    for n, (name, _values) in enumerate(series):
        x = left + n * step
        parts.append(f'<line x1="{x:.2f}" y1="{bottom + 9:.2f}" x2="{x + 6:.2f}" y2="{bottom + 9:.2f}" '
                     f'stroke="{LINE_COLOURS[n]}" stroke-width="0.7"{LINE_DASHES[n]}/>'
                     + _text(x + 7.5, bottom + 10.2, str(name)))
    parts.append("</svg>")
    return "".join(parts)


def _line(column: list, x_of, y_of, n: int, values) -> list[str]:
    """One series: a polyline through each run of points without a gap, a mark at each point and, when
    ``values`` is ``(unit, places, fmt)`` (the points far enough apart), its value next to it."""
    parts, run = [], []
    for index, value in enumerate([*column, None]):
        if value is not None:
            run.append((x_of(index), y_of(value), value))
            continue
        if len(run) > 1:
            points = " ".join(f"{x:.2f},{y:.2f}" for x, y, _v in run)
            parts.append(f'<polyline class="series-{n}" points="{points}" fill="none" stroke="{LINE_COLOURS[n]}" '
                         f'stroke-width="0.7"{LINE_DASHES[n]}/>')
        for x, y, shown in run:
            if n == 0:
                parts.append(f'<circle class="point-{n}" cx="{x:.2f}" cy="{y:.2f}" r="0.9" fill="{LINE_COLOURS[n]}"/>')
            else:
                parts.append(f'<rect class="point-{n}" x="{x - 0.8:.2f}" y="{y - 0.8:.2f}" width="1.6" height="1.6" '
                             f'fill="{LINE_COLOURS[n]}"/>')
            if values:
                unit, places, fmt = values
                parts.append(_text(x, y - 1.6 if n == 0 else y + 3.9, fmt(shown, places) + unit, anchor="middle",
                                   size=2.9, fill=LINE_COLOURS[n]))
        run = []
    return parts
