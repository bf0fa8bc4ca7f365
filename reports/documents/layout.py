"""The blocks every official document shares (NĐ 30/2020/NĐ-CP, Phụ lục I): issuing body, number and
symbol, place and date, type and subject, addressees, recipients, signing authority. Builders fill a
``DocumentHead``; ``reports/documents/base.html`` lays it out."""

import datetime
from dataclasses import dataclass, field, replace

from django.template.loader import render_to_string
from django.utils import translation

from campaigns.templatetags.documents import document_date
from emulation import organisation, registers
from emulation.models import RegisteredDocument, Unit

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


def head_title(unit: Unit, on: datetime.date) -> str:
    """The head of the issuing body on ``on``, as the signing authority line reads ("CHI CỤC TRƯỞNG" before
    01/07/2025, "TRƯỞNG PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC" from then)."""
    return organisation.signer_title(unit, on)


def head_for(issuer: Unit, *, series: str, entry: RegisteredDocument | None, day: datetime.date | None,
             year: int | None = None, on: datetime.date | None = None, **fields) -> DocumentHead:
    """Box 2 from the organisation ON the document's date ``on`` (``day`` when it has one): the issuing
    body must be in operation then, and its parent line is the body valid on that date."""
    on = on or day
    body = registers.issuing_body(issuer)
    organisation.check_unit(body, on=on, purpose="issue")
    header = organisation.header_for(body, on)
    return DocumentHead(
        issuing_body=header.issuing_body, parent_body=header.parent_body,
        number_text=number_text(entry, body, series), place_date=place_date(body, day, year), **fields)


def render(template: str, head: DocumentHead, **context) -> str:
    """One part's HTML, always in Vietnamese whatever the requesting user's interface language."""
    with translation.override("vi"):
        return render_to_string(template, {"doc": head, **context})
