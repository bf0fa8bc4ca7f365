"""Plausibility of what people type: names and codes, and dates.

Pure functions over plain values; ``today`` is passed in. Each returns the reason (a Vietnamese
sentence) or None; forms and importers show the reason as they show their other errors.

Names and codes (units, officers, plan and campaign titles, target codes) are NFC-normalised and may
not hold characters that are invisible on screen or reorder the text around them: zero-width
(U+200B–U+200D, U+2060, U+FEFF) and bidirectional controls (U+202A–U+202E, U+2066–U+2069). Two codes
that look the same must be the same code.

Dates, per field (``DATE_WINDOWS``): a birth date lies between 01/01/1940 and today, and makes the
person at least 18 on the day they start work; a start of work lies between 01/01/1958 and a year
from now; the dates of plans, campaigns, milestones and results lie between 01/01/2000 and five
years from now.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .text import nfc

ZERO_WIDTH = {"\u200b": "U+200B", "\u200c": "U+200C", "\u200d": "U+200D", "\u2060": "U+2060", "\ufeff": "U+FEFF"}
BIDI_CONTROLS = {chr(code): f"U+{code:04X}" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
HIDDEN = ZERO_WIDTH | BIDI_CONTROLS

EARLIEST_BIRTH = datetime.date(1940, 1, 1)
ADULT_AGE = 18


@dataclass(frozen=True)
class Window:
    """Dates from ``earliest`` to ``years_ahead`` years after today (0: today at the latest)."""

    earliest: datetime.date
    years_ahead: int


DOCUMENT_DATES = Window(datetime.date(2000, 1, 1), 5)
WORK_START = Window(datetime.date(1958, 1, 1), 1)
DATE_WINDOWS = {"document": DOCUMENT_DATES, "work_start": WORK_START}


def hidden_characters(text: str) -> list[str]:
    """The code points of the invisible or bidi-control characters in ``text``, in order, once each."""
    return list(dict.fromkeys(HIDDEN[ch] for ch in text or "" if ch in HIDDEN))


def name_problem(text: str) -> str | None:
    """Why ``text`` may not be a name or a code, or None."""
    found = hidden_characters(text)
    if not found:
        return None
    return _("Có ký tự ẩn hoặc ký tự đảo chiều văn bản (%(codes)s): hãy gõ lại, không dán từ nơi khác.") % {
        "codes": ", ".join(found)}


def clean_name(text: str) -> tuple[str, str | None]:
    """``text`` in NFC, and the reason it is refused (or None)."""
    text = nfc(text)
    return text, name_problem(text)


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def birth_date_problem(birth: datetime.date | None, *, today: datetime.date,
                       starts_on: datetime.date | None = None) -> str | None:
    """A birth date between 1940 and today, 18 years or more before the start of work."""
    if birth is None:
        return None
    if birth > today:
        return _("Ngày sinh không được ở tương lai.")
    if birth < EARLIEST_BIRTH:
        return _("Ngày sinh phải từ 01/01/1940 trở về sau.")
    if starts_on is not None and _years_after(birth, ADULT_AGE) > starts_on:
        return _("Cán bộ phải đủ 18 tuổi khi bắt đầu công tác (ngày sinh %(birth)s, bắt đầu %(start)s).") % {
            "birth": f"{birth:%d/%m/%Y}", "start": f"{starts_on:%d/%m/%Y}"}
    return None


def date_problem(value: datetime.date | None, *, today: datetime.date, window: Window = DOCUMENT_DATES) -> str | None:
    """A date inside ``window``, or the reason it is not."""
    if value is None:
        return None
    latest = _years_after(today, window.years_ahead)
    if window.earliest <= value <= latest:
        return None
    return _("Ngày %(day)s không hợp lý: chỉ nhận từ %(earliest)s đến %(latest)s.") % {
        "day": f"{value:%d/%m/%Y}", "earliest": f"{window.earliest:%d/%m/%Y}", "latest": f"{latest:%d/%m/%Y}"}
