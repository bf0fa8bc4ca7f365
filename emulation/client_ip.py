"""The client's address for sign-in throttling (django-axes) and the sign-in audit.

Directly exposed (``make run``, no proxy): ``REMOTE_ADDR``; an ``X-Forwarded-For`` header is the client's
own words and is ignored. Behind the TLS proxy (``DJANGO_BEHIND_PROXY=1``): ``REMOTE_ADDR`` is the proxy, and
the client is the entry the proxies appended last: the ``DJANGO_PROXY_COUNT``-th from the right of
``X-Forwarded-For`` (entries further left were sent by the client and could be anything)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    if not settings.BEHIND_PROXY:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    count = max(1, settings.PROXY_COUNT)
    if len(hops) < count:
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
