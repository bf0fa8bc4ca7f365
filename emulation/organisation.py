"""The organisation on a date: the units and officers in operation, a unit's successor, the header
of a document (NĐ 30/2020 box 2: parent body, issuing body) and its head's title. Every function
takes the date; the rules themselves are in ``validity``."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from . import registers, validity
from .models import Officer, Unit, UnitKind, UnitSuccession


def _valid_q(starts_on: datetime.date, ends_on: datetime.date, prefix: str = "") -> Q:
    return ((Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": ends_on}))
            & (Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": starts_on})))


def valid_units(on: datetime.date, units: QuerySet[Unit] | None = None, *, until: datetime.date | None = None
                ) -> QuerySet[Unit]:
    """``units`` (all by default) in operation on ``on``, or on some day of ``on … until``."""
    units = Unit.objects.all() if units is None else units
    return units.filter(_valid_q(on, until or on))


def valid_officers(on: datetime.date, officers: QuerySet[Officer] | None = None, *,
                   until: datetime.date | None = None) -> QuerySet[Officer]:
    """Active officers whose unit is in operation on ``on`` (or during ``on … until``)."""
    officers = Officer.objects.all() if officers is None else officers
    return officers.filter(_valid_q(on, until or on, "unit__"), is_active=True)


def successors(unit: Unit) -> tuple[validity.Successor, ...]:
    links = UnitSuccession.objects.filter(predecessor=unit).select_related("successor").order_by(
        "effective_on", "successor__path")
    return tuple(validity.Successor(link.successor.name, link.kind) for link in links)


def refusal(unit: Unit, *, on: datetime.date, until: datetime.date | None = None, purpose: str = "propose"
            ) -> str | None:
    """Why ``unit`` may not act on ``on`` (or during ``on … until``), naming its successor; None if it may."""
    if validity.valid_during(unit.valid_from, unit.valid_to, on, until or on):
        return None
    return validity.refusal(name=unit.name, valid_from=unit.valid_from, valid_to=unit.valid_to, starts_on=on,
                            ends_on=until, successors=successors(unit), purpose=purpose)


def check_unit(unit: Unit, *, on: datetime.date, until: datetime.date | None = None, purpose: str = "propose",
               field: str | None = None) -> None:
    """Raise the refusal as a ValidationError (on ``field`` when given)."""
    if (why := refusal(unit, on=on, until=until, purpose=purpose)) is not None:
        raise ValidationError({field: why} if field else why)


def successor_of(unit: Unit, on: datetime.date) -> Unit | None:
    """``unit`` itself when in operation on ``on``; else the first unit in operation on ``on`` reached by
    following the succession links (a rename, then a merge…); None when there is none."""
    seen, frontier = set(), [unit]
    while frontier:
        current = frontier.pop(0)
        if current.pk in seen:
            continue
        seen.add(current.pk)
        if current.is_valid_on(on):
            return current
        links = UnitSuccession.objects.filter(predecessor=current, effective_on__lte=on).select_related(
            "successor").order_by("effective_on", "successor__path")
        frontier.extend(link.successor for link in links)
    return None


@dataclass(frozen=True)
class Header:
    parent_body: str
    issuing_body: str


def header_for(unit: Unit, on: datetime.date) -> Header:
    """Box 2 of a document dated ``on``: the issuing body (a division issues under its agency) and its
    parent as valid on that date (an ended parent is replaced by its successor)."""
    body = registers.issuing_body(unit)
    parent = successor_of(body.parent, on) if body.parent_id else None
    return Header(parent_body=parent.name if parent else "", issuing_body=body.name)


def signer_title(unit: Unit, on: datetime.date) -> str:
    """The head of the issuing body on ``on``: "Chi cục trưởng" before 01/07/2025, "Trưởng Phòng Thi hành
    án dân sự khu vực" from then (the kind is the same; the date decides)."""
    body = registers.issuing_body(unit)
    city = body.kind == UnitKind.PROVINCIAL and " thành phố " in f" {body.name} "
    return validity.head_title(body.kind, on, city=city)


def signer_authority(unit: Unit, on: datetime.date) -> str:
    """The head with the body: "Cục trưởng Cục Thi hành án dân sự tỉnh Hậu Giang", "Trưởng Thi hành án dân
    sự thành phố Cần Thơ" (a new-style title already names the body's kind)."""
    body, title = registers.issuing_body(unit), signer_title(unit, on)
    return f"Trưởng {body.name}" if title.startswith("Trưởng ") else f"{title} {body.name}"
