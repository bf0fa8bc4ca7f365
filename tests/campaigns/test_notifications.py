"""Results and pledges tell the unit when staff return (with the reason) or confirm/approve them:
exact recipients, Vietnamese text, a link to the page; nothing on rollback, nothing twice."""

from dataclasses import asdict
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import notifications as campaign_notifications
from campaigns import services, tasks
from campaigns.models import Campaign, Result
from emulation import dispatch, events
from emulation.models import Notification, OutboxTask, Role
from tests.factories import (
    CampaignFactory,
    ParticipationFactory,
    PlanFactory,
    PledgeFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
    file_subplan,
)

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


def test_every_campaigns_notification_names_its_campaign(result, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_result(actor=staff, result=result, action="confirm")
    assert set(Notification.objects.values_list("campaign_id", flat=True)) == {result.campaign_id}


# Launch, units added, sub-plans requested


@pytest.fixture
def staff_a(unit_a):
    return RoleGrantFactory(user__username="thuongtruc_a", role=Role.STAFF, unit=unit_a).user


def _launch(actor, plan, units, capture, **fields):
    campaign = Campaign(plan=plan, kind="peak", name="Đợt thi đua chào mừng Đại hội", starts_on=date(2024, 8, 1),
                        ends_on=date(2024, 10, 31), **fields)
    with capture(execute=True):
        return services.create_campaign(actor=actor, campaign=campaign, participant_units=units)


def test_a_launch_tells_the_participating_units_heads_and_staff_from_a_task(
        province_plan, unit_a, unit_b, named_staff, head_a, head_b, staff_a, director, council_member,
        django_capture_on_commit_callbacks):
    campaign = _launch(named_staff, province_plan, [unit_a, unit_b], django_capture_on_commit_callbacks,
                       pledges_due_on=date(2024, 8, 15))
    url = reverse("campaigns:campaign_detail", args=[campaign.pk])
    text = ("Lê Thùy Hằng đã phát động phong trào “Đợt thi đua chào mừng Đại hội” (Kế hoạch số 12/KH-CTHADS của Cục "
            "Thi hành án dân sự tỉnh Hậu Giang), thời gian thi đua từ ngày 01/08/2024 đến ngày 31/10/2024, với 2 đơn "
            "vị tham gia. Việc cần làm: nghiên cứu kế hoạch, đăng ký giao ước thi đua trước ngày 15/08/2024 và tổ chức "
            "thực hiện tại đơn vị.")
    assert _told("campaign.launch") == {(u, text, url, "") for u in ("truong_a", "truong_b", "thuongtruc_a")}
    assert set(Notification.objects.values_list("event_key", "campaign_id")) == {
        (f"campaign-launch-{campaign.pk}", campaign.pk)}
    assert all(login_can_open(user, url) for user in (head_a, head_b, staff_a))


def test_the_launch_is_never_told_inside_the_request(province_plan, unit_a, staff, head_a,
                                                     django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(dispatch, "send", lambda pk, **how: None)  # the worker has not taken it yet
    campaign = _launch(staff, province_plan, [unit_a], django_capture_on_commit_callbacks)
    assert Notification.objects.count() == 0
    queued = list(OutboxTask.objects.filter(task="campaigns.notify_participants").values_list("kwargs", flat=True))
    assert [q["event"]["key"] for q in queued] == [f"campaign-launch-{campaign.pk}"]
    assert queued[0]["event"]["data"] == {"unit_ids": [unit_a.pk]}


def test_units_added_later_are_told_and_no_one_else(province_plan, unit_a, unit_b, staff, head_a, head_b,
                                                   django_capture_on_commit_callbacks):
    campaign = _launch(staff, province_plan, [unit_a], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_campaign(actor=staff, campaign=campaign, participant_units=[unit_a, unit_b])
    [(who, text, url, _reason)] = _told("campaign.join")
    assert (who, url) == ("truong_b", reverse("campaigns:campaign_detail", args=[campaign.pk]))
    assert text.startswith("thuongtruc đã bổ sung Chi cục Thi hành án dân sự huyện Long Mỹ tham gia phong trào "
                           "“Đợt thi đua chào mừng Đại hội”")
    with django_capture_on_commit_callbacks(execute=True):  # saved again, nobody new: nothing told
        services.update_campaign(actor=staff, campaign=campaign, participant_units=[unit_a, unit_b])
    assert Notification.objects.filter(kind="campaign.join").count() == 1


def test_the_fan_out_in_batches_writes_every_row_and_a_rerun_none(province, staff):
    units = [UnitFactory(code=f"U{n:02d}", name=f"Đơn vị {n}", parent=province) for n in range(7)]
    heads = [RoleGrantFactory(user__username=f"truong_{n}", role=Role.UNIT_HEAD, unit=u).user
             for n, u in enumerate(units)]
    campaign = CampaignFactory(plan=PlanFactory(issuer=province), name="Phong trào toàn tỉnh")
    for unit in units:
        ParticipationFactory(campaign=campaign, unit=unit)
    event = events.Event(name="campaign.launch", actor_id=staff.pk, model_label="campaigns.Campaign",
                         object_id=campaign.pk, unit_id=province.pk, source="", target="",
                         data={"unit_ids": [u.pk for u in units]}, key=f"campaign-launch-{campaign.pk}")
    assert tasks.notify_participants.apply(kwargs={"event": asdict(event), "batch_size": 3}).get() == 7
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {h.pk for h in heads}
    tasks.notify_participants.apply(kwargs={"event": asdict(event), "batch_size": 2})  # retried
    assert Notification.objects.count() == 7
    assert Campaign.objects.count() == 1


def test_a_subplan_request_tells_the_required_units_heads_once_per_date(
        province_plan, unit_a, unit_b, named_staff, head_a, head_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.set_subplan_requirements(actor=named_staff, plan=province_plan, units=[unit_b],
                                          due_on=date(2024, 7, 15))
    url = reverse("campaigns:plan_detail", args=[province_plan.pk])
    assert _told("subplan.require") == {("truong_b", (
        "Lê Thùy Hằng yêu cầu Chi cục Thi hành án dân sự huyện Long Mỹ xây dựng kế hoạch thực hiện Kế hoạch số "
        "12/KH-CTHADS của Cục Thi hành án dân sự tỉnh Hậu Giang (“Kế hoạch phát động đợt thi đua cao điểm”), hạn gửi "
        "ngày 15/07/2024. Việc cần làm: ban hành kế hoạch của đơn vị và gửi lên hệ thống trước hạn."), url, "")}
    assert login_can_open(head_b, url)
    for due in (date(2024, 7, 15), date(2024, 7, 20)):  # the same date again: nothing; a new date: told again
        with django_capture_on_commit_callbacks(execute=True):
            services.set_subplan_requirements(actor=named_staff, plan=province_plan, units=[unit_b], due_on=due)
    assert sorted(Notification.objects.values_list("event_key", flat=True)) == [
        f"subplan-require-{province_plan.subplan_requirements.get().pk}-20240715",
        f"subplan-require-{province_plan.subplan_requirements.get().pk}-20240720"]


def test_a_new_date_for_a_unit_that_has_filed_its_plan_asks_it_for_nothing(
        province_plan, unit_a, staff, head_a, django_capture_on_commit_callbacks):
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a], due_on=date(2024, 7, 15))
    file_subplan(parent=province_plan, issuer=unit_a, number=3, symbol="KH-CCVT", title="Kế hoạch của Vị Thanh")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a], due_on=date(2024, 7, 20))
    assert _told("subplan.require") == set()
