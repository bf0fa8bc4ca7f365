"""The write services called directly: they check permission themselves, whatever the caller."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns import services
from campaigns.models import Campaign, Plan, Pledge
from emulation.models import AuditEntry
from tests.factories import PledgeFactory

pytestmark = pytest.mark.integration


def test_create_plan_refuses_an_issuer_outside_the_actors_units(head_a, province):
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=head_a, plan=Plan(issuer=province, symbol="KH-CTHADS", year=2024, title="X"))
    assert not Plan.objects.exists() and not AuditEntry.objects.exists()


def test_update_plan_cannot_move_a_plan_to_another_units_issuer(head_a, plan_a, unit_b):
    plan_a.issuer = unit_b
    with pytest.raises(PermissionDenied):
        services.update_plan(actor=head_a, plan=plan_a)
    assert Plan.objects.get(pk=plan_a.pk).issuer_id != unit_b.pk


def test_create_campaign_refuses_participants_outside_the_actors_scope(head_a, plan_a, unit_b):
    campaign = Campaign(plan=plan_a, kind="peak", name="Đợt thi đua", starts_on=datetime.date(2024, 4, 1),
                        ends_on=datetime.date(2024, 6, 30))
    with pytest.raises(PermissionDenied):
        services.create_campaign(actor=head_a, campaign=campaign, participant_units=[unit_b])
    assert not Campaign.objects.filter(plan=plan_a).exists() and not AuditEntry.objects.exists()


def test_register_pledge_only_for_participating_units(head_a, campaign_a, unit_a):
    pledge = Pledge(campaign=campaign_a, unit=unit_a, registered_on=datetime.date(2024, 4, 5), content="Phấn đấu")
    with pytest.raises(PermissionDenied):
        services.register_pledge(actor=head_a, pledge=pledge)
    assert not Pledge.objects.exists()


def test_register_pledge_refuses_an_officer_of_another_unit(staff, province_plan, unit_a, officer_b):
    pledge = Pledge(campaign=province_plan.campaigns.get(), unit=unit_a, officer=officer_b,
                    registered_on=datetime.date(2024, 4, 5), content="Phấn đấu")
    with pytest.raises(ValidationError) as error:
        services.register_pledge(actor=staff, pledge=pledge)
    assert error.value.message_dict == {"officer": ["Cán bộ không thuộc đơn vị đã chọn."]}


def test_update_pledge_stays_in_its_campaign(staff, province_plan, campaign_a, unit_a):
    pledge = PledgeFactory(campaign=province_plan.campaigns.get(), unit=unit_a)
    pledge.campaign = campaign_a
    with pytest.raises(PermissionDenied):
        services.update_pledge(actor=staff, pledge=pledge)
    assert Pledge.objects.get().campaign_id == province_plan.campaigns.get().pk


def test_requirements_unchanged_are_not_audited_again(staff, province_plan, unit_a):
    due = datetime.date(2024, 2, 28)
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a], due_on=due)
    services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a], due_on=due)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["create"]


def test_requirements_need_a_due_date(staff, province_plan, unit_a):
    with pytest.raises(ValidationError) as error:
        services.set_subplan_requirements(actor=staff, plan=province_plan, units=[unit_a], due_on=None)
    assert error.value.message_dict == {"due_on": ["Nhập hạn gửi kế hoạch."]}
    assert not AuditEntry.objects.exists()
