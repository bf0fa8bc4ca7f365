"""The interface language comes only from an explicit choice: the language cookie that Django's
``set_language`` view sets. Vietnamese otherwise, whatever the browser's Accept-Language says.
A query string with a NUL byte is refused before any view reads it."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from . import audit


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RefuseNulBytesMiddleware:
    """A NUL byte in a query parameter answers 400 with the Vietnamese page: no text column can hold it
    (PostgreSQL refuses the query) and no filter means it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class AuditActorMiddleware:
    """The signed-in user is the actor of the audit entries written outside our services (Django's admin
    and auth views: ``emulation.account_audit``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # the lazy user as it is: read only when an entry is written (an anonymous user has no pk: no actor)
        with audit.acting_as(getattr(request, "user", None)):
            return self.get_response(request)


class IdleSessionRefreshMiddleware:
    """The idle limit (``SESSION_COOKIE_AGE`` after the last request) moves on at most once every
    ``SESSION_REFRESH_SECONDS``: saving the session on every request cost each page an UPDATE and a commit. Placed
    after SessionMiddleware, so the session it marks is saved on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(timezone.now().timestamp())
            if now - session.get("_refreshed_at", 0) >= settings.SESSION_REFRESH_SECONDS:
                session["_refreshed_at"] = now
        return response
