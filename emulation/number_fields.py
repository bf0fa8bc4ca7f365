"""Numbers typed as people write them: "1.234.567" (Vietnamese grouping) or "1234567", "76,5".

Money and counts of cases run to twelve digits; a ``type=number`` box refuses the dots and shows a bare
string of digits. These fields show the value grouped in the interface language's separator (``.`` in
Vietnamese, ``,`` in English) and read it back strictly: either digits only, or groups of exactly three
digits after the first — "1.2.3", "12.34" or "1,5" are refused with a sentence that shows the right form,
never silently read as another number.
"""

import re
from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _


def _whole(separator: str) -> str:
    return rf"(?:[0-9]+|[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}})+)"


def parse_grouped(text: str, separator: str) -> int | None:
    """``text`` as a whole number ≥ 0, or None when it is not written as one (``separator`` between
    thousands, optional)."""
    text = text.strip()
    if not re.fullmatch(_whole(separator), text):
        return None
    return int(text.replace(separator, ""))


def parse_decimal(text: str, decimal: str, separator: str) -> Decimal | None:
    """``text`` as a number ≥ 0 with an optional fraction after ``decimal`` ("76,5"; "1.234,5" grouped), or
    None. The other language's decimal mark is refused, never read as grouping ("7.5" is not 75)."""
    text = text.strip()
    match = re.fullmatch(rf"({_whole(separator)})(?:{re.escape(decimal)}([0-9]+))?", text)
    if not match:
        return None
    return Decimal(f"{match.group(1).replace(separator, '')}.{match.group(2) or '0'}")


class GroupedNumberInput(forms.TextInput):
    """A text box for digits (the phone's number pad), showing the value grouped."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int | Decimal) or (isinstance(value, str) and value.isdigit()):
            return formats.number_format(int(value), force_grouping=True)
        return super().format_value(value)


class GroupedIntegerField(forms.IntegerField):
    widget = GroupedNumberInput
    default_error_messages = {
        "invalid": _("Nhập số nguyên, chỉ gồm chữ số, có thể nhóm hàng nghìn bằng dấu chấm: 1.234.567."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("max_digits", None)  # from a model's DecimalField with no decimals (tier bounds)
        kwargs.pop("decimal_places", None)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.widget.attrs.pop("min", None)  # a text box: the range is checked here, with a sentence
        self.widget.attrs.pop("max", None)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        number = parse_grouped(str(value), formats.get_format("THOUSAND_SEPARATOR"))
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class LocalizedDecimalField(forms.DecimalField):
    """A percentage or a measure with decimals, typed with the interface language's decimal mark, read strictly."""

    default_error_messages = {"invalid": _("Nhập một số, phần thập phân sau dấu phẩy: 76,5.")}

    def __init__(self, **kwargs):
        kwargs["localize"] = True
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="decimal", autocomplete="off")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        number = parse_decimal(str(value), formats.get_format("DECIMAL_SEPARATOR"),
                               formats.get_format("THOUSAND_SEPARATOR"))
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number
