"""Query-string filters: what cannot be the wanted number is ignored; a NUL byte answers 400 in Vietnamese."""

import pytest
from django.urls import reverse

from emulation import querystring


@pytest.mark.unit
@pytest.mark.parametrize(("value", "expected"), [
    ("12", 12), (" 7 ", 7), ("0", 0), ("9223372036854775807", 2**63 - 1), (None, None), ("", None), ("abc", None),
    ("-1", None), ("1e5", None), ("１２", None), ("²", None), ("9223372036854775808", None),
    ("99999999999999999999", None), ("1.0", None),
])
def test_integer(value, expected):
    assert querystring.integer(value) == expected


@pytest.mark.unit
@pytest.mark.parametrize(("value", "expected"), [
    ("2024", 2024), ("1", 1), ("9999", 9999), ("0", None), ("10000", None)])
def test_year(value, expected):
    assert querystring.year(value) == expected


@pytest.mark.integration
def test_a_nul_byte_in_the_query_string_answers_400_in_vietnamese(login, staff):
    response = login(staff).get(reverse("emulation:officer_list"), {"q": "An\x00"})
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


@pytest.mark.integration
def test_an_unreadable_filter_is_ignored(login, staff, officer_a, officer_b):
    response = login(staff).get(reverse("emulation:officer_list"), {"unit": "abc"})
    assert response.status_code == 200
    assert {o.code for o in response.context["page_obj"]} == {officer_a.code, officer_b.code}  # unfiltered
