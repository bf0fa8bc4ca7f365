"""Limits an uploaded workbook must keep before anyone parses it.

An .xlsx is a zip of XML parts. A few hundred kilobytes can expand to gigabytes (a zip bomb) or hold
millions of shared strings that openpyxl expands before the first row is read; such a file must be refused
from its zip directory — sizes and counts the archive declares — without decompressing anything large.
``check`` reads only the directory and the first bytes of the parts it needs. It runs on the upload form (a
clear message at once, nothing stored) and again in the worker before parsing (a file that reached storage
another way). XML with a DTD is refused here and, for the parts openpyxl reads, by defusedxml.

Every limit is a setting (``WORKBOOK_LIMITS``) with a default sized for the largest real import (a
national results file: 10.700 rows, about 3 MB unpacked), about ten times over.
"""

import re
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _


class CellError(ValueError):
    """A value that cannot be read; the message is shown to the user as is."""

DEFAULT_LIMITS = {
    "uncompressed_bytes": 60 * 1024 * 1024,
    "entries": 300,
    "ratio": 200,              # uncompressed / compressed for a part over 1 MB
    "shared_strings": 300_000,
    "rows": 60_000,
}
RATIO_FLOOR = 1024 * 1024
HEAD = 4096
_COUNT = re.compile(rb'\b(?:uniqueCount|count)="(\d+)"')


def _n(count: int) -> str:
    return number_format(count, force_grouping=True)


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "WORKBOOK_LIMITS", {})}


def check(file) -> None:
    """Raise ``CellError`` with the reason when ``file`` (a file object, at any position) is not a workbook
    within the limits; leave it at position 0."""
    bounds = limits()
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            _check_directory(entries, bounds)
            names = {e.filename for e in entries}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise CellError(_("Tệp không phải bảng tính Excel .xlsx hợp lệ."))
            for entry in entries:
                if entry.filename.endswith(".xml") or entry.filename.endswith(".rels"):
                    _check_head(archive, entry, bounds)
            for entry in entries:  # after the heads: a precise reason (too many strings) comes first
                if entry.file_size > RATIO_FLOOR and entry.file_size > bounds["ratio"] * max(entry.compress_size, 1):
                    raise CellError(_("Tệp bị nén bất thường (%(part)s): không nhận.") % {"part": entry.filename})
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise CellError(_("Tệp không phải bảng tính Excel .xlsx hợp lệ (hỏng hoặc bị cắt cụt).")) from exc
    finally:
        file.seek(0)


def _check_directory(entries, bounds) -> None:
    if len(entries) > bounds["entries"]:
        raise CellError(_("Tệp có quá nhiều thành phần (%(count)s; tối đa %(max)s): không phải tệp mẫu.") % {
            "count": len(entries), "max": bounds["entries"]})
    unpacked = sum(e.file_size for e in entries)
    if unpacked > bounds["uncompressed_bytes"]:
        raise CellError(_("Tệp khi giải nén quá lớn (%(size)s; tối đa %(max)s).") % {
            "size": filesizeformat(unpacked), "max": filesizeformat(bounds["uncompressed_bytes"])})


def _check_head(archive, entry, bounds) -> None:
    with archive.open(entry) as part:
        head = part.read(HEAD)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise CellError(_("Tệp chứa khai báo DTD (%(part)s): không nhận.") % {"part": entry.filename})
    if entry.filename == "xl/sharedStrings.xml":
        counts = [int(n) for n in _COUNT.findall(head)]
        if counts and max(counts) > bounds["shared_strings"]:
            raise CellError(_("Tệp có quá nhiều chuỗi ký tự (%(count)s; tối đa %(max)s).") % {
                "count": _n(max(counts)), "max": _n(bounds["shared_strings"])})
    if entry.filename.startswith("xl/worksheets/"):
        match = re.search(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', head)
        if match and int(match.group(1)) > bounds["rows"] + 1:
            raise CellError(_("Trang tính có quá nhiều dòng (%(count)s; tối đa %(max)s).") % {
                "count": _n(int(match.group(1)) - 1), "max": _n(bounds["rows"])})
