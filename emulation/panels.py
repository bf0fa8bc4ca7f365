"""Sections that apps above ``emulation`` add to the officer and unit pages (the awards app adds the
award history) without ``emulation`` importing them: an app registers a template and a function
that returns its context in its ``AppConfig.ready``. ``campaign_actions`` are buttons of the campaign page's
header (the awards app's link), ``campaign`` its sections (the documents)."""

PAGES = ("officer", "unit", "campaign", "campaign_actions", "plan", "proposal", "session", "decision")
_registry: dict[str, list] = {page: [] for page in PAGES}


def register(page: str, template: str, context) -> None:
    """``context(user, obj) -> dict`` runs a fixed number of queries."""
    if (template, context) not in _registry[page]:
        _registry[page].append((template, context))


def panels(page: str, user, obj) -> list[tuple[str, dict]]:
    return [(template, context(user, obj)) for template, context in _registry[page]]
