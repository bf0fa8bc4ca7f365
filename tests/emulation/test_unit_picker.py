"""The officer list's unit picker: the units in the user's scope, in tree order, the chosen one selected."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _options(page: str) -> list[tuple[str, bool]]:
    picker = page.split('name="unit"', 1)[1].split("</select>", 1)[0]
    found = re.findall(r'<option value="\d+"( selected)?>([^<]+)<', picker)
    return [(name, bool(selected)) for selected, name in found]


def test_staff_pick_any_unit_of_the_province_and_the_chosen_one_is_selected(login, staff, province, unit_a, unit_b):
    page = login(staff).get(reverse("emulation:officer_list"), {"unit": unit_b.pk}).content.decode()
    assert _options(page) == [(province.name, False), (unit_a.name, False), (unit_b.name, True)]


def test_a_unit_head_picks_only_their_unit(login, head_a, unit_a, unit_b):
    page = login(head_a).get(reverse("emulation:officer_list"), {"unit": "x"}).content.decode()
    assert _options(page) == [(unit_a.name, False)]
