"""Charts for the PDF documents, drawn on the server as inline SVG: WeasyPrint lays SVG out like any
other element, so a chart prints sharp and its text stays text. (The web pages draw the same
figures with Chart.js in the browser.)

Plain functions over plain values: labels and numbers in, an ``<svg>`` string out. All lengths are
in millimetres (the viewBox is in mm), text in the documents' font."""

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


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def _scale_top(values: list[Decimal], unit: str) -> Decimal:
    """The axis end: 100 for percentages up to 100, else the largest value rounded up to a round number."""
    largest = max(values, default=Decimal(0))
    if unit == "%" and largest <= 100:
        return Decimal(100)
    if largest <= 0:
        return Decimal(1)
    step = Decimal(10) ** (len(str(int(largest))) - 1)
    return ((largest / step).to_integral_value(rounding="ROUND_CEILING")) * step


def _fit(label: str, width_mm: float) -> str:
    """Shorten a label to about the width of its column (serif text is about half an em per letter)."""
    room = max(4, int(width_mm / (TEXT_MM * 0.48)))
    return label if len(label) <= room else label[:room - 1].rstrip() + "…"


def _text(x, y, content, *, anchor="start", size=TEXT_MM, weight="normal", fill="#000") -> str:
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}" font-weight="{weight}" text-anchor="{anchor}" '
            f'fill="{fill}">{escape(content)}</text>')


def bar_chart_svg(labels: Sequence[str], values: Sequence, *, target=None, width_mm: float = 160,
                  height_mm: float | None = None, unit: str = "%", places: int = 1, title: str = "") -> str:
    """Horizontal bars, one per label, with its value written at the bar's end ("84,5%").

    ``target``: one number (a dashed line across the chart) or one per bar (a mark on each bar, for
    targets that differ by bracket); ``None`` values draw no bar and read "—". ``height_mm``: the
    whole chart's height (by default, what the bars need)."""
    if len(labels) != len(values):
        raise ValueError("one value per label")
    values = [_decimal(v) for v in values]
    per_bar = target is not None and not isinstance(target, int | float | Decimal | str)
    targets = [_decimal(t) for t in target] if per_bar else [_decimal(target)] * len(values)
    if per_bar and len(targets) != len(values):
        raise ValueError("one target per label")
    title_mm = 7.0 if title else 0.0
    rows_mm = max(1, len(labels)) * ROW_MM
    height = height_mm or title_mm + TOP_MM + rows_mm + BOTTOM_MM
    row = (height - title_mm - TOP_MM - BOTTOM_MM) / max(1, len(labels))
    label_w = width_mm * 0.36
    left, right = label_w + 2, width_mm - 16
    top = title_mm + TOP_MM
    scale = _scale_top([v for v in (*values, *targets) if v is not None], unit)

    def x_of(value: Decimal) -> float:
        return left + float(min(value, scale) / scale) * (right - left)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="{width_mm}mm" height="{height:.2f}mm" '
             f'viewBox="0 0 {width_mm} {height:.2f}" font-family="{FONT}">']
    if title:
        parts.append(_text(width_mm / 2, 5, title, anchor="middle", size=3.7, weight="bold"))
    for tick in range(5):
        tick_value = scale * tick / 4
        x = x_of(tick_value)
        parts.append(f'<line x1="{x:.2f}" y1="{top - 1:.2f}" x2="{x:.2f}" y2="{top + row * len(labels):.2f}" '
                     f'stroke="{GRID_COLOUR}" stroke-width="0.2"/>')
        parts.append(_text(x, top - 2, number(tick_value, 0) + unit, anchor="middle", size=2.8))
    for index, (label, value, goal) in enumerate(zip(labels, values, targets, strict=True)):
        y = top + index * row
        parts.append(_text(label_w, y + row / 2 + TEXT_MM * 0.35, _fit(str(label), label_w), anchor="end"))
        if value is not None:
            end = x_of(value)
            parts.append(f'<rect class="bar" x="{left:.2f}" y="{y + row * 0.18:.2f}" '
                         f'width="{max(0.0, end - left):.2f}" height="{row * 0.64:.2f}" fill="{BAR_COLOUR}"/>')
        shown = "—" if value is None else number(value, places) + unit
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
        parts.append(_legend(width_mm, bottom + 6))
    parts.append("</svg>")
    return "".join(parts)


def _legend(width_mm: float, y: float) -> str:
    x = width_mm / 2 - 30
    return (f'<rect x="{x:.2f}" y="{y - 2.6:.2f}" width="6" height="3" fill="{BAR_COLOUR}"/>'
            + _text(x + 8, y, "Kết quả thực hiện", size=2.9)
            + f'<line x1="{x + 40:.2f}" y1="{y - 3:.2f}" x2="{x + 40:.2f}" y2="{y + 0.6:.2f}" stroke="{TARGET_COLOUR}" '
              f'stroke-width="0.6"/>'
            + _text(x + 42, y, "Mức chỉ tiêu", size=2.9))
