"""The organisation of a day, as plain rules over plain values: is a unit in operation on a date (or
during a period), the refusal that names its successor when it is not, and the title of its head on
that date. ``on`` is always passed in; nothing here reads the clock or the database.

TT 15/2025/TT-BNV (updates-2026-12.md §1): bodies dissolved by the reorganisation are not commended;
the achievements of their members are proposed by the successor. The same holds for every act done
in a unit's name after its end date: a plan, a participation, a pledge, a proposal, a number."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Successor:
    """A unit that took over the work, with the kind of the link (SuccessionKind: rename, merge, split)."""

    name: str
    kind: str


# What a dissolved unit may no longer do, and who does it instead.
PURPOSES = {
    "propose": lambda: _("thành tích của cán bộ do đơn vị kế thừa đề nghị."),
    "pledge": lambda: _("giao ước thi đua do đơn vị kế thừa đăng ký."),
    "participate": lambda: _("đơn vị kế thừa tham gia phong trào thay cho đơn vị này."),
    "issue": lambda: _("văn bản từ ngày này do đơn vị kế thừa ban hành."),
}


def valid_on(valid_from: datetime.date | None, valid_to: datetime.date | None, on: datetime.date) -> bool:
    """In operation on ``on``: ``valid_from <= on <= valid_to``, an empty bound being open."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


def valid_during(valid_from, valid_to, starts_on: datetime.date, ends_on: datetime.date) -> bool:
    """In operation on at least one day of ``starts_on … ends_on``."""
    return (valid_from is None or valid_from <= ends_on) and (valid_to is None or starts_on <= valid_to)


def _succession_phrase(successors: tuple[Successor, ...]) -> str:
    names = ", ".join(s.name for s in successors)
    kinds = {s.kind for s in successors}
    if kinds == {"rename"}:
        return _("đổi tên thành %(names)s") % {"names": names}
    if kinds == {"split"} or len(successors) > 1:
        return _("chia tách, chuyển giao cho %(names)s") % {"names": names}
    return _("hợp nhất vào %(names)s") % {"names": names}


def refusal(*, name: str, valid_from, valid_to, starts_on: datetime.date, ends_on: datetime.date | None = None,
            successors: tuple[Successor, ...] = (), purpose: str = "propose") -> str | None:
    """Why ``name`` may not act on ``starts_on`` (or at any time of ``starts_on … ends_on``), or None.

    Ended: "… đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào …): thành tích của cán bộ do đơn vị
    kế thừa đề nghị." Not yet set up: "… bắt đầu hoạt động từ 01/07/2025."."""
    ends_on = ends_on or starts_on
    if valid_during(valid_from, valid_to, starts_on, ends_on):
        return None
    if valid_from is not None and valid_from > ends_on:
        return _("%(unit)s bắt đầu hoạt động từ %(day)s.") % {"unit": name, "day": f"{valid_from:%d/%m/%Y}"}
    values = {"unit": name, "day": f"{valid_to + ONE_DAY:%d/%m/%Y}", "consequence": PURPOSES[purpose]()}
    if successors:
        return _("%(unit)s đã kết thúc hoạt động từ %(day)s (%(succession)s): %(consequence)s") % {
            **values, "succession": _succession_phrase(tuple(successors))}
    return _("%(unit)s đã kết thúc hoạt động từ %(day)s: %(consequence)s") % values


# The head of an issuing body, by the unit kind and the date (the signing authority "CỤC TRƯỞNG").
# Source: TT 24/2025/TT-BTP, 27/11/2025, Art. 1(6), the official renaming table (law.md §6), in force
# for the new bodies set up on 01/07/2025 (QĐ 1898/QĐ-BTP; NQ 202/2025/QH15).
# Rows: (UnitKind value, first day, last day, title); "{locality}" is "tỉnh" or "thành phố".
REORGANISED_ON = datetime.date(2025, 7, 1)
_BEFORE = REORGANISED_ON - ONE_DAY
HEAD_TITLES = [
    ("national", None, _BEFORE, "Tổng cục trưởng"),
    ("national", REORGANISED_ON, None, "Cục trưởng"),
    ("provincial", None, _BEFORE, "Cục trưởng"),
    ("provincial", REORGANISED_ON, None, "Trưởng Thi hành án dân sự {locality}"),
    ("sub_department", None, _BEFORE, "Chi cục trưởng"),
    ("sub_department", REORGANISED_ON, None, "Trưởng Phòng Thi hành án dân sự khu vực"),
    ("authority", None, None, "Chủ tịch"),
]
DEFAULT_HEAD_TITLE = "Thủ trưởng đơn vị"


def head_title(kind: str, on: datetime.date, *, city: bool = False) -> str:
    """The title of the head of a unit of ``kind`` on ``on``; ``city``: a thành phố (not a tỉnh)."""
    for row_kind, first, last, title in HEAD_TITLES:
        if row_kind == kind and valid_on(first, last, on):
            return title.format(locality="thành phố" if city else "tỉnh")
    return DEFAULT_HEAD_TITLE
