"""Targets and their bracket tables through the views: gaps reported, fixes saved, refusals."""

import pytest
from django.urls import reverse

from campaigns.models import Target, TargetBracket
from emulation.models import AuditEntry

pytestmark = pytest.mark.integration


def _post(rows, **target):
    data = {"code": "3.1", "title": "Chi cục – tỷ lệ thi hành xong về việc", "metric_kind": "completion_cases",
            "subject_kind": "sub_department", "basis": "cases_total", "position": "0",
            "khung-TOTAL_FORMS": str(len(rows)), "khung-INITIAL_FORMS": "0", **target}
    for i, (lower, lower_inc, upper, upper_inc, value) in enumerate(rows):
        data |= {f"khung-{i}-lower": lower, f"khung-{i}-upper": upper, f"khung-{i}-value": value}
        if lower_inc:
            data[f"khung-{i}-lower_inclusive"] = "on"
        if upper_inc:
            data[f"khung-{i}-upper_inclusive"] = "on"
    return data


SEED_001_AS_WRITTEN = [(0, True, 800, False, 77), (800, True, 1000, False, 76), (1000, True, 1500, False, 75),
                       (1500, False, "", False, 74)]


def test_gap_in_the_table_is_reported_then_fixed(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    client = login(staff)
    response = client.post(reverse("campaigns:target_create", args=[campaign.pk]), _post(SEED_001_AS_WRITTEN),
                           follow=True)
    assert "Bảng khung chưa kín: Giá trị đúng 1.500 không thuộc khung nào." in response.content.decode()
    target = Target.objects.get(campaign=campaign)
    assert target.brackets.count() == 4
    page = client.get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    assert "từ 1.000 đến dưới 1.500" in page and "Giá trị đúng 1.500 không thuộc khung nào." in page
    last = target.brackets.get(lower=1500)
    data = _post([], **{"khung-TOTAL_FORMS": "1", "khung-INITIAL_FORMS": "1", "khung-0-id": str(last.pk),
                        "khung-0-lower": "1500", "khung-0-lower_inclusive": "on", "khung-0-value": "74"})
    response = client.post(reverse("campaigns:target_edit", args=[campaign.pk, target.pk]), data, follow=True)
    assert "Bảng khung chưa kín" not in response.content.decode()
    assert TargetBracket.objects.get(pk=last.pk).lower_inclusive is True
    entry = AuditEntry.objects.filter(model_label="campaigns.TargetBracket", action="update").get()
    assert entry.changes == {"lower_inclusive": [False, True]} and entry.unit_id == province_plan.issuer_id


def test_bad_bracket_saves_nothing(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    response = login(staff).post(reverse("campaigns:target_create", args=[campaign.pk]),
                                 _post([(800, True, 100, False, 120)]))
    page = response.content.decode()
    assert "Cận trên phải lớn hơn hoặc bằng cận dưới." in page and "Mức chỉ tiêu phải từ 0 đến 100%." in page
    assert not Target.objects.exists() and not TargetBracket.objects.exists()


def test_flat_percentage_needs_a_value(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    response = login(staff).post(reverse("campaigns:target_create", args=[campaign.pk]),
                                 _post([], basis="none", metric_kind="percentage"))
    assert "Nhập mức chỉ tiêu (hoặc chọn chia khung)." in response.content.decode()
    assert not Target.objects.exists()


def test_refusals(login, head_a, head_b, province_plan, campaign_b):
    campaign = province_plan.campaigns.get()
    assert login(head_a).get(reverse("campaigns:target_create", args=[campaign.pk])).status_code == 403
    assert login(head_a).get(reverse("campaigns:target_create", args=[campaign_b.pk])).status_code == 404
    target = Target.objects.create(campaign=campaign_b, title="Chỉ tiêu của B", metric_kind="boolean",
                                   subject_kind="unit")
    assert login(head_a).get(reverse("campaigns:target_edit", args=[campaign_b.pk, target.pk])).status_code == 404
    assert login(head_b).get(reverse("campaigns:target_edit", args=[campaign_b.pk, target.pk])).status_code == 200


def test_overlapping_brackets_are_refused_naming_both_ranges(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    rows = [(0, True, 500, True, 77), (400, True, 1000, False, 76), (1000, True, "", False, 75)]
    page = login(staff).post(reverse("campaigns:target_create", args=[campaign.pk]), _post(rows)).content.decode()
    assert "Khoảng 0 – 500 và 400 – 1.000 chồng lấn nhau." in page
    assert not Target.objects.exists() and not TargetBracket.objects.exists()
