"""Write paths for organisation and people. One function per user action: permission →
validation → transaction → audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import access, audit
from .models import Assignment, AuditAction, AwardHold, Discipline, Officer, Unit
from .text import display_name, name_sort_key, nfc, search_key, sort_key


def derive_unit_fields(unit: Unit) -> None:
    """Fill the stored search and sort keys (the path needs the primary key: see ``_set_path``)."""
    unit.name = nfc(unit.name)
    unit.search_key = search_key(f"{unit.name} {unit.short_name} {unit.code}")[:255]
    unit.sort_key = sort_key(unit.name)[:600]


def _set_path(unit: Unit) -> None:
    prefix = unit.parent.path if unit.parent_id else "/"
    path = f"{prefix}{unit.pk:06d}/"
    if unit.path != path:
        old = unit.path
        unit.path = path
        Unit.objects.filter(pk=unit.pk).update(path=path)
        if old:  # moved: re-root the subtree
            for child in Unit.objects.filter(path__startswith=old).exclude(pk=unit.pk):
                Unit.objects.filter(pk=child.pk).update(path=path + child.path[len(old):])


def check_parent(unit: Unit) -> None:
    node = unit.parent
    while node is not None:
        if node.pk == unit.pk:
            raise ValidationError({"parent": "Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó."})
        node = node.parent


def save_unit(unit: Unit) -> Unit:
    """Persist a unit with its derived fields; for services, importers and demo data."""
    derive_unit_fields(unit)
    check_parent(unit)
    unit.full_clean(exclude=["path"])
    unit.save()
    _set_path(unit)
    return unit


@transaction.atomic
def create_unit(*, actor, unit: Unit) -> Unit:
    if not access.can_create_unit(actor) or (unit.parent_id and not access.in_scope(actor, unit.parent, editable=True)):
        raise PermissionDenied
    save_unit(unit)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=unit)
    access.forget(actor)
    return unit


@transaction.atomic
def update_unit(*, actor, unit: Unit) -> Unit:
    if not access.can_edit_unit(actor, unit):
        raise PermissionDenied
    before = audit.snapshot(Unit.objects.get(pk=unit.pk))
    save_unit(unit)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=unit, before=before)
    return unit


def derive_officer_fields(officer: Officer) -> None:
    officer.full_name = display_name(officer.full_name)
    officer.search_key = search_key(f"{officer.full_name} {officer.code}")[:160]
    officer.sort_key = name_sort_key(officer.full_name)[:400]


def save_officer(officer: Officer) -> Officer:
    derive_officer_fields(officer)
    officer.full_clean()
    officer.save()
    return officer


@transaction.atomic
def create_officer(*, actor, officer: Officer, starts_on, hardship: bool = False) -> Officer:
    if not access.in_scope(actor, officer.unit, editable=True):
        raise PermissionDenied
    save_officer(officer)
    Assignment.objects.create(officer=officer, unit=officer.unit, position=officer.position,
                              starts_on=starts_on, hardship=hardship)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=officer)
    return officer


@transaction.atomic
def update_officer(*, actor, officer: Officer) -> Officer:
    """Edit personal data. Moving to another unit goes through ``transfer_officer``."""
    current = Officer.objects.get(pk=officer.pk)
    if not access.can_edit_officer(actor, current):
        raise PermissionDenied
    if officer.unit_id != current.unit_id:
        raise ValidationError({"unit": "Điều động sang đơn vị khác dùng chức năng điều động."})
    before = audit.snapshot(current)
    save_officer(officer)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=officer, before=before)
    return officer


@transaction.atomic
def transfer_officer(*, actor, officer: Officer, unit: Unit, starts_on, position: str = "",
                     hardship: bool = False) -> Assignment:
    """Điều động: close the current assignment and open one at the new unit."""
    if not access.can_edit_officer(actor, officer) or not access.in_scope(actor, unit, editable=True):
        raise PermissionDenied
    current = officer.assignments.filter(ends_on__isnull=True).first()
    if current and starts_on <= current.starts_on:
        raise ValidationError({"starts_on": "Ngày điều động phải sau ngày bắt đầu công tác hiện tại "
                                            f"({current.starts_on:%d/%m/%Y})."})
    before = audit.snapshot(officer)
    if current:
        current.ends_on = starts_on
        current.save(update_fields=["ends_on"])
    assignment = Assignment.objects.create(officer=officer, unit=unit, position=position or officer.position,
                                           starts_on=starts_on, hardship=hardship)
    officer.unit = unit
    officer.position = assignment.position
    officer.save(update_fields=["unit", "position"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=officer, before=before)
    return assignment


@transaction.atomic
def add_discipline(*, actor, discipline: Discipline) -> Discipline:
    if not access.can_manage_discipline(actor, discipline.officer):
        raise PermissionDenied
    discipline.full_clean()
    discipline.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=discipline)
    return discipline


@transaction.atomic
def delete_discipline(*, actor, discipline: Discipline) -> None:
    if not access.can_manage_discipline(actor, discipline.officer):
        raise PermissionDenied
    before = audit.snapshot(discipline)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=discipline, before=before,
                 unit_id=discipline.officer.unit_id)
    discipline.delete()


@transaction.atomic
def save_award_hold(*, actor, hold: AwardHold) -> AwardHold:
    """Open or close a pending review, investigation or complaint that blocks awards: against an
    officer, or against a collective (``hold.unit``)."""
    if not access.can_manage_hold(actor, hold):
        raise PermissionDenied
    before = audit.snapshot(AwardHold.objects.get(pk=hold.pk)) if hold.pk else None
    hold.full_clean()
    hold.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=hold, before=before)
    return hold
