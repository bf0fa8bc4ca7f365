"""The results grid (nhập số liệu dạng bảng): one page per campaign and reporting date, the units the user
enters results for × the figures and targets that apply to them, saved in one POST, all or nothing."""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from emulation.paging import paginate
from emulation.submissions import once_per_submission
from emulation.viewhelpers import scoped_or_404

from .. import selectors
from ..grid import units_per_page
from ..selectors import grid
from ..services.grid import save_grid

CELL = re.compile(r"^u([0-9]{1,18})-([a-z0-9_]{1,40})$")


def _date(text: str):
    try:
        return forms.DateField().clean(text.strip())
    except forms.ValidationError:
        return None


def _typed(post) -> dict[int, dict[str, str]]:
    """The posted cells by unit id and column key (names ``u<unit>-<column>``; anything else is not a cell)."""
    typed = {}
    for name, value in post.items():
        if match := CELL.match(name):
            typed.setdefault(int(match.group(1)), {})[match.group(2)] = value[:100]
    return typed


def _date_asked(request, campaign, units):
    """The date posted (None when it is not one: the save says so), or the one asked for in the address; a page
    opened without one, or with one that is not a date, opens on the grid's own date."""
    text = (request.POST if request.method == "POST" else request.GET).get("as_of", "")
    as_of = _date(text) if text else None
    if as_of is None and request.method == "GET":
        as_of = grid.default_date(campaign, [u.pk for u in units], timezone.localdate())
    return as_of


def _saved(request, campaign, as_of, outcome):
    messages.success(
        request,
        _("Đã lưu bảng số liệu ngày %(date)s: %(created)s kết quả mới, %(updated)s kết quả cập nhật.")
        % {"date": f"{as_of:%d/%m/%Y}", "created": outcome.created, "updated": outcome.updated},
    )
    query = {"as_of": f"{as_of:%d/%m/%Y}", **({"page": request.GET["page"]} if request.GET.get("page") else {})}
    return redirect(f"{reverse('campaigns:results_grid', args=[campaign.pk])}?{urlencode(query)}")


@login_required
@once_per_submission
def results_grid(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    units = grid.grid_units(request.user, campaign)
    if not units:
        raise PermissionDenied
    as_of = _date_asked(request, campaign, units)
    per_unit = grid.unit_columns(campaign, units)
    columns = grid.header_columns(per_unit)
    paged, outcome = paginate(request, units, units_per_page(len(columns))), None
    if request.method == "POST":
        typed = _typed(request.POST)
        outcome = save_grid(
            actor=request.user, campaign=campaign, as_of=as_of, typed=typed, units=[u for u in units if u.pk in typed]
        )
        if not outcome.invalid:
            return _saved(request, campaign, as_of, outcome)
    page_units = list(paged["page_obj"])
    stored = grid.stored_results(campaign, [u.pk for u in page_units], as_of) if as_of else {}
    lines = grid.grid_lines(
        request.user, campaign, page_units, per_unit, columns, stored, outcome.rows if outcome else None
    )
    return render(
        request,
        "campaigns/results_grid.html",
        {
            "campaign": campaign,
            "columns": columns,
            "lines": lines,
            "as_of": as_of,
            **paged,
            "problems": grid.problems(lines, outcome),
            "period": campaign.results_period,
        },
    )
