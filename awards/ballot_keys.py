"""The key store of the secret ballot: one random key per council session, in a file of its own under
``settings.BALLOT_KEY_DIR`` (never in the database, never in its backups), from the session's first
ballot paper until the count, which destroys it. A file is named by the session's random key id
(``CouncilSession.ballot_key``), so a key left over from another database never serves a session here.

The directory must survive a restart (a volume), be shared by every process that casts or counts,
be readable by the application's user only, and be left out of backups: a backup of it together
with a backup of the database taken before the count would let its holder read the ballots.
"""

import datetime
import os
import time
import uuid
from pathlib import Path

from django.conf import settings

from .ballot_crypto import KEY_BYTES, new_key

SUFFIX = ".key"


class KeyMissing(LookupError):
    """No usable key for this id: never created, destroyed at the count, or lost."""


def _directory() -> Path:
    directory = Path(settings.BALLOT_KEY_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def path_for(key_id: uuid.UUID) -> Path:
    return _directory() / f"{uuid.UUID(str(key_id))}{SUFFIX}"


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create(key_id: uuid.UUID) -> bytes:
    """Store a new random key under ``key_id`` (durably: written, synced, then linked into place, so a
    crash leaves either no file or a whole one). An existing key is kept and returned."""
    target = path_for(key_id)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, new_key())
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temporary, target)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    _fsync_directory(target.parent)
    return load(key_id)


def load(key_id: uuid.UUID | None) -> bytes:
    if key_id is None:
        raise KeyMissing("no key id")
    try:
        key = path_for(key_id).read_bytes()
    except OSError as exc:  # not found, or the directory is not there / not readable
        raise KeyMissing(f"{key_id}: {exc.strerror}") from exc
    if len(key) != KEY_BYTES:
        raise KeyMissing(f"{key_id}: damaged")
    return key


def exists(key_id: uuid.UUID | None) -> bool:
    try:
        load(key_id)
    except KeyMissing:
        return False
    return True


def _shred(path: Path) -> None:
    """Overwrite, sync, unlink. The overwrite helps on a plain file system; on a journalling,
    copy-on-write or flash one only keeping the directory out of snapshots and backups really helps."""
    try:
        with path.open("r+b") as handle:
            handle.write(b"\0" * max(path.stat().st_size, KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except FileNotFoundError:
        return
    _fsync_directory(path.parent)


def destroy(key_id: uuid.UUID | None) -> None:
    """Destroy the key for good (a no-op when it is already gone)."""
    if key_id is not None:
        _shred(path_for(key_id))


def purge(*, keep: set[uuid.UUID], grace: datetime.timedelta = datetime.timedelta(hours=1)) -> list[Path]:
    """Destroy the keys of sessions no longer voting (``keep``: the key ids of sessions in voting):
    those whose destruction after a count was interrupted, those of a first ballot paper whose
    transaction rolled back, and the temporary copy a crash in ``create`` may leave. A file younger
    than ``grace`` is left alone: its transaction may still be running."""
    keep_names = {f"{uuid.UUID(str(key_id))}{SUFFIX}" for key_id in keep}
    cutoff = time.time() - grace.total_seconds()
    destroyed = []
    for path in sorted(_directory().iterdir()):
        ours = path.name.endswith(SUFFIX) or (path.name.startswith(".") and f"{SUFFIX}." in path.name)
        if not ours or path.name in keep_names or path.stat().st_mtime > cutoff:
            continue
        _shred(path)
        destroyed.append(path)
    return destroyed
