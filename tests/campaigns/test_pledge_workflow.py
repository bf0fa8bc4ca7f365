"""Pledges: sent by the unit, approved or returned by staff (one by one and in bulk), editable only
as a draft or returned; the pledge date within the registration window."""

import datetime

import pytest
from django.urls import reverse

from campaigns import periods
from campaigns.models import Pledge
from emulation import events
from tests.factories import PledgeFactory

pytestmark = pytest.mark.integration
D = datetime.date


@pytest.fixture
def campaign(province_plan):
    campaign = province_plan.campaigns.get()
    campaign.starts_on, campaign.ends_on, campaign.pledges_due_on = D(2024, 4, 1), D(2024, 6, 30), D(2024, 4, 15)
    campaign.save()
    return campaign


def _pledge(campaign, unit, status="submitted"):
    return PledgeFactory(campaign=campaign, unit=unit, registered_on=D(2024, 4, 5), status=status)


def _act(client, pledge, action, **data):
    return client.post(reverse("campaigns:pledge_action", args=[pledge.campaign_id, pledge.pk, action]), data)


def test_unit_sends_staff_returns_with_reason_unit_edits_and_sends_again_staff_approves(
        login, head_a, staff, campaign, unit_a, django_capture_on_commit_callbacks):
    seen = []
    events.subscribe("pledge.return", seen.append)
    head, office = login(head_a), login(staff)
    pledge = _pledge(campaign, unit_a, "draft")
    _act(head, pledge, "submit")
    assert _act(head, pledge, "approve").status_code == 403  # the unit does not approve its own pledge
    with django_capture_on_commit_callbacks(execute=True):
        _act(office, pledge, "return", reason="Chưa nêu chỉ tiêu cụ thể")
    events.unsubscribe("pledge.return", seen.append)
    pledge.refresh_from_db()
    assert (pledge.status, pledge.return_reason, pledge.reviewed_by) == ("returned", "Chưa nêu chỉ tiêu cụ thể", staff)
    assert [(e.actor_id, e.object_id, e.reason) for e in seen] == [(staff.pk, pledge.pk, "Chưa nêu chỉ tiêu cụ thể")]
    assert "Lý do: Chưa nêu chỉ tiêu cụ thể" in head.get(reverse("campaigns:pledge_detail", args=[pledge.pk])
                                                         ).content.decode()
    edit = {"unit": unit_a.pk, "registered_on": "10/04/2024", "content": "Đạt 80% về việc", "target_title": ""}
    assert head.post(reverse("campaigns:pledge_edit", args=[pledge.pk]), edit).status_code == 302
    _act(head, pledge, "submit")
    _act(office, pledge, "approve")
    pledge.refresh_from_db()
    assert (pledge.status, pledge.content) == ("approved", "Đạt 80% về việc")
    assert head.get(reverse("campaigns:pledge_edit", args=[pledge.pk])).status_code == 403


def test_bulk_approval_and_all_or_nothing(login, staff, campaign, unit_a, unit_b):
    first, second = _pledge(campaign, unit_a), _pledge(campaign, unit_b)
    office, url = login(staff), reverse("campaigns:pledges_bulk", args=[campaign.pk])
    page = office.post(url, {"action": "approve", "ids": [first.pk, second.pk]}).content.decode()
    assert "Duyệt: 2 dòng đã chọn" in page and unit_b.name in page
    office.post(url, {"action": "approve", "ids": [first.pk, second.pk], "confirmed": "1"})
    assert sorted(Pledge.objects.values_list("status", flat=True)) == ["approved", "approved"]


def test_bulk_return_with_one_row_in_the_wrong_state_changes_nothing(login, staff, campaign, unit_a, unit_b):
    first, draft = _pledge(campaign, unit_a), _pledge(campaign, unit_b, "draft")
    response = login(staff).post(reverse("campaigns:pledges_bulk", args=[campaign.pk]), {
        "action": "return", "ids": [first.pk, draft.pk], "confirmed": "1", "reason": "Bổ sung"})
    assert response.status_code == 403 and "1 dòng không đủ điều kiện" in response.content.decode()
    assert dict(Pledge.objects.values_list("pk", "status")) == {first.pk: "submitted", draft.pk: "draft"}


def test_bulk_return_with_a_reason_returns_all(login, staff, campaign, unit_a, unit_b):
    pledges = [_pledge(campaign, unit_a), _pledge(campaign, unit_b)]
    login(staff).post(reverse("campaigns:pledges_bulk", args=[campaign.pk]), {
        "action": "return", "ids": [p.pk for p in pledges], "confirmed": "1", "reason": "Bổ sung danh hiệu"})
    assert set(Pledge.objects.values_list("status", "return_reason")) == {("returned", "Bổ sung danh hiệu")}


def test_pledge_date_outside_the_window_is_refused(login, head_a, campaign, unit_a):
    post = {"unit": unit_a.pk, "registered_on": "20/04/2024", "content": "Phấn đấu"}
    page = login(head_a).post(reverse("campaigns:pledge_create", args=[campaign.pk]), post).content.decode()
    assert "Ngày đăng ký phải trong thời hạn đăng ký giao ước 01/04/2024 – 15/04/2024." in page
    assert not Pledge.objects.exists()


@pytest.mark.parametrize(("day", "due", "error"), [
    (D(2024, 4, 1), D(2024, 4, 15), None),
    (D(2024, 4, 15), D(2024, 4, 15), None),
    (D(2024, 3, 31), D(2024, 4, 15), "01/04/2024 – 15/04/2024"),
    (D(2024, 4, 16), D(2024, 4, 15), "01/04/2024 – 15/04/2024"),
    (D(2024, 6, 30), None, None),
    (D(2024, 7, 1), None, "01/04/2024 – 30/06/2024"),
    (D(2024, 7, 2), D(2024, 7, 10), "01/04/2024 – 30/06/2024"),  # never after the campaign ends
])
def test_pledge_window(day, due, error):
    problem = periods.pledge_date_error(day, D(2024, 4, 1), D(2024, 6, 30), due)
    assert (problem is None) == (error is None)
    if error:
        assert error in problem
