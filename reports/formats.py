"""Numbers as Vietnamese documents print them: "1.234.567", "84,5", "88,89%" (a comma before the
decimals, a dot between thousands), whatever the requesting user's interface language; and, for the charts
of the pages, numbers in the interface language's format (``page_number``, ``page_percent``)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats as django_formats
from django.utils.numberformat import format as number_format

DASH = "—"


def number(value, places: int | None = None) -> str:
    """``places`` decimals (rounded half up); ``None``: as many as the value has, trailing zeros dropped."""
    if value is None:
        return DASH
    if isinstance(value, float):
        value = Decimal(repr(value))
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if places is None:
        places = max(0, -value.normalize().as_tuple().exponent)
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number_format(value, ",", decimal_pos=places, grouping=3, thousand_sep=".", force_grouping=True)


def percent(value, places: int | None = None) -> str:
    return DASH if value is None else f"{number(value, places)}%"


def page_number(value, places: int) -> str:
    """In the interface language's format: "76,50" in Vietnamese (the project's format module), "76.50" in English."""
    return django_formats.number_format(value, places, use_l10n=True, force_grouping=True)


def page_percent(value, places: int = 2) -> str:
    return DASH if value is None else f"{page_number(value, places)}%"
