"""A campaign's documents: the plan that launches it (Kế hoạch, NĐ 30/2020 Mẫu 1.4) with an appendix of
its campaigns, periods and milestones; and the summary report (Báo cáo sơ kết / tổng kết phong trào
thi đua) with the attainment of the latest snapshot (tables and charts) and the awards granted.

The report reads the attainment table as stored in the latest snapshot: it does not recompute it,
so the figures printed are the ones a decision could cite."""

import datetime
import re
from dataclasses import dataclass, replace

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from awards.models import AwardRecord, CampaignAward
from campaigns import periods, snapshots
from campaigns.models import Campaign, MetricKind, Milestone, Participation, Plan, Pledge
from emulation import organisation, registers
from emulation.models import Unit

from .. import charts, formats
from . import layout
from .decisions import authority_lines, award_groups

ROMAN_HEADING = re.compile(r"^[IVX]+\.\s")
NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.\s")
CHARTED = (MetricKind.COMPLETION_CASES, MetricKind.COMPLETION_MONEY, MetricKind.PERCENTAGE)
STATES = {"met": "Đạt", "not_met": "Chưa đạt", "not_computable": "Không tính được"}


@dataclass(frozen=True)
class Paragraph:
    text: str
    level: int = 0  # 0 body text, 1 a Roman-numbered section, 2 a numbered heading


def paragraphs(text: str) -> list[Paragraph]:
    """Plain text, one paragraph a line. "II. TỔ CHỨC THỰC HIỆN" is a section; "1.2. Các phong trào
    khác" (numbered, no closing punctuation) a heading; anything else body text. A line starting in
    lower case after one that did not end a sentence continues it (a hard wrap in the source text)."""
    result = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        previous = result[-1] if result else None
        if previous and previous.level == 0 and line[0].islower() and previous.text[-1] not in ".;:!?":
            result[-1] = Paragraph(f"{previous.text} {line}")
        elif ROMAN_HEADING.match(line):
            result.append(Paragraph(line, 1))
        elif NUMBERED_HEADING.match(line) and len(line) < 160 and line[-1] not in ".;:,":
            result.append(Paragraph(line, 2))
        else:
            result.append(Paragraph(line))
    return result


def list_lines(text_lines: list[str], last: str = ".") -> list[str]:
    """Lines of a list as printed: without their own dash and end mark, ";" after each, ``last`` at the end."""
    cleaned = [line.lstrip("-–+ ").rstrip(";.,: ") for line in text_lines]
    cleaned = [line for line in cleaned if line]
    return [line + (";" if index < len(cleaned) - 1 else last) for index, line in enumerate(cleaned)]


def _subject(title: str, kind: str) -> str:
    if title.lower().startswith(kind.lower()):
        title = title[len(kind):].strip(" :–-")
    return title[:1].upper() + title[1:]


def _theme(text: str) -> str:
    """A slogan as quoted in running text: one line, without its own quotes and closing stop."""
    return " ".join((text or "").split()).strip("“”\"").rstrip(".")


# The plan


def load_plan(pk: int) -> Plan:
    campaigns = Campaign.objects.order_by("starts_on", "id").prefetch_related(
        Prefetch("milestones", Milestone.objects.order_by("starts_on", "id")),
        Prefetch("awards", CampaignAward.objects.select_related("award_form").order_by("position", "id")),
        ).annotate(participant_count=Count("participations"))
    return (Plan.objects.select_related("issuer__parent", "parent__issuer")
            .prefetch_related(Prefetch("campaigns", campaigns)).get(pk=pk))


def plan_recitals(plan: Plan) -> list[str]:
    lines = [line if line.lower().startswith(("căn cứ", "thực hiện")) else f"Căn cứ {line}"
             for line in plan.legal_basis_lines]
    parent = plan.parent
    if parent is not None and parent.reference not in plan.legal_basis:
        lines.insert(0, f"Thực hiện Kế hoạch số {parent.reference} của {parent.issuer.name} về "
                        f"{_subject(parent.title, 'Kế hoạch')[:1].lower()}{_subject(parent.title, 'Kế hoạch')[1:]}")
    return list_lines(lines)


def plan_parts(plan: Plan, prefix: str = "KeHoach_") -> list[str]:
    issuer = registers.issuing_body(plan.issuer)
    recipients = list_lines(plan.recipient_lines) or [f"Lưu: VT, {registers.agency_symbol(issuer)}."]
    on = periods.plan_date(plan.issued_on, plan.year, timezone.localdate())
    head = layout.head_for(
        plan.issuer, series="KH", entry=None, day=None, on=on, title=f"Kế hoạch số {plan.reference} – {plan.title}",
        type_name="Kế hoạch", subject=_subject(plan.title, "Kế hoạch"),
        recipients=tuple(r.rstrip(";.") for r in recipients),
        authority_lines=authority_lines(plan.signer_title, layout.head_title(plan.issuer, on)),
        signer_name=plan.signer_name, field_prefix=prefix)
    head = replace(head, number_text=plan.reference,
                   place_date=layout.place_date(plan.issuer, plan.issued_on, plan.year, place=plan.place))
    content = paragraphs(plan.content)
    context = {"plan": plan, "issuer": issuer, "recitals": plan_recitals(plan), "purposes": paragraphs(plan.purposes),
               "requirements": paragraphs(plan.requirements), "content": content,
               "content_heading": not any(p.level == 1 and p.text.startswith("II.") for p in content),
               "campaigns": list(plan.campaigns.all()),
               "dated": layout.vn_date(plan.issued_on) if plan.issued_on else "", "theme": _theme(plan.theme)}
    parts = [layout.render("reports/documents/plan.html", head, **context)]
    if context["campaigns"]:
        parts.append(layout.render("reports/documents/plan_campaigns.html", head, **context))
    return parts


# The summary report


def load_campaign(pk: int) -> Campaign:
    return (Campaign.objects.select_related("plan__issuer__parent")
            .prefetch_related(Prefetch("participations", Participation.objects.select_related("unit")
                                       .order_by("unit__path")), "targets")
            .get(pk=pk))


@dataclass(frozen=True)
class TargetGroup:
    """The snapshot's rows for one target code and metric (several targets may share a code: one per
    kind of subject), split into collectives and individuals."""

    code: str
    metric: str
    title: str
    units: list
    officers: list

    @staticmethod
    def _count(rows, state) -> int:
        return sum(1 for row in rows if row["state"] == state)

    @property
    def unit_counts(self) -> tuple[int, int, int]:
        return tuple(self._count(self.units, s) for s in STATES)

    @property
    def officer_counts(self) -> tuple[int, int, int]:
        return tuple(self._count(self.officers, s) for s in STATES)

    @property
    def suffix(self) -> str:
        return "" if self.metric == MetricKind.COUNT else "%"


def _title(code: str, metric: str, titles: list[str]) -> str:
    label = MetricKind(metric).label if metric in MetricKind.values else metric
    text = titles[0] if len(titles) == 1 else str(label)
    text = text if len(text) <= 140 else text[:139].rstrip() + "…"
    return f"{code} – {text}" if code else text


def target_groups(campaign: Campaign, rows: list[dict]) -> list[TargetGroup]:
    titles: dict[tuple, list[str]] = {}
    for target in campaign.targets.all():  # prefetched, in the campaign's order
        titles.setdefault((target.code, target.metric_kind), []).append(target.title)
    grouped: dict[tuple, tuple[list, list]] = {key: ([], []) for key in titles}
    for row in rows:
        units, officers = grouped.setdefault((row["target_code"], row["metric"]), ([], []))
        (officers if row["officer_code"] else units).append(row)
    return [TargetGroup(code, metric, _title(code, metric, titles.get((code, metric), [])), units, officers)
            for (code, metric), (units, officers) in grouped.items() if units or officers]


def _rate(value: str | None, suffix: str) -> str:
    return formats.DASH if value in (None, "") else formats.number(value, 2) + suffix


def unit_table(group: TargetGroup) -> list[dict]:
    return [{"unit": row["unit"], "bracket": row["bracket"], "target": _rate(row["target_value"], group.suffix),
             "actual": _rate(row["actual"], group.suffix), "state": STATES.get(row["state"], row["state"]),
             "rank": f"{row['rank']}/{row['peers']}" if row.get("rank") else ""} for row in group.units]


def chart_for(group: TargetGroup, short_names: dict[str, str]) -> str:
    rows = [row for row in group.units if row["actual"] not in (None, "")]
    if group.metric not in CHARTED or not rows:
        return ""
    return charts.bar_chart_svg([short_names.get(row["unit_code"]) or row["unit"] for row in rows],
                                [row["actual"] for row in rows], target=[row["target_value"] for row in rows],
                                width_mm=160, unit=group.suffix, places=2)


def summary_parts(campaign: Campaign, *, today: datetime.date | None = None, prefix: str = "BaoCao_") -> list[str]:
    today = today or timezone.localdate()
    final = today > campaign.ends_on
    plan, issuer = campaign.plan, registers.issuing_body(campaign.plan.issuer)
    snapshot = campaign.snapshots.only("computed_at").first()
    groups = target_groups(campaign, snapshots.records(snapshot))
    codes = {row["unit_code"] for group in groups for row in group.units}
    short_names = dict(Unit.objects.filter(code__in=codes).values_list("code", "short_name")) if codes else {}
    pledges = Pledge.objects.filter(campaign=campaign).aggregate(
        collective=Count("pk", filter=Q(officer__isnull=True)), individual=Count("pk", filter=Q(officer__isnull=False)))
    records = list(AwardRecord.objects.filter(campaign=campaign).select_related("award_form", "officer__unit", "unit")
                   .order_by("award_form__rank", "decided_on", "officer__sort_key", "unit__sort_key", "id"))
    kind = "tổng kết" if final else "sơ kết"
    parent = organisation.header_for(issuer, today).parent_body
    recipients = ([f"{parent} (để báo cáo)"] if parent else []) + [
        "Các đơn vị tham gia phong trào", f"Lưu: VT, {registers.agency_symbol(issuer)}"]
    head = layout.head_for(
        issuer, series="BC", entry=None, day=None, year=today.year, on=today,
        title=f"Báo cáo {kind} – {campaign.name}", type_name="Báo cáo",
        subject=f"{kind.capitalize()} phong trào thi đua “{campaign.name}”", recipients=tuple(recipients),
        authority_lines=authority_lines(plan.signer_title, layout.head_title(issuer, today)),
        signer_name=plan.signer_name,
        field_prefix=prefix)
    context = {"campaign": campaign, "plan": plan, "issuer": issuer, "kind": kind, "snapshot": snapshot,
               "computed_at": timezone.localtime(snapshot.computed_at) if snapshot else None,
               "groups": [(g, unit_table(g), chart_for(g, short_names)) for g in groups], "pledges": pledges,
               "participants": [p.unit for p in campaign.participations.all()],
               "award_groups": award_groups(records), "records": records,
               "plan_date": layout.vn_date(plan.issued_on) if plan.issued_on else "", "theme": _theme(campaign.theme)}
    return [layout.render("reports/documents/campaign_summary.html", head, **context)]
