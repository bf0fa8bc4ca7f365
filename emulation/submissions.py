"""Idempotent form submission: a double click, a resent request or ten parallel identical POSTs write once.

Every creating form carries a one-time token (``{% submission_token %}`` in its template, a hidden
``submission`` field). A view decorated with ``@once_per_submission`` runs in one transaction that
first inserts a ``FormSubmission`` for (user, token): the unique constraint lets one request through;
on PostgreSQL the others wait on the index until it commits, then find its row and are redirected to
the page the first one led to, told "Đã ghi nhận", writing nothing. The token is consumed only when
the view answers with a redirect and reports no error (it wrote); a form re-rendered with errors, or a
redirect carrying an error message, rolls the claim back, so the corrected form can be sent with the
same token.

A POST without a token (a page rendered before tokens existed, a script) is keyed by what it sends:
the same user posting the same fields and files to the same address within ``SAME_CONTENT_WINDOW`` is
a repeat, answered like a repeated token; after the window the same content is a new submission."""

import datetime
import functools
import hashlib
import re
import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "submission"
KEPT = datetime.timedelta(days=2)  # a form left open longer than this is sent again as a new submission
SAME_CONTENT_WINDOW = datetime.timedelta(seconds=30)
TOKEN = re.compile(r"^[0-9a-f]{32}$")
CONTENT = "="  # keys of tokenless posts start with it (a token is hexadecimal)
UNHASHED = {"csrfmiddlewaretoken", FIELD}
REDIRECTS = {301, 302, 303}


def forget_old(now=None) -> int:
    """The beat, daily: tokens of submissions older than ``KEPT`` are forgotten (a resend after two days is a
    new submission). Returns how many were removed."""
    cutoff = (now or timezone.now()) - KEPT
    return FormSubmission.objects.filter(created_at__lt=cutoff).delete()[0]


def new_token() -> str:
    return uuid.uuid4().hex


def token_of(request) -> str | None:
    """The form's token when the request carries a well-formed one."""
    value = request.POST.get(FIELD, "")
    return value if TOKEN.match(value) else None


def content_key(request) -> str:
    """The key of a tokenless POST: a digest of its address, its fields and its files' contents."""
    digest = hashlib.sha256(request.path.encode())
    for name in sorted(set(request.POST) - UNHASHED):
        digest.update(b"\0f" + name.encode())
        for value in request.POST.getlist(name):
            digest.update(b"\0v" + value.encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(b"\0u" + name.encode() + b"\0" + (upload.name or "").encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return CONTENT + digest.hexdigest()[:31]


class _NotWritten(Exception):
    """The view answered without a redirect: roll the claim back with whatever it did."""

    def __init__(self, response):
        super().__init__("form not saved")
        self.response = response


def _messages(request) -> list:
    """The messages waiting to be shown (from earlier requests first, then this one's), left as they
    were: looked at here, not shown — but a page the view already rendered has shown them, and they
    must not come back on the next page ("Chưa lưu…" above the saved object)."""
    storage = messages.get_messages(request)
    shown = storage.used
    found = list(storage)
    storage.used = shown
    return found


def _claimed(request, key: str) -> bool:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(user=request.user, key=key, path=request.path[:300])
    except IntegrityError:
        if not key.startswith(CONTENT):
            return False
        # The same content sent before the window: a new submission. Of parallel requests, one moves it on.
        now = timezone.now()
        return FormSubmission.objects.filter(user=request.user, key=key, created_at__lt=now - SAME_CONTENT_WINDOW
                                             ).update(created_at=now, result_url="") == 1
    return True


def once_per_submission(view):
    """Run ``view`` at most once per form token; a repeat is redirected to where the first one led."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = token_of(request) or content_key(request)
        try:
            with transaction.atomic():
                if not _claimed(request, key):
                    first = FormSubmission.objects.get(user=request.user, key=key)
                    messages.info(request, _("Đã ghi nhận: biểu mẫu này đã được gửi, không ghi thêm lần nữa."))
                    return redirect(first.result_url)
                earlier = len(_messages(request))  # an error still waiting from an earlier page is not this one's
                response = view(request, *args, **kwargs)
                reported = _messages(request)[earlier:]
                if response.status_code not in REDIRECTS or any(m.level >= messages.ERROR for m in reported):
                    raise _NotWritten(response)
                FormSubmission.objects.filter(user=request.user, key=key).update(result_url=response["Location"])
                return response
        except _NotWritten as unsaved:
            return unsaved.response

    return wrapper
