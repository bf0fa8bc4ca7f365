"""The secret ballot at the database level: nothing stored pairs a member with a readable choice.
The ballots are sealed under a session key kept outside the database, the count opens them, stores the
totals, empties the box and destroys the key (docs/ballot-secrecy.md). The raw pages of PostgreSQL are
read in test_ballot_pageinspect.py."""

import io
import json
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from awards import ballot_crypto, ballot_keys
from awards.models import AgendaItem, AwardRule, Ballot, BallotCast, CouncilSession, SessionStatus
from awards.services import ballot_box, ballots
from awards.services import council as services
from emulation.models import AuditEntry

from .council_helpers import box, box_choices, council_users, vote, voting_session

pytestmark = pytest.mark.integration

YES, NO, ABSTAIN = "yes", "no", "abstain"


@pytest.fixture
def voted(staff, submitted_proposal, province):
    """Two members of three vote differently on the three nominees (quorum 2/3 is met)."""
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, YES, YES, ABSTAIN)
    vote(users[1], session, NO, NO, NO)
    session.refresh_from_db()
    return session, users


def _columns(model) -> set[str]:
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, model._meta.db_table)}


def _close(staff, session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.close_session(actor=staff, session=session)


def test_ballot_table_has_no_voter_no_time_and_no_readable_choice(voted):
    assert {f.name for f in Ballot._meta.get_fields()} == {"id", "item", "sealed"}
    assert [f.related_model for f in Ballot._meta.get_fields() if f.is_relation] == [AgendaItem]
    assert _columns(Ballot) == {"id", "item_id", "sealed"}
    assert Ballot.objects.count() == 6


def test_ballot_keys_are_random_uuids(voted):
    ids = list(Ballot.objects.values_list("id", flat=True))
    assert all(isinstance(pk, uuid.UUID) and pk.version == 4 for pk in ids)
    assert len(set(ids)) == 6


def test_every_ballot_is_ciphertext_of_one_length_whatever_the_choice(voted):
    sealed = [bytes(value) for value in Ballot.objects.values_list("sealed", flat=True)]
    assert {len(value) for value in sealed} == {ballot_crypto.SEALED_BYTES}
    assert len(set(sealed)) == 6
    for value in sealed:
        assert not any(choice.encode() in value for choice in (YES, ABSTAIN)), value  # "no" is 2 bytes: see pageinspect


def test_the_key_is_in_the_key_directory_never_in_the_database(voted, ballot_key_dir):
    session, _users = voted
    key_file = ballot_key_dir / f"{session.ballot_key}.key"
    assert [p.name for p in ballot_key_dir.iterdir()] == [key_file.name]
    assert (len(key_file.read_bytes()), key_file.stat().st_mode & 0o777) == (32, 0o600)
    assert key_file.read_bytes() not in {bytes(v) for v in Ballot.objects.values_list("sealed", flat=True)}
    assert box_choices(session) == [ABSTAIN, NO, NO, NO, YES, YES]


def test_cast_records_say_who_voted_never_how(voted):
    session, users = voted
    assert _columns(BallotCast) == {"id", "session_id", "member_id", "cast_at"}
    assert sorted(BallotCast.objects.values_list("member__user", flat=True)) == sorted(u.pk for u in users[:2])
    assert {f.name for f in BallotCast._meta.get_fields()} == {"id", "session", "member", "cast_at"}


def test_audit_trail_records_the_ballot_paper_not_the_choices(voted):
    session, users = voted
    assert not AuditEntry.objects.filter(model_label="awards.Ballot").exists()
    entries = list(AuditEntry.objects.filter(actor__in=users))
    assert [(e.model_label, e.action) for e in entries] == [("awards.BallotCast", "create")] * 2
    for entry in entries:
        assert set(entry.changes) == {"session", "member", "cast_at"}
        values = [value for pair in entry.changes.values() for value in pair]
        assert not {YES, NO} & {str(v) for v in values}
        assert "choice" not in json.dumps(entry.changes)
        assert entry.object_repr == str(BallotCast.objects.get(pk=entry.object_id))


def test_the_box_gives_the_counts_per_item_and_nothing_per_paper(voted):
    session, _users = voted
    items = list(session.items.order_by("position").values_list("pk", flat=True))
    assert box(session) == sorted([(items[0], YES), (items[0], NO), (items[1], YES), (items[1], NO),
                                   (items[2], ABSTAIN), (items[2], NO)])


def test_the_count_stores_the_totals_empties_the_box_and_destroys_the_key(
        voted, staff, ballot_key_dir, django_capture_on_commit_callbacks):
    session, _users = voted
    _close(staff, session, django_capture_on_commit_callbacks)
    counts = list(AgendaItem.objects.order_by("position").values_list("yes_count", "no_count", "abstain_count"))
    assert counts == [(1, 1, 0), (1, 1, 0), (0, 1, 1)]
    assert (Ballot.objects.count(), list(ballot_key_dir.iterdir())) == (0, [])
    with pytest.raises(ballot_keys.KeyMissing):
        ballot_keys.load(session.ballot_key)


def test_a_count_that_fails_keeps_the_ballots_and_the_key(voted, staff, submitted_proposal,
                                                          django_capture_on_commit_callbacks):
    session, _users = voted
    submitted_proposal.nominations.update(rule=None)
    AwardRule.objects.all().delete()
    with pytest.raises(ValidationError, match="Chưa có quy định áp dụng"):
        _close(staff, session, django_capture_on_commit_callbacks)
    assert (CouncilSession.objects.get().status, Ballot.objects.count()) == (SessionStatus.VOTING, 6)
    assert ballot_keys.exists(session.ballot_key)


def test_a_key_lost_before_the_count_is_a_clear_refusal_and_nothing_changes(voted, staff, province, ballot_key_dir):
    session, users = voted
    ballot_keys.destroy(session.ballot_key)
    with pytest.raises(ValidationError, match="Không tìm thấy khóa niêm phong phiếu bầu") as lost:
        services.close_session(actor=staff, session=session)
    assert "BALLOT_KEY_DIR" in lost.value.messages[0]
    with pytest.raises(ValidationError, match="Không tìm thấy khóa niêm phong"):
        vote(users[2], session, YES, YES, YES)
    assert (CouncilSession.objects.get().status, Ballot.objects.count(), BallotCast.objects.count()) == (
        SessionStatus.VOTING, 6, 2)
    assert list(ballot_key_dir.iterdir()) == []  # never replaced by a new key


def test_a_key_lost_before_the_count_gives_the_staff_a_message_not_an_error_page(voted, staff, login):
    session, _users = voted
    ballot_keys.destroy(session.ballot_key)
    response = login(staff).post(reverse("awards:session_close", args=[session.pk]), follow=True)
    assert response.status_code == 200
    assert "Không tìm thấy khóa niêm phong phiếu bầu" in response.content.decode()
    assert CouncilSession.objects.get().status == SessionStatus.VOTING


def test_a_key_missing_before_the_first_ballot_is_simply_made_again(staff, submitted_proposal, province):
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, YES, YES, YES)
    session.refresh_from_db()
    Ballot.objects.all().delete()  # as if the first paper had rolled back after making the key
    BallotCast.objects.all().delete()
    ballot_keys.destroy(session.ballot_key)
    vote(users[0], session, NO, NO, NO)
    assert box_choices(session) == [NO] * 3


@pytest.mark.parametrize("damage", ["altered", "moved", "added", "removed"])
def test_a_damaged_box_is_not_counted(voted, staff, damage):
    session, _users = voted
    first, second = session.items.order_by("position")[:2]
    ballot = Ballot.objects.filter(item=first).first()
    if damage == "altered":
        sealed = bytearray(ballot.sealed)
        sealed[-1] ^= 1
        Ballot.objects.filter(pk=ballot.pk).update(sealed=bytes(sealed))
    elif damage == "moved":  # a ballot for the first nominee moved to the second, one of its own removed
        Ballot.objects.filter(pk=ballot.pk).update(item=second)
        Ballot.objects.filter(item=second).exclude(pk=ballot.pk).first().delete()
        Ballot.objects.create(item=first, sealed=Ballot.objects.filter(item=first).first().sealed)
    elif damage == "added":
        Ballot.objects.create(item=first, sealed=ballot.sealed)
    else:
        ballot.delete()
    with pytest.raises(ValidationError, match="Hòm phiếu điện tử của phiên họp không toàn vẹn"):
        services.close_session(actor=staff, session=session)
    assert CouncilSession.objects.get().status == SessionStatus.VOTING


def test_the_count_of_an_empty_box_needs_no_key(staff, submitted_proposal, province):
    """Every member recused from every item or all abstaining through written opinions: nothing to open."""
    session = voting_session(staff, submitted_proposal.campaign, council_users(province, 3))
    assert (ballot_box.open_box(session), session.ballot_key) == ([], None)


def test_after_a_lost_key_the_staff_restart_the_vote_and_the_members_vote_again(voted, staff, head_a, ballot_key_dir):
    session, users = voted
    with pytest.raises(ValidationError, match="vẫn còn; không cần bỏ phiếu lại"):
        ballots.restart_lost_vote(actor=staff, session=session)
    ballot_keys.destroy(session.ballot_key)
    with pytest.raises(PermissionDenied):
        ballots.restart_lost_vote(actor=head_a, session=session)
    assert ballots.restart_lost_vote(actor=staff, session=session) == 2
    assert (Ballot.objects.count(), BallotCast.objects.count(), CouncilSession.objects.get().ballot_key) == (0, 0, None)
    deleted = AuditEntry.objects.filter(actor=staff, action="delete", model_label="awards.BallotCast")
    assert deleted.count() == 2
    vote(users[0], session, YES, YES, YES)
    vote(users[1], session, NO, YES, NO)
    assert box_choices(session) == [NO, NO, YES, YES, YES, YES]


def test_the_restart_command_names_what_it_refuses(voted, staff):
    session, _users = voted
    with pytest.raises(CommandError, match="vẫn còn"):
        call_command("restart_lost_vote", session.pk, actor=staff.username)
    ballot_keys.destroy(session.ballot_key)
    out = io.StringIO()
    call_command("restart_lost_vote", session.pk, actor=staff.username, stdout=out)
    assert out.getvalue() == "Đã xóa 2 phiếu không thể mở; các thành viên bỏ phiếu lại.\n"


def test_an_unwritable_key_directory_refuses_the_paper_with_a_message_and_saves_nothing(
        staff, submitted_proposal, province, settings, tmp_path):
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    (tmp_path / "not-a-directory").write_text("")
    settings.BALLOT_KEY_DIR = tmp_path / "not-a-directory" / "keys"
    with pytest.raises(ValidationError, match="Không lưu được khóa niêm phong phiếu bầu"):
        vote(users[0], session, YES, YES, YES)
    assert (BallotCast.objects.count(), Ballot.objects.count(), CouncilSession.objects.get().ballot_key) == (
        0, 0, None)
