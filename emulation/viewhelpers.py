"""Small helpers shared by the thin views of every app."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404


def scoped_or_404(selector, *args):
    """Fetch through a scoped selector: an object outside the user's units does not exist (404)."""
    try:
        return selector(*args)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def save_with(form, action) -> bool:
    """Run a service; its ValidationError becomes form errors and nothing is saved."""
    try:
        action()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False
    return True
