"""Awards after a reorganisation: what stays with the old unit (proposals, decisions, awards received) and the
successor's inherited award history (*kế thừa từ …*). Registered from ``AwardsConfig.ready``."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from emulation import access, panels, selectors
from emulation.reorganisation import register_history

from .models import AwardRecord, Decision, Proposal


def history_kept(predecessor_ids: list[int]) -> list[tuple[str, int]]:
    return [(_("Đề nghị khen thưởng"), Proposal.objects.filter(unit_id__in=predecessor_ids).count()),
            (_("Quyết định khen thưởng"), Decision.objects.filter(issuer_id__in=predecessor_ids).count()),
            (_("Khen thưởng đã nhận (tập thể)"), AwardRecord.objects.filter(unit_id__in=predecessor_ids).count())]


def inherited_awards(user, unit) -> dict:
    """Awards the predecessors received as collectives, and how many proposals they made (two queries after the
    lineage)."""
    # a predecessor outside the user's lineage stays out of sight
    ids = [u.pk for u in selectors.lineage(unit) if access.can_open_unit(user, u)]
    if not ids:
        return {"records": [], "proposals": []}
    records = AwardRecord.objects.filter(unit_id__in=ids).select_related("award_form", "unit").order_by(
        "-year", "-decided_on", "id")
    proposals = (Proposal.objects.filter(unit_id__in=ids).values("unit__name").annotate(count=Count("id"))
                 .order_by("unit__name"))
    return {"records": list(records), "proposals": list(proposals)}


def register() -> None:
    register_history("awards", history_kept)
    panels.register("unit", "awards/_inherited_panel.html", inherited_awards)
