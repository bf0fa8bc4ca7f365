"""Write paths of a reorganisation: record it (with any new successor units), preview it, apply it once.
``actor=None`` is the system (the demo data): no permission check, the audit says "hệ thống"."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import access, audit
from .models import AuditAction, Reorganisation, ReorganisationItem, ReorganisationKind, Role, Unit, UnitSuccession
from .reorganisation import (
    HISTORY,
    MOVERS,
    AlreadyApplied,
    ItemSpec,
    Move,
    Row,
    Section,
    item_problems,
    receiving_successors,
    reorganiser_refusal,
)
from .services import save_unit

SUCCESSION_KIND = {ReorganisationKind.MERGE: "merge", ReorganisationKind.SPLIT: "split",
                   ReorganisationKind.RENAME: "rename"}


INSIDE = "0/"  # a path just below a unit: where a new unit or a transferred one will sit


def refusal(actor, units, parents=()) -> str | None:
    """Why ``actor`` may not reorganise these units, or place units under ``parents`` (None: they may; the system
    always may)."""
    if actor is None:
        return None
    staff = [g.unit.path for g in access.grants(actor) if g.role in (Role.STAFF, Role.ADMIN)]
    return reorganiser_refusal(superuser=actor.is_superuser, staff_paths=staff,
                               affected_paths=[u.path for u in units] + [p.path + INSIDE for p in parents])


def _check(actor, units, parents=()) -> None:
    reason = refusal(actor, units, parents)
    if reason:
        raise PermissionDenied(reason)


def _specs(reorganisation) -> list[ItemSpec]:
    return [ItemSpec(i.predecessor_id, i.successor_id, i.new_parent_id, i.receives)
            for i in reorganisation.items.all()]


def affected_units(reorganisation) -> list[Unit]:
    ids = set()
    for spec in _specs(reorganisation):
        ids |= {spec.predecessor, spec.successor, spec.new_parent} - {None}
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


def apply_refusal(actor, reorganisation, units: list[Unit]) -> str | None:
    """Why ``actor`` may not apply it: new parents count as places below them."""
    parent_ids = {s.new_parent for s in _specs(reorganisation)} - {None}
    return refusal(actor, [u for u in units if u.pk not in parent_ids], [u for u in units if u.pk in parent_ids])


@transaction.atomic
def record_reorganisation(*, actor, reorganisation: Reorganisation, predecessors: list[Unit] = (),
                          successors: list[Unit] = (), new_unit: Unit | None = None,
                          new_parent: Unit | None = None, groups: list[tuple[list[Unit], Unit]] = ()) -> Reorganisation:
    """Record the decision and its items. ``new_unit`` (unsaved) is created as the receiving successor, valid from
    the effective date; otherwise the first of ``successors`` receives. ``groups``: several (predecessors, successor)
    merges or renames in one decision (a province and its Chi cục). Nothing moves until ``apply``."""
    predecessors = list(predecessors) + [p for olds, _new in groups for p in olds]
    parents = [u.parent for u in [new_unit] if u is not None and u.parent_id] + ([new_parent] if new_parent else [])
    _check(actor, [*predecessors, *successors, *(new for _olds, new in groups)], parents)
    day_before = reorganisation.effective_on - datetime.timedelta(days=1)
    late = [u.name for u in predecessors if u.valid_to is not None and u.valid_to < day_before]
    if late:
        raise ValidationError({"predecessors": gettext("Đã hết hiệu lực trước ngày sắp xếp: %(units)s.")
                               % {"units": ", ".join(late)}})
    if new_unit is not None:
        new_unit.valid_from = reorganisation.effective_on
        save_unit(new_unit)
        audit.record(actor=actor, action=AuditAction.CREATE, obj=new_unit)
        successors = [new_unit, *successors]
    specs = [ItemSpec(p.pk, new.pk, None, True) for olds, new in groups for p in olds]
    if not groups:
        specs = [ItemSpec(p.pk, s.pk if s else None, new_parent.pk if new_parent else None, index == 0)
                 for p in predecessors for index, s in enumerate(successors or [None])]
    problems = item_problems(reorganisation.kind, specs)
    if problems:
        raise ValidationError(problems)
    reorganisation.created_by = actor
    reorganisation.full_clean()
    reorganisation.save()
    ReorganisationItem.objects.bulk_create([
        ReorganisationItem(reorganisation=reorganisation, predecessor_id=s.predecessor, successor_id=s.successor,
                           new_parent_id=s.new_parent, receives=s.receives) for s in specs])
    audit.record(actor=actor, action=AuditAction.CREATE, obj=reorganisation, unit_id=predecessors[0].pk)
    if actor is not None:
        access.forget(actor)
    return reorganisation


@dataclass
class Preview:
    sections: list[Section]
    history: list[tuple[str, int]]

    @property
    def moving_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def _move(reorganisation, units: dict[int, Unit]) -> Move:
    return Move(reorganisation, reorganisation.effective_on, receiving_successors(_specs(reorganisation)),
                {pk: u.name for pk, u in units.items()})


def _unit_section(reorganisation, move: Move, units: dict[int, Unit]) -> Section:
    rows = []
    for spec in _specs(reorganisation):
        old = units[spec.predecessor]
        if spec.new_parent:
            rows.append(Row(old.name, old.parent.name if old.parent_id else "—", units[spec.new_parent].name,
                            _("chuyển đơn vị cấp trên")))
        else:
            note = _("hết hiệu lực từ %(date)s") if spec.receives else _("chỉ ghi nhận kế thừa")
            rows.append(Row(reorganisation.get_kind_display(), old.name, units[spec.successor].name,
                            note % {"date": f"{move.effective_on:%d/%m/%Y}"} if spec.receives else note))
    return Section("units", _("Đơn vị và quan hệ kế thừa"), rows)


def preview_reorganisation(reorganisation) -> Preview:
    """Everything that will move (rows per kind) and the history that stays (counts per kind)."""
    units = {u.pk: u for u in Unit.objects.filter(pk__in=[u.pk for u in affected_units(reorganisation)])
             .select_related("parent")}
    move = _move(reorganisation, units)
    sections = [_unit_section(reorganisation, move, units)] + [m.preview(move) for m in MOVERS.values()]
    predecessors = sorted({s.predecessor for s in _specs(reorganisation)})
    history = [pair for count in HISTORY.values() for pair in count(predecessors)]
    return Preview(sections, history)


def _reshape_units(reorganisation, move: Move, actor) -> int:
    """End the predecessors, link the successors, re-parent transferred units."""
    changed = 0
    for item in reorganisation.items.select_related("predecessor", "successor", "new_parent"):
        unit = Unit.objects.select_for_update().get(pk=item.predecessor_id)
        before = audit.snapshot(unit)
        if item.new_parent_id:
            unit.parent = item.new_parent
        elif unit.valid_to is None or unit.valid_to > move.last_day:
            unit.valid_to = move.last_day
        if audit.diff(before, audit.snapshot(unit)):
            save_unit(unit)
            audit.record(actor=actor, action=AuditAction.UPDATE, obj=unit, before=before)
            changed += 1
        if item.successor_id and not UnitSuccession.objects.filter(
                predecessor_id=item.predecessor_id, successor_id=item.successor_id).exists():
            link = UnitSuccession.objects.create(
                predecessor_id=item.predecessor_id, successor_id=item.successor_id,
                kind=SUCCESSION_KIND[reorganisation.kind], effective_on=move.effective_on,
                legal_basis=reorganisation.legal_basis)
            audit.record(actor=actor, action=AuditAction.CREATE, obj=link, unit_id=item.successor_id)
    return changed


def apply_reorganisation(*, actor, reorganisation: Reorganisation,
                         today: datetime.date | None = None) -> dict[str, int]:
    """Move everything on the effective date, in one transaction; refused (nothing changes) if already applied
    or before the effective date (people and grants would otherwise move while the old units still work)."""
    today = today or timezone.localdate()
    if today < reorganisation.effective_on:
        raise ValidationError(gettext("Đợt sắp xếp có hiệu lực từ ngày %(day)s: chỉ áp dụng được từ ngày đó.")
                              % {"day": f"{reorganisation.effective_on:%d/%m/%Y}"})
    with transaction.atomic():
        locked = Reorganisation.objects.select_for_update().get(pk=reorganisation.pk)
        units = affected_units(locked)
        reason = apply_refusal(actor, locked, units)
        if reason:
            raise PermissionDenied(reason)
        if locked.is_applied:
            raise AlreadyApplied(
                gettext("Đợt sắp xếp này đã được áp dụng lúc %(at)s (%(who)s); không áp dụng lại.") % {
                    "at": f"{timezone.localtime(locked.applied_at):%H:%M %d/%m/%Y}", "who": locked.applied_by_name})
        problems = item_problems(locked.kind, _specs(locked))
        if problems:
            raise ValidationError(problems)
        before = audit.snapshot(locked)
        move = _move(locked, {u.pk: u for u in units})
        summary = {"units": _reshape_units(locked, move, actor)}
        for mover in MOVERS.values():
            summary[mover.name] = mover.apply(move, actor)
        locked.applied_at, locked.applied_by = timezone.now(), actor
        locked.applied_by_name, locked.summary = audit.actor_name(actor), summary
        locked.save(update_fields=["applied_at", "applied_by", "applied_by_name", "summary"])
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=locked, before=before, unit_id=units[0].pk)
    if actor is not None:
        access.forget(actor)
    reorganisation.refresh_from_db()
    return summary
