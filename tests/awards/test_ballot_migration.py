"""Migration 0011: the plaintext ballots of an open session are sealed under a new key, those of a
counted session (whose totals the agenda stores) are deleted, and a counted session without totals
stops the migration. Down and up again through the real migration executor."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from awards import ballot_keys
from awards.models import AgendaItem, Ballot, CouncilSession

from .council_helpers import box, council_users, vote, voting_session

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BEFORE, AFTER = ("awards", "0010_written_opinion_stances"), ("awards", "0011_sealed_ballots")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def _migrate_to_the_latest() -> None:
    """Going down to 0010 also took back every later migration that depends on 0011 (of any app): the tests that
    follow on this database need them all."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def old_schema(staff, submitted_proposal, province):
    """An open session with two papers, taken back to the plaintext schema, plus a counted session
    whose plaintext ballots were kept beside its totals (as they were before)."""
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    vote(users[0], session, "yes", "no", "abstain")
    vote(users[1], session, "no", "no", "yes")
    session.refresh_from_db()
    old_key = session.ballot_key
    apps = _migrate(BEFORE)
    try:
        old = apps.get_model("awards", "CouncilSession")
        counted = old.objects.create(unit_id=session.unit_id, campaign_id=session.campaign_id, title="Phiên đã kiểm",
                                     held_on=datetime.date(2024, 6, 1), status="closed")
        item = apps.get_model("awards", "AgendaItem").objects.create(
            session=counted, nomination_id=session.items.first().nomination_id, yes_count=1, no_count=1,
            abstain_count=0, passed=False)
        apps.get_model("awards", "Ballot").objects.bulk_create(
            [apps.get_model("awards", "Ballot")(item=item, choice=c) for c in ("yes", "no")])
        yield apps, session, counted.pk, old_key
    finally:
        _migrate_to_the_latest()


def test_going_down_opens_the_open_sessions_ballots_again(old_schema):
    apps, session, _counted, _old_key = old_schema
    items = dict(session.items.values_list("pk", "position"))
    rows = apps.get_model("awards", "Ballot").objects.filter(item__session_id=session.pk)
    assert sorted((items[i], c) for i, c in rows.values_list("item_id", "choice")) == sorted(
        [(1, "yes"), (1, "no"), (2, "no"), (2, "no"), (3, "abstain"), (3, "yes")])


def test_going_up_seals_open_sessions_under_a_new_key_and_deletes_counted_ballots(old_schema):
    _apps, session, counted, old_key = old_schema
    _migrate(AFTER)
    session.refresh_from_db()
    assert session.ballot_key not in (None, old_key) and ballot_keys.exists(session.ballot_key)
    items = dict(session.items.values_list("pk", "position"))
    assert sorted((items[i], c) for i, c in box(session)) == sorted(
        [(1, "yes"), (1, "no"), (2, "no"), (2, "no"), (3, "abstain"), (3, "yes")])
    left = Ballot.objects.filter(item__session_id=counted).count()
    assert (left, CouncilSession.objects.get(pk=counted).ballot_key) == (0, None)
    assert list(AgendaItem.objects.filter(session_id=counted).values_list("yes_count", "no_count")) == [(1, 1)]
    if connection.vendor == "postgresql":  # TRUNCATE gave the table a new file: no old row version left
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
            cursor.execute("SELECT count(*) FROM heap_page_items(get_raw_page('awards_ballot', 0))"
                           " WHERE t_data IS NOT NULL")
            assert cursor.fetchone()[0] == 6


def test_a_counted_session_without_totals_stops_the_migration(old_schema):
    apps, _session, counted, _old_key = old_schema
    apps.get_model("awards", "AgendaItem").objects.filter(session_id=counted).update(yes_count=None)
    with pytest.raises(RuntimeError, match=rf"council sessions \[{counted}\] are closed"):
        _migrate(AFTER)
    fixed = _migrate(BEFORE)  # nothing was changed: the plaintext ballots are still there to count
    assert fixed.get_model("awards", "Ballot").objects.filter(item__session_id=counted).count() == 2
    fixed.get_model("awards", "AgendaItem").objects.filter(session_id=counted).update(yes_count=1)

