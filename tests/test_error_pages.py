"""Refusals and failures read in Vietnamese: the 404, 403 and 500 pages; every page carries the CSP."""

import types

import pytest
from django.urls import path, reverse

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


def test_server_error_is_vietnamese_and_branded(client, settings):
    """A view that fails answers the branded page (rendered without a request context: no queries)."""

    def broken(request):
        raise RuntimeError("boom")

    urls = types.ModuleType("broken_urls")
    urls.urlpatterns = [path("hong/", broken)]
    settings.ROOT_URLCONF = urls
    client.raise_request_exception = False
    response = client.get("/hong/")
    text = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in text and "Thi đua – Khen thưởng" in text and "/static/css/app.css" in text
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_pages_carry_the_content_security_policy(client, login, staff, province_plan):
    for page in (client.get(reverse("emulation:login")),
                 login(staff).get(reverse("reports:campaign_dashboard", args=[province_plan.campaigns.get().pk]))):
        policy = dict(part.strip().split(" ", 1) for part in page["Content-Security-Policy"].split(";"))
        assert page.status_code == 200
        assert (policy["script-src"], policy["style-src"], policy["object-src"], policy["frame-ancestors"]) == (
            "'self'", "'self'", "'none'", "'none'")
        assert "<script>" not in page.content.decode() and " style=" not in page.content.decode()
