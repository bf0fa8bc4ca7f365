"""Page data shared by users with the same grants, kept in the cache (Redis when configured) until the data
changes.

Every change a user makes is written to the audit trail (``emulation.audit``); when such a transaction commits,
the generation moves on (``changed``), and entries cached under the old generation are never read again (they
expire on their own). The generation is a time in nanoseconds, never a counter: a cache that lost it (restart,
eviction) starts from a new value, so old entries cannot come back. A cache that does not answer is skipped: the
page computes what it shows, as without a cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from . import access

log = logging.getLogger(__name__)
TIMEOUT = 60 * 60


def _generation_key() -> str:
    """One generation per database, so databases sharing one Redis (tests, benches) never stale each other."""
    return f"pagecache:generation:{settings.DATABASES['default']['NAME']}"


def changed() -> None:
    """Data shown on pages changed (call after commit): entries cached so far are stale."""
    try:
        cache.set(_generation_key(), time.time_ns(), None)
    except Exception:  # the cache is down: nothing was served from it either
        log.warning("page cache unavailable; generation not moved on", exc_info=True)


def _generation() -> int:
    key = _generation_key()
    generation = cache.get(key)
    if generation is None:
        cache.add(key, time.time_ns(), None)
        generation = cache.get(key)
    return generation


def scope_signature(user) -> str:
    """Users with the same grants (role, unit, the unit's place in the tree) see the same data. The database's
    name is part of it, so databases sharing one Redis (tests, benches) never share entries."""
    grants = sorted((g.role, g.unit_id, g.unit.path) for g in access.grants(user))
    text = repr((settings.DATABASES["default"]["NAME"], bool(user.is_superuser), grants))
    return hashlib.sha1(text.encode()).hexdigest()


def shared(name: str, user, compute, *parts):
    """``compute()``, or what it returned for a user with the same grants since the data last changed."""
    try:
        key = f"pagecache:{name}:{_generation()}:{scope_signature(user)}:{':'.join(map(str, parts))}"
        value = cache.get(key)
    except Exception:
        log.warning("page cache unavailable; computing %s", name, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:
            log.warning("page cache unavailable; %s not stored", name, exc_info=True)
    return value
