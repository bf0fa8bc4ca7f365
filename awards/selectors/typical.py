"""Read queries for typical examples: the scoped pages for signed-in users and the public honour board.

A typical example is visible when its unit is one of the user's units, or when the user's units
include the issuer of its campaign (the standing office follows the whole programme). Every
function runs a fixed number of queries, whatever the number of rows."""

from django.db.models import Count, Prefetch, QuerySet

from campaigns.models import Campaign, CampaignKind
from campaigns.selectors import campaigns_visible_to
from emulation import access

from ..models import PublicationState, TypicalExample, TypicalExampleNote

PUBLIC_FIELDS = ["id", "title", "level", "story", "photo", "published_at", "publication", "unit__name",
                 "unit__short_name", "officer__full_name", "campaign__name"]


def examples_visible_to(user) -> QuerySet[TypicalExample]:
    return (TypicalExample.objects.filter(access.scope_q(user, "unit") | access.scope_q(user, "campaign__plan__issuer"))
            .select_related("campaign", "campaign__plan", "campaign__plan__issuer", "unit", "officer"))


def example_list(user, *, stage: str = "", level: str = "", campaign: int | None = None,
                 publication: str = "") -> QuerySet[TypicalExample]:
    examples = examples_visible_to(user).annotate(note_count=Count("notes"))
    if stage:
        examples = examples.filter(stage=stage)
    if level:
        examples = examples.filter(level=level)
    if campaign is not None:
        examples = examples.filter(campaign_id=campaign)
    if publication:
        examples = examples.filter(publication=publication)
    return examples.order_by("-created_at", "-id")


def example_detail(user, pk: int) -> TypicalExample:
    notes = TypicalExampleNote.objects.select_related("author").order_by("created_at", "id")
    return (examples_visible_to(user).select_related("published_by", "created_by")
            .prefetch_related(Prefetch("notes", queryset=notes)).get(pk=pk))


def example_for_change(user, pk: int) -> TypicalExample:
    """The example with its campaign's issuer loaded (permission checks), for a write."""
    return examples_visible_to(user).get(pk=pk)


def note_visible_to(user, pk: int) -> TypicalExampleNote:
    return TypicalExampleNote.objects.select_related("example").get(
        pk=pk, example__in=examples_visible_to(user).values("pk"))


def example_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns of the typical-examples kind the user may see (the create form and the list filter)."""
    return campaigns_visible_to(user).filter(kind=CampaignKind.TYPICAL_EXAMPLES).order_by("-starts_on", "id")


def earlier_levels(example: TypicalExample) -> list[str]:
    """Recognition levels of the other typical examples of the same subject (unit or officer)."""
    others = TypicalExample.objects.exclude(pk=example.pk).exclude(level="")
    if example.officer_id:
        others = others.filter(officer_id=example.officer_id)
    else:
        others = others.filter(unit_id=example.unit_id, officer__isnull=True)
    return list(others.values_list("level", flat=True).distinct())


def notes_at_stage(example: TypicalExample, stage: str) -> int:
    return TypicalExampleNote.objects.filter(example=example, stage=stage).count()


# The public honour board: published examples only, public fields only.


def honour_board() -> QuerySet[TypicalExample]:
    return (TypicalExample.objects.filter(publication=PublicationState.PUBLISHED)
            .select_related("unit", "officer", "campaign").only(*PUBLIC_FIELDS)
            .order_by("-published_at", "-id"))


def honour_board_detail(pk: int) -> TypicalExample:
    return honour_board().get(pk=pk)
