"""The organisation's own movers: officers' assignments and role grants; and the helpers every app's movers use
to move a unit reference (``plan_unit_moves`` → preview rows, ``move_units`` → apply)."""

from collections.abc import Callable, Iterable

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from . import audit
from .models import Assignment, AuditAction, Officer, RegisteredDocument, RoleGrant
from .reorganisation import Move, Row, Section, map_position, register_history, register_mover


def plan_unit_moves(objects: Iterable[Model], move: Move, *, key: Callable, taken: Iterable) -> tuple[list, list]:
    """Split ``objects`` (each with a ``unit_id`` among the predecessors) into those that move to their
    receiving successor and those that stay: when the successor already holds the same thing (``key(obj,
    successor_id)`` in ``taken``, or another predecessor's copy moved first), the old one stays as history."""
    taken, moving, kept = set(taken), [], []
    for obj in objects:
        wanted = key(obj, move.receiving[obj.unit_id])
        (kept if wanted in taken else moving).append(obj)
        taken.add(wanted)
    return moving, kept


def unit_section(key: str, title: str, move: Move, moving, kept, label: Callable, note: str = "") -> Section:
    def row(obj, remark=""):
        return Row(label(obj), move.names.get(obj.unit_id, ""), move.names.get(move.receiving[obj.unit_id], ""),
                   remark)
    return Section(key, title, [row(o) for o in moving], [row(o, note) for o in kept])


def move_units(objects: Iterable[Model], move: Move, actor) -> int:
    """Point each object at its receiving successor, one audit entry each."""
    count = 0
    for obj in objects:
        before = audit.snapshot(obj)
        obj.unit_id = move.receiving[obj.unit_id]
        obj.save(update_fields=["unit"])
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=obj, before=before)
        count += 1
    return count


# --- officers' assignments ----------------------------------------------------------------------------------

def _officers(move: Move, lock: bool = False):
    officers = Officer.objects.filter(unit_id__in=move.receiving, is_active=True).order_by("unit__path", "sort_key")
    return list(officers.select_for_update(of=("self",)) if lock else officers)


def preview_assignments(move: Move) -> Section:
    mapping = move.reorganisation.position_mapping
    rows = []
    for officer in _officers(move):
        position = map_position(officer.position, mapping)
        what = officer.full_name + (f" ({officer.position} → {position})" if position != officer.position
                                    else f" ({officer.position})" if officer.position else "")
        rows.append(Row(what, move.names[officer.unit_id], move.names[move.receiving[officer.unit_id]],
                        f"{move.last_day:%d/%m/%Y} | {move.effective_on:%d/%m/%Y}"))
    return Section("assignments", _("Cán bộ và quá trình công tác"), rows)


def apply_assignments(move: Move, actor) -> int:
    """The open assignment at the old unit ends the day before; a new one at the successor starts on the
    effective date, with the mapped position; the officer's current unit and position follow."""
    officers = _officers(move, lock=True)
    open_ones = {a.officer_id: a for a in Assignment.objects.filter(
        officer__in=officers, ends_on__isnull=True, unit_id__in=move.receiving).select_for_update()}
    for officer in officers:
        before, successor = audit.snapshot(officer), move.receiving[officer.unit_id]
        position = map_position(officer.position, move.reorganisation.position_mapping)
        current = open_ones.get(officer.pk)
        hardship = current.hardship if current else False
        if current and current.starts_on > move.last_day:  # began after the decision's date: re-pointed
            _repoint(current, successor, position, actor)
        else:
            if current:
                _close(current, move.last_day, actor)
            assignment = Assignment.objects.create(officer=officer, unit_id=successor, position=position,
                                                   starts_on=move.effective_on, hardship=hardship)
            audit.record(actor=actor, action=AuditAction.CREATE, obj=assignment)
        officer.unit_id, officer.position = successor, position
        officer.save(update_fields=["unit", "position"])
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=officer, before=before)
    return len(officers)


def _close(assignment: Assignment, last_day, actor) -> None:
    before = audit.snapshot(assignment)
    assignment.ends_on = last_day
    assignment.save(update_fields=["ends_on"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=assignment, before=before)


def _repoint(assignment: Assignment, unit_id: int, position: str, actor) -> None:
    before = audit.snapshot(assignment)
    assignment.unit_id, assignment.position = unit_id, position
    assignment.save(update_fields=["unit", "position"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=assignment, before=before)


# --- role grants --------------------------------------------------------------------------------------------

def _grant_moves(move: Move, lock: bool = False):
    grants = RoleGrant.objects.filter(unit_id__in=move.receiving).select_related("user").order_by("unit__path", "id")
    taken = RoleGrant.objects.filter(unit_id__in=set(move.receiving.values())).values_list("user_id", "role", "unit_id")
    return plan_unit_moves(grants.select_for_update(of=("self",)) if lock else grants, move,
                           key=lambda g, unit_id: (g.user_id, g.role, unit_id), taken=taken)


def _grant_label(grant: RoleGrant) -> str:
    return f"{audit.actor_name(grant.user)} – {grant.get_role_display()}"


def preview_grants(move: Move) -> Section:
    moving, kept = _grant_moves(move)
    return unit_section("grants", _("Phân quyền"), move, moving, kept, _grant_label,
                        _("đã có quyền này ở đơn vị kế thừa"))


def apply_grants(move: Move, actor) -> int:
    """A grant over the old unit moves to the successor (not duplicated): the old unit is dissolved, and its
    history stays readable from the successor through the lineage."""
    moving, _kept = _grant_moves(move, lock=True)
    return move_units(moving, move, actor)


def documents_kept(predecessor_ids: list[int]) -> list[tuple[str, int]]:
    return [(_("Văn bản đã cấp số"), RegisteredDocument.objects.filter(issuer_id__in=predecessor_ids).count())]


def register() -> None:
    register_mover("assignments", preview_assignments, apply_assignments, title=_("Cán bộ và quá trình công tác"))
    register_mover("grants", preview_grants, apply_grants, title=_("Phân quyền"))
    register_history("documents", documents_kept)
