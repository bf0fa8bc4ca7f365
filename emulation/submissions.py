"""Idempotent form submission: a double click, a resent request or ten parallel identical POSTs write once.

Every creating form carries a one-time token (``{% submission_token %}`` in its template, a hidden
``submission`` field). A view decorated with ``@once_per_submission`` runs in one transaction that
first inserts a ``FormSubmission`` for (user, token): the unique constraint lets one request through;
on PostgreSQL the others wait on the index until it commits, then find its row and are redirected to
the page the first one led to, told "Đã ghi nhận", writing nothing. The token is consumed only when
the view answers with a redirect and reports no error (it wrote); a form re-rendered with errors, or a
redirect carrying an error message, rolls the claim back, so the corrected form can be sent with the
same token. A POST without a token runs as before."""

import datetime
import functools
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
TOKEN = re.compile(r"^[0-9a-f]{32}$")
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


class _NotWritten(Exception):
    """The view answered without a redirect: roll the claim back with whatever it did."""

    def __init__(self, response):
        super().__init__("form not saved")
        self.response = response


def _reported_an_error(request) -> bool:
    storage = messages.get_messages(request)
    found = any(message.level >= messages.ERROR for message in storage)
    storage.used = False  # looked at, not shown: they stay for the next page
    return found


def _claimed(request, key: str) -> bool:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(user=request.user, key=key, path=request.path[:300])
    except IntegrityError:
        return False
    return True


def once_per_submission(view):
    """Run ``view`` at most once per form token; a repeat is redirected to where the first one led."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        key = token_of(request) if request.method == "POST" else None
        if key is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                if not _claimed(request, key):
                    first = FormSubmission.objects.get(user=request.user, key=key)
                    messages.info(request, _("Đã ghi nhận: biểu mẫu này đã được gửi, không ghi thêm lần nữa."))
                    return redirect(first.result_url)
                response = view(request, *args, **kwargs)
                if response.status_code not in REDIRECTS or _reported_an_error(request):
                    raise _NotWritten(response)
                FormSubmission.objects.filter(user=request.user, key=key).update(result_url=response["Location"])
                return response
        except _NotWritten as unsaved:
            return unsaved.response

    return wrapper
