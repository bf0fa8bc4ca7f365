"""The secret ballot at the database level: nothing stored pairs a member with a choice."""

import json
import uuid

import pytest
from django.db import connection

from awards.models import AgendaItem, Ballot, BallotCast, Nomination
from emulation.models import AuditEntry
from tests.factories import OfficerFactory

from .council_helpers import council_users, vote, voting_session

pytestmark = pytest.mark.integration

YES, NO = "yes", "no"


@pytest.fixture
def voted(staff, submitted_proposal, province):
    """Two members vote differently on the three nominees."""
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, YES, YES, YES)
    vote(users[1], session, NO, NO, NO)
    return session, users


def _columns(model) -> set[str]:
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, model._meta.db_table)}


def test_ballot_table_has_no_voter_and_no_time(voted):
    assert {f.name for f in Ballot._meta.get_fields()} == {"id", "item", "choice"}
    assert [f.related_model for f in Ballot._meta.get_fields() if f.is_relation] == [AgendaItem]
    assert _columns(Ballot) == {"id", "item_id", "choice"}
    assert Ballot.objects.count() == 6


def test_ballot_keys_are_random_uuids(voted):
    ids = list(Ballot.objects.values_list("id", flat=True))
    assert all(isinstance(pk, uuid.UUID) and pk.version == 4 for pk in ids)
    assert len(set(ids)) == 6


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


def test_yes_and_no_counts_are_the_only_thing_the_rows_give(voted):
    session, _users = voted
    for item in session.items.all():
        assert sorted(item.ballots.values_list("choice", flat=True)) == [NO, YES]


@pytest.fixture
def twenty_nominees(submitted_proposal, campaign_award, unit_a):
    for n in range(17):
        officer = OfficerFactory(unit=unit_a, full_name=f"Cán bộ số {n}")
        Nomination.objects.create(proposal=submitted_proposal, campaign_award=campaign_award, unit=unit_a,
                                  officer=officer, position=10 + n)
    return submitted_proposal


def _physical_rows(*columns):
    """Ballot rows in the order the database stores them."""
    physical = {"sqlite": "rowid", "postgresql": "ctid"}[connection.vendor]  # the two supported databases
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {Ballot._meta.db_table} ORDER BY {physical}")  # noqa: S608
        return [row[0] if len(row) == 1 else row for row in cursor.fetchall()]


def test_ballots_are_not_stored_in_agenda_order(staff, province, twenty_nominees):
    users = council_users(province, 1)
    session = voting_session(staff, twenty_nominees.campaign, users)
    vote(users[0], session, *[YES] * 20)
    stored = _physical_rows("item_id")
    agenda = list(session.items.order_by("position").values_list("pk", flat=True))
    assert sorted(stored) == sorted(agenda)
    assert stored != agenda  # 1 chance in 20! of a false alarm


def test_ballot_papers_are_mixed_in_the_box_not_stored_one_after_the_other(staff, province, twenty_nominees):
    """Otherwise the n-th block of rows would be the paper of the n-th cast record (by time)."""
    users = council_users(province, 2)
    session = voting_session(staff, twenty_nominees.campaign, users)
    vote(users[0], session, *[YES] * 20)
    first_keys = set(Ballot.objects.values_list("id", flat=True))
    vote(users[1], session, *[NO] * 20)
    stored = _physical_rows("choice")
    assert sorted(stored) == [NO] * 20 + [YES] * 20
    assert stored not in ([YES] * 20 + [NO] * 20, [NO] * 20 + [YES] * 20)  # 1 chance in 10^11 of a false alarm
    assert not first_keys & set(Ballot.objects.values_list("id", flat=True))
