"""Read queries for the register of initiatives, scoped to the user's units: an initiative is visible
when its unit is. Each function runs a fixed number of queries, whatever the number of rows."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractYear

from emulation import access
from emulation.models import Officer

from ..models import Initiative, InitiativeAuthor


def _authors() -> Prefetch:
    return Prefetch("authors", queryset=InitiativeAuthor.objects.select_related("officer").order_by("position", "id"))


def initiatives_visible_to(user) -> QuerySet[Initiative]:
    return Initiative.objects.filter(access.scope_q(user, "unit")).select_related("unit")


def initiative_list(user, *, year: int | None = None, scope: str = "") -> QuerySet[Initiative]:
    initiatives = initiatives_visible_to(user).prefetch_related(_authors())
    if year is not None:
        initiatives = initiatives.filter(decided_on__year=year)
    if scope:
        initiatives = initiatives.filter(scope=scope)
    return initiatives.order_by("-decided_on", "-id")


def recognition_years(user) -> list[int]:
    """The years of the recognising decisions the user may see, latest first (the list filter)."""
    years = initiatives_visible_to(user).annotate(year=ExtractYear("decided_on")).values_list("year", flat=True)
    return list(years.order_by("-year").distinct())


def initiative_detail(user, pk: int) -> Initiative:
    return initiatives_visible_to(user).select_related("created_by").prefetch_related(_authors()).get(pk=pk)


def initiatives_of_officer(officer: Officer) -> list[Initiative]:
    """The initiatives an officer is an author of, with every author (the officer page; the officer is
    already in the user's scope)."""
    return list(Initiative.objects.filter(authors__officer=officer).select_related("unit")
                .prefetch_related(_authors()).order_by("-decided_on", "-id").distinct())


def author_choices(user) -> QuerySet[Officer]:
    """Officers the user may name as authors: those of the units they may read."""
    return (Officer.objects.filter(access.scope_q(user, "unit"), is_active=True).select_related("unit")
            .order_by("sort_key"))
