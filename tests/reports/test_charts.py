"""Inline SVG charts (the PDF documents, the director's dashboard, the campaign charts page), and Vietnamese
number formatting."""

import datetime
from decimal import Decimal
from xml.etree import ElementTree

import pytest

from reports import formats
from reports.charts import bar_chart_svg, line_chart_svg, short_label

pytestmark = pytest.mark.unit
SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str):
    return ElementTree.fromstring(svg)


def texts(svg: str) -> list[str]:
    return [t.text for t in parsed(svg).iter(f"{SVG}text")]


def test_one_bar_per_value_and_none_draws_no_bar():
    svg = bar_chart_svg(["Vị Thanh", "Long Mỹ", "Ngã Bảy"], [Decimal("85.5"), None, "72.25"], target=80)
    root = parsed(svg)
    assert root.get("width") == "160mm"
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]) == 2
    assert len([line for line in root.iter(f"{SVG}line") if line.get("class") == "target-line"]) == 1
    shown = [t for t in texts(svg) if t in {"Vị Thanh", "Long Mỹ", "Ngã Bảy", "85,5%", "—", "72,3%"}]
    assert shown == ["Vị Thanh", "85,5%", "Long Mỹ", "—", "Ngã Bảy", "72,3%"]


def test_labels_are_escaped_and_keep_their_vietnamese_letters():
    svg = bar_chart_svg(["<b>Chi cục & Phòng</b>", "Đắk Lắk – Ủy ban"], [1, 2], unit="", title="Tỷ lệ “về việc”")
    assert "<b>" not in svg and "&lt;b&gt;Chi cục &amp; Phòng&lt;/b&gt;" in svg
    assert {"<b>Chi cục & Phòng</b>", "Đắk Lắk – Ủy ban", "Tỷ lệ “về việc”"} <= set(texts(svg))


def test_values_are_written_the_vietnamese_way():
    svg = bar_chart_svg(["Tổng số"], [Decimal("1234.5")], unit="", places=1)
    assert "1.234,5" in texts(svg)
    assert "2.000" in texts(svg)  # the axis ends on a round number above the largest value


def test_targets_per_bar_draw_a_mark_on_each_bar():
    svg = bar_chart_svg(["A", "B"], ["77.88", "73.93"], target=["77.00", "76.00"], places=2)
    marks = [line for line in parsed(svg).iter(f"{SVG}line") if line.get("class") == "target-mark"]
    assert len(marks) == 2
    assert {"77,88%", "73,93%", "Mức chỉ tiêu"} <= set(texts(svg))


def test_long_labels_are_shortened_to_their_column():
    label = "Chi cục Thi hành án dân sự thành phố Vị Thanh, tỉnh Hậu Giang, khu vực I"
    shown = [t for t in texts(bar_chart_svg([label], [50], width_mm=120)) if t.startswith("Chi cục")]
    assert shown[0].endswith("…") and len(shown[0]) < len(label)


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        bar_chart_svg(["A", "B"], [1])
    with pytest.raises(ValueError):
        bar_chart_svg(["A"], [1], target=[1, 2])


@pytest.mark.parametrize(("value", "places", "expected"), [
    (Decimal("1234567"), None, "1.234.567"), (Decimal("88.885"), 2, "88,89"), (Decimal("80.00"), None, "80"),
    ("66.67", None, "66,67"), (1234.5, 1, "1.234,5"), (None, None, "—"),
])
def test_numbers(value, places, expected):
    assert formats.number(value, places) == expected


def test_percent():
    assert (formats.percent(Decimal("100.00"), 2), formats.percent(Decimal("50"))) == ("100,00%", "50%")


def _points(svg: str, n: int) -> list[tuple[float, float]]:
    """The centres of series ``n``'s point marks."""
    marks = [e for e in parsed(svg).iter() if e.get("class") == f"point-{n}"]
    return [(float(e.get("cx")), float(e.get("cy"))) if e.get("cx") else
            (round(float(e.get("x")) + 0.8, 2), round(float(e.get("y")) + 0.8, 2)) for e in marks]


def test_a_line_chart_is_named_and_marks_each_point_on_a_0_to_100_axis():
    svg = line_chart_svg([datetime.date(2024, 3, 31), "30/06/2024", datetime.date(2024, 9, 30)],
                         [("Về việc", [Decimal("0"), "50", 100]), ("Về tiền", [25, None, "76.5"])],
                         width_mm=100, height_mm=60, title="Diễn biến theo kỳ", description="Hai đường: việc và tiền.")
    root = parsed(svg)
    assert (root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text) == (
        "Diễn biến theo kỳ", "Hai đường: việc và tiền.")
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 100 60.00"
    # x: the three dates evenly from 19 mm to 89 mm (the grid runs from 12 mm to 100 - 4 mm, a date's half width
    # less 2.5 mm inside it); y: 0 % on the axis (60 - 14 mm), 100 % under the drawn title (7 + 5 mm)
    assert _points(svg, 0) == [(19.0, 46.0), (54.0, 29.0), (89.0, 12.0)]
    assert _points(svg, 1) == [(19.0, 37.5), (89.0, 19.99)]  # the missing money figure: no point
    ticks = ["0%", "25%", "50%", "75%", "100%"]
    assert [t for t in texts(svg) if t in ticks] == ticks
    assert {"31/03/2024", "30/06/2024", "30/09/2024", "Về việc", "Về tiền", "76,5%"} <= set(texts(svg))


def test_a_gap_breaks_the_line_and_a_lone_point_draws_no_line():
    svg = line_chart_svg(["a", "b", "c", "d"], [("Về việc", [10, 20, None, 40]), ("Về tiền", [None, 5, None, None])])
    lines = {e.get("class"): e.get("points") for e in parsed(svg).iter(f"{SVG}polyline")}
    assert list(lines) == ["series-0"] and len(lines["series-0"].split()) == 2  # a to b; d stands alone
    assert (len(_points(svg, 0)), len(_points(svg, 1))) == (3, 1)


def test_line_values_are_written_the_vietnamese_way_and_crowded_dates_thinned():
    svg = line_chart_svg(["31/03/2024", "30/06/2024"], [("Về việc", [Decimal("62.456"), "1234.5"])], unit="",
                         places=2)
    assert {"62,46", "1.234,50", "2.000"} <= set(texts(svg))  # the axis ends on a round number above the largest
    dates = [f"{day:02d}/01/2025" for day in range(1, 21)]
    shown = [t for t in texts(line_chart_svg(dates, [("Về việc", [50] * 20)], width_mm=90)) if t in dates]
    assert shown[0] == "20/01/2025" and 2 < len(shown) < 20  # the latest date always, then every n-th back
    assert "50,0%" not in texts(line_chart_svg(dates, [("Về việc", [50] * 20)], width_mm=90))  # values: the table


def test_line_chart_input_is_checked():
    with pytest.raises(ValueError):
        line_chart_svg(["a", "b"], [("Về việc", [1])])
    with pytest.raises(ValueError):
        line_chart_svg(["a"], [("1", [1]), ("2", [1]), ("3", [1])])


def test_counts_get_an_axis_on_whole_numbers():
    ticks = {"0", "1", "2", "3", "4", "6", "8"}
    assert [t for t in texts(bar_chart_svg(["< 50%", "≥ 90%"], [0, 0], unit="", places=0)) if t in ticks] == [
        "0", "1", "2", "3", "4", "0", "0"]
    assert [t for t in texts(bar_chart_svg(["< 50%", "≥ 90%"], [7, 2], unit="", places=0)) if t in ticks] == [
        "0", "2", "4", "6", "8", "2"]


@pytest.mark.parametrize(("label", "expected"), [
    ("Phòng THADS khu vực 1 (THADS Cần Thơ)", "Phòng THADS khu vực 1"), ("Chi cục Vị Thanh", "Chi cục Vị Thanh"),
    ("(Cần Thơ)", "(Cần Thơ)"), ("Phòng (cũ) khu vực 2", "Phòng (cũ) khu vực 2"),
])
def test_short_labels_drop_a_trailing_parenthesis(label, expected):
    assert short_label(label) == expected
