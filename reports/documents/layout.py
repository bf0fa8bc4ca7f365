"""The blocks every official document shares (NĐ 30/2020/NĐ-CP, Phụ lục I): issuing body, number and
symbol, place and date, type and subject, addressees, recipients, signing authority. Builders fill a
``DocumentHead``; ``reports/documents/base.html`` lays it out."""

import datetime
from dataclasses import dataclass, field, replace

from django.template.loader import render_to_string
from django.utils import translation

from campaigns.templatetags.documents import document_date
from emulation import registers
from emulation.models import RegisteredDocument, Unit, UnitKind

BLANK_NUMBER = "\u00a0" * 6  # the văn thư writes the number in at issue: "Số:       /BC-CTHADS"


@dataclass(frozen=True)
class DocumentHead:
    title: str  # the file's title (PDF metadata, download name)
    issuing_body: str
    number_text: str
    parent_body: str = ""
    place_date: str = ""
    type_name: str = ""
    subject: str = ""
    subject_line: str = ""  # công văn "V/v …" under the number
    addressees: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    authority_lines: tuple[str, ...] = ()
    signer_name: str = ""
    field_prefix: str = ""
    landscape: bool = False
    extra: dict = field(default_factory=dict)

    def with_prefix(self, prefix: str) -> "DocumentHead":
        return replace(self, field_prefix=prefix)


def number_text(entry: RegisteredDocument | None, issuer: Unit, series: str) -> str:
    """"05/TTr-CTHADS" once the register issued it; a blank for the number otherwise."""
    if entry is not None:
        return entry.reference
    return f"{BLANK_NUMBER}/{registers.symbol_for(issuer, series)}"


def vn_date(day: datetime.date) -> str:
    """"ngày 05 tháng 01 năm 2020", in Vietnamese whatever the interface language of the request."""
    with translation.override("vi"):
        return document_date(day)


def place_date(issuer: Unit, day: datetime.date | None, year: int | None = None, place: str = "") -> str:
    place = place or registers.place_of(issuer)
    if day is not None:
        return f"{place}, {vn_date(day)}"
    gap = "\u00a0" * 5
    return f"{place}, ngày{gap}tháng{gap}năm {year or ''}".rstrip()


HEAD_TITLES = {UnitKind.NATIONAL: "Cục trưởng", UnitKind.PROVINCIAL: "Cục trưởng",
               UnitKind.SUB_DEPARTMENT: "Chi cục trưởng", UnitKind.AUTHORITY: "Chủ tịch"}


def head_title(unit: Unit) -> str:
    """The head of the issuing body, as the signing authority line reads ("CHI CỤC TRƯỞNG")."""
    return HEAD_TITLES.get(registers.issuing_body(unit).kind, "Thủ trưởng đơn vị")


def head_for(issuer: Unit, *, series: str, entry: RegisteredDocument | None, day: datetime.date | None,
             year: int | None = None, **fields) -> DocumentHead:
    body = registers.issuing_body(issuer)
    return DocumentHead(
        issuing_body=body.name, parent_body=body.parent.name if body.parent_id else "",
        number_text=number_text(entry, body, series), place_date=place_date(body, day, year), **fields)


def render(template: str, head: DocumentHead, **context) -> str:
    """One part's HTML, always in Vietnamese whatever the requesting user's interface language."""
    with translation.override("vi"):
        return render_to_string(template, {"doc": head, **context})
