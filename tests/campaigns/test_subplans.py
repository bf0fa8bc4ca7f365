"""Cascading plans: staff require sub-units to file their own plan; the page tracks who filed when."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Plan, SubPlanRequirement
from emulation.models import AuditEntry, UnitKind
from tests.factories import PlanFactory, RoleGrantFactory, UnitFactory, file_subplan

pytestmark = pytest.mark.integration
D = datetime.date


def _require(plan, due_on, *units):
    return [SubPlanRequirement.objects.create(plan=plan, unit=unit, due_on=due_on) for unit in units]


def test_form_defaults_to_participating_sub_units(login, staff, province, province_plan, unit_a, unit_b):
    division = UnitFactory(code="HG-TCCB", name="Phòng Tổ chức cán bộ", kind=UnitKind.DIVISION, parent=province)
    form = login(staff).get(reverse("campaigns:plan_subplans", args=[province_plan.pk])).context["form"]
    assert sorted(form.initial["units"]) == sorted([unit_a.pk, unit_b.pk])
    assert set(form.fields["units"].queryset) == {unit_a, unit_b, division}


def test_staff_set_requirements_audited(login, staff, province_plan, unit_a, unit_b):
    response = login(staff).post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                                 {"due_on": "28/02/2024", "units": [unit_a.pk, unit_b.pk]})
    assert response["Location"] == reverse("campaigns:plan_subplans", args=[province_plan.pk])
    assert sorted(SubPlanRequirement.objects.values_list("unit__code", "due_on")) == [
        ("HG-LM", D(2024, 2, 28)), ("HG-VT", D(2024, 2, 28))]
    assert AuditEntry.objects.filter(model_label="campaigns.SubPlanRequirement", action="create",
                                     actor=staff).count() == 2


def test_changing_requirements_updates_dates_and_drops_units_audited(login, staff, province_plan, unit_a, unit_b):
    _require(province_plan, D(2024, 2, 28), unit_a, unit_b)
    login(staff).post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                      {"due_on": "15/03/2024", "units": [unit_a.pk]})
    assert list(SubPlanRequirement.objects.values_list("unit", "due_on")) == [(unit_a.pk, D(2024, 3, 15))]
    actions = sorted(AuditEntry.objects.values_list("action", "changes"), key=lambda a: a[0])
    assert [a for a, _changes in actions] == ["delete", "update"]
    assert actions[1][1]["due_on"] == ["2024-02-28", "2024-03-15"]


def test_units_without_a_due_date_save_nothing(login, staff, province_plan, unit_a):
    response = login(staff).post(reverse("campaigns:plan_subplans", args=[province_plan.pk]), {"units": [unit_a.pk]})
    assert "Nhập hạn gửi kế hoạch." in response.content.decode()
    assert not SubPlanRequirement.objects.exists() and not AuditEntry.objects.exists()


def test_units_outside_the_plan_are_refused(login, staff, province, province_plan):
    other_province = UnitFactory(code="BD", name="Cục THADS tỉnh Bình Định", kind=UnitKind.PROVINCIAL)
    stranger = UnitFactory(code="BD-AN", name="Chi cục THADS thị xã An Nhơn", parent=other_province)
    response = login(staff).post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                                 {"due_on": "28/02/2024", "units": [stranger.pk]})
    assert "units" in response.context["form"].errors
    assert not SubPlanRequirement.objects.exists()


def test_status_of_each_unit_with_links_to_filed_plans(login, staff, head_a, province_plan, unit_a, unit_b):
    _require(province_plan, D(2024, 2, 28), unit_a, unit_b)
    response = login(head_a).post(reverse("campaigns:plan_create"), {
        "issuer": unit_a.pk, "number": "3", "symbol": "KH-CCTHADS", "year": "2024", "issued_on": "05/03/2024",
        "title": "Kế hoạch thực hiện đợt thi đua cao điểm", "parent": province_plan.pk})
    subplan = Plan.objects.get(number=3)
    assert response["Location"] == subplan.get_absolute_url()
    response = login(staff).get(reverse("campaigns:plan_subplans", args=[province_plan.pk]))
    rows = {r["unit"].code: r for r in response.context["rows"]}
    assert rows["HG-VT"]["status"].label == "Nộp muộn (6 ngày)" and rows["HG-VT"]["subplan"] == subplan
    assert rows["HG-LM"]["status"].kind == "overdue" and rows["HG-LM"]["subplan"] is None
    page = response.content.decode()
    assert "Nộp muộn (6 ngày)" in page and subplan.get_absolute_url() in page and "Quá hạn" in page


def test_filed_date_falls_back_to_the_day_it_was_entered(login, staff, province_plan, unit_a):
    today = timezone.localdate()
    _require(province_plan, today + datetime.timedelta(days=3), unit_a)
    file_subplan(parent=province_plan, issuer=unit_a, issued_on=None, year=today.year)
    row = login(staff).get(reverse("campaigns:plan_subplans", args=[province_plan.pk])).context["rows"][0]
    assert row["status"].label == "Đã nộp đúng hạn"


def test_pending_shows_days_left(login, staff, province_plan, unit_a):
    _require(province_plan, timezone.localdate() + datetime.timedelta(days=10), unit_a)
    page = login(staff).get(reverse("campaigns:plan_subplans", args=[province_plan.pk])).content.decode()
    assert "Chưa nộp" in page and "còn 10 ngày" in page


def test_unit_head_sees_only_own_row_and_cannot_set(login, head_a, province_plan, unit_a, unit_b):
    _require(province_plan, D(2024, 2, 28), unit_a, unit_b)
    client = login(head_a)
    response = client.get(reverse("campaigns:plan_subplans", args=[province_plan.pk]))
    assert [r["unit"] for r in response.context["rows"]] == [unit_a] and response.context["form"] is None
    assert unit_b.name not in response.content.decode()
    response = client.post(reverse("campaigns:plan_subplans", args=[province_plan.pk]),
                           {"due_on": "28/03/2024", "units": [unit_a.pk]})
    assert response.status_code == 403
    assert set(SubPlanRequirement.objects.values_list("due_on", flat=True)) == {D(2024, 2, 28)}


def test_required_unit_sees_the_plan_even_without_taking_part(login, province, unit_a):
    plan = PlanFactory(issuer=province, title="Kế hoạch yêu cầu xây dựng kế hoạch")
    _require(plan, D(2024, 2, 28), unit_a)
    head = RoleGrantFactory(role="unit_head", unit=unit_a).user
    assert plan.title in login(head).get(reverse("campaigns:plan_detail", args=[plan.pk])).content.decode()


def test_sub_plans_of_other_units_are_not_listed_on_the_parent(login, head_b, province_plan, unit_a, unit_b):
    file_subplan(parent=province_plan, issuer=unit_a, title="Kế hoạch của Vị Thanh")
    file_subplan(parent=province_plan, issuer=unit_b, title="Kế hoạch của Long Mỹ")
    response = login(head_b).get(reverse("campaigns:plan_detail", args=[province_plan.pk]))
    assert [p.title for p in response.context["plan"].subplans.all()] == ["Kế hoạch của Long Mỹ"]
    assert "Kế hoạch của Vị Thanh" not in response.content.decode()
