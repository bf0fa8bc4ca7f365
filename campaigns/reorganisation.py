"""What a reorganisation moves in the campaigns (participations, open sub-plan requirements and pledges of the
campaigns still running on the effective date) and what stays with the old unit (results, snapshots); and the
successor's inherited campaign history by year. Registered from ``CampaignsConfig.ready``."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from emulation import access, panels, selectors
from emulation.reorganisation import Move, register_history, register_mover
from emulation.reorganisation_movers import move_units, plan_unit_moves, unit_section

from .models import AttainmentSnapshot, Participation, Plan, Pledge, Result, SubPlanRequirement

TAKEN = _("đơn vị kế thừa đã có")


def _running(move: Move) -> Q:
    return Q(campaign__starts_on__lte=move.effective_on, campaign__ends_on__gte=move.effective_on)


def _lock(queryset, lock: bool):
    return queryset.select_for_update(of=("self",)) if lock else queryset


# --- participations -----------------------------------------------------------------------------------------

def _participations(move: Move, lock: bool = False):
    rows = Participation.objects.filter(_running(move), unit_id__in=move.receiving).select_related("campaign")
    taken = Participation.objects.filter(_running(move), unit_id__in=set(move.receiving.values())).values_list(
        "campaign_id", "unit_id")
    return plan_unit_moves(_lock(rows.order_by("campaign_id", "unit__path"), lock), move,
                           key=lambda p, unit_id: (p.campaign_id, unit_id), taken=taken)


def preview_participations(move: Move):
    moving, kept = _participations(move)
    return unit_section("participations", _("Tham gia phong trào đang diễn ra"), move, moving, kept,
                        lambda p: p.campaign.name, TAKEN)


def apply_participations(move: Move, actor) -> int:
    return move_units(_participations(move, lock=True)[0], move, actor)


# --- open sub-plan requirements -----------------------------------------------------------------------------

def _requirements(move: Move, lock: bool = False):
    filed = Plan.objects.filter(parent_id=OuterRef("plan_id"), issuer_id=OuterRef("unit_id"))
    rows = SubPlanRequirement.objects.filter(unit_id__in=move.receiving).exclude(Exists(filed)).filter(
        plan__campaigns__ends_on__gte=move.effective_on).distinct().select_related("plan")
    taken = SubPlanRequirement.objects.filter(unit_id__in=set(move.receiving.values())).values_list(
        "plan_id", "unit_id")
    rows = rows.order_by("plan_id", "unit__path")
    if lock:  # DISTINCT cannot be locked: lock the rows by id
        rows = SubPlanRequirement.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).select_related(
            "plan").order_by("plan_id", "unit__path").select_for_update(of=("self",))
    return plan_unit_moves(rows, move, key=lambda r, unit_id: (r.plan_id, unit_id), taken=taken)


def preview_requirements(move: Move):
    moving, kept = _requirements(move)
    return unit_section("requirements", _("Yêu cầu xây dựng kế hoạch chưa nộp"), move, moving, kept,
                        lambda r: f"{r.plan.reference} (hạn {r.due_on:%d/%m/%Y})", TAKEN)


def apply_requirements(move: Move, actor) -> int:
    return move_units(_requirements(move, lock=True)[0], move, actor)


# --- pledges ------------------------------------------------------------------------------------------------

def _pledge_key(pledge, unit_id):
    """A collective pledge is one per campaign and unit; an officer's is one per campaign and officer."""
    return ("officer", pledge.campaign_id, pledge.officer_id) if pledge.officer_id else (
        "unit", pledge.campaign_id, unit_id)


def _pledges(move: Move, lock: bool = False):
    rows = Pledge.objects.filter(_running(move), unit_id__in=move.receiving).select_related("campaign", "officer")
    taken = [("unit", c, u) for c, u in Pledge.objects.filter(
        _running(move), unit_id__in=set(move.receiving.values()), officer__isnull=True).values_list(
        "campaign_id", "unit_id")]
    return plan_unit_moves(_lock(rows.order_by("campaign_id", "unit__path", "id"), lock), move,
                           key=_pledge_key, taken=taken)


def _pledge_label(pledge) -> str:
    who = pledge.officer.full_name if pledge.officer_id else _("Tập thể")
    return f"{who} – {pledge.campaign.name}"


def preview_pledges(move: Move):
    moving, kept = _pledges(move)
    return unit_section("pledges", _("Đăng ký giao ước thi đua của phong trào đang diễn ra"), move, moving, kept,
                        _pledge_label, TAKEN)


def apply_pledges(move: Move, actor) -> int:
    return move_units(_pledges(move, lock=True)[0], move, actor)


# --- history that stays -------------------------------------------------------------------------------------

def history_kept(predecessor_ids: list[int]) -> list[tuple[str, int]]:
    campaigns = Participation.objects.filter(unit_id__in=predecessor_ids).values("campaign_id")
    return [(_("Kết quả thi đua"), Result.objects.filter(unit_id__in=predecessor_ids).count()),
            (_("Bảng đạt chỉ tiêu"), AttainmentSnapshot.objects.filter(campaign_id__in=campaigns).count())]


def inherited_campaigns(user, unit) -> dict:
    """The predecessors' campaigns and results by year (two queries after the lineage)."""
    # a predecessor outside the user's lineage stays out of sight
    predecessors = [u for u in selectors.lineage(unit) if access.can_open_unit(user, u)]
    ids = [u.pk for u in predecessors]
    results = (Result.objects.filter(unit_id__in=ids).annotate(year=ExtractYear("as_of"))
               .values("year", "campaign__name", "unit__name").annotate(count=Count("id"))
               .order_by("-year", "campaign__name", "unit__name"))
    joined = (Participation.objects.filter(unit_id__in=ids).select_related("campaign", "unit")
              .order_by("-campaign__starts_on", "unit__path"))
    return {"predecessors": predecessors, "results": list(results) if ids else [],
            "participations": list(joined) if ids else []}


def register() -> None:
    register_mover("participations", preview_participations, apply_participations,
                   title=_("Tham gia phong trào đang diễn ra"))
    register_mover("requirements", preview_requirements, apply_requirements,
                   title=_("Yêu cầu xây dựng kế hoạch chưa nộp"))
    register_mover("pledges", preview_pledges, apply_pledges,
                   title=_("Đăng ký giao ước thi đua của phong trào đang diễn ra"))
    register_history("campaigns", history_kept)
    panels.register("unit", "campaigns/_inherited_panel.html", inherited_campaigns)
