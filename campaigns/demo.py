"""The five seed plans (../shared/seeds/) with their campaigns, milestones, participants, sub-plan requirements,
filed sub-plans and some pledges; the data are in ``demo_data`` and ``demo_texts``, the targets in
``demo_targets``. Every row is upserted on its natural key: loading twice changes nothing."""

from django.contrib.auth import get_user_model

from emulation import demo_reorganisation
from emulation.models import Officer, Unit, UnitKind

from . import demo_current, demo_history, demo_targets, services
from . import demo_data as data
from .demo_texts import SEED_TEXTS
from .models import Campaign, Milestone, Participation, Plan, Pledge, SubPlanRequirement
from .services import derive_campaign_fields, derive_plan_fields, save_campaign, save_plan

SAVERS = {Plan: (derive_plan_fields, save_plan), Campaign: (derive_campaign_fields, save_campaign)}


def _upsert(model, lookup: dict, values: dict):
    """Create or update the row found by ``lookup``; plans and campaigns go through their save helpers."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    derive, save = SAVERS.get(model, (None, None))
    if obj.pk is not None:
        probe = model(**{**lookup, **values})
        if derive:
            derive(probe)
        fields = [*values, *(["search_key"] if derive else [])]
        if all(getattr(obj, key) == getattr(probe, key) for key in fields):
            return obj
    for key, value in values.items():
        setattr(obj, key, value)
    if save:
        return save(obj)
    obj.full_clean()
    obj.save()
    return obj


def _content(seed: str) -> str:
    text = SEED_TEXTS[seed]
    return "\n".join(part for part in (data.PREAMBLE.get(seed), text.get("other"), text.get("organisation")) if part)


def load_plans(units: dict[str, Unit]) -> dict[str, Plan]:
    plans = {}
    for spec in data.PLANS:
        text = SEED_TEXTS[spec["seed"]]
        values = {"title": spec["title"], "place": spec["place"], "theme": spec["theme"],
                  "legal_basis": "\n".join(data.LEGAL_BASIS[spec["seed"]]), "purposes": text["purposes"],
                  "requirements": text["requirements"], "content": _content(spec["seed"]),
                  "recipients": text["recipients"], "signer_name": spec["signer"][0],
                  "signer_title": spec["signer"][1], "issued_on": None}
        lookup = {"issuer": units[spec["issuer"]], "year": spec["year"], "symbol": spec["symbol"], "number": None,
                  "parent": None}
        plans[spec["seed"]] = _upsert(Plan, lookup, values)
    return plans


def load_campaigns(plans: dict[str, Plan]) -> dict[str, Campaign]:
    campaigns = {}
    for key, seed, kind, name, start, end, r_start, r_end, pledges_due, dossier_due, text_key in data.CAMPAIGNS:
        description = data.PHASE_TEXT.get(text_key) or SEED_TEXTS[seed][text_key]
        values = {"kind": kind, "starts_on": start, "ends_on": end, "results_starts_on": r_start,
                  "results_ends_on": r_end, "pledges_due_on": pledges_due, "dossier_due_on": dossier_due,
                  "description": description, "theme": plans[seed].theme}
        campaigns[key] = _upsert(Campaign, {"plan": plans[seed], "name": name}, values)
    for key, kind, title, start, end, note in data.MILESTONES:
        _upsert(Milestone, {"campaign": campaigns[key], "title": title},
                {"kind": kind, "starts_on": start, "ends_on": end, "note": note})
    return campaigns


def _members(units: dict[str, Unit], province: str) -> list[Unit]:
    """The department's divisions and sub-departments as they were before 01/07/2025."""
    return [u for code, u in units.items() if code.startswith(f"{province}-")
            and u.kind in (UnitKind.DIVISION, UnitKind.SUB_DEPARTMENT) and u.valid_from is None]


def _participants(units: dict[str, Unit], issuer: str) -> list[Unit]:
    if issuer != "UBND-HG":
        return _members(units, issuer)
    # Seed 002: the whole THADS system of the province and the coordinating bodies outside it.
    outside = [u for u in units.values() if u.parent_id == units["UBND-HG"].pk]
    return [units["HG"], *_members(units, "HG"), *outside]


def _where_now(model, unit: Unit, moved: dict[int, int], **lookup):
    """The row of ``unit`` or, once the reorganisation moved it, of its successor (None: not loaded yet)."""
    return model.objects.filter(unit_id__in=[unit.pk, moved.get(unit.pk, unit.pk)], **lookup).order_by("pk").first()


def load_participation(units: dict[str, Unit], plans: dict[str, Plan], campaigns: dict[str, Campaign]) -> None:
    moved = demo_reorganisation.receiving()
    for campaign in campaigns.values():
        for unit in _participants(units, campaign.plan.issuer.code):
            if _where_now(Participation, unit, moved, campaign=campaign) is None:
                Participation.objects.create(campaign=campaign, unit=unit)
    for spec in data.PLANS:
        if "subplans_due" in spec:
            for unit in _members(units, spec["issuer"]):
                _upsert(SubPlanRequirement, {"plan": plans[spec["seed"]], "unit": unit},
                        {"due_on": spec["subplans_due"]})
    for seed, unit_code, number, issued_on in data.FILED_SUBPLANS:
        unit, parent = units[unit_code], plans[seed]
        symbol = "KH-CCTHADS" if unit.kind == UnitKind.SUB_DEPARTMENT else "KH-VP"
        _upsert(Plan, {"issuer": unit, "year": parent.year, "number": number, "symbol": symbol},
                {"issued_on": issued_on, "parent": parent, "place": parent.place,
                 "title": data.SUBPLAN_TITLES[seed].format(unit=unit.name),
                 "theme": parent.theme, "legal_basis": f"Kế hoạch số {parent.reference} của {parent.issuer.name};"})


def demo_actor():
    """The demo's changes of state are made by the administrator, through the lifecycle tables."""
    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def walk(move, obj, actions: tuple, *, actor, reason: str = "") -> None:
    """Take ``actions`` (through the service ``move``, so through the lifecycle table) from the initial
    state; an object already moved on (a second run) is left as it is."""
    if not actions or obj.status != obj._meta.get_field("status").default:
        return
    for action in actions:
        obj = move(actor, obj, action, reason if action == "return" else "")


def load_pledges(units: dict[str, Unit], campaigns: dict[str, Campaign]) -> None:
    actor, moved = demo_actor(), demo_reorganisation.receiving()
    for key, unit_code, slot, registered_on, title, state in data.PLEDGES:
        officer = Officer.objects.get(code=f"{unit_code}-{slot:02d}") if slot else None
        found = _where_now(Pledge, units[unit_code], moved, campaign=campaigns[key], officer=officer)
        unit = found.unit if found else units[unit_code]
        pledge = _upsert(Pledge, {"campaign": campaigns[key], "unit": unit, "officer": officer},
                         {"registered_on": registered_on, "target_title": title,
                          "content": data.PLEDGE_TEXT[key[:3]]})
        walk(_move_pledge, pledge, data.PLEDGE_PATHS[state], actor=actor, reason=data.PLEDGE_RETURN_REASON)


def file_subplans(plans: dict[str, Plan]) -> None:
    actor = demo_actor()
    for requirement in SubPlanRequirement.objects.filter(plan__in=plans.values()).select_related("plan", "unit"):
        if Plan.objects.filter(parent=requirement.plan, issuer=requirement.unit).exists():
            walk(_move_subplan, requirement, ("file",), actor=actor)


def _move_pledge(actor, pledge, action, reason):
    return services.transition_pledge(actor=actor, pledge=pledge, action=action, reason=reason)


def _move_subplan(actor, requirement, action, reason):
    return services.transition_subplan(actor=actor, requirement=requirement, action=action, reason=reason)


def load(units: dict[str, Unit] | None = None) -> dict:
    """Load after ``emulation.demo.load()``; ``units`` (code → unit) defaults to every unit in the database."""
    units = units or {u.code: u for u in Unit.objects.all()}
    plans = load_plans(units)
    campaigns = load_campaigns(plans)
    load_participation(units, plans, campaigns)
    file_subplans(plans)
    load_pledges(units, campaigns)
    demo_targets.load(list(campaigns.values()))
    return {"plans": plans, "campaigns": campaigns}


def load_current(*, today) -> dict:
    """The current statistical year of Cần Thơ (``demo_current``), after the reorganisation, and the two years
    before it (``demo_history``)."""
    return {"campaign": demo_current.load(today=today), "history": demo_history.load(today=today)}
