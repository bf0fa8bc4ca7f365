"""The secret ballot read as an attacker with the database files would read it: every heap tuple of
the ballot table, live or dead, through PostgreSQL's ``pageinspect``, after each vote and after the
count. A paper's ballots are written in the transaction of its ``BallotCast`` (adjacent ``xmin``), so
the link exists by necessity: the test shows that it leads to ciphertext only, of one shape whatever the
choice, and that after the count the key that could open it is gone. Nothing is vacuumed."""

import pytest
from django.db import DatabaseError, connection

from awards import ballot_crypto, ballot_keys
from awards.models import Ballot, BallotCast, CouncilSession
from awards.services import council as services
from tests.services import service_missing

from .council_helpers import council_users, vote, voting_session

pytestmark = [pytest.mark.integration, pytest.mark.services, pytest.mark.django_db(transaction=True)]

CHOICES = ("yes", "no", "abstain")
# How a readable choice would sit in a page: as the old varchar column (a one-byte varlena header, then
# the text) or as the padded plaintext inside the seal.
PLAINTEXT_FORMS = [bytes([(len(c) + 1) << 1 | 1]) + c.encode() for c in CHOICES] + [
    c.encode().ljust(ballot_crypto.CHOICE_WIDTH, b"\0") for c in CHOICES]


@pytest.fixture
def pageinspect():
    if connection.vendor != "postgresql":
        service_missing("pageinspect reads PostgreSQL's pages: run with DATABASE_URL=postgres://…")
    with connection.cursor() as cursor:
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        except DatabaseError as exc:
            service_missing(f"pageinspect needs the contrib modules and a superuser (postgres): {exc}")
        cursor.execute(f"ALTER TABLE {Ballot._meta.db_table} SET (autovacuum_enabled = false)")  # keep the dead tuples
        # A new, empty file, so that every tuple read is this test's (earlier tests' rolled-back rows stay in
        # the old file otherwise).
        cursor.execute(f"TRUNCATE {Ballot._meta.db_table} CASCADE")


def heap_tuples(model) -> list[dict]:
    """Every tuple with data in every block of the table, live or dead: xmin, xmax, raw data, attributes."""
    table = model._meta.db_table
    tuples = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        for block in range(cursor.fetchone()[0]):
            cursor.execute(
                "SELECT i.lp, i.t_xmin::text::bigint, i.t_xmax::text::bigint, i.t_data, a.t_attrs"
                " FROM heap_page_items(get_raw_page(%s, %s)) i"
                " JOIN heap_page_item_attrs(get_raw_page(%s, %s), %s::regclass) a USING (lp)"
                " WHERE i.t_data IS NOT NULL", [table, block, table, block, table])
            tuples += [{"xmin": xmin, "xmax": xmax, "data": bytes(data),
                        "attrs": [bytes(a) for a in attrs if a is not None]}
                       for _lp, xmin, xmax, data, attrs in cursor.fetchall()]
    return tuples


def assert_no_readable_choice(tuples):
    for tup in tuples:
        assert not [form for form in PLAINTEXT_FORMS if form in tup["data"]], tup
        uuid_, item_id, sealed = tup["attrs"]  # nothing else: no voter, no time, no choice column
        assert (len(uuid_), len(item_id), len(sealed)) == (16, 8, 1 + ballot_crypto.SEALED_BYTES)


def shape(tuples, xmin):
    """What a reader without the key learns from the ballots written by one transaction (one paper)."""
    return sorted((tup["attrs"][1], len(tup["attrs"][2])) for tup in tuples if tup["xmin"] == xmin)


def cast_xmins() -> dict[int, int]:
    """The transaction id of each member's ``BallotCast`` tuple, by user id."""
    members = dict(BallotCast.objects.values_list("pk", "member__user_id"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, xmin::text::bigint FROM {BallotCast._meta.db_table}")  # noqa: S608
        return {members[pk]: xmin for pk, xmin in cursor.fetchall()}


def test_no_heap_tuple_of_the_ballot_table_holds_a_readable_choice_before_or_after_the_count(
        pageinspect, staff, submitted_proposal, province):
    users = council_users(province, 3)
    session = voting_session(staff, submitted_proposal.campaign, users)
    papers = [("yes", "yes", "yes"), ("no", "no", "abstain"), ("abstain", "no", "yes")]
    for number, (user, paper) in enumerate(zip(users, papers, strict=True), start=1):
        vote(user, session, *paper)
        tuples = heap_tuples(Ballot)
        assert len(tuples) == 3 * number
        assert_no_readable_choice(tuples)
    # The attacker's pairing: a paper's ballots carry the id of the transaction that wrote its BallotCast
    # (which gets the next one, in its savepoint). The pairing works, and yields the same shape for all.
    papers_xmins, casts = sorted({t["xmin"] for t in tuples}), cast_xmins()
    paired = {user.pk: max(x for x in papers_xmins if x < casts[user.pk]) for user in users}
    assert (len(papers_xmins), len(set(paired.values()))) == (3, 3)
    shapes = [shape(tuples, paired[user.pk]) for user in users]
    assert len(shapes[0]) == 3 and shapes[0] == shapes[1] == shapes[2]
    session.refresh_from_db()
    key = ballot_keys.load(session.ballot_key)  # before the count, only the key (outside the database) opens them
    assert sorted(ballot_crypto.unseal(key, t["attrs"][2][1:], key_id=str(session.ballot_key),
                                       item_id=int.from_bytes(t["attrs"][1], "little")) for t in tuples) == sorted(
        c for paper in papers for c in paper)

    services.close_session(actor=staff, session=session)

    after = heap_tuples(Ballot)
    assert (len(after), Ballot.objects.count()) == (9, 0)  # nine dead tuples, none live
    assert all(tup["xmax"] for tup in after)
    assert_no_readable_choice(after)
    with pytest.raises(ballot_keys.KeyMissing):
        ballot_keys.load(session.ballot_key)
    assert CouncilSession.objects.get().status == "closed"
    assert sorted(session.items.values_list("yes_count", "no_count", "abstain_count")) == sorted(
        [(1, 1, 1), (1, 2, 0), (2, 0, 1)])
