"""Plans, campaigns and pledges ask "valid on which date?": the pickers offer the units in operation
then, and the services refuse a unit after its end date, naming the successor; nothing is saved."""

# ruff: noqa: F811

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, Participation, Plan, Pledge
from tests.factories import CampaignFactory, ParticipationFactory, PlanFactory, RoleGrantFactory
from tests.organisation_fixtures import AFTER, BEFORE, area_head, reorganised  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

D = datetime.date
LONG_MY_ENDED = ("Chi cục Thi hành án dân sự huyện Long Mỹ đã kết thúc hoạt động từ 01/07/2025 (hợp nhất vào "
                 "Phòng Thi hành án dân sự khu vực 2)")


def new_plan(issuer, issued_on):
    return Plan(issuer=issuer, number=3, symbol="KH-CCTHADS", year=issued_on.year, issued_on=issued_on,
                title="Kế hoạch thi đua")


@pytest.mark.parametrize(("issued_on", "refused"), [(BEFORE, False), (AFTER, True)])
def test_create_plan_of_long_my_before_and_after_its_end(reorganised, staff, issued_on, refused):
    plan = new_plan(reorganised.unit_b, issued_on)
    if not refused:
        assert services.create_plan(actor=staff, plan=plan).pk
        return
    with pytest.raises(ValidationError) as error:
        services.create_plan(actor=staff, plan=plan)
    assert error.value.message_dict["issuer"] == [
        f"{LONG_MY_ENDED}: văn bản từ ngày này do đơn vị kế thừa ban hành."]
    assert not Plan.objects.filter(issuer=reorganised.unit_b).exists()


def test_campaign_participants_must_be_in_operation_during_the_period(reorganised, staff):
    plan = PlanFactory(issuer=reorganised.province, issued_on=D(2025, 3, 1), year=2025)
    spanning = Campaign(plan=plan, kind="peak", name="Đợt thi đua năm 2025", starts_on=D(2025, 1, 1),
                        ends_on=D(2025, 9, 30))
    services.create_campaign(actor=staff, campaign=spanning, participant_units=[reorganised.unit_b])
    assert list(spanning.participations.values_list("unit__code", flat=True)) == ["HG-LM"]
    later = Campaign(plan=plan, kind="peak", name="Đợt cao điểm quý III", starts_on=D(2025, 7, 1),
                     ends_on=D(2025, 9, 30))
    with pytest.raises(ValidationError) as error:
        services.create_campaign(actor=staff, campaign=later, participant_units=[reorganised.unit_a,
                                                                                reorganised.unit_b])
    assert error.value.message_dict["participants"] == [
        f"{LONG_MY_ENDED}: đơn vị kế thừa tham gia phong trào thay cho đơn vị này."]
    assert not Campaign.objects.filter(name="Đợt cao điểm quý III").exists()


@pytest.mark.parametrize(("registered_on", "refused"), [(D(2025, 6, 20), False), (D(2025, 7, 2), True)])
def test_pledge_of_long_my_before_and_after_its_end(reorganised, staff, registered_on, refused):
    campaign = CampaignFactory(plan__issuer=reorganised.province, starts_on=D(2025, 1, 1), ends_on=D(2025, 9, 30))
    ParticipationFactory(campaign=campaign, unit=reorganised.unit_b)
    pledge = Pledge(campaign=campaign, unit=reorganised.unit_b, registered_on=registered_on, content="Phấn đấu")
    if not refused:
        assert services.register_pledge(actor=staff, pledge=pledge).pk
        return
    with pytest.raises(ValidationError) as error:
        services.register_pledge(actor=staff, pledge=pledge)
    assert error.value.message_dict["unit"] == [f"{LONG_MY_ENDED}: giao ước thi đua do đơn vị kế thừa đăng ký."]
    assert not Pledge.objects.exists()


def _choices(response, field):
    return sorted(u.code for u in response.context["form"].fields[field].queryset)


def test_plan_issuer_picker_offers_the_units_of_today(reorganised, login):
    admin = RoleGrantFactory(user__username="qt", role="staff", unit=reorganised.cuc_quan_ly).user
    RoleGrantFactory(user=admin, role="staff", unit=reorganised.tong_cuc)
    response = login(admin).get(reverse("campaigns:plan_create"))
    assert _choices(response, "issuer") == ["CQLTHADS", "CTO", "CTO-KV2", "HG-VT"]  # today is after 01/07/2025


def test_campaign_participant_picker_by_the_plan_date(reorganised, staff, login):
    old_plan = PlanFactory(issuer=reorganised.province, issued_on=BEFORE, year=2024)
    response = login(staff).get(reverse("campaigns:campaign_create", args=[old_plan.pk]))
    assert _choices(response, "participants") == ["HG", "HG-LM", "HG-VT"]
    campaign = CampaignFactory(plan=old_plan, starts_on=D(2025, 7, 1), ends_on=D(2025, 12, 31))
    response = login(staff).get(reverse("campaigns:campaign_edit", args=[campaign.pk]))
    assert _choices(response, "participants") == ["HG-VT"]  # the staff's tree has no successor in it


def test_campaign_view_with_a_dissolved_participant_shows_the_error_and_saves_nothing(reorganised, staff, login):
    plan = PlanFactory(issuer=reorganised.province, issued_on=BEFORE, year=2024)
    response = login(staff).post(reverse("campaigns:campaign_create", args=[plan.pk]), {
        "kind": "peak", "name": "Đợt thi đua quý III/2025", "starts_on": "01/07/2025", "ends_on": "30/09/2025",
        "participants": [reorganised.unit_b.pk]})
    assert response.status_code == 200
    assert f"{LONG_MY_ENDED}: đơn vị kế thừa tham gia phong trào thay cho đơn vị này." in response.content.decode()
    assert not Campaign.objects.filter(name="Đợt thi đua quý III/2025").exists()
    assert not Participation.objects.exists()


def test_pledge_picker_offers_units_and_officers_in_operation_during_the_campaign(reorganised, staff, login,
                                                                                  officer_a, officer_b):
    campaign = CampaignFactory(plan__issuer=reorganised.province, starts_on=D(2025, 7, 1), ends_on=D(2025, 9, 30))
    for unit in (reorganised.unit_a, reorganised.unit_b):
        ParticipationFactory(campaign=campaign, unit=unit)
    response = login(staff).get(reverse("campaigns:pledge_create", args=[campaign.pk]))
    assert _choices(response, "unit") == ["HG-VT"]
    assert list(response.context["form"].fields["officer"].queryset) == [officer_a]
