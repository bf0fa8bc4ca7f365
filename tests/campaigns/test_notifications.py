"""Results and pledges tell the unit when staff return (with the reason) or confirm/approve them:
exact recipients, Vietnamese text, a link to the page; nothing on rollback, nothing twice."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import notifications as campaign_notifications
from campaigns import services
from campaigns.models import Result
from emulation import events
from emulation.models import Notification, Role
from tests.factories import PledgeFactory, RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


@pytest.fixture
def clerk(unit_a):
    """Staff of unit A who entered the figures (granted below the province, not a head)."""
    return RoleGrantFactory(user__username="nhaplieu_a", user__last_name="Võ Thị", user__first_name="Hạnh",
                            role=Role.STAFF, unit=unit_a).user


@pytest.fixture
def result(campaign, unit_a, clerk):
    return Result.objects.create(campaign=campaign, unit=unit_a, as_of=campaign.ends_on, status="submitted",
                                 updated_by=clerk)


@pytest.fixture
def named_staff(staff):
    staff.last_name, staff.first_name = "Lê Thùy", "Hằng"
    staff.save()
    return staff


def _told(kind):
    return {(n.recipient.username, n.verb, n.url, n.reason) for n in
            Notification.objects.filter(kind=kind).select_related("recipient")}


def test_a_returned_result_tells_the_units_heads_and_who_entered_it_why(
        result, named_staff, head_a, head_b, clerk, director, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=named_staff, result=result, action="return",
                                   reason="Số việc thi hành xong lớn hơn số việc có điều kiện")
    day = result.as_of.strftime("%d/%m/%Y")
    text = (f"Lê Thùy Hằng đã trả lại số liệu kết quả của Chi cục Thi hành án dân sự thành phố Vị Thanh (phong trào "
            f"“Đợt thi đua cao điểm năm 2024”, số liệu tính đến ngày {day}). Lý do: Số việc thi hành xong lớn hơn "
            f"số việc có điều kiện. Việc cần làm: sửa số liệu theo lý do trên rồi gửi lại.")
    url = reverse("campaigns:result_edit", args=[result.campaign_id, result.pk])
    reason = "Số việc thi hành xong lớn hơn số việc có điều kiện"
    assert _told("result.return") == {("truong_a", text, url, reason), ("nhaplieu_a", text, url, reason)}
    row = Notification.objects.filter(kind="result.return").first()
    assert (row.actor_name, row.unit_id, row.object_id, row.model_label) == (
        "Lê Thùy Hằng", result.unit_id, result.pk, "campaigns.Result")
    assert login_can_open(head_a, url)


def login_can_open(user, url):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(url).status_code == 200


def test_a_confirmed_result_tells_the_units_heads_and_who_entered_it(
        result, named_staff, head_a, clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=named_staff, result=result, action="confirm")
    told = _told("result.confirm")
    assert {who for who, *_rest in told} == {"truong_a", "nhaplieu_a"}
    (_who, text, url, reason) = next(iter(told))
    assert text.startswith("Lê Thùy Hằng đã xác nhận số liệu kết quả của Chi cục Thi hành án dân sự thành phố Vị "
                           "Thanh (phong trào “Đợt thi đua cao điểm năm 2024”")
    assert (url, reason) == (reverse("campaigns:campaign_results", args=[result.campaign_id]), "")
    assert login_can_open(head_a, url)


def test_a_result_returned_in_bulk_tells_each_unit_about_its_own(
        campaign, result, unit_b, head_a, head_b, staff, django_capture_on_commit_callbacks):
    other = Result.objects.create(campaign=campaign, unit=unit_b, as_of=campaign.ends_on, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_results(actor=staff, campaign=campaign, result_ids=[result.pk, other.pk],
                                    action="return", reason="Sai kỳ báo cáo")
    rows = Notification.objects.filter(kind="result.return")
    assert sorted((n.recipient.username, n.object_id) for n in rows) == sorted(
        [("truong_a", result.pk), ("nhaplieu_a", result.pk), ("truong_b", other.pk)])


def test_a_returned_pledge_tells_the_units_heads_why(campaign, unit_a, named_staff, head_a, head_b,
                                                       django_capture_on_commit_callbacks):
    pledge = PledgeFactory(campaign=campaign, unit=unit_a, status="submitted", registered_by=head_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_pledge(actor=named_staff, pledge=pledge, action="return",
                                   reason="Chưa ghi chỉ tiêu về tiền")
    url = reverse("campaigns:pledge_detail", args=[pledge.pk])
    text = ("Lê Thùy Hằng đã trả lại đăng ký giao ước thi đua của Chi cục Thi hành án dân sự thành phố Vị Thanh "
            "(phong trào “Đợt thi đua cao điểm năm 2024”). Lý do: Chưa ghi chỉ tiêu về tiền. Việc cần làm: sửa nội "
            "dung đăng ký rồi gửi lại.")
    assert _told("pledge.return") == {("truong_a", text, url, "Chưa ghi chỉ tiêu về tiền")}
    assert login_can_open(head_a, url)


def test_an_approved_pledge_tells_the_units_heads(campaign, unit_a, staff, head_a,
                                                   django_capture_on_commit_callbacks):
    pledge = PledgeFactory(campaign=campaign, unit=unit_a, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_pledge(actor=staff, pledge=pledge, action="approve")
    [(who, text, url, reason)] = _told("pledge.approve")
    assert (who, url, reason) == ("truong_a", reverse("campaigns:pledge_detail", args=[pledge.pk]), "")
    assert text.startswith("thuongtruc đã duyệt đăng ký giao ước thi đua của Chi cục Thi hành án dân sự thành phố")


def test_a_submission_by_the_unit_tells_nobody_here(result, head_a, django_capture_on_commit_callbacks):
    draft = Result.objects.create(campaign=result.campaign, unit=result.unit, as_of=result.as_of.replace(day=1),
                                  status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=head_a, result=draft, action="submit")
    assert not Notification.objects.exists()


def test_nothing_is_told_when_the_transition_rolls_back(result, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        services.transition_result(actor=staff, result=result, action="return", reason="  ")
    assert (callbacks, Notification.objects.count()) == ([], 0)


def test_the_same_event_delivered_twice_tells_each_person_once(result, staff, head_a,
                                                               django_capture_on_commit_callbacks):
    heard = []
    events.subscribe("result.return", heard.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.transition_result(actor=staff, result=result, action="return", reason="Sai số")
    finally:
        events.unsubscribe("result.return", heard.append)
    assert Notification.objects.count() == 2
    events._deliver(heard[0])  # a retried delivery of the same event, to every subscriber
    campaign_notifications.result_returned(heard[0])
    assert Notification.objects.count() == 2
    assert heard[0].key.startswith("audit-")


def test_a_second_return_of_the_same_result_is_a_new_notification(result, head_a, staff,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=staff, result=result, action="return", reason="Lần một")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=head_a, result=result, action="submit")
        services.transition_result(actor=staff, result=result, action="return", reason="Lần hai")
    assert sorted(Notification.objects.filter(recipient=head_a).values_list("reason", flat=True)) == [
        "Lần hai", "Lần một"]


def test_an_inactive_head_is_not_told(result, staff, head_a, django_capture_on_commit_callbacks):
    head_a.is_active = False
    head_a.save()
    UserFactory(username="khong_lien_quan")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=staff, result=result, action="confirm")
    assert {n.recipient.username for n in Notification.objects.all()} == {"nhaplieu_a"}
