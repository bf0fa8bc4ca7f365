"""The sealing of a secret ballot (phiếu bầu kín): each choice is stored only as AES-256-GCM ciphertext
under its council session's key, which is kept outside the database (``ballot_keys``) and destroyed
at the count. See docs/ballot-secrecy.md for the threat model.

Pure functions over bytes: no database, no files, no clock. Every sealed ballot has the same length
whatever the choice (the plaintext is padded to a fixed width), a fresh random nonce, and is bound to
its session key and agenda item by the associated data, so a row moved to another item, cut or
altered is refused when opened.
"""

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # the GCM standard nonce; random, so 2^-96 per pair of ballots under one key
TAG_BYTES = 16
CHOICE_WIDTH = 8  # the longest choice value ("abstain") fits; all plaintexts are padded to this
SEALED_BYTES = NONCE_BYTES + CHOICE_WIDTH + TAG_BYTES


class BallotSealError(ValueError):
    """A sealed ballot that does not open with this key for this item: altered, moved or foreign."""


def new_key() -> bytes:
    """A fresh random session key (never derived from anything, so nothing can re-derive it)."""
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def _context(key_id: str, item_id: int) -> bytes:
    return f"thidua/ballot/v1/{key_id}/{item_id}".encode()


def _pad(choice: str) -> bytes:
    raw = choice.encode()
    if not raw or len(raw) > CHOICE_WIDTH or b"\0" in raw:
        raise ValueError(f"not a ballot choice: {choice!r}")
    return raw.ljust(CHOICE_WIDTH, b"\0")


def seal(key: bytes, choice: str, *, key_id: str, item_id: int) -> bytes:
    """``nonce ‖ ciphertext ‖ tag`` of ``choice`` for one agenda item; always ``SEALED_BYTES`` long."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, _pad(choice), _context(key_id, item_id))


def unseal(key: bytes, sealed: bytes, *, key_id: str, item_id: int) -> str:
    """The choice in a sealed ballot; ``BallotSealError`` unless it opens with this key for this item."""
    sealed = bytes(sealed)
    if len(sealed) != SEALED_BYTES or len(key) != KEY_BYTES:
        raise BallotSealError("wrong length")
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        padded = AESGCM(key).decrypt(nonce, body, _context(key_id, item_id))
    except InvalidTag as exc:
        raise BallotSealError("does not open") from exc
    return padded.rstrip(b"\0").decode()
