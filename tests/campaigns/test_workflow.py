"""The lifecycle tables of campaigns/workflow.py: every state × action × role, through the services
and the pages; status writes only there; one event per transition."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import services, workflow
from campaigns.models import Pledge, Result, SubPlanRequirement
from emulation import events
from emulation.lifecycle import Refused
from emulation.models import AuditEntry
from tests.factories import PlanFactory, PledgeFactory

pytestmark = pytest.mark.integration
ROLES = ["head_a", "staff", "director", "viewer", "head_b"]
D = datetime.date


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


def _result(campaign, unit, status):
    return Result.objects.create(campaign=campaign, unit=unit, as_of=campaign.ends_on, status=status)


def _objects(lifecycle, campaign, province_plan, unit_a, state):
    if lifecycle is workflow.RESULT:
        return _result(campaign, unit_a, state)
    if lifecycle is workflow.PLEDGE:
        return PledgeFactory(campaign=campaign, unit=unit_a, registered_on=campaign.starts_on, status=state)
    return SubPlanRequirement.objects.create(plan=province_plan, unit=unit_a, due_on=D(2024, 5, 1), status=state)


def _expected(lifecycle, state, action, who):
    transition = lifecycle.find(state, action)
    if transition is None:
        return False
    holds = {"unit": who in ("head_a", "staff"), "staff": who == "staff"}
    return any(holds[role] for role in transition.roles)


CASES = [(lc, state, action, who) for lc in workflow.LIFECYCLES for state in lc.states.values
         for action in lc.actions_named for who in ROLES]


@pytest.mark.parametrize(("lifecycle", "state", "action", "who"), CASES,
                         ids=[f"{c[0].name}-{c[1]}-{c[2]}-{c[3]}" for c in CASES])
def test_whole_table(request, lifecycle, state, action, who, campaign, province_plan, unit_a):
    user = request.getfixturevalue(who)
    obj = _objects(lifecycle, campaign, province_plan, unit_a, state)
    refusal = lifecycle.refusal(user, obj, action)
    assert (refusal is None) == _expected(lifecycle, state, action, who)
    if refusal is not None:
        assert refusal.strip()
        with pytest.raises(Refused, match=refusal[:20]):
            lifecycle.check(user, obj, action, reason="lý do")


@pytest.mark.parametrize("who", ROLES)
def test_refused_actions_answer_403_with_the_reason(request, login, who, campaign, unit_a):
    result = _result(campaign, unit_a, "confirmed")
    client = login(request.getfixturevalue(who))
    response = client.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "submit"]))
    if who == "head_b":
        assert response.status_code == 404  # out of scope: does not exist
        return
    assert response.status_code == 403
    assert "Không thể “Gửi” khi đang ở trạng thái “Đã xác nhận”." in response.content.decode()


@pytest.fixture
def captured():
    seen = []
    events.subscribe(events.ANY, seen.append)
    yield seen
    events.unsubscribe(events.ANY, seen.append)


def _figures(**overrides):
    return {"as_of": "30/06/2024", "cases_total": "900", "cases_with_conditions": "800", "cases_completed": "600",
            "money_total": "0", "money_with_conditions": "0", "money_completed": "0"} | overrides


def test_unit_cannot_edit_a_submitted_result_recalls_it_then_not_after_confirmation(
        login, head_a, staff, campaign, unit_a, captured, django_capture_on_commit_callbacks):
    result = _result(campaign, unit_a, "draft")
    head, office = login(head_a), login(staff)
    edit = reverse("campaigns:result_edit", args=[campaign.pk, result.pk])
    act = lambda client, action, **data: client.post(  # noqa: E731
        reverse("campaigns:result_action", args=[campaign.pk, result.pk, action]), data)
    with django_capture_on_commit_callbacks(execute=True):
        act(head, "submit")
    page = head.get(edit)
    assert page.status_code == 403 and "Không thể sửa khi đang ở trạng thái “Đã gửi”." in page.content.decode()
    assert head.post(edit, _figures()).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        act(head, "recall")
    result.refresh_from_db()
    assert result.status == "draft"
    assert head.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        act(head, "submit")
        act(office, "confirm")
    response = act(head, "recall")
    assert response.status_code == 403 and "Không thể “Rút lại” khi đang ở trạng thái “Đã xác nhận”." in \
        response.content.decode()
    assert [(e.name, e.actor_id, e.object_id) for e in captured] == [
        ("result.submit", head_a.pk, result.pk), ("result.recall", head_a.pk, result.pk),
        ("result.submit", head_a.pk, result.pk), ("result.confirm", staff.pk, result.pk)]


def test_return_needs_a_reason_shown_on_the_row_dashboard_and_history(
        login, head_a, head_b, staff, campaign, unit_a, captured, django_capture_on_commit_callbacks):
    result = _result(campaign, unit_a, "submitted")
    office, head = login(staff), login(head_a)
    url = reverse("campaigns:result_action", args=[campaign.pk, result.pk, "return"])
    office.post(url, {"reason": "  "})
    result.refresh_from_db()
    assert result.status == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url, {"reason": "Số tiền chưa khớp báo cáo thống kê"})
    result.refresh_from_db()
    assert (result.status, result.return_reason, result.returned_by) == (
        "returned", "Số tiền chưa khớp báo cáo thống kê", staff)
    assert [(e.name, e.actor_id, e.reason) for e in captured] == [
        ("result.return", staff.pk, "Số tiền chưa khớp báo cáo thống kê")]
    row = head.get(reverse("campaigns:campaign_results", args=[campaign.pk])).content.decode()
    assert "Lý do: Số tiền chưa khớp báo cáo thống kê" in row
    dashboard = head.get(reverse("reports:dashboard")).content.decode()
    assert "Số liệu bị trả lại" in dashboard and "Số tiền chưa khớp báo cáo thống kê" in dashboard
    assert "Số liệu bị trả lại" not in login(head_b).get(reverse("reports:dashboard")).content.decode()
    entry = AuditEntry.objects.filter(model_label="campaigns.Result", object_id=str(result.pk)).latest("id")
    assert entry.changes["reason"][1] == "Số tiền chưa khớp báo cáo thống kê"
    assert head.get(reverse("campaigns:result_edit", args=[campaign.pk, result.pk])).status_code == 200
    head.post(reverse("campaigns:result_action", args=[campaign.pk, result.pk, "submit"]))
    result.refresh_from_db()
    assert result.status == "submitted"


def test_bulk_confirm_lists_then_applies_all_or_nothing(login, staff, campaign, unit_a, unit_b, captured,
                                                       django_capture_on_commit_callbacks):
    first, second = _result(campaign, unit_a, "submitted"), _result(campaign, unit_b, "submitted")
    office = login(staff)
    url = reverse("campaigns:results_bulk", args=[campaign.pk])
    page = office.post(url, {"action": "confirm", "ids": [first.pk, second.pk]}).content.decode()
    assert "Xác nhận: 2 dòng đã chọn" in page and unit_a.name in page and unit_b.name in page
    assert Result.objects.filter(status="confirmed").count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url, {"action": "confirm", "ids": [first.pk, second.pk], "confirmed": "1"})
    assert sorted(Result.objects.values_list("status", flat=True)) == ["confirmed", "confirmed"]
    assert sorted(e.object_id for e in captured if e.name == "result.confirm") == sorted([first.pk, second.pk])
    assert AuditEntry.objects.filter(model_label="campaigns.Result", actor=staff).count() == 2


def test_bulk_return_refuses_everything_when_one_row_is_in_the_wrong_state(login, staff, campaign, unit_a, unit_b):
    first, draft = _result(campaign, unit_a, "submitted"), _result(campaign, unit_b, "draft")
    step = login(staff).post(reverse("campaigns:results_bulk", args=[campaign.pk]), {
        "action": "return", "ids": [first.pk, draft.pk]}).content.decode()
    assert "1 dòng không đủ điều kiện" in step and step.count('data-testid="bulk-refusal"') == 1
    response = login(staff).post(reverse("campaigns:results_bulk", args=[campaign.pk]), {
        "action": "return", "ids": [first.pk, draft.pk], "confirmed": "1", "reason": "Chưa đủ số liệu"})
    assert response.status_code == 403
    assert "Không thể “Trả lại” khi đang ở trạng thái “Đang nhập”." in response.content.decode()
    assert sorted(Result.objects.values_list("status", flat=True)) == ["draft", "submitted"]


def test_bulk_return_with_a_reason_returns_every_row_audited(login, staff, campaign, unit_a, unit_b):
    first, second = _result(campaign, unit_a, "submitted"), _result(campaign, unit_b, "submitted")
    url, ids = reverse("campaigns:results_bulk", args=[campaign.pk]), [first.pk, second.pk]
    step = login(staff).post(url, {"action": "return", "ids": ids, "confirmed": "1", "reason": " "})
    assert "Ghi rõ lý do khi “Trả lại”." in step.content.decode()  # the step again, nothing returned
    assert sorted(Result.objects.values_list("status", flat=True)) == ["submitted", "submitted"]
    response = login(staff).post(url, {"action": "return", "ids": ids, "confirmed": "1", "reason": "Thiếu số liệu"})
    assert response.status_code == 302
    assert sorted(Result.objects.values_list("status", "return_reason", "returned_by")) == [
        ("returned", "Thiếu số liệu", staff.pk)] * 2
    entries = AuditEntry.objects.filter(model_label="campaigns.Result", actor=staff)
    assert sorted(int(e.object_id) for e in entries) == sorted(ids)


def test_a_refused_bulk_step_names_the_rows_and_stays_on_the_step(login, head_a, campaign, unit_a):
    result = _result(campaign, unit_a, "submitted")
    url = reverse("campaigns:results_bulk", args=[campaign.pk])
    response = login(head_a).post(url, {"action": "confirm", "ids": [result.pk], "confirmed": "1"})
    page = response.content.decode()
    assert response.status_code == 403 and 'data-testid="bulk-rows"' in page  # the step, with a way back
    assert "Bạn không có quyền “Xác nhận” ở trạng thái “Đã gửi”." in page
    assert Result.objects.get().status == "submitted" and not AuditEntry.objects.exists()


def test_bulk_refuses_a_row_outside_the_users_units_even_by_crafting_the_post(login, head_b, campaign, unit_a,
                                                                              unit_b):
    theirs, mine = _result(campaign, unit_a, "draft"), _result(campaign, unit_b, "draft")
    response = login(head_b).post(reverse("campaigns:results_bulk", args=[campaign.pk]), {
        "action": "submit", "ids": [theirs.pk, mine.pk], "confirmed": "1"})
    page = response.content.decode()
    assert "Có dòng đã chọn không còn trong phạm vi của bạn; tải lại trang và chọn lại." in page
    assert unit_a.name not in page  # the other unit's row is not even listed
    assert sorted(Result.objects.values_list("status", flat=True)) == ["draft", "draft"]


def test_bulk_return_needs_one_reason(staff, campaign, unit_a):
    result = _result(campaign, unit_a, "submitted")
    with pytest.raises(ValidationError):
        services.transition_results(actor=staff, campaign=campaign, result_ids=[result.pk], action="return")
    result.refresh_from_db()
    assert result.status == "submitted"


@pytest.mark.parametrize("rows", [10, 60])
def test_results_page_queries_stay_constant_with_actions(login, staff, campaign, unit_a, rows,
                                                        django_assert_max_num_queries):
    from tests.factories import OfficerFactory

    for officer in OfficerFactory.create_batch(rows, unit=unit_a):
        Result.objects.create(campaign=campaign, unit=unit_a, officer=officer, as_of=D(2024, 6, 30),
                              status="submitted")
    client = login(staff)
    with django_assert_max_num_queries(17):
        page = client.get(reverse("campaigns:campaign_results", args=[campaign.pk])).content.decode()
    assert page.count('data-testid="action-confirm"') == rows


def test_subplan_filed_by_the_plan_then_returned_and_accepted(login, staff, head_a, province_plan, unit_a, captured,
                                                             django_capture_on_commit_callbacks):
    requirement = SubPlanRequirement.objects.create(plan=province_plan, unit=unit_a, due_on=D(2024, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.create_plan(actor=head_a, plan=PlanFactory.build(issuer=unit_a, parent=province_plan))
    requirement.refresh_from_db()
    assert requirement.status == "filed"
    office = login(staff)
    url = lambda action: reverse("campaigns:subplan_action", args=[province_plan.pk, requirement.pk, action])  # noqa: E731
    assert login(head_a).post(url("accept")).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url("return"), {"reason": "Thiếu chỉ tiêu về tiền"})
        login(head_a).post(url("file"))
        office.post(url("accept"))
    requirement.refresh_from_db()
    assert (requirement.status, requirement.return_reason) == ("accepted", "Thiếu chỉ tiêu về tiền")
    assert [e.name for e in captured] == ["subplan.file", "subplan.return", "subplan.file", "subplan.accept"]
    page = office.get(reverse("campaigns:plan_subplans", args=[province_plan.pk])).content.decode()
    assert "Đã chấp nhận" in page


def test_a_pledge_cannot_be_edited_once_sent(login, head_a, campaign, unit_a):
    pledge = PledgeFactory(campaign=campaign, unit=unit_a, registered_on=campaign.starts_on, status="submitted")
    response = login(head_a).get(reverse("campaigns:pledge_edit", args=[pledge.pk]))
    assert response.status_code == 403 and "Không thể sửa khi đang ở trạng thái “Chờ duyệt”." in \
        response.content.decode()
    assert Pledge.objects.get().status == "submitted"


@pytest.mark.parametrize("bad", ["²", "١٢x", "99999999999999999999999", "-1", "abc"])
def test_bulk_ignores_ids_that_are_not_row_numbers(login, staff, campaign, unit_a, bad):
    result = _result(campaign, unit_a, "submitted")
    office = login(staff)
    for name in ("campaigns:results_bulk", "campaigns:pledges_bulk"):
        response = office.post(reverse(name, args=[campaign.pk]), {"action": "confirm" if "results" in name
                                                                     else "approve", "ids": [bad, result.pk]})
        assert response.status_code == 200
