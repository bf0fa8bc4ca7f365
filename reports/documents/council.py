"""The council's documents: the minutes of a Hội đồng Thi đua – Khen thưởng session (Biên bản,
NĐ 30/2020 Mẫu 1.9, with what a ballot's minutes must add: members present and absent, written
opinions, ballots issued, returned and valid, members recused from an item and why, and per nominee
the yes / no / abstain counts, the "yes" votes as a share of the WHOLE membership and the threshold
as its rule version words it: "từ 80% trở lên", "trên 50%"), and the list of nominations it passed.
Names are the council's own ``CouncilMember.full_name`` (natural order, as entered).

The ballot is secret: these documents print counts only. They never read a ``Ballot`` row; the
counts are those stored on the agenda when voting closed."""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from awards import tally
from awards.models import (
    FINISHED_SESSION,
    AgendaItem,
    AwardRule,
    CouncilSession,
    MemberRole,
    Recusal,
)
from awards.selectors.council import rule_for, seating_order
from emulation import registers

from .. import formats
from . import layout

COUNCIL = "Hội đồng Thi đua – Khen thưởng"


def load_session(pk: int) -> CouncilSession:
    """The session with everything its documents print, in a fixed number of queries."""
    items = AgendaItem.objects.select_related(
        "nomination__officer__unit", "nomination__unit", "nomination__rule", "nomination__proposal",
        "nomination__campaign_award__award_form").prefetch_related(
        Prefetch("nomination__campaign_award__award_form__rules", AwardRule.objects.order_by("valid_from")),
        Prefetch("recusals", Recusal.objects.select_related("member").order_by("member__full_name", "id")))
    return (CouncilSession.objects.select_related("unit__parent", "campaign__plan__issuer", "minutes_entry")
            .prefetch_related("members", "casts", "written_opinions", Prefetch("items", items)).get(pk=pk))


@dataclass(frozen=True)
class VoteRow:
    item: AgendaItem
    nomination: object
    award: str
    rule: AwardRule | None
    threshold: str
    yes: int | None
    no: int | None
    abstain: int | None
    percent: Decimal | None
    passed: bool | None
    recusals: tuple = ()
    written: int = 0  # absent members' written stances counted in the figures

    @property
    def percent_text(self) -> str:
        return formats.percent(self.percent, 2)

    @property
    def verdict(self) -> str:
        return "" if self.passed is None else ("Đạt" if self.passed else "Không đạt")


def _vote_row(item: AgendaItem, total: int) -> VoteRow:
    nomination = item.nomination
    rule = rule_for(nomination)
    counted = item.yes_count is not None and total > 0
    threshold = tally.threshold_phrase(formats.percent(rule.vote_threshold), rule.threshold_comparison) if rule else "…"
    return VoteRow(item=item, nomination=nomination, award=nomination.campaign_award.award_form.name, rule=rule,
                   threshold=threshold, yes=item.yes_count, no=item.no_count, abstain=item.abstain_count,
                   percent=tally.percent_of(item.yes_count, total) if counted else None, passed=item.passed,
                   recusals=tuple(item.recusals.all()), written=item.written_count)


def attendance(session: CouncilSession) -> dict:
    """Who took part (cast a ballot paper) and who was absent, from the participation record only.
    Absent members' written opinions go with them; members are listed chair first."""
    members = seating_order(session.members.all())
    voted = {cast.member_id for cast in session.casts.all()}
    opinions = {o.member_id: o for o in session.written_opinions.all()}
    total, present = len(members), sum(1 for m in members if m.pk in voted)
    return {
        "members": members, "total": total,
        "present": [m for m in members if m.pk in voted],
        "absent": [(m, opinions.get(m.pk)) for m in members if m.pk not in voted],
        "chair": next((m for m in members if m.role == MemberRole.CHAIR), None),
        "secretary": next((m for m in members if m.role == MemberRole.SECRETARY), None),
        "participation": formats.percent(tally.percent_of(present, total), 2) if total else "",
        "quorum": formats.percent(session.quorum_percent),
        "quorum_met": bool(total) and tally.quorum_met(present, total, session.quorum_percent),
    }


def _groups(rows: list[VoteRow]) -> list[tuple[str, list[tuple[str, list[VoteRow]]]]]:
    """Rows by award form (in agenda order), collectives before individuals within each."""
    forms: dict[str, dict[str, list]] = {}
    for row in rows:
        kinds = forms.setdefault(row.award, {"Tập thể": [], "Cá nhân": []})
        kinds["Tập thể" if row.nomination.is_collective else "Cá nhân"].append(row)
    return [(award, [(kind, items) for kind, items in kinds.items() if items]) for award, kinds in forms.items()]


def _head(session: CouncilSession, prefix: str, **fields) -> layout.DocumentHead:
    """A biên bản has no place and date line (Mẫu 1.9)."""
    head = layout.head_for(session.unit, series=registers.COUNCIL_MINUTES_SERIES, entry=session.minutes_entry,
                           day=None, on=session.held_on, field_prefix=prefix, **fields)
    return replace(head, place_date="")


def _closing_time(session: CouncilSession) -> str:
    """The hour the vote was closed in the system when that was on the meeting day; otherwise (closed
    later, or not yet) the secretary writes the hour in, on the meeting's date."""
    gap = "\u00a0\u00a0…\u00a0"
    closed = timezone.localtime(session.closed_at) if session.closed_at else None
    if session.status in FINISHED_SESSION and closed and closed.date() == session.held_on:
        return f"Cuộc họp kết thúc vào {closed:%H} giờ {closed:%M}, {layout.vn_date(closed.date())}"
    return f"Cuộc họp kết thúc vào{gap}giờ{gap.rstrip()}, {layout.vn_date(session.held_on)}"


def session_minutes_parts(session: CouncilSession, prefix: str = "BienBanHoiDong_") -> list[str]:
    members = attendance(session)
    rows = [_vote_row(item, members["total"]) for item in session.items.all()]
    head = _head(session, prefix, title=f"Biên bản họp {COUNCIL} – {session.title}", type_name="Biên bản",
                 subject=f"Họp {COUNCIL} {session.unit.name}",
                 recipients=("Thành viên Hội đồng", "Lưu: VT, Hồ sơ"))
    closed = session.status in FINISHED_SESSION
    recused = [(row, recusal) for row in rows for recusal in row.recusals]
    return [layout.render("reports/documents/council_minutes.html", head, session=session, m=members, rows=rows,
                          recused=recused, closed=closed, closing=_closing_time(session),
                          passed=sum(1 for r in rows if r.passed), written_counted=any(r.written for r in rows))]


def passed_list_parts(session: CouncilSession) -> list[str]:
    """The appendix of the minutes: nominations the council passed, by award form."""
    members = attendance(session)
    rows = [row for row in (_vote_row(item, members["total"]) for item in session.items.all()) if row.passed]
    head = _head(session, "", title=f"Danh sách được Hội đồng thông qua – {session.title}")
    return [layout.render("reports/documents/council_passed_list.html", head, session=session, groups=_groups(rows),
                          total=members["total"], count=len(rows))]
