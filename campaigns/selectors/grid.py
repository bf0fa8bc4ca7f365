"""Reads for the results grid (``campaigns.grid``): the units a user enters results for, the columns that
apply to them, and their stored results on one date, in a fixed number of queries whatever the size."""

import datetime
from types import SimpleNamespace

from django.db.models import Max

from .. import access
from ..grid import FIGURES, Column, cell_name, figure_columns, locked_reason, show, target_column
from ..models import Campaign, MetricKind, Result, ResultValue
from ..standings import applies
from ..workflow import BADGES

VALUE_KINDS = (MetricKind.PERCENTAGE, MetricKind.COUNT, MetricKind.BOOLEAN, MetricKind.COMPARISON)
VERDICT_KINDS = (MetricKind.BOOLEAN, MetricKind.COMPARISON)


def grid_units(user, campaign: Campaign) -> list:
    """Participating units the user may enter results for (unit heads their own, staff those in their scope),
    in tree order, as the results page lists them (the participations prefetched by ``campaign_detail``)."""
    allowed = access.pledge_unit_ids(user, campaign)
    return [p.unit for p in campaign.participations.all() if p.unit_id in allowed]


def unit_columns(campaign: Campaign, units: list) -> dict[int, list[Column]]:
    """Per unit, the columns of its line: the six figures, then each campaign target with a value entered
    per result (percentage, count, yes/no) that applies to that unit (``targets`` prefetched)."""
    targets = [t for t in campaign.targets.all() if t.metric_kind in VALUE_KINDS]
    columns = {t.pk: target_column(t.pk, str(t), t.metric_kind in VERDICT_KINDS) for t in targets}
    figures = figure_columns()
    return {unit.pk: figures + [columns[t.pk] for t in targets if applies(t, _subject(unit))] for unit in units}


def _subject(unit) -> SimpleNamespace:
    return SimpleNamespace(unit=unit, unit_id=unit.pk, officer=None, officer_id=None)


def header_columns(per_unit: dict[int, list[Column]]) -> list[Column]:
    """Every column some unit has, in the order of the first unit that has it (figures first)."""
    seen = {}
    for columns in per_unit.values():
        for column in columns:
            seen.setdefault(column.key, column)
    return list(seen.values())


def default_date(campaign: Campaign, unit_ids, today: datetime.date) -> datetime.date:
    """The date the grid opens on: the latest one these units reported for, else today within the results
    period (its last day once it is over)."""
    latest = Result.objects.filter(campaign=campaign, unit_id__in=unit_ids, officer__isnull=True).aggregate(
        latest=Max("as_of")
    )["latest"]
    start, end = campaign.results_period
    return latest or min(max(today, start), end)


def stored_results(campaign: Campaign, unit_ids, as_of: datetime.date, *, lock: bool = False) -> dict[int, Result]:
    """Each unit's own result on ``as_of`` (locked for update when saving), with ``.cells`` (column key → value)
    and ``.stored_values`` (target id → ``ResultValue``): two queries."""
    results = Result.objects.select_for_update(of=("self",)) if lock else Result.objects
    found = {
        r.unit_id: r for r in results.filter(campaign=campaign, unit_id__in=unit_ids, officer__isnull=True, as_of=as_of)
    }
    by_result = {r.pk: r for r in found.values()}
    for result in found.values():
        result.stored_values = {}
        result.cells = {name: getattr(result, name) for name in FIGURES}
    for value in ResultValue.objects.filter(result_id__in=by_result):
        result = by_result[value.result_id]
        result.stored_values[value.target_id] = value
        result.cells[f"t{value.target_id}"] = value.number if value.achieved is None else value.achieved
    return found


def grid_lines(
    user, campaign, units: list, per_unit: dict, columns: list[Column], stored: dict, rows: dict | None = None
) -> list:
    """The page's lines for the template, one cell per header column (None where the column does not apply):
    the stored value shown, or after a refused save what was typed, with that cell's errors."""
    lines = []
    for row_number, unit in enumerate(units):
        result, row, mine = stored.get(unit.pk), (rows or {}).get(unit.pk), {c.key for c in per_unit[unit.pk]}
        locked = locked_reason(user, campaign, unit, result) if result else ""
        cells = []
        for col_number, column in enumerate(columns):
            if column.key not in mine:
                cells.append(None)
                continue
            text = (
                row.typed.get(column.key, "") if row else show(column, result.cells.get(column.key) if result else None)
            )
            cells.append(
                {
                    "column": column,
                    "name": cell_name(unit.pk, column),
                    "text": text,
                    "row": row_number,
                    "col": col_number,
                    "errors": row.errors.get(column.key, []) if row else [],
                    "readonly": bool(locked),
                }
            )
        lines.append(
            {
                "unit": unit,
                "result": result,
                "cells": cells,
                "locked": locked,
                "badge": BADGES.get(result.status, "secondary") if result else "",
            }
        )
    return lines


def problems(lines: list, outcome) -> list[dict]:
    """The summary above a refused grid: each cell's errors, named "<unit> – <column>", with its anchor."""
    if outcome is None:
        return []
    found = [{"anchor": "", "text": text} for text in outcome.errors]
    for line in lines:
        for cell in (c for c in line["cells"] if c and c["errors"]):
            found += [
                {"anchor": cell["name"], "text": f"{line['unit'].name} – {cell['column'].label}: {error}"}
                for error in cell["errors"]
            ]
    return found
