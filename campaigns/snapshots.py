"""Attainment snapshots: compute the table on the latest confirmed results and store it with the
inputs it used; a second run with the same inputs stores nothing (idempotent)."""

import hashlib
import json

from django.conf import settings

from emulation import dispatch

from .models import AttainmentSnapshot, Campaign, Result, ResultStatus
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


def recompute(campaign_id: int) -> AttainmentSnapshot | None:
    """Store a new snapshot when the inputs changed since the last one; return it (None if unchanged)."""
    campaign = Campaign.objects.get(pk=campaign_id)
    inputs = _inputs(campaign)
    digest = _digest(inputs)
    latest = campaign.snapshots.first()
    if latest is not None and latest.inputs_digest == digest:
        return None
    rows = [as_record(row) for row in attainment_rows_for_all(campaign)]
    return AttainmentSnapshot.objects.create(campaign=campaign, inputs_digest=digest, inputs=inputs, rows=rows)


def request_recompute(campaign_id: int) -> bool:
    """Debounce: one recompute per campaign per window, asked for through the outbox (a broker outage
    delays it, never loses it); changes made before it starts ride along with it."""
    window = settings.ATTAINMENT_DEBOUNCE_SECONDS
    return dispatch.enqueue("campaigns.recompute_attainment", {"campaign_id": campaign_id}, countdown=window,
                            key=f"attainment:{campaign_id}" if window else "") is not None
