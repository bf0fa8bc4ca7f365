"""Eligibility rules (tiêu chuẩn, điều kiện) as plain functions over plain facts.

Each criterion kind of ``CriterionKind`` has one check function ``(candidate, params, context) →
Finding``; a finding says met / not met / needs a human judgement, in words, with the data it used
(``cites``). The statutory rules (NĐ 152/2025 Điều 4, identical to NĐ 98/2023 Điều 4) apply to every
award and are not configured: no award while a case is pending; after discipline, achievements count
only from the end of the discipline period. ``assess`` combines the findings into a verdict.
Nothing here touches the database; ``awards.candidates`` gathers the facts.
"""

import datetime
from dataclasses import dataclass, field, replace
from enum import StrEnum

from emulation.models import DisciplineForm, RatingLevel

from .models import CriterionKind, InitiativeScope

STATUTORY_BASIS = "Luật Thi đua, khen thưởng 2022; NĐ 152/2025/NĐ-CP (NĐ 98/2023/NĐ-CP) Điều 4"


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    JUDGEMENT = "judgement"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_JUDGEMENT = "needs_judgement"


VERDICT_LABELS = {Verdict.ELIGIBLE: "Đủ điều kiện", Verdict.NOT_ELIGIBLE: "Không đủ điều kiện",
                  Verdict.NEEDS_JUDGEMENT: "Cần xem xét"}


def dmy(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


@dataclass(frozen=True)
class DisciplineFact:
    person: str
    form: str  # DisciplineForm value
    decided_on: datetime.date
    ends_on: datetime.date | None
    reference: str = ""

    @property
    def words(self) -> str:
        number = f" (QĐ {self.reference})" if self.reference else ""
        return f"{self.person}: {DisciplineForm(self.form).label.lower()} ngày {dmy(self.decided_on)}{number}"


@dataclass(frozen=True)
class HoldFact:
    subject: str
    label: str
    opened_on: datetime.date
    closed_on: datetime.date | None = None

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opened_on <= day and (self.closed_on is None or day <= self.closed_on)


@dataclass(frozen=True)
class AttainmentFact:
    target: str  # "3.2 Về việc" …
    state: str  # campaigns.attainment.State value
    actual: str | None
    target_value: str | None
    reason: str = ""


@dataclass(frozen=True)
class AwardFact:
    award_code: str
    award_name: str
    year: int
    reference: str
    decided_on: datetime.date | None = None  # None: entered from paper records without a date


@dataclass(frozen=True)
class InitiativeFact:
    """An initiative of the register the candidate is an author of."""

    title: str
    scope: str  # InitiativeScope value
    decision_number: str
    decided_on: datetime.date
    decided_by: str
    share: int = 100  # the candidate's share of the work, in percent

    @property
    def words(self) -> str:
        return (f"Sáng kiến “{self.title}” (phạm vi {InitiativeScope(self.scope).label.lower()}, tỷ lệ đóng góp "
                f"{self.share}%): QĐ {self.decision_number} ngày {dmy(self.decided_on)} của {self.decided_by}")


@dataclass
class Candidate:
    """What the rules know about one subject (an officer or a collective)."""

    is_collective: bool
    name: str
    unit_name: str
    female: bool = False  # an officer who is a woman, or a collective with ≥ 70 % women
    is_head: bool = False  # an officer who heads their unit (Thủ trưởng đơn vị)
    disciplines: list[DisciplineFact] = field(default_factory=list)
    holds: list[HoldFact] = field(default_factory=list)
    attainment: list[AttainmentFact] | None = None  # None: no attainment snapshot yet
    awards: list[AwardFact] = field(default_factory=list)
    members: int = 0  # collectives: active members
    member_disciplines: list[DisciplineFact] = field(default_factory=list)
    member_awards: dict[tuple[str, int], int] = field(default_factory=dict)  # (award code, year) → members
    ratings: dict[int, str] = field(default_factory=dict)  # year → RatingLevel value
    member_ratings: dict[int, list[str]] = field(default_factory=dict)  # year → each rated member's level
    collective: "Candidate | None" = None  # an officer's own unit, for the head-of-unit rule
    initiatives: list[InitiativeFact] = field(default_factory=list)  # officers: initiatives they are an author of


@dataclass(frozen=True)
class Context:
    on: datetime.date  # the day eligibility is judged (today, or the submission date)
    period_start: datetime.date
    period_end: datetime.date
    snapshot: str = ""  # "ảnh chụp kết quả lúc 25/06/2024 10:00"


@dataclass(frozen=True)
class Finding:
    criterion: str
    outcome: Outcome
    text: str
    cites: tuple[str, ...] = ()
    advisory: bool = False  # shown to the council, does not change the verdict

    def as_dict(self) -> dict:
        return {"criterion": self.criterion, "outcome": str(self.outcome), "text": self.text,
                "cites": list(self.cites), "advisory": self.advisory}


@dataclass(frozen=True)
class Spec:
    """A configured criterion as plain values (from ``awards.models.Criterion``)."""

    kind: str
    params: dict
    text: str = ""
    applies_to: str = ""  # "", "collective" or "individual"

    def applies(self, candidate: Candidate) -> bool:
        return not self.applies_to or self.applies_to == ("collective" if candidate.is_collective else "individual")


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    findings: tuple[Finding, ...]
    on: datetime.date

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def open_findings(self) -> list[Finding]:
        """What keeps the subject from being eligible: findings not met or needing a judgement."""
        return [f for f in self.findings if f.outcome != Outcome.MET and not f.advisory]

    def as_dict(self) -> dict:
        return {"verdict": str(self.verdict), "evaluated_on": self.on.isoformat(),
                "findings": [f.as_dict() for f in self.findings]}


def _day(value, default: datetime.date) -> datetime.date:
    return datetime.date.fromisoformat(value) if value else default


# Statutory rules


def check_pending_cases(c: Candidate, ctx: Context) -> Finding:
    label = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, xác minh khiếu nại"
    pending = [h for h in c.holds if h.is_open_on(ctx.on)]
    if pending:
        return Finding(label, Outcome.NOT_MET, "Đang có vụ việc chưa kết luận: chưa khen thưởng, chưa đề nghị "
                       "cấp trên khen thưởng.", tuple(f"{h.subject}: {h.label} từ {dmy(h.opened_on)}" for h in pending))
    return Finding(label, Outcome.MET, f"Không có vụ việc đang xem xét ngày {dmy(ctx.on)}.")


def check_discipline_served(c: Candidate, ctx: Context) -> Finding:
    """After discipline, achievements count only from the end of the discipline period."""
    label = "Thành tích tính từ khi chấp hành xong kỷ luật"
    unserved = [d for d in c.disciplines if d.ends_on is None or d.ends_on > ctx.period_end]
    if unserved:
        return Finding(label, Outcome.NOT_MET, "Đang trong thời gian thi hành kỷ luật: thành tích trong kỳ chưa "
                       "được tính.", tuple(f"{d.words}, chấp hành xong: {dmy(d.ends_on)}" for d in unserved))
    partial = [d for d in c.disciplines if d.ends_on > ctx.period_start]
    if partial:
        latest = max(d.ends_on for d in partial)
        return Finding(label, Outcome.JUDGEMENT, f"Chỉ tính thành tích từ ngày {dmy(latest)} (chấp hành xong kỷ "
                       "luật trong kỳ).", tuple(f"{d.words}, chấp hành xong: {dmy(d.ends_on)}" for d in partial))
    return Finding(label, Outcome.MET, "Không có kỷ luật ảnh hưởng đến kỳ xét.")


# Configured criteria


def check_attainment(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    label = text or "Đạt các chỉ tiêu của phong trào"
    if c.attainment is None:
        return Finding(label, Outcome.JUDGEMENT, "Chưa có bảng đạt chỉ tiêu (chưa có số liệu được xác nhận).")
    if not c.attainment:
        return Finding(label, Outcome.JUDGEMENT, "Không có số liệu kết quả đã xác nhận của đối tượng này.",
                       (ctx.snapshot,) if ctx.snapshot else ())
    cites = tuple(_attainment_words(a) for a in c.attainment) + ((ctx.snapshot,) if ctx.snapshot else ())
    if any(a.state == "not_met" for a in c.attainment):
        return Finding(label, Outcome.NOT_MET, "Chưa đạt chỉ tiêu được giao.", cites)
    if any(a.state == "not_computable" for a in c.attainment):
        return Finding(label, Outcome.JUDGEMENT, "Có chỉ tiêu chưa tính được.", cites)
    return Finding(label, Outcome.MET, "Đạt tất cả chỉ tiêu được giao.", cites)


def _attainment_words(a: AttainmentFact) -> str:
    state = {"met": "đạt", "not_met": "chưa đạt", "not_computable": "chưa tính được"}.get(a.state, a.state)
    if a.target_value:
        figures = f": {a.actual or '—'} / chỉ tiêu {a.target_value}"
    else:
        figures = f": {a.actual}" if a.actual else ""
    reason = f" ({a.reason})" if a.reason else ""
    return f"Chỉ tiêu {a.target}{figures} – {state}{reason}"


def _disciplined(facts: list[DisciplineFact], params: dict, ctx: Context) -> list[DisciplineFact]:
    start, end = _day(params.get("from"), ctx.period_start), _day(params.get("to"), ctx.period_end)
    lightest = DisciplineForm.severity(params.get("min_form", DisciplineForm.REPRIMAND))
    return [d for d in facts if start <= d.decided_on <= end and DisciplineForm.severity(d.form) >= lightest]


def _window(params: dict, ctx: Context) -> str:
    form = DisciplineForm(params.get("min_form", DisciplineForm.REPRIMAND)).label.lower()
    return (f"hình thức “{form}” trở lên từ {dmy(_day(params.get('from'), ctx.period_start))} "
            f"đến {dmy(_day(params.get('to'), ctx.period_end))}")


def check_no_discipline(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    label = text or "Không bị kỷ luật trong kỳ"
    found = _disciplined(c.disciplines, params, ctx)
    if found:
        return Finding(label, Outcome.NOT_MET, f"Bị kỷ luật {_window(params, ctx)}.", tuple(d.words for d in found))
    return Finding(label, Outcome.MET, f"Không bị kỷ luật {_window(params, ctx)}.")


def check_no_member_discipline(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    label = text or "Không có cá nhân thuộc đơn vị bị kỷ luật"
    found = _disciplined(c.member_disciplines, params, ctx)
    if found:
        words = f"Có {len(found)} cá nhân thuộc đơn vị bị kỷ luật {_window(params, ctx)}."
        return Finding(label, Outcome.NOT_MET, words, tuple(d.words for d in found))
    return Finding(label, Outcome.MET, f"Không có cá nhân thuộc đơn vị bị kỷ luật {_window(params, ctx)}.")


def longest_run(years) -> list[int]:
    """The longest run of consecutive years among ``years`` (each year once, however many records it
    has); the latest such run when two are as long. [2021, 2023, 2023, 2024] → [2023, 2024]."""
    best, run = [], []
    for year in sorted(set(years)):
        run = [*run, year] if run and year == run[-1] + 1 else [year]
        if len(run) >= len(best):
            best = run
    return best


def check_prior_award(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    """params: award_codes (any of), min_count (default 1), from_year / to_year (optional),
    consecutive (optional): ``min_count`` distinct consecutive years ("03 lần liên tục đạt Chiến sĩ thi
    đua cơ sở"). A year counts once however many records it has: a title entered twice for 2023 is
    one year, never a second "lần"."""
    label = text or "Đã được khen thưởng, công nhận trước đó"
    codes, wanted = set(params.get("award_codes", [])), int(params.get("min_count", 1))
    first, last = params.get("from_year"), params.get("to_year")
    found = [a for a in c.awards if a.award_code in codes and (first is None or a.year >= first)
             and (last is None or a.year <= last)]
    cites = tuple(f"{a.award_name} năm {a.year} ({a.reference})" for a in sorted(found, key=lambda a: a.year))
    if params.get("consecutive"):
        run = longest_run(a.year for a in found)
        span = f" ({run[0]}–{run[-1]})" if len(run) > 1 else ""
        if len(run) >= wanted:
            return Finding(label, Outcome.MET, f"Có {len(run)} năm liên tục được khen thưởng, công nhận{span}.", cites)
        return Finding(label, Outcome.NOT_MET, f"Cần {wanted} năm liên tục, hiện có {len(run)} năm liên tục{span}.",
                       cites)
    years = len({a.year for a in found})
    if years >= wanted:
        return Finding(label, Outcome.MET, f"Có {years} lần (năm) được khen thưởng, công nhận phù hợp.", cites)
    return Finding(label, Outcome.NOT_MET, f"Cần ít nhất {wanted} lần (năm), hiện có {years}.", cites)


def check_member_awards(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    """params: award_code, year, and min_percent (share of members) and/or min_count."""
    label = text or "Tỷ lệ thành viên đạt danh hiệu"
    code, year = params["award_code"], int(params["year"])
    count = c.member_awards.get((code, year), 0)
    cites = (f"{count}/{c.members} thành viên đạt danh hiệu ({code}) năm {year}",)
    if "min_count" in params and count < int(params["min_count"]):
        return Finding(label, Outcome.NOT_MET, f"Cần ít nhất {params['min_count']} thành viên, hiện có {count}.", cites)
    if "min_percent" in params:
        if c.members == 0:
            return Finding(label, Outcome.JUDGEMENT, "Đơn vị chưa có danh sách thành viên.", cites)
        if count * 100 < int(params["min_percent"]) * c.members:
            return Finding(label, Outcome.NOT_MET, f"Cần ít nhất {params['min_percent']}% thành viên.", cites)
    return Finding(label, Outcome.MET, "Đạt tỷ lệ thành viên theo quy định.", cites)


def check_rating(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    """params: year, min_level (RatingLevel value; "good" for Lao động tiên tiến, "excellent" for the
    "hoàn thành xuất sắc nhiệm vụ" route to Chiến sĩ thi đua cơ sở), other_route: words naming another
    way to meet the criterion (an initiative recognised…): below the level, the council judges."""
    year, wanted = int(params["year"]), params.get("min_level", RatingLevel.GOOD)
    label = text or f"{RatingLevel(wanted).label} trở lên năm {year}"
    level = c.ratings.get(year)
    if level is None:
        return Finding(label, Outcome.JUDGEMENT, f"Chưa có kết quả đánh giá, xếp loại năm {year}.")
    cite = (f"Đánh giá năm {year}: {RatingLevel(level).label}",)
    if RatingLevel.rank(level) >= RatingLevel.rank(wanted):
        return Finding(label, Outcome.MET, f"Đạt mức {RatingLevel(level).label.lower()}.", cite)
    if params.get("other_route"):
        return Finding(label, Outcome.JUDGEMENT, f"Chỉ đạt mức {RatingLevel(level).label.lower()}; xét theo "
                       f"{params['other_route']}.", cite)
    return Finding(label, Outcome.NOT_MET, f"Chỉ đạt mức {RatingLevel(level).label.lower()}.", cite)


def check_members_rating(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    """params: year, min_level (default "completed"), min_percent (default 100): Tập thể lao động xuất
    sắc needs every member to complete their tasks."""
    year, wanted = int(params["year"]), params.get("min_level", RatingLevel.COMPLETED)
    percent = int(params.get("min_percent", 100))
    label = text or f"{percent}% thành viên {RatingLevel(wanted).label.lower()} trở lên năm {year}"
    levels = c.member_ratings.get(year, [])
    if len(levels) < c.members:
        return Finding(label, Outcome.JUDGEMENT, f"Mới có kết quả đánh giá của {len(levels)}/{c.members} thành viên.")
    reached = sum(1 for level in levels if RatingLevel.rank(level) >= RatingLevel.rank(wanted))
    cite = (f"{reached}/{c.members} thành viên đạt mức {RatingLevel(wanted).label.lower()} trở lên năm {year}",)
    if c.members and reached * 100 >= percent * c.members:
        return Finding(label, Outcome.MET, "Đạt tỷ lệ theo quy định.", cite)
    return Finding(label, Outcome.NOT_MET, f"Cần {percent}% thành viên.", cite)


def check_initiative(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    """params: min_scope (InitiativeScope value, default "grassroots"; "ministry" for Chiến sĩ thi đua
    Bộ, ngành, tỉnh, "national" for toàn quốc: a wider scope counts for a narrower one), year or
    from_year / to_year (the years of the recognising decision; the results period's years when none), and
    at most one of:
    - or_level (RatingLevel value): that rating of ``year`` meets the criterion without an initiative — Luật 2022
      Điều 23 for Chiến sĩ thi đua cơ sở: "hoàn thành xuất sắc nhiệm vụ *hoặc* có sáng kiến được công nhận" (law.md
      §1.2, quoted verbatim); an initiative found is cited either way;
    - min_level (RatingLevel value): the rating must reach it *and* an initiative is needed — for a rule version
      that asks both (the draft amendment of the Law, or a sector's own stricter rule)."""
    scope = params.get("min_scope", InitiativeScope.GRASSROOTS)
    first = int(params.get("from_year", params.get("year", ctx.period_start.year)))
    last = int(params.get("to_year", params.get("year", ctx.period_end.year)))
    years = str(first) if first == last else f"{first}–{last}"
    scope_words = InitiativeScope(scope).label.lower()
    label = text or f"Có sáng kiến, đề tài được công nhận phạm vi {scope_words} trở lên ({years})"
    in_years = [i for i in c.initiatives if first <= i.decided_on.year <= last]
    found = [i for i in in_years if InitiativeScope.rank(i.scope) >= InitiativeScope.rank(scope)]
    evidence = tuple(i.words for i in found)
    narrower = tuple(f"{i.words} – phạm vi chưa đủ" for i in in_years if i not in found)
    missing = f"chưa có sáng kiến được công nhận phạm vi {scope_words} trở lên trong năm {years}"
    wanted = params.get("min_level") or params.get("or_level")
    year = int(params.get("year", last))
    level = c.ratings.get(year) if wanted else None
    rating = (f"Đánh giá năm {year}: {RatingLevel(level).label}",) if level else ()
    reached = level is not None and RatingLevel.rank(level) >= RatingLevel.rank(wanted)
    if params.get("or_level"):
        if reached:
            return Finding(label, Outcome.MET, f"Đạt mức {RatingLevel(level).label.lower()}.", rating + evidence)
        if found:
            return Finding(label, Outcome.MET, f"Có {len(found)} sáng kiến, đề tài được công nhận phạm vi "
                           f"{scope_words} trở lên.", rating + evidence)
        if level is None:
            return Finding(label, Outcome.JUDGEMENT, f"Chưa có kết quả đánh giá, xếp loại năm {year}; {missing}.",
                           narrower)
        return Finding(label, Outcome.NOT_MET, f"Chỉ đạt mức {RatingLevel(level).label.lower()} và {missing}.",
                       rating + narrower)
    if wanted:
        if level is None:
            return Finding(label, Outcome.JUDGEMENT, f"Chưa có kết quả đánh giá, xếp loại năm {year}.")
        if not reached:
            return Finding(label, Outcome.NOT_MET, f"Chỉ đạt mức {RatingLevel(level).label.lower()}, chưa đạt mức "
                           f"{RatingLevel(wanted).label.lower()}.", rating)
    if found:
        return Finding(label, Outcome.MET, f"Có {len(found)} sáng kiến, đề tài được công nhận phạm vi {scope_words} "
                       "trở lên.", rating + evidence)
    return Finding(label, Outcome.NOT_MET, f"{missing[0].upper()}{missing[1:]}.", rating + narrower)


def check_qualitative(c: Candidate, params: dict, ctx: Context, text: str) -> Finding:
    return Finding(text or "Tiêu chuẩn định tính", Outcome.JUDGEMENT,
                   "Đơn vị nêu trong báo cáo thành tích; Hội đồng đánh giá khi bình xét.", advisory=True)


CHECKS = {
    CriterionKind.ATTAINMENT: check_attainment,
    CriterionKind.NO_DISCIPLINE: check_no_discipline,
    CriterionKind.NO_MEMBER_DISCIPLINE: check_no_member_discipline,
    CriterionKind.PRIOR_AWARD: check_prior_award,
    CriterionKind.MEMBER_AWARDS: check_member_awards,
    CriterionKind.RATING: check_rating,
    CriterionKind.MEMBERS_RATING: check_members_rating,
    CriterionKind.QUALITATIVE: check_qualitative,
    CriterionKind.INITIATIVE: check_initiative,
}


def check_head_collective(c: Candidate, specs: list[Spec], ctx: Context, text: str) -> Finding:
    """Seed 001: a head of unit must meet the individual criteria and their unit the collective ones."""
    label = text or "Thủ trưởng đơn vị: đơn vị cũng đạt tiêu chuẩn tập thể"
    if not c.is_head or c.is_collective:
        return Finding(label, Outcome.MET, "Không phải Thủ trưởng đơn vị: không áp dụng.")
    if c.collective is None:
        return Finding(label, Outcome.JUDGEMENT, "Không xác định được tập thể của Thủ trưởng.")
    collective = [s for s in specs if s.kind != CriterionKind.HEAD_COLLECTIVE and s.applies(c.collective)]
    verdict = assess(c.collective, collective, ctx)
    failing = [f for f in verdict.findings if f.outcome != Outcome.MET and not f.advisory]
    cites = tuple(f"{c.collective.name}: {f.criterion} – {f.text}" for f in failing)
    outcome = {Verdict.ELIGIBLE: Outcome.MET, Verdict.NOT_ELIGIBLE: Outcome.NOT_MET}.get(verdict.verdict,
                                                                                           Outcome.JUDGEMENT)
    words = {Outcome.MET: "Đơn vị do đồng chí đứng đầu đạt tiêu chuẩn tập thể.",
             Outcome.NOT_MET: "Đơn vị do đồng chí đứng đầu không đạt tiêu chuẩn tập thể.",
             Outcome.JUDGEMENT: "Tiêu chuẩn tập thể của đơn vị cần xem xét."}[outcome]
    return Finding(label, outcome, words, cites)


def known_on(c: Candidate, day: datetime.date) -> Candidate:
    """The facts as they stood on ``day``: disciplines decided by then, holds opened by then (whether
    still open is the pending-case rule's question), awards decided by then (undated paper records
    count), initiatives recognised by then. A reprimand of 05/07 is not a fact of a submission on
    28/06, but is one of the decision on 10/07. Ratings and attainment carry no date: the caller
    gathers those as of the day."""
    return replace(
        c, disciplines=[d for d in c.disciplines if d.decided_on <= day],
        holds=[h for h in c.holds if h.opened_on <= day],
        awards=[a for a in c.awards if a.decided_on is None or a.decided_on <= day],
        member_disciplines=[d for d in c.member_disciplines if d.decided_on <= day],
        initiatives=[i for i in c.initiatives if i.decided_on <= day],
        collective=known_on(c.collective, day) if c.collective is not None else None)


def assess(candidate: Candidate, specs: list[Spec], ctx: Context) -> Assessment:
    """The verdict on the facts known on ``ctx.on``: not eligible if any finding is not met; needs
    judgement if any binding finding needs one; eligible otherwise. Statutory findings come first."""
    candidate = known_on(candidate, ctx.on)
    findings = [check_pending_cases(candidate, ctx), check_discipline_served(candidate, ctx)]
    for spec in specs:
        if not spec.applies(candidate):
            continue
        if spec.kind == CriterionKind.HEAD_COLLECTIVE:
            findings.append(check_head_collective(candidate, specs, ctx, spec.text))
        else:
            findings.append(CHECKS[spec.kind](candidate, spec.params, ctx, spec.text))
    binding = [f for f in findings if not f.advisory]
    if any(f.outcome == Outcome.NOT_MET for f in binding):
        verdict = Verdict.NOT_ELIGIBLE
    elif any(f.outcome == Outcome.JUDGEMENT for f in binding):
        verdict = Verdict.NEEDS_JUDGEMENT
    else:
        verdict = Verdict.ELIGIBLE
    return Assessment(verdict, tuple(findings), ctx.on)


VERDICT_ORDER = {Verdict.ELIGIBLE: 0, Verdict.NEEDS_JUDGEMENT: 1, Verdict.NOT_ELIGIBLE: 2}


def ranking_key(candidate: Candidate, assessment: Assessment, sort_key: str) -> tuple:
    """Suggested order: eligible first, then more targets met, then — among equals — a woman (or a
    collective with ≥ 70 % women) first (NĐ 152/2025 Điều 4 khoản 6), then Vietnamese name order."""
    met = sum(1 for a in candidate.attainment or [] if a.state == "met")
    return (VERDICT_ORDER[assessment.verdict], -met, not candidate.female, sort_key)
