"""Whole numbers typed with Vietnamese grouping: read strictly, shown grouped, in both languages."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from emulation.number_fields import GroupedIntegerField, parse_grouped


@pytest.mark.parametrize(("text", "separator", "number"), [
    ("1.234.567", ".", 1234567),
    ("1234567", ".", 1234567),
    (" 100.000.000.000 ", ".", 100_000_000_000),
    ("0", ".", 0),
    ("999", ".", 999),
    ("1.000", ".", 1000),
    ("1,234,567", ",", 1234567),
    ("1.2.3", ".", None),          # groups of three only
    ("12.34", ".", None),
    ("1.2345", ".", None),
    (".123", ".", None),
    ("1.234.", ".", None),
    ("1,5", ".", None),            # a decimal comma in a whole number
    ("1,234", ".", None),          # the other language's grouping
    ("1 234", ".", None),
    ("-5", ".", None),
    ("", ".", None),
    ("１２３", ".", None),           # full-width digits are not typed by accident
    ("1e6", ".", None),
])
def test_parse_grouped(text, separator, number):
    assert parse_grouped(text, separator) == number


class Figures(forms.Form):
    money = GroupedIntegerField()


def test_the_field_reads_and_shows_grouping_in_the_interface_language():
    with translation.override("vi"):
        form = Figures({"money": "2.500.000"})
        assert form.is_valid() and form.cleaned_data["money"] == 2_500_000
        html = str(Figures(initial={"money": 2_500_000})["money"])
        assert 'value="2.500.000"' in html and 'inputmode="numeric"' in html and 'type="text"' in html
        assert 'min="' not in html
        assert 'value="100.000.000.000"' in str(Figures(initial={"money": Decimal("100000000000")})["money"])
        bad = Figures({"money": "2.50.000"})
        assert bad.errors["money"] == ["Nhập số nguyên, chỉ gồm chữ số, có thể nhóm hàng nghìn bằng dấu chấm: "
                                       "1.234.567."]
        assert Figures({"money": "-1"}).errors["money"]
    with translation.override("en"):
        assert Figures({"money": "2,500,000"}).is_valid()
        assert 'value="2,500,000"' in str(Figures(initial={"money": 2_500_000})["money"])
        assert Figures({"money": "2.500.000"}).errors["money"] == [
            "Enter a whole number, digits only; thousands may be grouped with commas: 1,234,567."]
