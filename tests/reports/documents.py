"""Helpers for the document tests: the text of a rendered PDF, blocks in order, and a council session
closed through the real services (members seated, ballots cast, written opinion recorded)."""

import datetime
import io

from pypdf import PdfReader

from awards.models import CouncilSession, MemberRole
from awards.services import ballots
from awards.services import council as services
from tests.awards.council_helpers import council_users


def page_texts(data: bytes) -> list[str]:
    """Each page's text with runs of white space (line breaks, no-break spaces) made one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def raw_lines(data: bytes) -> list[str]:
    return [line for page in PdfReader(io.BytesIO(data)).pages for line in page.extract_text().splitlines()]


def assert_in_order(text: str, blocks: list[str]) -> None:
    """Every block appears in ``text``, each after the previous one."""
    position = 0
    for block in blocks:
        found = text.find(block, position)
        assert found >= 0, f"{block!r} not found after position {position}: …{text[position:position + 300]}…"
        position = found + len(block)


MEMBER_NAMES = ["Nguyễn Thị Chủ", "Trần Văn Thư", "Lê Thị Ủy", "Phạm Văn Viên", "Hoàng Thị Vắng"]
ROLES = [MemberRole.CHAIR, MemberRole.SECRETARY, MemberRole.MEMBER, MemberRole.MEMBER, MemberRole.MEMBER]


def open_session(staff, campaign, *, prefix="tv") -> CouncilSession:
    """Five members: a chair, a secretary and three members; voting open on the submitted nominations."""
    users = council_users(campaign.plan.issuer, len(MEMBER_NAMES), prefix=prefix)
    seats = [services.Seat(user=u, full_name=name, role=role) for u, name, role in zip(users, MEMBER_NAMES, ROLES,
                                                                                         strict=True)]
    session = services.create_session(actor=staff, session=CouncilSession(
        campaign=campaign, title="Phiên họp xét tặng Giấy khen đợt thi đua cao điểm", held_on=datetime.date(2024, 7, 3),
        location="Phòng họp Cục THADS tỉnh Hậu Giang"), seats=seats)
    return services.open_voting(actor=staff, session=session)


def close_with(staff, session, papers: list[list[str]]) -> CouncilSession:
    """The first ``len(papers)`` members (in seating order) cast one paper each (one choice per agenda item,
    in agenda order); the last member is absent and sends a written opinion; then voting closes."""
    members = sorted(session.members.all(), key=lambda m: m.user_id)
    items = list(session.items.order_by("position", "id"))
    for member, paper in zip(members, papers, strict=False):
        ballots.cast_ballot(actor=member.user, session=session,
                             choices={item.pk: choice for item, choice in zip(items, paper, strict=True)})
    ballots.record_written_opinion(actor=staff, session=session, member=members[-1],
                                    received_on=datetime.date(2024, 7, 2), text="Nhất trí với danh sách đề nghị.")
    return services.close_session(actor=staff, session=session)
