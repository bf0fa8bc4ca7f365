"""The audit log reads in plain Vietnamese in the browser: kinds and fields as the pages name them, values by
their names, dates dd/mm/yyyy — at 1366 and 390 px, the changes column scrolling in its own box."""

import pytest
from django.urls import reverse

from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import AuditEntryFactory, CampaignFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_log_reads_plainly(page, sign_in, staff, unit_a, unit_b, width):
    campaign = CampaignFactory(name="Phong trào thi đua năm 2027")
    AuditEntryFactory(model_label="campaigns.Milestone", unit=unit_a, object_repr="Tổng kết phong trào", changes={
        "campaign": [None, campaign.pk], "kind": [None, "final_review"], "starts_on": [None, "2027-09-30"]})
    AuditEntryFactory(model_label="campaigns.Plan", unit=unit_a, object_repr="12/KH-CTHADS", changes={
        "year": [2026, 2027]})
    AuditEntryFactory(model_label="emulation.Officer", unit=unit_a, object_repr="Lê Thùy Hằng", changes={
        "unit": [unit_a.pk, unit_b.pk], "is_active": [True, False]})
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + reverse("emulation:audit_list"))
    table = page.inner_text("[data-testid=audit-table]")
    for text in ("Mốc thời gian", "Loại mốc: — → Tổng kết", f"Phong trào: — → {campaign.name}",
                 "Từ ngày / ngày: — → 30/09/2027", "Năm: 2026 → 2027", f"{unit_a.name} → {unit_b.name}",
                 "Đang công tác: Có → Không"):
        assert text in table, text
    for raw in ("campaigns.Milestone", "final_review", "2.027", "2027-09-30"):
        assert raw not in table, raw
    assert page.locator("[data-testid=audit-row]").count() == 3
    _looked_at(page, f"audit-log-{width}")
