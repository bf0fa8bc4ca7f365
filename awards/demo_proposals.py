"""Filing a demo proposal the way a unit does (used by the seed-001 walk-through and the current year): open it,
record the review meeting, attach its minutes, nominate with an achievement report each, submit."""

import datetime
import functools
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from emulation.models import Officer
from emulation.text import person_name

from .demo_data import REPORT_DUTIES
from .models import AchievementReport, CouncilSession, MemberRole, Proposal
from .services import council
from .services import proposals as services


@functools.cache
def minutes_pdf() -> bytes:
    """A blank A4 page standing for the scanned minutes: a real PDF, as the upload check requires."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def file_proposal(*, actor, award, unit, nominees: list[str | None], title: str, meeting: tuple[str, str],
                  held_on: datetime.date, submitted_at: datetime.datetime, achievements: str) -> Proposal:
    """``nominees``: officer codes, None for the unit itself; ``meeting``: (chair, secretary)."""
    on = submitted_at.date()
    proposal = services.open_proposal(actor=actor, campaign=award.campaign, unit=unit, title=title, today=on)
    proposal.meeting_held_on, (proposal.meeting_chair, proposal.meeting_secretary) = held_on, meeting
    proposal.meeting_present, proposal.meeting_total = 6, 6
    proposal.meeting_votes = "Biểu quyết 6/6 đồng ý đề nghị."
    services.update_proposal(actor=actor, proposal=proposal)
    services.attach(actor=actor, proposal=proposal, kind="minutes",
                    upload=SimpleUploadedFile("bien-ban-hop-xet.pdf", minutes_pdf(), "application/pdf"))
    for code in nominees:
        officer = Officer.objects.get(code=code) if code else None
        nomination = services.nominate(actor=actor, proposal=proposal, campaign_award=award, officer=officer,
                                       unit=None if officer else unit, today=on)
        services.save_report(actor=actor, report=AchievementReport(
            nomination=nomination, duties=REPORT_DUTIES, achievements=achievements))
    return services.submit(actor=actor, proposal=proposal, now=submitted_at)


def open_session(*, staff, chair, member, session: CouncilSession, today: datetime.date | None = None
                 ) -> CouncilSession:
    """The council (the director in the chair, the demo council member) meets on the submitted proposals; the
    vote opens (``today``: the day it opens)."""
    seats = [council.Seat(user=user, role=role, full_name=person_name(user))
             for user, role in ((chair, MemberRole.CHAIR), (member, MemberRole.MEMBER))]
    session = council.create_session(actor=staff, session=session, seats=seats)
    return council.open_voting(actor=staff, session=session, today=today)
