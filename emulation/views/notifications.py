"""Thông báo: the signed-in user's own notifications (another user's answer 404).

Marking read is not audited: it changes nothing but the reader's own inbox."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import notifications, querystring
from ..models import Notification
from ..paging import paginate


@login_required
def notification_list(request):
    user = request.user
    filters = {"unread": request.GET.get("unread") == "1", "kind": request.GET.get("kind", ""),
               "campaign": querystring.integer(request.GET.get("campaign"))}
    rows = notifications.notifications_of(user, **filters)
    return render(request, "emulation/notification_list.html", {
        "filters": filters, "kinds": notifications.kinds_of(user), "campaigns": notifications.campaigns_of(user),
        **paginate(request, rows)})


def _read_then_go(request, pk, *, to_object: bool):
    """Mark one of the user's own notifications read; then its object (a path of this site only, never
    "//elsewhere"), or the inbox."""
    try:
        notification = notifications.mark_read(request.user, pk)
    except Notification.DoesNotExist as exc:
        raise Http404 from exc
    if to_object and url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect("emulation:notification_list")


@login_required
@require_POST
def notification_read(request, pk):
    return _read_then_go(request, pk, to_object=bool(request.POST.get("open")))


@login_required
def notification_open(request, pk):
    """The link in a notification's email: mark it read and go to the object (the inbox if it has no page)."""
    return _read_then_go(request, pk, to_object=True)


@login_required
@require_POST
def notification_read_all(request):
    notifications.mark_all_read(request.user)
    return redirect("emulation:notification_list")
