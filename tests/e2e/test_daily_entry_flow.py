# ruff: noqa: F811 - the awards fixtures are imported by name
"""Daily entry as a person types it, at 1366 and 390 px: money with Vietnamese grouping (a mistyped group is
refused beside the field and kept to be corrected), and a draft proposal that warns when a nominee does not
meet the conditions and counts its own nominees against the quota."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Criterion, CriterionKind, Quota
from awards.services import proposals as proposal_services
from campaigns.models import Result
from emulation.models import DisciplineForm
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.e2e.test_award_flow import signed_in
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import DisciplineFactory, OfficerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_money_is_typed_with_dots_and_a_mistyped_group_is_refused_beside_the_field(
        browser, live_server, head_a, province_plan, unit_a, width):
    campaign = province_plan.campaigns.get()
    campaign.results_starts_on, campaign.results_ends_on = datetime.date(2023, 10, 1), datetime.date(2024, 6, 30)
    campaign.save()
    context, page = signed_in(browser, live_server, head_a)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("campaigns:result_create", args=[campaign.pk]) + f"?unit={unit_a.pk}")
    assert page.get_attribute("#id_money_total", "inputmode") == "numeric"
    for field, value in {"as_of": "30/06/2024", "cases_total": "1.200", "cases_with_conditions": "1.000",
                         "cases_completed": "800", "money_total": "150.000.000.000",
                         "money_with_conditions": "120.000.000.000", "money_completed": "90.5000.000"}.items():
        page.fill(f"#id_{field}", value)
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    error = page.inner_text("#id_money_completed ~ .invalid-feedback, #error_1_id_money_completed")
    assert "có thể nhóm hàng nghìn bằng dấu chấm: 1.234.567" in error
    assert page.input_value("#id_money_completed") == "90.5000.000"  # kept, to be corrected
    assert page.input_value("#id_money_total") == "150.000.000.000"
    _looked_at(page, f"grouped-money-refused-{width}")
    page.fill("#id_money_completed", "90.500.000.000")
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    assert "Đã lưu số liệu." in page.inner_text("main")
    result = Result.objects.get(campaign=campaign, unit=unit_a)
    assert (result.money_total, result.money_completed, result.cases_total) == (
        150_000_000_000, 90_500_000_000, 1200)
    page.goto(live_server.url + reverse("campaigns:result_edit", args=[campaign.pk, result.pk]))
    assert page.input_value("#id_money_completed") == "90.500.000.000"
    _looked_at(page, f"grouped-money-saved-{width}")
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_draft_warns_about_an_ineligible_nominee_and_counts_its_own_against_the_quota(
        browser, live_server, campaign_award, head_a, officer_a, width):
    campaign = campaign_award.campaign
    campaign.dossier_due_on = datetime.date(2099, 1, 1)
    campaign.save()
    Criterion.objects.create(campaign_award=campaign_award, kind=CriterionKind.NO_DISCIPLINE, applies_to="individual",
                             params={"from": "2023-10-01", "to": "2024-06-30", "min_form": "reprimand"})
    Quota.objects.create(campaign_award=campaign_award, subject_kind="officer", limit=1, per_unit=True,
                         text="01 cá nhân mỗi đơn vị")
    DisciplineFactory(officer=officer_a, form=DisciplineForm.REPRIMAND, decided_on=datetime.date(2024, 2, 1),
                      ends_on=datetime.date(2024, 5, 1))
    colleague = OfficerFactory(unit=officer_a.unit, full_name="Lê Thị Cúc", code="A-002", gender="female")
    draft = proposal_services.open_proposal(actor=head_a, campaign=campaign, unit=officer_a.unit,
                                            title="Đề nghị tặng Giấy khen")
    context, page = signed_in(browser, live_server, head_a)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("awards:proposal_detail", args=[draft.pk]))
    assert "còn 1" in page.inner_text("[data-testid=quota-standing]")
    for officer in (officer_a, colleague):
        page.select_option("#id_subject", f"o{officer.pk}")
        with page.expect_navigation():
            page.click("[data-testid=nominate-submit]")
        if officer == officer_a:
            warning = page.inner_text(".alert-warning")
            assert "Đã thêm Nguyễn Văn An, nhưng hiện chưa đủ điều kiện" in warning and "khiển trách" in warning
            assert page.locator(".alert-success").count() == 0
            _looked_at(page, f"nominee-warning-{width}")
    quota = page.locator("[data-testid=quota-standing]")
    assert "đã gửi 0, đề nghị này 2: vượt 1" in " ".join(quota.inner_text().split())
    assert "list-group-item-danger" in quota.get_attribute("class")
    _looked_at(page, f"quota-over-{width}")
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_see_the_leaders_share_against_the_campaigns_ceiling(browser, live_server, submitted_proposal, staff,
                                                                   officer_a, width):
    officer_a.is_leader = True
    officer_a.save()
    campaign = submitted_proposal.campaign
    campaign.leader_share_max = 30
    campaign.save()
    context, page = signed_in(browser, live_server, staff)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("awards:campaign_awards", args=[campaign.pk]))
    assert "Lãnh đạo, quản lý: 1 (50%) — tối đa 30% theo phong trào" in page.inner_text("[data-testid=balance-leaders]")
    assert "vượt mức 30% của phong trào: 1 người, tối đa 0" in page.inner_text("[data-testid=balance-warning]")
    page.locator("[data-testid=nominee-balance]").scroll_into_view_if_needed()
    _looked_at(page, f"nominee-balance-{width}")
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_four_tier_table_is_entered_in_one_save_and_a_bad_row_is_shown_where_it_is(
        browser, live_server, staff, province_plan, width):
    from campaigns.models import Target

    campaign = province_plan.campaigns.get()
    context, page = signed_in(browser, live_server, staff)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("campaigns:target_create", args=[campaign.pk]))
    page.fill("#id_code", "3.1")
    page.fill("#id_title", "Chi cục – tỷ lệ thi hành xong về tiền")
    page.select_option("#id_metric_kind", "completion_money")
    page.select_option("#id_subject_kind", "sub_department")
    page.select_option("#id_basis", "money_total")
    assert page.locator("[data-testid=bracket-row]").count() == 2
    page.click("[data-testid=bracket-add]")
    page.click("[data-testid=bracket-add]")
    assert page.locator("[data-testid=bracket-row]").count() == 4
    assert page.evaluate("document.activeElement.id") == "id_khung-3-lower"  # the new row, ready to type
    tiers = [("0", "100.000.000.000", "40"), ("100.000.000.000", "150.000.000.000", "38"),
             ("150.000.000.000", "30.000.000.000", "36,5"), ("300.000.000.000", "", "34")]  # row 3: a slip
    for index, (lower, upper, value) in enumerate(tiers):
        page.fill(f"#id_khung-{index}-lower", lower)
        page.fill(f"#id_khung-{index}-upper", upper)
        page.fill(f"#id_khung-{index}-value", value)
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    assert "Chưa lưu: sửa các ô tô đỏ bên dưới" in page.inner_text("[data-testid=form-errors]")
    bad = page.locator("#id_khung-2-upper").locator("xpath=..")
    assert "cell-invalid" in bad.get_attribute("class")
    assert "Cận trên phải lớn hơn hoặc bằng cận dưới." in bad.inner_text()
    assert page.input_value("#id_khung-3-lower") == "300.000.000.000"  # nothing typed is lost
    assert not Target.objects.filter(campaign=campaign).exists()
    _looked_at(page, f"tiers-refused-{width}")
    page.fill("#id_khung-2-upper", "300.000.000.000")
    with page.expect_navigation():
        page.click("[data-testid=form-submit]")
    assert "Đã lưu chỉ tiêu." in page.inner_text("main")
    target = Target.objects.get(campaign=campaign)
    assert [(int(b.lower), b.upper and int(b.upper), str(b.value)) for b in target.brackets.order_by("lower")] == [
        (0, 100 * 10**9, "40.00"), (100 * 10**9, 150 * 10**9, "38.00"), (150 * 10**9, 300 * 10**9, "36.50"),
        (300 * 10**9, None, "34.00")]
    page.goto(live_server.url + reverse("campaigns:target_edit", args=[campaign.pk, target.pk]))
    assert page.input_value("#id_khung-2-value") == "36,50"
    _looked_at(page, f"tiers-saved-{width}")
    context.close()
