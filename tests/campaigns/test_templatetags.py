"""Dates written as in an official document (Nghị định 30/2020/NĐ-CP)."""

import datetime

import pytest

from campaigns.templatetags.documents import document_date

pytestmark = pytest.mark.unit
D = datetime.date


@pytest.mark.parametrize(("day", "text"), [
    (D(2024, 3, 20), "ngày 20 tháng 3 năm 2024"),
    (D(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
    (D(2023, 1, 9), "ngày 09 tháng 01 năm 2023"),
    (D(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
    (None, ""),
])
def test_document_date(day, text):
    assert document_date(day) == text
