"""The audit log as people read it: the kind of data and its fields as the pages name them (``verbose_name``),
values by what they mean (a choice by its label, a foreign key by the object's name, Có/Không, dd/mm/yyyy,
dd/mm/yyyy HH:MM in local time, years without grouping), never ``campaigns.Milestone``, ``kind: final_review``
or ``campaign: 9``.

``readable(entries)`` looks up the objects the foreign keys point to with one query per kind of object on the
page, whatever the number of entries. What no longer exists still reads: a deleted object as "#9 (đã xóa)", a
field or a kind of data the code no longer has by its stored name and value.
"""

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .text import person_name

EMPTY = "—"
# Fields (and keys services add to an entry) whose model gives no Vietnamese name of their own.
WORDS = {
    "campaign": gettext_lazy("phong trào"),
    "proposal": gettext_lazy("tờ trình đề nghị"),
    "nomination": gettext_lazy("người, tập thể được đề nghị"),
    "previous": gettext_lazy("bản trước"),
    "position": gettext_lazy("thứ tự"),
    "created_at": gettext_lazy("thời điểm tạo"),
    "created_by": gettext_lazy("người tạo"),
    "updated_at": gettext_lazy("thời điểm cập nhật"),
    "updated_by": gettext_lazy("người cập nhật"),
    "submitted_at": gettext_lazy("thời điểm gửi"),
    "submitted_by": gettext_lazy("người gửi"),
    "returned_at": gettext_lazy("thời điểm trả lại"),
    "returned_by": gettext_lazy("người trả lại"),
    "issued_at": gettext_lazy("thời điểm cấp số"),
    "issued_by": gettext_lazy("người cấp số"),
    "uploaded_at": gettext_lazy("thời điểm tải lên"),
    "uploaded_by": gettext_lazy("người tải lên"),
    "original_name": gettext_lazy("tên tệp"),
    "content_type": gettext_lazy("loại tệp"),
    "size": gettext_lazy("dung lượng (byte)"),
    "reason": gettext_lazy("lý do"),
    "values": gettext_lazy("giá trị chỉ tiêu"),
    "ip_address": gettext_lazy("địa chỉ IP"),
    "failures": gettext_lazy("số lần đăng nhập sai"),
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ReadableEntry:
    entry: object
    kind: str
    changes: list[Change]

    @property
    def changes_html(self) -> str:
        """The changes as the log's cell shows them, one line each (escaped; written in one pass: a page of
        fifty entries has some six hundred changes)."""
        line = '<div data-testid="audit-change"><span class="fw-semibold">{}</span>: {} → {}</div>'
        return format_html_join("", line, ((c.label, c.before, c.after) for c in self.changes))


def model_of(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def kind_label(label: str) -> str:
    """``campaigns.Milestone`` → "Mốc thời gian"; a kind the code no longer has keeps its stored name."""
    model = model_of(label)
    return capfirst(model._meta.verbose_name) if model is not None else label


def field_of(model, name: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "concrete", False) else None


def field_label(model, name: str) -> str:
    """The field's own name in the pages; else the project's word for it; else its stored name."""
    field = field_of(model, name)
    if field is not None and str(field.verbose_name) != name.replace("_", " "):
        return capfirst(field.verbose_name)
    return capfirst(WORDS.get(name, name))


def _number(value, *, grouped: bool = True) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not grouped:
        return str(number.normalize())
    places = max(0, -number.normalize().as_tuple().exponent)
    return formats.number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def _date(value) -> str:
    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return formats.date_format(day, "d/m/Y")


def _moment(value) -> str:
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "d/m/Y H:i")


def _other(value) -> str:
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def value_text(field, value, names: dict | None = None) -> str:
    """One stored value (as ``audit.snapshot`` keeps it) in words. ``field``: the model field it came from, or
    None when unknown; ``names``: ``{(model label, id as text): name}`` of the objects foreign keys point to."""
    if value is None or value == "":
        return EMPTY
    if field is None:
        return _other(value)
    if field.is_relation and field.many_to_one:
        label = field.related_model._meta.label
        return (names or {}).get((label, str(value))) or _("#%(id)s (đã xóa)") % {"id": value}
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Có") if value else _("Không")
    if isinstance(field, models.DateTimeField):
        return _moment(value)
    if isinstance(field, models.DateField):
        return _date(value)
    if isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
        return _number(value, grouped=not (field.name == "year" or field.name.endswith("_year")))
    return _other(value)


def _wanted(entries) -> dict:
    """``{related model: {ids}}`` for every foreign key value in ``entries``."""
    wanted = defaultdict(set)
    for entry in entries:
        model = model_of(entry.model_label)
        for name, pair in (entry.changes or {}).items():
            field = field_of(model, name)
            if field is not None and field.is_relation and field.many_to_one:
                wanted[field.related_model].update(str(v) for v in pair if v not in (None, ""))
    return wanted


def names_of(entries) -> dict:
    """The names of the objects the entries' foreign keys point to: one query per kind of object."""
    names = {}
    for model, ids in _wanted(entries).items():
        try:
            ids = [model._meta.pk.to_python(i) for i in ids]
        except ValidationError:  # an id that is no id of this model (the field changed type): shown as deleted
            continue
        single = [f.name for f in model._meta.concrete_fields if f.is_relation and f.many_to_one]
        name = person_name if model is get_user_model() else str
        for pk, obj in model._default_manager.select_related(*single).in_bulk(ids).items():
            names[(model._meta.label, str(pk))] = name(obj)
    return names


SHOWN_CHARS = 300  # a value longer than this (a long reason, a list) is cut, with an ellipsis


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def readable(entries) -> list[ReadableEntry]:
    """The entries in words: each change by its field's label (looked up once per kind and field) and its
    values as the pages show them, cut at ``SHOWN_CHARS``."""
    entries = list(entries)
    names = names_of(entries)
    fields, kinds, rows = {}, {}, []
    for entry in entries:
        model = model_of(entry.model_label)
        if entry.model_label not in kinds:
            kinds[entry.model_label] = str(kind_label(entry.model_label))
        changes = []
        for name, pair in (entry.changes or {}).items():
            before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list | tuple) else (None, pair)
            key = (entry.model_label, name)
            if key not in fields:
                fields[key] = (field_of(model, name), str(field_label(model, name)))
            field, label = fields[key]
            changes.append(Change(label, _short(value_text(field, before, names)),
                                  _short(value_text(field, after, names))))
        rows.append(ReadableEntry(entry, kinds[entry.model_label], changes))
    return rows
