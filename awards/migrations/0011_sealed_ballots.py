"""Ballots stop holding a readable choice (docs/ballot-secrecy.md).

Existing plaintext ballots: those of a session still open are sealed under a new key for that session
(in BALLOT_KEY_DIR); those of a counted session, whose totals the agenda items already store, are
deleted (refused, with the session named, if an item of it has no totals). On PostgreSQL the table is
emptied with TRUNCATE, which gives it a new file, so no dead row version of the old plaintext stays in
the table; WAL segments and backups taken before this migration still hold it (see the document).
"""

import uuid

from django.db import migrations, models

FINISHED = ("closed", "decided")


def _check_constraints_now(schema_editor):
    """PostgreSQL refuses to alter a table with pending (deferred) foreign-key checks on its rows."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def seal_ballots(apps, schema_editor):
    from awards import ballot_crypto, ballot_keys

    Ballot = apps.get_model("awards", "Ballot")
    AgendaItem = apps.get_model("awards", "AgendaItem")
    CouncilSession = apps.get_model("awards", "CouncilSession")
    rows = list(Ballot.objects.values_list("item_id", "item__session_id", "item__session__status", "choice"))
    if not rows:
        return
    counted = {session_id for _item, session_id, status, _choice in rows if status in FINISHED}
    uncounted = AgendaItem.objects.filter(session_id__in=counted, yes_count__isnull=True)
    if missing := sorted(set(uncounted.values_list("session_id", flat=True))):
        raise RuntimeError(f"council sessions {missing} are closed but an agenda item has no stored totals: "
                           "their ballots cannot be deleted; count them again before this migration")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"TRUNCATE {schema_editor.quote_name(Ballot._meta.db_table)}")
    else:
        Ballot.objects.all().delete()
    keys, sealed = {}, []  # session id → (key id, key)
    for item_id, session_id, status, choice in rows:
        if status in FINISHED:
            continue
        if session_id not in keys:
            key_id = uuid.uuid4()
            keys[session_id] = (key_id, ballot_keys.create(key_id))
            CouncilSession.objects.filter(pk=session_id).update(ballot_key=key_id)
        key_id, key = keys[session_id]
        sealed.append(Ballot(id=uuid.uuid4(), item_id=item_id, choice=None,
                             sealed=ballot_crypto.seal(key, choice, key_id=str(key_id), item_id=item_id)))
    Ballot.objects.bulk_create(sealed)
    _check_constraints_now(schema_editor)


def unseal_ballots(apps, schema_editor):
    """Back to plaintext for the sessions still open (their keys must exist); counted ones stay counted."""
    from awards import ballot_crypto, ballot_keys

    Ballot = apps.get_model("awards", "Ballot")
    for ballot in Ballot.objects.select_related("item__session"):
        key_id = ballot.item.session.ballot_key
        ballot.choice = ballot_crypto.unseal(ballot_keys.load(key_id), ballot.sealed, key_id=str(key_id),
                                             item_id=ballot.item_id)
        ballot.save(update_fields=["choice"])
    _check_constraints_now(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0010_written_opinion_stances"),
    ]

    operations = [
        migrations.AddField(
            model_name="councilsession",
            name="ballot_key",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ballot",
            name="sealed",
            field=models.BinaryField(null=True),
        ),
        migrations.AlterField(  # so that going down can add the column back to a table with rows
            model_name="ballot",
            name="choice",
            field=models.CharField(max_length=8, null=True),
        ),
        migrations.RunPython(seal_ballots, unseal_ballots),
        migrations.RemoveField(
            model_name="ballot",
            name="choice",
        ),
        migrations.AlterField(
            model_name="ballot",
            name="sealed",
            field=models.BinaryField(),
        ),
    ]
