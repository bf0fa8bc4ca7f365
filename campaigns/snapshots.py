"""Attainment snapshots: compute the table on the latest confirmed results and store it, as
``AttainmentRow`` rows, with the inputs it used; a second run with the same inputs stores nothing
(idempotent: it only notes when the inputs were last checked). Pages and reports read the stored rows."""

import hashlib
import json
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from emulation import dispatch, pagecache

from . import ranking
from .models import AttainmentRow, AttainmentSnapshot, Campaign, MetricKind, Result, ResultStatus, StandingRow
from .selectors import attainment_rows_for_all


def as_record(row) -> dict:
    result, evaluation = row.result, row.evaluation
    return {
        "unit_code": result.unit.code, "unit": result.unit.name,
        "officer_code": result.officer.code if result.officer else "",
        "officer": result.officer.full_name if result.officer else "",
        "target_code": row.target.code, "metric": row.target.metric_kind, "bracket": row.bracket_words,
        "target_value": None if row.target_value is None else str(row.target_value),
        "actual": None if evaluation.rate is None else str(evaluation.rate_display), "state": str(evaluation.state),
        "gap_units": evaluation.gap_units, "gap_points": str(evaluation.gap_points), "rank": row.rank,
        "peers": row.peers, "reason": evaluation.reason,
    }


def _inputs(campaign: Campaign) -> list:
    figures = Result.objects.filter(campaign=campaign, status=ResultStatus.CONFIRMED).order_by("pk").values_list(
        "pk", "unit_id", "officer_id", "as_of", "cases_total", "cases_with_conditions", "cases_completed",
        "money_total", "money_with_conditions", "money_completed")
    targets = campaign.targets.order_by("pk").values_list("pk", "metric_kind", "basis", "value", "strict",
                                                          "brackets__lower", "brackets__upper", "brackets__value",
                                                          "brackets__lower_inclusive", "brackets__upper_inclusive")
    return json.loads(json.dumps({"results": list(figures), "targets": list(targets)}, default=str))


def _digest(inputs: list) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def inputs_digest(campaign: Campaign) -> str:
    """The hash of what attainment is computed from (confirmed figures, targets and brackets)."""
    return _digest(_inputs(campaign))


def _stored(snapshot: AttainmentSnapshot, position: int, row) -> AttainmentRow:
    result, evaluation, target = row.result, row.evaluation, row.target
    return AttainmentRow(
        snapshot=snapshot, position=position, unit_id=result.unit.pk,
        officer_id=result.officer.pk if result.officer else None, target_id=target.pk, target_code=target.code,
        metric_kind=target.metric_kind, strict=target.strict, bracket=row.bracket_words,
        target_value=row.target_value, actual=evaluation.rate_display, actual_display=row.actual_display,
        state=str(evaluation.state), gap_units=evaluation.gap_units, gap_points=evaluation.gap_points,
        rank=row.rank, peers=row.peers, overall_rank=row.overall_rank, overall_peers=row.overall_peers,
        reason=evaluation.reason)


def recompute(campaign_id: int) -> AttainmentSnapshot | None:
    """Store a new snapshot and its rows (one transaction) when the inputs changed since the last one;
    return it (None if unchanged: the last one is then marked as checked now, if a recompute was asked for)."""
    campaign = Campaign.objects.get(pk=campaign_id)
    checked_at = timezone.now()
    inputs = _inputs(campaign)
    digest = _digest(inputs)
    latest = campaign.snapshots.first()
    if latest is not None and latest.inputs_digest == digest:
        asked = campaign.attainment_requested_at
        if asked is not None and asked > latest.checked_at:  # answers the request: the table is current
            AttainmentSnapshot.objects.filter(pk=latest.pk).update(checked_at=checked_at)
        return None
    rows = attainment_rows_for_all(campaign)
    with transaction.atomic():
        snapshot = AttainmentSnapshot.objects.create(campaign=campaign, inputs_digest=digest, inputs=inputs,
                                                     checked_at=checked_at)
        AttainmentRow.objects.bulk_create((_stored(snapshot, n, row) for n, row in enumerate(rows)), batch_size=2000)
        store_standings(snapshot.pk)
        transaction.on_commit(pagecache.changed)  # the director's charts were cached from the previous snapshot
    return snapshot


def store_standings(snapshot_id: int, *, row_model=AttainmentRow, standing_model=StandingRow) -> int:
    """The overall standing of the snapshot's units (``ranking.standings``) from its stored unit rows, as figures
    are shown (rates to 2 decimals), stored as ``StandingRow`` rows; returns how many. The model arguments let
    the migration that added the table fill it for the snapshots stored before."""
    unit_rows = row_model.objects.filter(snapshot_id=snapshot_id, officer__isnull=True).order_by("position")
    stored = list(unit_rows.values_list("unit_id", "target_id", "target_code", "metric_kind", "state", "actual",
                                        "target_value", "unit__sort_key"))
    marks, labels, sort_keys = {}, {}, {}
    for unit, target, code, metric, state, actual, level, sort_key in stored:
        key = target if target is not None else -len(labels) - 1  # a deleted target stays apart
        labels.setdefault(key, f"{code} {_METRIC_WORDS.get(metric, '')}".strip())
        marks.setdefault(unit, []).append(ranking.Mark(key, state, ranking.ratio(actual, level)))
        sort_keys[unit] = sort_key
    found = ranking.standings(marks)
    groups = {group: n for n, group in enumerate(dict.fromkeys(s.group for s in found), start=1)}
    ordered = sorted(found, key=lambda s: (groups[s.group], s.rank, sort_keys[s.unit]))
    standing_model.objects.bulk_create(standing_model(
        snapshot_id=snapshot_id, position=n, unit_id=s.unit, group=groups[s.group],
        group_label="; ".join(labels[t] for t in s.group)[:500], rank=s.rank, peers=s.peers, met=s.met,
        assessed=s.assessed, not_computable=s.not_computable, mean_ratio=_percent(s.mean_ratio),
        min_ratio=_percent(s.min_ratio)) for n, s in enumerate(ordered))
    return len(ordered)


# The group's targets in words (stored, like the bracket words, in Vietnamese).
_METRIC_WORDS = {MetricKind.COMPLETION_CASES: "về việc", MetricKind.COMPLETION_MONEY: "về tiền"}


def _percent(value):
    return None if value is None else (value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def records(snapshot: AttainmentSnapshot | None) -> list[dict]:
    """The snapshot's rows as plain records (the keys of ``as_record``; numbers as text), in table order."""
    if snapshot is None:
        return []
    rows = snapshot.attainment_rows.order_by("position").values_list(
        "unit__code", "unit__name", "officer__code", "officer__full_name", "target_code", "metric_kind", "bracket",
        "target_value", "actual", "state", "gap_units", "gap_points", "rank", "peers", "reason")
    return [{"unit_code": unit_code, "unit": unit, "officer_code": officer_code or "", "officer": officer or "",
             "target_code": code, "metric": metric, "bracket": bracket, "target_value": _text(value),
             "actual": _text(actual), "state": state, "gap_units": gap_units, "gap_points": str(gap_points),
             "rank": rank, "peers": peers, "reason": reason}
            for (unit_code, unit, officer_code, officer, code, metric, bracket, value, actual, state, gap_units,
                 gap_points, rank, peers, reason) in rows]


def _text(value) -> str | None:
    return None if value is None else str(value)


def request_recompute(campaign_id: int) -> bool:
    """Debounce: one recompute per campaign per window, asked for through the outbox (a broker outage
    delays it, never loses it); changes made before it starts ride along with it. The time of asking is
    noted first: until a recompute checks the inputs after it, pages say the table is being recomputed."""
    Campaign.objects.filter(pk=campaign_id).update(attainment_requested_at=timezone.now())
    window = settings.ATTAINMENT_DEBOUNCE_SECONDS
    return dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": campaign_id}, countdown=window,
                            key=f"attainment:{campaign_id}" if window else "") is not None
