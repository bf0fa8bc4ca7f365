"""A proposal's dossier (hồ sơ đề nghị, Luật TĐKT 2022 Điều 84): the Tờ trình with its nominee list,
the unit's review-meeting minutes, and each nominee's achievement report, on the templates of the
legal basis in force on the proposal's date (NĐ 98/2023 before 01/07/2025, NĐ 152/2025 from then)."""

import datetime
from dataclasses import dataclass, replace

from django.db.models import Prefetch
from django.utils import timezone

from awards.candidates import initiatives_of
from awards.models import AwardRecord, Nomination, Proposal
from awards.selectors.proposals import rule_in_force
from emulation import registers

from . import layout

NEW_BASIS_FROM = datetime.date(2025, 7, 1)


@dataclass(frozen=True)
class Basis:
    code: str
    decree: str
    letter_form: str
    person_report_form: str
    collective_report_form: str


BASES = {
    "nd98": Basis("nd98", "Nghị định số 98/2023/NĐ-CP", "Mẫu số 01", "Mẫu số 03", "Mẫu số 02"),
    # NĐ 152/2025: Mẫu 01 (Tờ trình) and Mẫu 05 (cá nhân) are verified; Mẫu 04 for a collective follows
    # the appendix order (law.md §2.2, unverified).
    "nd152": Basis("nd152", "Nghị định số 152/2025/NĐ-CP", "Mẫu số 01", "Mẫu số 05", "Mẫu số 04"),
}


def proposal_day(proposal: Proposal) -> datetime.date:
    return timezone.localdate(proposal.submitted_at) if proposal.submitted_at else timezone.localdate()


def basis_for(proposal: Proposal, nominations) -> Basis:
    """The rule frozen on the nominations at submission names the template; a draft takes the rule in
    force today; with no rule at all, the date decides."""
    day = proposal_day(proposal)
    rule = next((n.rule for n in nominations if n.rule_id), None)
    if rule is None and nominations:
        rule = rule_in_force(nominations[0].campaign_award.award_form, day)
    code = (rule.proposal_template or rule.report_template or "").split("_")[0] if rule else ""
    if code not in BASES:
        code = "nd152" if day >= NEW_BASIS_FROM else "nd98"
    return BASES[code]


def load(proposal_id: int) -> Proposal:
    nominations = Nomination.objects.select_related(
        "officer__unit", "unit", "rule", "campaign_award__award_form", "report").order_by("position", "id")
    return (Proposal.objects.select_related("unit__parent", "campaign__plan__issuer__parent", "letter_entry",
                                            "minutes_entry", "submitted_by")
            .prefetch_related(Prefetch("nominations", queryset=nominations)).get(pk=proposal_id))


def history_of(nominations) -> dict:
    officers = [n.officer_id for n in nominations if n.officer_id]
    units = [n.unit_id for n in nominations if not n.officer_id]
    records = AwardRecord.objects.filter(officer_id__in=officers) | AwardRecord.objects.filter(
        unit_id__in=units, officer__isnull=True)
    history = {}
    for record in records.select_related("award_form").order_by("year", "decided_on"):
        key = ("officer", record.officer_id) if record.officer_id else ("unit", record.unit_id)
        history.setdefault(key, []).append(record)
    return history


def recognised_initiatives(proposal: Proposal, nominations) -> dict:
    """officer id → the initiatives of the register the nominee is an author of, recognised by the
    proposal's day (section II.3 of the report; one query)."""
    return initiatives_of([n.officer_id for n in nominations if n.officer_id], proposal_day(proposal))


def _groups(nominations) -> list[tuple[str, list]]:
    groups = {}
    for n in nominations:
        kind = "Tập thể" if n.is_collective else "Cá nhân"
        groups.setdefault(f"{n.campaign_award.award_form.name} – {kind}", []).append(n)
    return list(groups.items())


def letter_subject(title: str) -> str:
    """The subject under "TỜ TRÌNH": the proposal's title without a leading "Tờ trình"."""
    if title.lower().startswith("tờ trình"):
        title = title[len("tờ trình"):].strip(" :–-")
    return title[:1].upper() + title[1:]


def letter_parts(proposal: Proposal, prefix: str = "ToTrinh_") -> list[str]:
    nominations = list(proposal.nominations.all())
    basis = basis_for(proposal, nominations)
    issuer = registers.issuing_body(proposal.unit)
    superior = proposal.campaign.plan.issuer
    head = layout.head_for(
        proposal.unit, series="TTr", entry=proposal.letter_entry, day=proposal_day(proposal) if
        proposal.letter_entry else None, year=proposal_day(proposal).year, on=proposal_day(proposal),
        title=f"Tờ trình – {proposal.title}", type_name="Tờ trình", subject=letter_subject(proposal.title),
        addressees=(f"Hội đồng Thi đua – Khen thưởng {superior.name}",),
        recipients=("Như trên", f"Lưu: VT, {registers.agency_symbol(issuer)}"),
        authority_lines=(layout.head_title(proposal.unit, proposal_day(proposal)),), signer_name=proposal.meeting_chair,
        field_prefix=prefix)
    context = {"proposal": proposal, "basis": basis, "groups": _groups(nominations), "issuer": issuer,
               "collectives": sum(1 for n in nominations if n.is_collective),
               "individuals": sum(1 for n in nominations if not n.is_collective)}
    return [layout.render("reports/documents/proposal_letter.html", head, **context),
            layout.render("reports/documents/nominee_list.html", head, **context)]


def minutes_parts(proposal: Proposal, prefix: str = "BienBan_") -> list[str]:
    nominations = list(proposal.nominations.all())
    head = layout.head_for(
        proposal.unit, series="BB", entry=proposal.minutes_entry, day=None,
        on=proposal.meeting_held_on or proposal_day(proposal),
        title=f"Biên bản họp xét thi đua, khen thưởng – {proposal.unit.name}", type_name="Biên bản",
        subject="Họp xét thi đua, khen thưởng", recipients=("Hội đồng TĐKT cấp trên", "Lưu: VT, Hồ sơ"),
        field_prefix=prefix)
    head = replace(head, place_date="")  # a biên bản has no place-and-date line (Mẫu 1.9)
    attendees = [line.strip() for line in proposal.meeting_attendees.splitlines() if line.strip()]
    return [layout.render("reports/documents/proposal_minutes.html", head, proposal=proposal,
                          attendees=attendees, groups=_groups(nominations))]


def report_parts(proposal: Proposal, nomination: Nomination, history: dict, position: int,
                 prefix: str | None = None, basis: Basis | None = None, initiatives: dict | None = None) -> list[str]:
    basis = basis or basis_for(proposal, [nomination])
    if initiatives is None:
        initiatives = recognised_initiatives(proposal, [nomination])
    prefix = prefix if prefix is not None else f"BaoCao{position:02d}_"
    key = ("unit", nomination.unit_id) if nomination.is_collective else ("officer", nomination.officer_id)
    form = basis.collective_report_form if nomination.is_collective else basis.person_report_form
    head = layout.DocumentHead(
        title=f"Báo cáo thành tích – {nomination.subject}", issuing_body=registers.issuing_body(nomination.unit).name,
        number_text="", place_date=layout.place_date(nomination.unit, None, proposal_day(proposal).year),
        field_prefix=prefix)
    report = getattr(nomination, "report", None)
    return [layout.render("reports/documents/achievement_report.html", head, proposal=proposal,
                          nomination=nomination, report=report, basis=basis, form=form,
                          records=history.get(key, []), findings=_attainment_findings(nomination),
                          initiatives=initiatives.get(nomination.officer_id, []) if nomination.officer_id else [])]


def _attainment_findings(nomination: Nomination) -> list[dict]:
    """The attainment figures frozen at submission, for section II.2 (cited with their snapshot)."""
    findings = (nomination.eligibility or {}).get("findings", [])
    return [f for f in findings if f.get("criterion") == "attainment"]


def report_part_list(proposal: Proposal) -> list[tuple[Nomination, str]]:
    nominations = list(proposal.nominations.all())
    history, basis = history_of(nominations), basis_for(proposal, nominations)
    initiatives = recognised_initiatives(proposal, nominations)
    return [(n, html) for position, n in enumerate(nominations, start=1)
            for html in report_parts(proposal, n, history, position, basis=basis, initiatives=initiatives)]


def dossier_parts(proposal: Proposal) -> list[str]:
    """The whole dossier in the order of Luật TĐKT Điều 84: tờ trình (with its list), reports, minutes."""
    return [*letter_parts(proposal), *(html for _, html in report_part_list(proposal)), *minutes_parts(proposal)]
