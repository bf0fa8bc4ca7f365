"""Facts for the eligibility rules, gathered set-based: a fixed number of queries for any number of
candidates. ``assess_all`` returns each subject with its facts and verdict, in suggested order."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone, translation

from campaigns import snapshots
from campaigns.models import Campaign, MetricKind
from campaigns.standings import COMPLETION
from emulation.models import AwardHold, Discipline, Gender, Officer, PerformanceRating, Unit
from emulation.selectors import lineages

from . import criteria
from .criteria import AttainmentFact, AwardFact, Candidate, Context, DisciplineFact, HoldFact, InitiativeFact, Spec
from .models import AwardRecord, CampaignAward, InitiativeAuthor

WOMEN_SHARE = 70  # a collective with ≥ 70 % women goes first among equals


@dataclass
class Assessed:
    subject: object  # Officer or Unit
    unit: Unit
    facts: Candidate
    assessment: criteria.Assessment

    @property
    def is_collective(self) -> bool:
        return isinstance(self.subject, Unit)

    @property
    def key(self) -> tuple[str, int]:
        return ("unit" if self.is_collective else "officer", self.subject.pk)


def is_unit_head(officer: Officer) -> bool:
    """Thủ trưởng đơn vị: a leader whose position is not a deputy's (Phó …)."""
    return officer.is_leader and not officer.position.strip().lower().startswith("phó")


def specs_of(campaign_award: CampaignAward) -> list[Spec]:
    return [Spec(c.kind, c.params, c.text, c.applies_to) for c in campaign_award.criteria.all()]


def context_for(campaign: Campaign, on: datetime.date, snapshot=None) -> Context:
    start, end = campaign.results_period
    label = ""
    if snapshot is not None:
        label = f"Bảng đạt chỉ tiêu tính lúc {timezone.localtime(snapshot.computed_at):%H:%M %d/%m/%Y}"
    return Context(on=on, period_start=start, period_end=end, snapshot=label)


PERCENT_METRICS = {MetricKind.COMPLETION_CASES, MetricKind.COMPLETION_MONEY, MetricKind.PERCENTAGE}


def _figure(value: str | None, metric: str) -> str | None:
    """"75.94" → "75,94%" (the snapshot stores plain decimals)."""
    if value in (None, ""):
        return None
    number = Decimal(value).normalize() if metric != "comparison" else Decimal(value)
    text = f"{number:f}".replace(".", ",")
    return f"{text}%" if metric in PERCENT_METRICS else text


def _attainment(snapshot, targets: dict[str, str]) -> dict[tuple, list[AttainmentFact]]:
    found = defaultdict(list)
    for row in snapshots.records(snapshot):
        key = ("officer", row["officer_code"]) if row["officer_code"] else ("unit", row["unit_code"])
        metric = row["metric"]
        name = MetricKind(metric).label if metric in COMPLETION else targets.get(row["target_code"], "")
        bracket = f", khung {row['bracket']}" if row.get("bracket") else ""
        found[key].append(AttainmentFact(target=f"{row['target_code']} – {name}{bracket}".strip(" –"),
                                         state=row["state"], actual=_figure(row["actual"], metric),
                                         target_value=_figure(row["target_value"], metric),
                                         reason=row.get("reason", "")))
    return found


def _discipline(d: Discipline) -> DisciplineFact:
    return DisciplineFact(person=d.officer.full_name, form=d.form, decided_on=d.decided_on, ends_on=d.ends_on,
                          reference=d.decision_number)


def _member_ratings(members, ratings) -> dict[int, list[str]]:
    by_year = defaultdict(list)
    for officer_id, _unit, _gender in members:
        for year, level in ratings[officer_id].items():
            by_year[year].append(level)
    return dict(by_year)


def _heirs(units: list[Unit]) -> dict[int, list[int]]:
    """unit id → the candidate collectives whose history it belongs to (itself, or a unit that took it over)."""
    found = defaultdict(list)
    for unit_id, predecessors in lineages([u.pk for u in units]).items():
        for pk in (unit_id, *predecessors):
            found[pk].append(unit_id)
    return dict(found)


def initiatives_of(officer_ids, on: datetime.date) -> dict[int, list[InitiativeFact]]:
    """officer id → the initiatives of the register they are an author of, recognised by ``on`` (one query)."""
    found = defaultdict(list)
    shares = InitiativeAuthor.objects.filter(officer_id__in=officer_ids, initiative__decided_on__lte=on)
    for a in shares.select_related("initiative").order_by("initiative__decided_on", "initiative_id"):
        i = a.initiative
        found[a.officer_id].append(InitiativeFact(i.title, i.scope, i.decision_number, i.decided_on, i.decided_by,
                                                  a.share))
    return found


def gather(campaign: Campaign, units: list[Unit], officers: list[Officer],
           on: datetime.date) -> tuple[dict[tuple, Candidate], Context]:
    """Facts of the collectives ``units`` and the ``officers`` as known on ``on`` (ten queries):
    disciplines decided, holds opened, awards decided, initiatives recognised by that day; the same for every award of
    the campaign. (Ratings carry no date: each is the year's rating as entered.)"""
    snapshot = campaign.snapshots.defer("inputs").first()
    context = context_for(campaign, on, snapshot)
    targets = dict(campaign.targets.values_list("code", "title"))
    targets = {code: (title if len(title) <= 60 else title[:57] + "…") for code, title in targets.items()}
    attainment = _attainment(snapshot, targets)

    paths = Q()
    for unit in units:
        paths |= Q(path__startswith=unit.path)
    member_units = list(Unit.objects.filter(paths).values_list("id", "path")) if units else []
    unit_of_path = {uid: path for uid, path in member_units}
    members = list(Officer.objects.filter(unit_id__in=unit_of_path, is_active=True).values_list(
        "id", "unit_id", "gender"))
    people = {o.pk for o in officers} | {m[0] for m in members}
    disciplines = defaultdict(list)
    for d in Discipline.objects.filter(officer_id__in=people, decided_on__lte=on).select_related("officer"):
        disciplines[d.officer_id].append(_discipline(d))
    ratings = defaultdict(dict)
    for officer_id, year, level in PerformanceRating.objects.filter(officer_id__in=people).values_list(
            "officer_id", "year", "level"):
        ratings[officer_id][year] = level
    holds = defaultdict(list)
    for h in AwardHold.objects.filter(Q(officer_id__in=[o.pk for o in officers]) | Q(unit_id__in=[u.pk for u in units]),
                                      opened_on__lte=on).select_related("officer", "unit"):
        key = ("officer", h.officer_id) if h.officer_id else ("unit", h.unit_id)
        holds[key].append(HoldFact(str(h.officer or h.unit), h.get_kind_display(), h.opened_on, h.closed_on))
    awards, member_awards = defaultdict(list), defaultdict(lambda: defaultdict(int))
    member_of = {m[0]: m[1] for m in members}
    heirs = _heirs(units)  # a collective's history includes what its predecessors earned
    records = AwardRecord.objects.filter(Q(officer_id__in=people) | Q(unit_id__in=heirs), decided_on__lte=on)
    for r in records.select_related("award_form"):
        fact = AwardFact(r.award_form.code, r.award_form.name, r.year, r.decision_reference, r.decided_on)
        for key in [("officer", r.officer_id)] if r.officer_id else [("unit", u) for u in heirs[r.unit_id]]:
            awards[key].append(fact)
        if r.officer_id in member_of:
            for unit in units:
                if unit_of_path[member_of[r.officer_id]].startswith(unit.path):
                    member_awards[unit.pk][(r.award_form.code, r.year)] += 1

    initiatives = initiatives_of([o.pk for o in officers], on)
    collectives = {}
    for unit in units:
        inside = [m for m in members if unit_of_path[m[1]].startswith(unit.path)]
        women = sum(1 for m in inside if m[2] == Gender.FEMALE)
        collectives[unit.pk] = Candidate(
            is_collective=True, name=unit.name, unit_name=unit.name,
            female=bool(inside) and women * 100 >= WOMEN_SHARE * len(inside),
            holds=holds[("unit", unit.pk)], attainment=attainment.get(("unit", unit.code), []) if snapshot else None,
            awards=awards[("unit", unit.pk)], members=len(inside),
            member_disciplines=[d for m in inside for d in disciplines[m[0]]],
            member_awards=dict(member_awards[unit.pk]), member_ratings=_member_ratings(inside, ratings))
    found = {("unit", pk): c for pk, c in collectives.items()}
    for officer in officers:
        found[("officer", officer.pk)] = Candidate(
            is_collective=False, name=officer.full_name, unit_name=officer.unit.name,
            female=officer.gender == Gender.FEMALE, is_head=is_unit_head(officer),
            disciplines=disciplines[officer.pk], holds=holds[("officer", officer.pk)],
            attainment=attainment.get(("officer", officer.code), []) if snapshot else None,
            awards=awards[("officer", officer.pk)], ratings=ratings[officer.pk],
            collective=collectives.get(officer.unit_id), initiatives=initiatives[officer.pk])
    return found, context


@translation.override("vi")  # the findings are Vietnamese text (stored with a proposal): no English labels inside
def assess_all(campaign_award: CampaignAward, units: list[Unit], officers: list[Officer],
               on: datetime.date, gathered=None) -> list[Assessed]:
    """Every subject with its verdict, in suggested order (eligible first, more targets met, women
    first among equals, then Vietnamese name order). For the head-of-unit rule, pass the heads'
    units in ``units`` or they are judged without their collective. ``gathered``: the facts from
    ``gather`` when several awards of the campaign are judged on the same subjects."""
    facts, context = gathered or gather(campaign_award.campaign, units, officers, on)
    specs = specs_of(campaign_award)
    assessed = [Assessed(u, u, facts[("unit", u.pk)], criteria.assess(facts[("unit", u.pk)], specs, context))
                for u in units]
    assessed += [Assessed(o, o.unit, facts[("officer", o.pk)], criteria.assess(facts[("officer", o.pk)], specs,
                                                                                 context)) for o in officers]
    return sorted(assessed, key=lambda a: criteria.ranking_key(a.facts, a.assessment, a.subject.sort_key))
