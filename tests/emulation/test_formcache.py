"""Unbound forms rendered once: the memo serves crispy's own markup, and only while nothing the form shows changed
(choices, initial values, labels, attributes, language); a bound form is always rendered afresh."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy

from emulation.formcache import crispy_once
from emulation.forms import LongSelect
from emulation.models import Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def _form(**kwargs):
    class Reopen(forms.Form):
        unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.order_by("code"), widget=LongSelect)
        reason = forms.CharField(label=gettext_lazy("Lý do"), max_length=255)

    return Reopen(**kwargs)


def test_the_same_unbound_form_is_served_from_the_memo_with_crispys_markup(province, unit_a):
    first = crispy_once(_form())
    assert first == as_crispy_form(_form()) and unit_a.name in first
    assert crispy_once(_form()) is first  # the remembered string itself: rendered once


@pytest.mark.parametrize("change", ["new choice", "initial", "label", "attribute", "language"])
def test_a_change_in_what_the_form_shows_renders_it_again(province, unit_a, unit_b, change):
    before = crispy_once(_form())
    if change == "new choice":
        UnitFactory(code="HG-ZZ", name="Chi cục mới thành lập", parent=province)
    form = _form(initial={"unit": unit_b, "reason": "Gia hạn"} if change == "initial" else None)
    if change == "label":
        form.fields["reason"].label = "Lý do mở lại"
    if change == "attribute":
        form.fields["reason"].widget.attrs["maxlength"] = "20"
    with translation.override("en" if change == "language" else "vi"):
        after = crispy_once(form)
        assert after == as_crispy_form(form) and after != before
    expected = {"new choice": "Chi cục mới thành lập", "initial": f'value="{unit_b.pk}" selected',
                "label": "Lý do mở lại", "attribute": 'maxlength="20"', "language": "Reason"}[change]
    assert expected in after


def test_a_bound_form_shows_its_errors_and_input_not_the_memo(province, unit_a):
    crispy_once(_form())
    bound = _form(data={"unit": "x", "reason": "<b>gõ tay</b>"})
    html = crispy_once(bound)
    assert "&lt;b&gt;gõ tay&lt;/b&gt;" in html and "is-invalid" in html
    assert crispy_once(_form(data={"unit": "x", "reason": "<b>gõ tay</b>"})) is not html
