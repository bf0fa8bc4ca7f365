"""The document register (sổ đăng ký văn bản đi): numbers issued per issuer, year and series.

Two documents issued at the same moment must not get the same number. Issuing locks the issuer's
unit row first, so the second transaction waits for the first to commit and then sees its number;
the unique constraint is the backstop. Numbers are never reused, even when the document they were
issued for is later withdrawn (the register keeps the entry)."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from . import audit, organisation
from .models import AuditAction, RegisteredDocument, Unit, UnitKind

# Ký hiệu viết tắt used when a unit has none of its own (the agency sets its abbreviation, NĐ 30/2020).
DEFAULT_AGENCY_SYMBOLS = {
    UnitKind.NATIONAL: "TCTHADS",
    UnitKind.PROVINCIAL: "CTHADS",
    UnitKind.SUB_DEPARTMENT: "CCTHADS",
    UnitKind.AUTHORITY: "UBND",
}

COUNCIL_MINUTES_SERIES = "BB-HĐTĐKT"

# The series a unit keeps (Phụ lục III NĐ 30/2020 type abbreviations used in TĐKT work).
SERIES = [("QĐ", _("Quyết định (QĐ)")), ("KH", _("Kế hoạch (KH)")), ("BC", _("Báo cáo (BC)")),
          ("TTr", _("Tờ trình (TTr)")), ("TB", _("Thông báo (TB)")), ("HD", _("Hướng dẫn (HD)")),
          ("GM", _("Giấy mời (GM)")), ("BB", _("Biên bản (BB)")),
          (COUNCIL_MINUTES_SERIES, _("Biên bản Hội đồng Thi đua – Khen thưởng (BB-HĐTĐKT)"))]


def issuing_body(unit: Unit) -> Unit:
    """A division (phòng, văn phòng) issues under its agency's name, number series and seal."""
    while unit.kind == UnitKind.DIVISION and unit.parent_id:
        unit = unit.parent
    return unit


def agency_symbol(unit: Unit) -> str:
    unit = issuing_body(unit)
    return unit.document_symbol or DEFAULT_AGENCY_SYMBOLS.get(unit.kind, "VP")


def symbol_for(unit: Unit, series: str) -> str:
    """"QĐ-CTHADS" for the agency's own series; a council's series ("BB-HĐTĐKT") is its own symbol."""
    return series if "-" in series else f"{series}-{agency_symbol(unit)}"


@transaction.atomic
def issue_number(*, issuer: Unit, series: str, issued_on: datetime.date, subject: str, actor=None
                 ) -> RegisteredDocument:
    """Take the next number of the issuer's series for the year of ``issued_on``. A body after its end
    date takes no new number (its successor issues from then)."""
    issuer = issuing_body(issuer)
    organisation.check_unit(issuer, on=issued_on, purpose="issue")
    Unit.objects.select_for_update().filter(pk=issuer.pk).first()
    year = issued_on.year
    last = (RegisteredDocument.objects.filter(issuer=issuer, year=year, series=series)
            .aggregate(n=Max("number"))["n"]) or 0
    entry = RegisteredDocument.objects.create(
        issuer=issuer, year=year, series=series, number=last + 1, symbol=symbol_for(issuer, series),
        subject=subject[:500], issued_on=issued_on, issued_by=actor)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=entry)
    return entry


def place_of(unit: Unit) -> str:
    """The place name of the date line ("Hậu Giang, ngày …"): the unit's own setting, else the
    locality its name ends with ("… tỉnh Hậu Giang" → "Hậu Giang")."""
    unit = issuing_body(unit)
    if unit.place_name:
        return unit.place_name
    for marker in (" thành phố ", " tỉnh ", " thị xã ", " huyện ", " quận ", " khu vực "):
        if marker in unit.name:
            return unit.name.rsplit(marker, 1)[1].strip()
    return unit.name
