"""Filters read from a page's query string. A value that cannot be what the filter wants is ignored (the
page then shows everything unfiltered), so no query parameter can cause a server error; a NUL byte
anywhere in the query string is answered 400 by ``middleware.RefuseNulBytesMiddleware`` first."""

ID_MAX = 2**63 - 1  # the largest id PostgreSQL's bigint (and SQLite's integer) can hold
YEARS = (1, 9999)  # what a date can hold


def integer(value, *, low: int = 0, high: int = ID_MAX) -> int | None:
    """``"12"`` → 12; anything else (text, "-1", "１２", "²", a number outside low..high, None) → None."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(high)):
        return None
    number = int(text)
    return number if low <= number <= high else None


def year(value) -> int | None:
    return integer(value, low=YEARS[0], high=YEARS[1])
