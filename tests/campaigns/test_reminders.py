"""The campaigns app's deadlines (``campaigns.reminders``): sub-plans, pledge registration and results
reporting remind the heads of the units that still owe, 7, 3 and 1 days before and on the first overdue
day, never those that have done it, never a unit no longer in operation; each link opens for them."""
# ruff: noqa: F811

import datetime

import pytest
from django.urls import reverse

from campaigns import reminders as campaign_reminders
from campaigns import services
from campaigns.models import Milestone, Pledge, PledgeStatus, Result, ResultStatus
from emulation import reminders
from emulation.models import Notification
from tests.factories import CampaignFactory, ParticipationFactory, PlanFactory, file_subplan
from tests.notification_helpers import opens, reminders_of
from tests.organisation_fixtures import AFTER, BEFORE, reorganised  # noqa: F401

pytestmark = pytest.mark.django_db
D = datetime.date
DAY = datetime.timedelta(days=1)


def _on_each_day(due, *, before=10, after=3):
    for n in range(-before, after + 1):
        reminders.send_reminders(today=due + n * DAY)


def _offsets(kind) -> list[str]:
    return sorted({key.rsplit(":", 1)[1] for key in Notification.objects.filter(kind=kind).values_list(
        "event_key", flat=True)}, key=int)


@pytest.mark.parametrize(("month_end", "deadline"), [
    (D(2024, 6, 30), D(2024, 7, 5)), (D(2024, 6, 30), D(2024, 7, 31)), (D(2024, 12, 31), D(2025, 1, 1)),
    (D(2024, 2, 29), D(2024, 3, 10)),
])
def test_a_reporting_deadline_asks_for_the_figures_of_the_month_before(month_end, deadline):
    assert campaign_reminders.reporting_date(deadline) == month_end


@pytest.mark.parametrize(("title", "inside"), [
    ("Hạn gửi báo cáo số liệu tháng", "hạn gửi báo cáo số liệu tháng"),
    ("UBND tỉnh họp sơ kết", "UBND tỉnh họp sơ kết"),
    ("Đ", "Đ"), ("", ""),
])
def test_a_milestone_title_goes_inside_a_sentence(title, inside):
    assert campaign_reminders.in_sentence(title) == inside


def test_a_subplan_due_reminds_only_the_unit_that_has_not_filed(province_plan, unit_a, unit_b, staff, head_a,
                                                                 head_b):
    due = D(2024, 7, 15)
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a, unit_b], due_on=due)
    file_subplan(parent=province_plan, issuer=unit_a, number=3, symbol="KH-CCVT", title="Kế hoạch của Vị Thanh")
    _on_each_day(due)
    requirement = province_plan.subplan_requirements.get(unit=unit_b)
    url = reverse("campaigns:plan_detail", args=[province_plan.pk])
    what = ("hạn gửi kế hoạch của Chi cục Thi hành án dân sự huyện Long Mỹ thực hiện Kế hoạch số 12/KH-CTHADS "
            "(15/07/2024).")
    todo = " Việc cần làm: ban hành kế hoạch của đơn vị thực hiện kế hoạch cấp trên và gửi lên hệ thống."
    assert reminders_of("remind.subplan") == [
        ("truong_b", f"remind:subplan-{requirement.pk}@20240715:-1", f"Đã quá {what[:-2]}) 1 ngày.{todo}", url),
        ("truong_b", f"remind:subplan-{requirement.pk}@20240715:1", f"Còn 1 ngày đến {what}{todo}", url),
        ("truong_b", f"remind:subplan-{requirement.pk}@20240715:3", f"Còn 3 ngày đến {what}{todo}", url),
        ("truong_b", f"remind:subplan-{requirement.pk}@20240715:7", f"Còn 7 ngày đến {what}{todo}", url)]
    assert opens(head_b, url)


def test_a_moved_subplan_deadline_is_reminded_again_on_the_new_date(province_plan, unit_b, staff, head_b):
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_b], due_on=D(2024, 7, 15))
    reminders.send_reminders(today=D(2024, 7, 12))
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_b], due_on=D(2024, 7, 22))
    reminders.send_reminders(today=D(2024, 7, 12))  # nothing due in 3 days any more
    reminders.send_reminders(today=D(2024, 7, 19))
    assert [key.split("@")[1] for _w, key, _t, _u in reminders_of("remind.subplan")] == ["20240715:3", "20240722:3"]


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


def test_pledge_registration_reminds_the_units_without_a_sent_pledge(campaign, unit_a, unit_b, head_a, head_b):
    due = D(2024, 4, 15)
    campaign.pledges_due_on = due
    campaign.save()
    Pledge.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2024, 4, 2), content="…",
                          status=PledgeStatus.SUBMITTED)
    Pledge.objects.create(campaign=campaign, unit=unit_b, registered_on=D(2024, 4, 2), content="…",
                          status=PledgeStatus.RETURNED)
    _on_each_day(due)
    told = reminders_of("remind.pledge")
    assert {who for who, *_ in told} == {"truong_b"}
    assert _offsets("remind.pledge") == ["-1", "1", "3", "7"]
    url = reverse("campaigns:campaign_pledges", args=[campaign.pk])
    assert told[2][2:] == (
        "Còn 3 ngày đến hạn đăng ký giao ước thi đua phong trào “Đợt thi đua cao điểm năm 2024” (15/04/2024). Việc "
        "cần làm: lập đăng ký giao ước thi đua của đơn vị và gửi Thường trực duyệt.", url)
    assert Notification.objects.filter(kind="remind.pledge").values_list("campaign_id", flat=True).distinct().get() \
        == campaign.pk
    assert opens(head_b, url)


def test_a_results_deadline_reminds_the_units_that_have_not_sent_the_months_figures(campaign, unit_a, unit_b,
                                                                                      head_a, head_b, staff):
    due = D(2024, 5, 5)
    Milestone.objects.create(campaign=campaign, kind="deadline", title="Hạn gửi báo cáo số liệu tháng", starts_on=due)
    Result.objects.create(campaign=campaign, unit=unit_a, as_of=D(2024, 4, 30), status=ResultStatus.SUBMITTED)
    Result.objects.create(campaign=campaign, unit=unit_b, as_of=D(2024, 3, 31), status=ResultStatus.CONFIRMED)
    reminders.send_reminders(today=D(2024, 5, 2))
    url = reverse("campaigns:campaign_results", args=[campaign.pk])
    assert [(who, text, link) for who, _key, text, link in reminders_of("remind.results")] == [(
        "truong_b", "Còn 3 ngày đến hạn gửi báo cáo số liệu tháng (phong trào “Đợt thi đua cao điểm năm 2024”) "
        "(05/05/2024). Việc cần làm: nhập số liệu kết quả của đơn vị tính đến ngày 30/04/2024 và gửi Thường trực xác "
        "nhận.", url)]
    assert opens(head_b, url)


@pytest.mark.parametrize(("due", "reminded"), [(BEFORE, {"truong_a", "truong_b"}), (AFTER, {"truong_a"})])
def test_a_unit_ended_by_the_reorganisation_owes_nothing_after_its_end(reorganised, unit_a, unit_b, head_a, head_b,
                                                                        due, reminded):
    plan = PlanFactory(issuer=reorganised.tong_cuc if due < AFTER else reorganised.cuc_quan_ly, number=1,
                       symbol="KH-TC", title="Kế hoạch thi đua")
    campaign = CampaignFactory(plan=plan, name="Phong trào", starts_on=due - 30 * DAY, ends_on=due + 30 * DAY,
                               pledges_due_on=due)
    ParticipationFactory(campaign=campaign, unit=unit_a)
    ParticipationFactory(campaign=campaign, unit=unit_b)
    reminders.send_reminders(today=due - 7 * DAY)
    assert {who for who, *_ in reminders_of("remind.pledge")} == reminded


def test_todays_deadlines_remind_today(campaign, head_a, head_b):
    """As of the real date: a deadline three days from today reminds today, and not again tomorrow."""
    from django.utils import timezone

    today = timezone.localdate()
    campaign.pledges_due_on = today + 3 * DAY
    campaign.save()
    assert reminders.send_reminders(today=today) == 2  # heads of A and B
    assert reminders.send_reminders(today=today + DAY) == 0
    assert Notification.objects.filter(kind="remind.pledge").count() == 2
