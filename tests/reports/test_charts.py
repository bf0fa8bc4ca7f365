"""Inline SVG charts for the PDF documents, and Vietnamese number formatting."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from reports import formats
from reports.charts import bar_chart_svg

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
