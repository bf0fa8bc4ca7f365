"""``/healthz``: the container's and the proxy's health check. No login, no session, no write: one
``SELECT 1``. 200 ``ok`` when the database answers, 503 otherwise. Exempt from the HTTPS redirect
(``SECURE_REDIRECT_EXEMPT``) so a probe over plain HTTP inside the stack gets the answer, not a 301."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.warning("healthz: the database does not answer: %s", exc)
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
