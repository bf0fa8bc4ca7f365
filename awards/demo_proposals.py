"""Filing a demo proposal the way a unit does (used by the seed-001 walk-through and the current year): open it,
record the review meeting, attach its minutes, nominate with an achievement report each, submit."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.models import Officer
from emulation.text import person_name

from .demo_data import REPORT_DUTIES
from .models import AchievementReport, CouncilSession, MemberRole, Proposal
from .services import council
from .services import proposals as services

MINUTES_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
               b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")


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
                    upload=SimpleUploadedFile("bien-ban-hop-xet.pdf", MINUTES_PDF, "application/pdf"))
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
