"""Whole numbers typed with Vietnamese grouping: read strictly, shown grouped, in both languages."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from emulation.number_fields import GroupedIntegerField, LocalizedDecimalField, parse_decimal, parse_grouped


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


@pytest.mark.parametrize(("text", "number"), [
    ("76,5", Decimal("76.5")), ("76", Decimal("76")), ("0,25", Decimal("0.25")), ("1.234,5", Decimal("1234.5")),
    ("100", Decimal("100")),
    ("7.5", None),      # an English decimal point is not read as grouping (it would be 75)
    ("76,", None), (",5", None), ("76,5,1", None), ("-1", None), ("abc", None), ("12.34,5", None),
])
def test_parse_decimal_the_vietnamese_way(text, number):
    assert parse_decimal(text, ",", ".") == number


def test_parse_decimal_the_english_way():
    assert parse_decimal("76.5", ".", ",") == Decimal("76.5") and parse_decimal("76,5", ".", ",") is None


class Tier(forms.Form):
    value = LocalizedDecimalField(max_digits=5, decimal_places=2)


def test_the_decimal_field_reads_and_shows_the_decimal_comma():
    with translation.override("vi"):
        assert Tier({"value": "36,5"}).is_valid()
        assert Tier({"value": "7.5"}).errors["value"] == ["Nhập một số, phần thập phân sau dấu phẩy: 76,5."]
        assert 'value="36,50"' in str(Tier(initial={"value": Decimal("36.50")})["value"])
        assert 'inputmode="decimal"' in str(Tier()["value"])
