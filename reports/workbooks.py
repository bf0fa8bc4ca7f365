"""Excel workbooks in the layouts staff exchange with the higher level; each function returns the
.xlsx bytes. The document pipeline calls them with objects it fetched through scoped selectors.

- Danh sách đề nghị khen thưởng: the nominees of a proposal, of a campaign (all submitted
  proposals) or of a council session (with the vote counts). Gathering (``nominee_rows_for_*``,
  one query each whatever the number of nominees) is separate from writing
  (``nominee_list_workbook``), so the writer can be fed synthetic rows.
- Bảng tổng hợp kết quả thực hiện chỉ tiêu: ``campaigns.exporters.attainment_workbook`` (the
  campaign page serves it too); ``attainment_workbook_for`` gathers its rows here.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from awards import tally
from awards.models import AgendaItem, Nomination, NominationStatus, ProposalStatus
from awards.selectors.council import eligibility_of
from campaigns import selectors as campaign_selectors
from campaigns.exporters import attainment_workbook
from emulation.exchange_layout import CENTER, INTEGER, PERCENT, SERIAL, Column, exchange_workbook

NOMINEE_LIST_TITLE = "Danh sách đề nghị khen thưởng"
NOMINATION_RELATIONS = ("proposal__unit", "unit", "officer__unit", "campaign_award__award_form", "report")
SUMMARY_LIMIT = 400
OUTCOMES = {True: "Đạt", False: "Không đạt"}
LEADING_COLUMNS = [Column("STT", 6, SERIAL), Column("Họ và tên / Tên tập thể", 30), Column("Chức vụ", 18),
                   Column("Đơn vị", 32), Column("Danh hiệu, hình thức đề nghị", 30),
                   Column("Tóm tắt thành tích", 50), Column("Kết quả xét điều kiện", 18, CENTER)]
VOTE_COLUMNS = [Column("Số phiếu đồng ý", 11, INTEGER), Column("Tỷ lệ (%)", 10, PERCENT),
                Column("Kết quả bỏ phiếu", 12, CENTER)]
NOTE_COLUMN = Column("Ghi chú", 22)


@dataclass(frozen=True, slots=True)
class NomineeRow:
    """One line of a nominee list, as plain values. ``yes`` and ``percent`` (of all council members,
    two decimals) are set for a council session once its ballot is counted."""

    name: str
    position: str
    unit: str
    award: str
    summary: str
    verdict: str
    note: str = ""
    yes: int | None = None
    percent: Decimal | None = None
    outcome: str = ""


def _summary(nomination) -> str:
    try:
        text = nomination.report.achievements.strip()
    except ObjectDoesNotExist:
        return ""
    return text if len(text) <= SUMMARY_LIMIT else text[:SUMMARY_LIMIT - 1].rstrip() + "…"


def _nominee_row(nomination, **votes) -> NomineeRow:
    officer, proposing = nomination.officer, nomination.proposal.unit
    if officer is not None:
        name, position, unit = officer.full_name, officer.position, officer.unit.name
    else:
        name, position = nomination.unit.name, ""
        unit = proposing.name if nomination.unit_id != proposing.pk else ""
    eligibility = eligibility_of(nomination.eligibility)
    note = "" if nomination.status == NominationStatus.PROPOSED else str(nomination.get_status_display())
    return NomineeRow(name=name, position=position, unit=unit, award=nomination.campaign_award.award_form.name,
                      summary=_summary(nomination), verdict=str(eligibility.verdict_label) if eligibility else "",
                      note=note, **votes)


def nominee_rows_for_proposal(proposal) -> list[NomineeRow]:
    """The nominees of one proposal, in its order (one query)."""
    nominations = (Nomination.objects.filter(proposal=proposal).select_related(*NOMINATION_RELATIONS)
                   .order_by("position", "id"))
    return [_nominee_row(n) for n in nominations]


def nominee_rows_for_campaign(campaign) -> list[NomineeRow]:
    """The nominees of all the campaign's submitted proposals: by award, then proposing unit (one query)."""
    nominations = (Nomination.objects.filter(proposal__campaign=campaign, proposal__status=ProposalStatus.SUBMITTED)
                   .select_related(*NOMINATION_RELATIONS)
                   .order_by("campaign_award__award_form__rank", "campaign_award__position", "proposal__unit__path",
                             "position", "id"))
    return [_nominee_row(n) for n in nominations]


def nominee_rows_for_session(session) -> list[NomineeRow]:
    """The session's agenda with the counted votes: "yes" as a share of ALL council members (two queries)."""
    total = session.members.count()
    items = (AgendaItem.objects.filter(session=session)
             .select_related(*(f"nomination__{name}" for name in NOMINATION_RELATIONS)).order_by("position", "id"))
    rows = []
    for item in items:
        counted = item.yes_count is not None and total > 0
        rows.append(_nominee_row(item.nomination, yes=item.yes_count,
                                 percent=tally.percent_of(item.yes_count, total) if counted else None,
                                 outcome=OUTCOMES.get(item.passed, "")))
    return rows


def _day(moment) -> str:
    return timezone.localdate(moment).strftime("%d/%m/%Y")


def title_lines_for_proposal(proposal) -> list[str]:
    unit = proposal.unit.name
    if proposal.letter_entry_id and proposal.submitted_at:
        attached = (f"(Kèm theo Tờ trình số {proposal.letter_entry.reference} ngày {_day(proposal.submitted_at)} "
                    f"của {unit})")
    elif proposal.status == ProposalStatus.SUBMITTED and proposal.submitted_at:
        attached = f"(Kèm theo Tờ trình ngày {_day(proposal.submitted_at)} của {unit})"
    else:
        attached = f"(Kèm theo Tờ trình của {unit} – dự thảo, chưa gửi)"
    return [unit, NOMINEE_LIST_TITLE, proposal.campaign.name, attached]


def title_lines_for_campaign(campaign) -> list[str]:
    return [campaign.plan.issuer.name, NOMINEE_LIST_TITLE, campaign.name]


def title_lines_for_session(session) -> list[str]:
    return [session.unit.name, NOMINEE_LIST_TITLE, session.campaign.name,
            f"(Kèm theo Biên bản họp Hội đồng Thi đua – Khen thưởng ngày {session.held_on:%d/%m/%Y})"]


def _values(number: int, row: NomineeRow, with_votes: bool) -> list:
    values = [number, row.name, row.position, row.unit, row.award, row.summary, row.verdict]
    if with_votes:
        values += [row.yes, row.percent, row.outcome]
    return [*values, row.note]


def nominee_list_workbook(rows, *, title_lines, with_votes: bool = False) -> bytes:
    """Danh sách đề nghị khen thưởng in the exchange layout. ``rows``: ``NomineeRow``s (any iterable);
    ``with_votes`` adds the council's columns (số phiếu đồng ý, tỷ lệ %, kết quả)."""
    columns = [*LEADING_COLUMNS, *(VOTE_COLUMNS if with_votes else []), NOTE_COLUMN]
    return exchange_workbook(sheet_title="Danh sách đề nghị", title_lines=title_lines, columns=columns,
                             rows=(_values(n, row, with_votes) for n, row in enumerate(rows, start=1)))


def attainment_workbook_for(campaign, *, user=None) -> bytes:
    """The campaign's attainment table: the subjects ``user`` may see, or all of them when no user is given."""
    if user is None:
        rows = campaign_selectors.attainment_rows_for_all(campaign)
    else:
        rows = campaign_selectors.attainment_rows(user, campaign)
    return attainment_workbook(campaign, rows)
