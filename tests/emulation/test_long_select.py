"""LongSelect writes the same markup as Django's Select (attributes, the chosen option, escaped labels)."""

import pytest
from django import forms
from django.test.html import parse_html

from emulation.forms import LongSelect
from emulation.models import Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def _pair(**kwargs):
    class Pair(forms.Form):
        fast = forms.ModelChoiceField(queryset=Unit.objects.order_by("code"), widget=LongSelect)
        plain = forms.ModelChoiceField(queryset=Unit.objects.order_by("code"))

    return Pair(**kwargs)


@pytest.mark.parametrize("state", ["initial", "bound", "invalid"])
def test_the_markup_is_that_of_django_select(province, state):
    chosen = UnitFactory(code="HG-Z", name="Đơn vị <có> \"dấu\" & ký tự", parent=province)
    form = {"initial": lambda: _pair(initial={"fast": chosen, "plain": chosen}),
            "bound": lambda: _pair(data={"fast": chosen.pk, "plain": chosen.pk}),
            "invalid": lambda: _pair(data={"fast": "x", "plain": "x"})}[state]()
    form.is_valid()
    attrs = {"class": "form-select"}
    fast = form["fast"].as_widget(attrs=attrs).replace('name="fast"', 'name="plain"').replace("id_fast", "id_plain")
    assert parse_html(fast) == parse_html(form["plain"].as_widget(attrs=attrs))
    assert (" selected" in fast) is (state != "invalid")
