"""Written opinions of absent members count in the result only where the rule version says so: the
stance a written opinion states on a nominee is then added to that item's figures (and said so on the
results page and in the minutes); otherwise it is only written into the minutes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.enums import ThresholdComparison
from awards.models import AgendaItem, Recusal, RecusalGround, WrittenOpinion
from awards.services import ballots
from awards.services import council as services
from reports.documents import council as minutes
from reports.pdf import render_pdf
from tests.awards.council_helpers import council_users, vote, voting_session
from tests.reports.documents import page_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(staff, submitted_proposal):
    """Four members, three items (officer A, Lê Thị Cúc, unit A); a "quá nửa" rule (more than 50 %)."""
    rule = submitted_proposal.nominations.first().rule
    rule.vote_threshold, rule.threshold_comparison = 50, ThresholdComparison.MORE_THAN
    rule.save()
    users = council_users(submitted_proposal.campaign.plan.issuer, 4)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, "yes", "yes", "no")
    vote(users[1], session, "yes", "no", "no")
    vote(users[2], session, "no", "no", "no")
    session.absent_member = session.members.get(user=users[3])
    return session


def _items(session):
    return list(session.items.order_by("position", "id"))


def _write(staff, session, stances):
    return ballots.record_written_opinion(actor=staff, session=session, member=session.absent_member,
                                          received_on=session.held_on, text="Đồng ý với đồng chí An.",
                                          stances=stances)


def _counts(session):
    return [(i.yes_count, i.no_count, i.written_count, i.passed) for i in _items(session)]


@pytest.mark.parametrize(("counted", "expected"), [
    # 2 of 4 is not more than half; with the written "yes" 3 of 4 is.
    (True, [(3, 1, 1, True), (1, 2, 0, False), (0, 4, 1, False)]),
    (False, [(2, 1, 0, False), (1, 2, 0, False), (0, 3, 0, False)]),
])
def test_a_written_stance_counts_only_where_the_rule_version_says_so(staff, session, counted, expected):
    rule = _items(session)[0].nomination.rule
    rule.written_opinions_count = counted
    rule.save()
    first, _second, third = _items(session)
    _write(staff, session, {first.pk: "yes", third.pk: "no"})  # silent on the second nominee
    services.close_session(actor=staff, session=session)
    assert _counts(session) == expected


def test_the_minutes_and_the_results_page_say_what_was_counted(staff, session, login):
    rule = _items(session)[0].nomination.rule
    rule.written_opinions_count = True
    rule.save()
    _write(staff, session, {_items(session)[0].pk: "yes"})
    services.close_session(actor=staff, session=session)
    loaded = minutes.load_session(session.pk)
    text = " ".join(page_texts(render_pdf(minutes.session_minutes_parts(loaded)).data))
    assert "3/4 (1 VB)" in text and "được tính vào kết quả" in text and "không tính là phiếu bầu" not in text
    page = login(staff).get(reverse("awards:session_results", args=[session.pk])).content.decode()
    assert page.count('data-testid="written-counted"') == 1 and "trong đó 1 ý kiến bằng văn bản" in page


def test_a_stance_on_an_item_the_member_is_recused_from_or_not_a_choice_is_refused(staff, session):
    first = _items(session)[0]
    Recusal.objects.create(item=first, member=session.absent_member, ground=RecusalGround.DECLARED,
                           reason="Là người thân của đối tượng")
    with pytest.raises(ValidationError, match="không tham gia biểu quyết"):
        _write(staff, session, {first.pk: "yes"})
    with pytest.raises(ValidationError, match="không hợp lệ"):
        _write(staff, session, {_items(session)[1].pk: "maybe"})
    other = AgendaItem.objects.exclude(session=session).first()
    with pytest.raises(ValidationError, match="không thuộc phiên họp"):
        _write(staff, session, {(other.pk if other else 10_000): "yes"})
    assert not WrittenOpinion.objects.exists()


def test_staff_record_the_stances_from_the_page(staff, session, login):
    first, second, _third = _items(session)
    response = login(staff).post(reverse("awards:session_written_opinion", args=[session.pk]), {
        "member": session.absent_member.pk, "received_on": "03/07/2024", "text": "Ý kiến gửi kèm.",
        f"item_{first.pk}": "yes", f"item_{second.pk}": "", f"item_{_third.pk}": "abstain"})
    assert response.status_code == 302
    opinion = WrittenOpinion.objects.get()
    assert (opinion.member, opinion.stances) == (session.absent_member, {str(first.pk): "yes",
                                                                         str(_third.pk): "abstain"})


def test_no_written_opinion_is_recorded_once_the_vote_is_counted(staff, session):
    services.close_session(actor=staff, session=session)
    session.refresh_from_db()
    with pytest.raises(ValidationError):
        _write(staff, session, {_items(session)[0].pk: "yes"})
    assert not WrittenOpinion.objects.filter(session=session).exists()
