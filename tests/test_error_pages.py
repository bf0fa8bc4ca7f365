"""Refusals read in Vietnamese: the 404 and 403 pages, with the service's reason on a 403."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_not_found_is_vietnamese(login, head_b, plan_a):
    response = login(head_b).get(reverse("campaigns:plan_detail", args=[plan_a.pk]))
    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc dữ liệu" in response.content.decode()


def test_forbidden_is_vietnamese(login, council_member, province_plan):
    campaign = province_plan.campaigns.get()
    response = login(council_member).post(reverse("awards:reopen", args=[campaign.pk]), {})
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()
