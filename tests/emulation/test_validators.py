"""Names and codes without hidden characters, and plausible dates: the table of what is refused."""

import datetime

import pytest

from emulation.validators import (
    DOCUMENT_DATES,
    WORK_START,
    birth_date_problem,
    clean_name,
    date_problem,
    hidden_characters,
    name_problem,
)

pytestmark = pytest.mark.unit

D = datetime.date
TODAY = D(2026, 12, 1)


@pytest.mark.parametrize(("text", "found"), [
    ("Nguyễn Văn An", []),
    ("CB\u200b001", ["U+200B"]),
    ("An\u200cBình\u200d", ["U+200C", "U+200D"]),
    ("\ufeffHG-01", ["U+FEFF"]),
    ("Word\u2060Joiner", ["U+2060"]),
    ("Cục \u202eTHADS", ["U+202E"]),
    ("\u202a\u202b\u202c\u202d", ["U+202A", "U+202B", "U+202C", "U+202D"]),
    ("\u2066x\u2067y\u2068z\u2069", ["U+2066", "U+2067", "U+2068", "U+2069"]),
    ("a\u200bb\u200bc", ["U+200B"]),          # each once
    ("Tab\tand a\u00a0space", []),            # visible white space is the formula check's business
])
def test_hidden_characters_are_named_by_code_point(text, found):
    assert hidden_characters(text) == found


def test_the_refusal_names_the_characters():
    assert name_problem("CB\u200b001\u202e") == (
        "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+200B, U+202E): hãy gõ lại, không dán từ nơi khác.")
    assert name_problem("CB001") is None


def test_names_come_out_in_nfc():
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed with combining marks
    assert clean_name(f"  {decomposed} ") == ("Nguyễn", None)


@pytest.mark.parametrize(("birth", "starts_on", "expected"), [
    (None, None, None),
    (D(1985, 3, 2), None, None),
    (D(1940, 1, 1), None, None),
    (D(1939, 12, 31), None, "Ngày sinh phải từ 01/01/1940 trở về sau."),
    (D(2090, 5, 1), None, "Ngày sinh không được ở tương lai."),
    (TODAY, None, None),
    (D(2026, 12, 2), None, "Ngày sinh không được ở tương lai."),
    (D(2000, 6, 15), D(2018, 6, 15), None),                      # 18 on the day
    (D(2000, 6, 15), D(2018, 6, 14),
     "Cán bộ phải đủ 18 tuổi khi bắt đầu công tác (ngày sinh 15/06/2000, bắt đầu 14/06/2018)."),
    (D(2004, 2, 29), D(2022, 2, 28), None),                      # a leap-day birth is 18 on 28 February
])
def test_birth_dates(birth, starts_on, expected):
    assert birth_date_problem(birth, today=TODAY, starts_on=starts_on) == expected


@pytest.mark.parametrize(("value", "window", "expected"), [
    (None, DOCUMENT_DATES, None),
    (D(2000, 1, 1), DOCUMENT_DATES, None),
    (D(2031, 12, 1), DOCUMENT_DATES, None),
    (D(1999, 12, 31), DOCUMENT_DATES, "Ngày 31/12/1999 không hợp lý: chỉ nhận từ 01/01/2000 đến 01/12/2031."),
    (D(2031, 12, 2), DOCUMENT_DATES, "Ngày 02/12/2031 không hợp lý: chỉ nhận từ 01/01/2000 đến 01/12/2031."),
    (D(1958, 1, 1), WORK_START, None),
    (D(2027, 12, 1), WORK_START, None),
    (D(2090, 1, 1), WORK_START, "Ngày 01/01/2090 không hợp lý: chỉ nhận từ 01/01/1958 đến 01/12/2027."),
])
def test_date_windows(value, window, expected):
    assert date_problem(value, today=TODAY, window=window) == expected
