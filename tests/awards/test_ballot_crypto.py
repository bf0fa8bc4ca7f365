"""The sealing of a ballot and the key store, without the database."""

import datetime
import os
import time
import uuid

import pytest

from awards import ballot_crypto, ballot_keys
from awards.ballot_crypto import SEALED_BYTES, BallotSealError, seal, unseal

pytestmark = pytest.mark.unit

KEY = bytes(range(32))
KEY_ID = "6f1c3f0e-0000-4000-8000-000000000001"


@pytest.mark.parametrize("choice", ["yes", "no", "abstain"])
def test_a_choice_opens_again_and_every_sealed_ballot_has_one_length(choice):
    sealed = seal(KEY, choice, key_id=KEY_ID, item_id=7)
    assert (len(sealed), unseal(KEY, sealed, key_id=KEY_ID, item_id=7)) == (SEALED_BYTES, choice)


def test_the_same_choice_seals_differently_every_time():
    assert len({seal(KEY, "yes", key_id=KEY_ID, item_id=7) for _ in range(50)}) == 50


def _flip(sealed: bytes, index: int) -> bytes:
    changed = bytearray(sealed)
    changed[index] ^= 0x01
    return bytes(changed)


GOOD = seal(KEY, "yes", key_id=KEY_ID, item_id=7)


TAMPERED = [
    ("nonce altered", KEY, _flip(GOOD, 0), KEY_ID, 7),
    ("ciphertext altered", KEY, _flip(GOOD, ballot_crypto.NONCE_BYTES), KEY_ID, 7),
    ("tag altered", KEY, _flip(GOOD, SEALED_BYTES - 1), KEY_ID, 7),
    ("cut short", KEY, GOOD[:-1], KEY_ID, 7),
    ("lengthened", KEY, GOOD + b"\0", KEY_ID, 7),
    ("empty", KEY, b"", KEY_ID, 7),
    ("moved to another item", KEY, GOOD, KEY_ID, 8),
    ("another session's key id", KEY, GOOD, str(uuid.uuid4()), 7),
    ("another key", bytes(32), GOOD, KEY_ID, 7),
    ("a short key", KEY[:16], GOOD, KEY_ID, 7),
]


@pytest.mark.parametrize(("key", "sealed", "key_id", "item_id"),
                         [pytest.param(*case[1:], id=case[0]) for case in TAMPERED])
def test_a_tampered_or_foreign_ballot_is_refused(key, sealed, key_id, item_id):
    with pytest.raises(BallotSealError):
        unseal(key, sealed, key_id=key_id, item_id=item_id)


@pytest.mark.parametrize("choice", ["", "abstained", "yes\0", "khôngđồngý"])
def test_only_short_plain_choices_are_sealed(choice):
    with pytest.raises(ValueError, match="not a ballot choice"):
        seal(KEY, choice, key_id=KEY_ID, item_id=7)


def test_new_keys_are_random_and_256_bits():
    keys = {ballot_crypto.new_key() for _ in range(20)}
    assert (len(keys), {len(k) for k in keys}) == (20, {32})


@pytest.fixture
def key_dir(settings, tmp_path):
    settings.BALLOT_KEY_DIR = tmp_path / "keys"
    return settings.BALLOT_KEY_DIR


def test_a_key_is_created_once_kept_private_and_destroyed(key_dir):
    key_id = uuid.uuid4()
    key = ballot_keys.create(key_id)
    assert (ballot_keys.create(key_id), ballot_keys.load(key_id)) == (key, key)  # creating again keeps it
    path = key_dir / f"{key_id}.key"
    assert ([p.name for p in key_dir.iterdir()], path.stat().st_mode & 0o777, key_dir.stat().st_mode & 0o777) == (
        [path.name], 0o600, 0o700)
    ballot_keys.destroy(key_id)
    ballot_keys.destroy(key_id)  # already gone: nothing to do
    assert (list(key_dir.iterdir()), ballot_keys.exists(key_id)) == ([], False)
    with pytest.raises(ballot_keys.KeyMissing):
        ballot_keys.load(key_id)


def test_a_damaged_or_absent_key_is_missing(key_dir):
    key_id = uuid.uuid4()
    for damage in (None, b"", b"short"):
        if damage is not None:
            ballot_keys.path_for(key_id).write_bytes(damage)
        with pytest.raises(ballot_keys.KeyMissing):
            ballot_keys.load(key_id)
    with pytest.raises(ballot_keys.KeyMissing):
        ballot_keys.load(None)


def _age(path, hours):
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_purge_destroys_the_keys_of_sessions_no_longer_voting_once_old_enough(key_dir):
    voting, counted, fresh = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    for key_id in (voting, counted, fresh):
        ballot_keys.create(key_id)
    leftover = key_dir / f".{counted}.key.{uuid.uuid4().hex}"  # a crash inside create
    leftover.write_bytes(bytes(32))
    unrelated = key_dir / "README"
    unrelated.write_text("not a key")
    for path in (ballot_keys.path_for(voting), ballot_keys.path_for(counted), leftover, unrelated):
        _age(path, 2)
    destroyed = ballot_keys.purge(keep={voting}, grace=datetime.timedelta(hours=1))
    assert sorted(p.name for p in destroyed) == sorted([f"{counted}.key", leftover.name])
    assert sorted(p.name for p in key_dir.iterdir()) == sorted([f"{voting}.key", f"{fresh}.key", "README"])
