"""People's names read in natural Vietnamese order (family, middle, given) on every page, PDF and Excel
file, and lists of people go by given name (issue #10).

Accounts keep family and middle names in ``last_name`` and the given name in ``first_name``; Django's
``get_full_name()`` joins them the other way round ("Hằng Lê Thùy"). Each person below has a family,
a middle and a given name that differ, so any page that joins the parts the wrong way shows it."""

# ruff: noqa: F811

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import CouncilMember, CouncilSession, MemberRole, TypicalExample
from awards.services import ballots, council, decisions, feedback, typical
from emulation.models import Officer
from emulation.text import person_name
from reports import pipeline
from reports.documents import KINDS
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.awards.typical_fixtures import example_a, typical_campaign  # noqa: F401
from tests.factories import OfficerFactory, UserFactory
from tests.reports import pdfcheck

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# user fixture → (family and middle names, given name)
ACCOUNTS = {"staff": ("Lê Thùy", "Hằng"), "director": ("Phạm Quốc", "An"),
            "council_member": ("Trần Thị Bích", "Ngọc"), "head_b": ("Đỗ Minh", "Khoa")}
HANG, AN, NGOC, KHOA = "Lê Thùy Hằng", "Phạm Quốc An", "Trần Thị Bích Ngọc", "Đỗ Minh Khoa"
# Officers: officer A and Lê Thị Cúc (nominated by unit A), two more of unit A.
OFFICERS = ["Nguyễn Văn An", "Lê Thị Cúc", "Lê Thùy Hằng", "Trần Thị Bích Ngọc"]
EVERYONE = [HANG, AN, NGOC, KHOA, *OFFICERS]


def sort_key_order(name: str) -> str:
    """"Lê Thùy Hằng" → "Hằng Lê Thùy": how the bug printed it."""
    family_middle, given = name.rsplit(" ", 1)
    return f"{given} {family_middle}"


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_natural(text: str, shown: list[str]) -> None:
    """Every name in ``shown`` is there in natural order; nobody's name is there in sort-key order."""
    text = flat(text)
    assert [name for name in EVERYONE if sort_key_order(name) in text] == []
    assert [name for name in shown if name not in text] == []


def assert_in_order(text: str, names: list[str]) -> None:
    text = flat(text)
    positions = [text.find(name) for name in names]
    assert -1 not in positions and positions == sorted(positions), list(zip(names, positions, strict=True))


def test_person_name_is_family_middle_given_and_falls_back_to_the_username():
    cases = [(("Lê Thùy", "Hằng", "hang"), "Lê Thùy Hằng"), (("", "Hằng", "hang"), "Hằng"),
             (("Lê Thùy", "", "hang"), "Lê Thùy"), ((" Trần  Thị Bích ", " Ngọc ", "ngoc"), "Trần Thị Bích Ngọc"),
             (("", "", "hang"), "hang")]
    for (last, first, username), expected in cases:
        assert person_name(UserFactory.build(last_name=last, first_name=first, username=username)) == expected
    assert person_name(None) == ""


@pytest.fixture
def named(request):
    """The cast with names; officers of every given name in unit A."""
    users = {}
    for fixture, (last, first) in ACCOUNTS.items():
        user = request.getfixturevalue(fixture)
        user.last_name, user.first_name = last, first
        user.save(update_fields=["last_name", "first_name"])
        users[fixture] = user
    unit_a = request.getfixturevalue("unit_a")
    for code, name in (("A-003", "Trần Thị Bích Ngọc"), ("A-004", "Lê Thùy Hằng")):
        OfficerFactory(unit=unit_a, full_name=name, code=code, gender="female")
    return users


@pytest.fixture
def world(named, submitted_proposal, example_a, media_root):
    """Feedback from Khoa; a council whose members are seated with no name typed (so their accounts'
    names are used), Ngọc in the chair, An and Hằng members, Khoa the secretary; Hằng is absent and
    writes; the director approves; a typical example noted and published by Hằng."""
    staff, director, member, head_b = (named[k] for k in ("staff", "director", "council_member", "head_b"))
    campaign, today = submitted_proposal.campaign, datetime.date(2024, 6, 24)  # the week before the meeting
    feedback.publish_for_feedback(actor=staff, campaign=campaign, opens_on=today,
                                  closes_on=today + datetime.timedelta(days=4))
    officer_nomination = submitted_proposal.nominations.get(position=0)
    feedback.leave_feedback(actor=head_b, nomination=officer_nomination, text="Đồng chí An rất tận tụy.", today=today)
    seats = [council.Seat(user=member, full_name="", role=MemberRole.CHAIR),
             council.Seat(user=staff, full_name="", role=MemberRole.MEMBER),
             council.Seat(user=director, full_name="", role=MemberRole.MEMBER),
             council.Seat(user=head_b, full_name="", role=MemberRole.SECRETARY)]
    session = council.open_voting(actor=staff, session=council.create_session(actor=staff, session=CouncilSession(
        campaign=campaign, title="Phiên họp xét tặng Giấy khen", held_on=datetime.date(2024, 7, 3),
        location="Phòng họp Cục"), seats=seats))
    items = list(session.items.order_by("position", "id"))
    council.add_comment(actor=staff, item=items[0], text="Đề nghị thông qua.")
    for user in (member, director, head_b):
        ballots.cast_ballot(actor=user, session=session, choices={i.pk: "yes" if i.nomination.officer_id else "no"
                                                                 for i in items})
    ballots.record_written_opinion(actor=staff, session=session, member=session.members.get(user=staff),
                                   received_on=datetime.date(2024, 7, 2), text="Nhất trí.")
    session = council.close_session(actor=staff, session=session)
    decision = decisions.approve(actor=director, session=session, decided_on=datetime.date(2024, 7, 10),
                                 signer_name=person_name(director), signer_title="CỤC TRƯỞNG")
    TypicalExample.objects.filter(pk=example_a.pk).update(created_by=staff)
    typical.add_note(actor=staff, example=example_a, text="Phát hiện qua sơ kết quý I.")
    typical.request_publication(actor=staff, example=example_a)
    typical.approve_publication(actor=staff, example=example_a)
    return {"users": named, "session": session, "decision": decision, "proposal": submitted_proposal,
            "nomination": officer_nomination, "campaign": campaign, "example": example_a}


def test_council_members_seated_without_a_typed_name_take_their_accounts_natural_name(world):
    names = {m.user.username: m.full_name for m in world["session"].members.select_related("user")}
    assert names == {world["users"][k].username: name for k, name in
                     (("staff", HANG), ("director", AN), ("council_member", NGOC), ("head_b", KHOA))}


def _pages(world, officer_a):
    session, decision, example = world["session"], world["decision"], world["example"]
    return {
        "dashboard": (reverse("reports:dashboard"), [HANG]),
        "audit": (reverse("emulation:audit_list"), [HANG, AN, KHOA]),
        "register": (reverse("emulation:register_list"), [HANG, AN]),
        "officers": (reverse("emulation:officer_list"), OFFICERS),
        "officer": (officer_a.get_absolute_url(), ["Nguyễn Văn An"]),
        "session": (reverse("awards:session_detail", args=[session.pk]), [NGOC, AN, HANG, KHOA, "Nguyễn Văn An"]),
        "session results": (reverse("awards:session_results", args=[session.pk]), [NGOC, AN, HANG, KHOA]),
        "new session": (reverse("awards:session_create", args=[world["campaign"].pk]), []),
        "feedback": (reverse("awards:published_list", args=[world["campaign"].pk]), [KHOA, "Nguyễn Văn An"]),
        "proposal": (reverse("awards:proposal_detail", args=[world["proposal"].pk]), ["Nguyễn Văn An", "Lê Thị Cúc"]),
        "decision": (reverse("awards:decision_detail", args=[decision.pk]), [AN, "Nguyễn Văn An"]),
        "typical": (reverse("awards:typical_detail", args=[example.pk]), [HANG, "Nguyễn Văn An"]),
        "honour board": (reverse("awards:honour_board"), ["Nguyễn Văn An"]),
        "honour": (reverse("awards:honour_board_detail", args=[example.pk]), ["Nguyễn Văn An"]),
    }


def test_every_page_that_shows_people_shows_them_in_natural_order(world, login, officer_a):
    client, pages = login(world["users"]["staff"]), {}
    for label, (url, shown) in _pages(world, officer_a).items():
        response = client.get(url)
        assert response.status_code == 200, label
        page = response.content.decode()
        assert_natural(page, [HANG, *shown])  # HANG: the signed-in user in the navigation bar
        pages[label] = flat(page)
    assert f"· {HANG} · tạo mới" in pages["dashboard"] and f"<td>{KHOA}</td>" in pages["audit"]
    assert f"{AN}<br>" in pages["register"] and f"CỤC TRƯỞNG {AN}" in pages["decision"]
    page = login(world["users"]["director"]).get(reverse("reports:dashboard")).content.decode()
    assert_natural(page, [AN])


def test_the_decision_form_offers_the_approving_directors_natural_name(named, submitted_proposal, login):
    staff, director = named["staff"], named["director"]
    session = council.open_voting(actor=staff, session=council.create_session(actor=staff, session=CouncilSession(
        campaign=submitted_proposal.campaign, title="Phiên họp", held_on=datetime.date(2024, 7, 3),
        location="Phòng họp"), seats=[council.Seat(user=director, full_name="", role=MemberRole.CHAIR)]))
    ballots.cast_ballot(actor=director, session=session, choices={i.pk: "yes" for i in session.items.all()})
    council.close_session(actor=staff, session=session)
    page = login(director).get(reverse("awards:decision_create", args=[session.pk])).content.decode()
    assert re.search(r'name="signer_name"[^>]*value="Phạm Quốc An"', page)
    assert_natural(page, [AN])


def test_session_pages_list_members_chair_first_then_by_given_name(world, login):
    client = login(world["users"]["staff"])
    session = world["session"]
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    members = page[page.index(NGOC):]
    assert_in_order(members, [NGOC, AN, HANG, KHOA])
    results = client.get(reverse("awards:session_results", args=[session.pk])).content.decode()
    assert_in_order(results, [NGOC, AN, KHOA])  # those who voted; Hằng did not


def test_the_officer_list_and_the_member_picker_go_by_given_name(world, login):
    client = login(world["users"]["staff"])
    page = client.get(reverse("emulation:officer_list")).content.decode()
    assert_in_order(page[page.index("<tbody"):], ["Nguyễn Văn An", "Lê Thị Cúc", "Lê Thùy Hằng", "Trần Thị Bích Ngọc"])
    form = client.get(reverse("awards:session_create", args=[world["campaign"].pk])).content.decode()
    picker = form[form.index('name="members-0-user"'):]
    picker = picker[:picker.index("</select>")]
    assert_in_order(picker, [f"{AN} (", f"{HANG} (", f"{KHOA} (", f"{NGOC} ("])


def _object_id(world, owner):
    return {"proposal": world["proposal"].pk, "nomination": world["nomination"].pk, "session": world["session"].pk,
            "decision": world["decision"].pk, "campaign": world["campaign"].pk,
            "plan": world["campaign"].plan_id}[owner]


# What each document shows of the people in ``world``.
DOCUMENT_NAMES = {
    "proposal_dossier": ["Nguyễn Văn An", "Lê Thị Cúc"], "proposal_letter": ["Nguyễn Văn An", "Lê Thị Cúc"],
    "proposal_minutes": [], "nomination_report": ["Nguyễn Văn An"],
    "proposal_list_xlsx": ["Nguyễn Văn An", "Lê Thị Cúc"], "campaign_nominees_xlsx": ["Nguyễn Văn An", "Lê Thị Cúc"],
    "campaign_attainment_xlsx": [], "session_minutes": [NGOC, AN, HANG, KHOA, "Nguyễn Văn An", "Lê Thị Cúc"],
    "session_passed_list": ["Nguyễn Văn An", "Lê Thị Cúc"], "session_list_xlsx": ["Nguyễn Văn An", "Lê Thị Cúc"],
    "decision": [AN, "Nguyễn Văn An", "Lê Thị Cúc"], "plan": [], "campaign_summary": ["Nguyễn Văn An"],
}


def document_text(data: bytes, extension: str) -> str:
    if extension == "pdf":
        return pdfcheck.text(data)
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)


def test_every_document_kind_prints_people_in_natural_order(world, login):
    assert set(DOCUMENT_NAMES) == set(KINDS)
    staff = world["users"]["staff"]
    client = login(staff)
    for code, kind in KINDS.items():
        document = pipeline.produce(kind=kind, object_id=_object_id(world, kind.owner), user=staff)
        with document.file.open("rb") as stored:
            text = document_text(stored.read(), kind.extension)
        assert_natural(text, DOCUMENT_NAMES[code])
        page = client.get(reverse("reports:document_detail", args=[document.pk])).content.decode()
        assert f"bởi {HANG}" in flat(page)  # generated by


def test_the_minutes_list_members_present_chair_first_then_by_given_name(world):
    document = pipeline.produce(kind=KINDS["session_minutes"], object_id=world["session"].pk)
    with document.file.open("rb") as stored:
        text = pdfcheck.text(stored.read())
    assert_in_order(text, [f"+ {NGOC} – Chủ tịch Hội đồng", f"+ {AN} – Ủy viên", f"+ {KHOA} – Ủy viên thư ký",
                           f"+ {HANG} – Ủy viên: có ý kiến bằng văn bản", f"Chủ trì (chủ tọa): {NGOC}",
                           f"Thư ký (người ghi biên bản): {KHOA}"])


def test_demo_council_members_and_accounts_read_in_natural_order(login):
    call_command("load_demo", stdout=io.StringIO())
    members = list(CouncilMember.objects.select_related("user", "session"))
    assert members and [m.full_name for m in members] == [person_name(m.user) for m in members]
    accounts = [person_name(user) for user in get_user_model().objects.all()]
    assert {m.full_name for m in members} <= set(Officer.objects.values_list("full_name", flat=True))
    staff = get_user_model().objects.get(username="thuongtruc")
    page = flat(login(staff).get(reverse("awards:session_detail", args=[members[0].session_id])).content.decode())
    assert [name for name in accounts if " " in name and sort_key_order(name) in page] == []
    assert [m.full_name for m in members if m.full_name not in page] == [] and person_name(staff) in page


def test_the_results_template_lists_officers_in_natural_order(world, login):
    response = login(world["users"]["staff"]).get(reverse("campaigns:results_template",
                                                          args=[world["campaign"].pk]))
    text = document_text(response.content, "xlsx")
    assert_natural(text, OFFICERS)
