"""Saving the results grid (``campaigns.grid``): every cell of every posted unit checked first, then all
written in one transaction with set-based statements (a fixed number of queries for 10 or 90 units),
or nothing. Only the cells that changed are written and audited; a result the grid may not change
(submitted, confirmed) refuses a changed cell instead of being overwritten."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import audit, bulk
from emulation.lifecycle import Refused
from emulation.models import AuditAction, AuditEntry

from .. import access
from ..grid import FIGURES, Row, changes, check_row, locked_reason
from ..models import Campaign, Result, ResultValue
from ..selectors.grid import stored_results, unit_columns


@dataclass
class GridOutcome:
    rows: dict[int, Row] = field(default_factory=dict)  # unit id → its line, typed values and errors
    errors: list[str] = field(default_factory=list)  # what is not one cell's (the date, a crafted name)
    created: int = 0
    updated: int = 0

    @property
    def invalid(self) -> bool:
        return bool(self.errors) or any(row.errors for row in self.rows.values())


def _rows(actor, campaign, units, typed, as_of, outcome) -> dict[int, Result]:
    stored = stored_results(campaign, [u.pk for u in units], as_of, lock=True)
    for unit, columns in zip(units, unit_columns(campaign, units).values(), strict=True):
        result = stored.get(unit.pk)
        keys = {c.key for c in columns}
        if extra := sorted(key for key, text in typed.get(unit.pk, {}).items() if key not in keys and text.strip()):
            outcome.errors.append(
                _("%(unit)s: không có cột %(columns)s để nhập.") % {"unit": unit.name, "columns": ", ".join(extra)}
            )
        row = Row(
            unit.pk,
            columns,
            stored=result.cells if result else None,
            locked=locked_reason(actor, campaign, unit, result) if result else "",
            typed=typed.get(unit.pk, {}),
        )
        check_row(row)
        outcome.rows[unit.pk] = row
    return stored


@transaction.atomic
def save_grid(*, actor, campaign: Campaign, as_of: datetime.date | None, units: list, typed: dict) -> GridOutcome:
    """``units``: the units whose lines were posted, in order; ``typed``: unit id → column key → text.
    A unit the actor may not enter results for is refused (403), whatever else was posted."""
    allowed = access.pledge_unit_ids(actor, campaign)
    if any(unit.pk not in allowed for unit in units) or set(typed) - {u.pk for u in units}:
        raise Refused(_("Bạn không được nhập số liệu cho đơn vị ngoài phạm vi của mình."))
    outcome = GridOutcome()
    start, end = campaign.results_period
    if as_of is None or not start <= as_of <= end:
        outcome.errors.append(
            _("Ngày số liệu phải trong kỳ tính kết quả %(start)s – %(end)s.")
            % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
        )
        return outcome
    stored = _rows(actor, campaign, units, typed, as_of, outcome)
    if outcome.invalid:
        return outcome
    try:
        with transaction.atomic():
            _write(actor, campaign, as_of, {u.pk: u for u in units}, stored, outcome)
    except IntegrityError:  # another save (a grid, a form, an import) wrote a unit's first result meanwhile
        outcome.created = outcome.updated = 0
        outcome.errors.append(_("Số liệu của một đơn vị vừa được lưu cùng lúc ở nơi khác; mở lại bảng rồi lưu lại."))
    return outcome


def _plain(value):
    """A cell's value as the audit trail keeps it (JSON): a decimal as a whole number or a float."""
    if not isinstance(value, Decimal):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _audit(actor, name, unit, as_of, pk, action, diff) -> dict:
    """``diff``: the changed cells by their column's heading (a target by its name, as the grid shows it)."""
    return {
        "actor_id": actor.pk,
        "actor_name": name,
        "action": action,
        "model_label": "campaigns.Result",
        "object_id": str(pk),
        "object_repr": f"{unit.name} – {as_of:%d/%m/%Y}"[:255],
        "unit_id": unit.pk,
        "changes": {key: [_plain(old), _plain(new)] for key, (old, new) in diff.items()},
    }


def _values(pk, row, kept: dict, diff: dict, inserts: list, updates: list, cleared: list) -> None:
    """The target values of one result: inserted where there was none, cleared where the cell was emptied,
    updated where it changed."""
    for column in (c for c in row.columns if c.target_id is not None):
        value, found = row.values[column.key], kept.get(column.target_id)
        fields = {"number": None, "achieved": value} if isinstance(value, bool) else {"number": value, "achieved": None}
        if found is None and value is not None:
            inserts.append({"result_id": pk, "target_id": column.target_id, **fields})
        elif found is not None and value is None:
            cleared.append(found.pk)
        elif found is not None and column.key in diff:
            updates.append({"pk": found.pk, **fields})


def _write_results(actor, campaign, as_of, stored, outcome) -> list[tuple[int, Row]]:
    """The new results inserted and the changed ones updated, one statement each: (result id, line) of both."""
    new = [row for row in outcome.rows.values() if row.stored is None and row.reported]
    changed = [row for row in outcome.rows.values() if row.stored is not None and changes(row)]
    figures = {row.unit_id: {name: row.values[name] for name in FIGURES} for row in [*new, *changed]}
    ids = bulk.insert_rows(
        Result,
        [
            {
                "campaign_id": campaign.pk,
                "unit_id": row.unit_id,
                "officer_id": None,
                "as_of": as_of,
                "updated_by_id": actor.pk,
                **figures[row.unit_id],
            }
            for row in new
        ],
    )
    now = timezone.now()
    bulk.update_rows(
        Result,
        [
            {"pk": stored[row.unit_id].pk, "updated_by_id": actor.pk, "updated_at": now, **figures[row.unit_id]}
            for row in changed
        ],
        [*FIGURES, "updated_by_id", "updated_at"],
    )
    outcome.created, outcome.updated = len(new), len(changed)
    return [*zip(ids, new, strict=True), *((stored[row.unit_id].pk, row) for row in changed)]


def _write(actor, campaign, as_of, units, stored, outcome) -> None:
    """Results, their target values (inserted, updated or cleared) and one audit entry per result that
    changed: a single statement per kind of write for the whole grid."""
    inserts, updates, cleared, entries, name = [], [], [], [], audit.actor_name(actor)
    for pk, row in _write_results(actor, campaign, as_of, stored, outcome):
        diff, kept = changes(row), stored[row.unit_id].stored_values if row.stored is not None else {}
        _values(pk, row, kept, diff, inserts, updates, cleared)
        if row.stored is None:
            action, diff = AuditAction.CREATE, {"as_of": [None, as_of.isoformat()], **diff}
        else:
            action = AuditAction.UPDATE
        headings = {c.key: c.label for c in row.columns if c.target_id is not None}
        diff = {headings.get(key, key): pair for key, pair in diff.items()}
        entries.append(_audit(actor, name, units[row.unit_id], as_of, pk, action, diff))
    bulk.insert_rows(ResultValue, inserts)
    bulk.update_rows(ResultValue, updates, ["number", "achieved"])
    if cleared:
        ResultValue.objects.filter(pk__in=cleared).delete()
    bulk.insert_rows(AuditEntry, entries)
    audit.written_in_bulk()
