"""Unbound forms rendered once: crispy's markup of a form nobody has filled in depends only on what the form
shows (its fields, labels, help, initial values, choices, widget attributes) and the language, so the same markup
is served again from a small in-process memo keyed on exactly that. Rendering a form through crispy's field
templates costs a fifth of a page like the campaign's awards page; reading the choices to build the key costs
the one query the form would run anyway. A form bound to data (the user's input, its errors) is always rendered
afresh."""

import threading
from collections import OrderedDict

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.utils.translation import get_language

SIZE = 256  # forms remembered per process (a few KiB each)
_rendered: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _choices(field) -> tuple | None:
    if not hasattr(field, "choices"):
        return None
    found = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an option group
            found.append((str(value), tuple((str(v), str(text)) for v, text in label)))
        else:
            found.append((str(value), str(label)))
    return tuple(found)


def signature(form) -> tuple:
    """Everything crispy's markup of the unbound ``form`` depends on."""
    fields = tuple(
        (name, type(field).__name__, type(field.widget).__name__, str(field.label), str(field.help_text),
         field.required, field.disabled, repr(sorted(field.widget.attrs.items())),
         repr(field.prepare_value(form.get_initial_for_field(field, name))), _choices(field))
        for name, field in form.fields.items())
    return type(form).__module__, type(form).__qualname__, form.prefix, form.auto_id, get_language(), fields


def crispy_once(form) -> str:
    """``form|crispy``, from the memo when the same unbound form was rendered before in this process."""
    if form.is_bound:
        return as_crispy_form(form)
    key = signature(form)
    with _lock:
        html = _rendered.get(key)
        if html is not None:
            _rendered.move_to_end(key)
            return html
    html = as_crispy_form(form)
    with _lock:
        _rendered[key] = html
        while len(_rendered) > SIZE:
            _rendered.popitem(last=False)
    return html
