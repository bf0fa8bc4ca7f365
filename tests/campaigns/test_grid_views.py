"""The results grid page (``campaigns.views.grid``, saved by ``campaigns.services.grid``): who sees which
lines, all-or-nothing saving, refusals, idempotence, audit, and constant queries at 10 and 90 units."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.grid import FIGURES
from campaigns.models import Result, ResultValue
from emulation import audit_display
from emulation.models import AuditEntry
from emulation.submissions import new_token
from tests.factories import ParticipationFactory, ResultFactory, ResultValueFactory, TargetFactory, UnitFactory

pytestmark = pytest.mark.integration
DATE = "30/06/2024"


@pytest.fixture
def campaign(results_campaign):
    return results_campaign


@pytest.fixture
def count(campaign):
    return TargetFactory(
        campaign=campaign, subject_kind="unit", code="4.1", title="Số đơn thư giải quyết", metric_kind="count"
    )


@pytest.fixture
def verdict(campaign):
    return TargetFactory(
        campaign=campaign,
        subject_kind="unit",
        code="4.2",
        title="Hoàn thành kế hoạch kiểm tra",
        metric_kind="boolean",
        value=None,
    )


def _url(campaign, **query):
    return reverse("campaigns:results_grid", args=[campaign.pk]) + (f"?as_of={query['as_of']}" if query else "")


def _line(unit, *figures, **targets) -> dict:
    cells = {f"u{unit.pk}-{name}": value for name, value in zip(FIGURES, figures, strict=False)}
    return cells | {f"u{unit.pk}-t{target.pk}": value for target, value in targets.get("values", {}).items()}


def _post(client, campaign, *lines, token=None):
    data = {"as_of": DATE, "submission": token or new_token()}
    for line in lines:
        data |= line
    return client.post(_url(campaign, as_of=DATE), data)


def test_a_unit_head_sees_only_their_own_line_with_labelled_prefilled_cells(
    login, head_a, campaign, unit_a, unit_b, count, verdict
):
    result = ResultFactory(
        campaign=campaign,
        unit=unit_a,
        cases_total=1200,
        money_total=150_000_000_000,
        money_with_conditions=1000,
        money_completed=10,
    )
    ResultValueFactory(result=result, target=count, number=Decimal("12.00"))
    page = login(head_a).get(_url(campaign, as_of=DATE)).content.decode()
    assert page.count('data-testid="grid-row"') == 1 and unit_b.name not in page
    assert f'aria-label="{unit_a.name} – Tổng số việc"' in page
    assert f'aria-label="{unit_a.name} – 4.1 Số đơn thư giải quyết"' in page
    assert f'name="u{unit_a.pk}-cases_total" value="1.200"' in page
    assert f'name="u{unit_a.pk}-money_total" value="150.000.000.000"' in page
    assert f'name="u{unit_a.pk}-t{count.pk}" value="12"' in page
    assert f'name="u{unit_a.pk}-t{verdict.pk}" value=""' in page


def test_the_grid_opens_on_the_latest_reported_date(login, staff, campaign, unit_a):
    ResultFactory(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 3, 31))
    page = login(staff).get(_url(campaign)).content.decode()
    assert 'name="as_of" value="31/03/2024"' in page and page.count('data-testid="grid-row"') == 2


def test_who_may_open_the_grid(client, login, viewer, head_a, campaign, campaign_b):
    assert client.get(_url(campaign)).status_code == 302  # anonymous: to the sign-in page
    assert login(head_a).get(_url(campaign_b)).status_code == 404  # another unit's campaign does not exist
    response = login(viewer).get(_url(campaign))  # sees the campaign, enters no results
    assert response.status_code == 403 and not Result.objects.exists()


def test_staff_save_every_unit_in_one_post_with_audit(login, staff, campaign, unit_a, unit_b, count, verdict):
    response = _post(
        login(staff),
        campaign,
        _line(
            unit_a,
            "1.200",
            "1.000",
            "800",
            "150.000.000.000",
            "120.000.000.000",
            "90.500.000.000",
            values={count: "12", verdict: "Đạt"},
        ),
        _line(unit_b, "0", "0", "0", "0", "0", "0"),
    )
    assert response.status_code == 302 and response["Location"] == _url(campaign) + "?as_of=30%2F06%2F2024"
    saved = {r.unit_id: r for r in Result.objects.all()}
    assert (saved[unit_a.pk].cases_total, saved[unit_a.pk].money_completed) == (1200, 90_500_000_000)
    assert {(saved[unit_a.pk].status, saved[unit_b.pk].status)} == {("draft", "draft")}
    assert sorted(ResultValue.objects.values_list("target_id", "number", "achieved")) == sorted(
        [(count.pk, Decimal("12.00"), None), (verdict.pk, None, True)]
    )
    entries = {e.unit_id: e for e in AuditEntry.objects.filter(model_label="campaigns.Result")}
    assert entries[unit_a.pk].action == "create" and entries[unit_a.pk].actor == staff
    assert entries[unit_a.pk].changes["cases_total"] == [None, 1200]
    assert entries[unit_a.pk].changes[str(count)] == [None, 12]  # the target by its name, as the grid heads it
    [readable] = audit_display.readable([entries[unit_a.pk]])
    assert (str(count), "—", "12") in {(c.label, c.before, c.after) for c in readable.changes}
    assert entries[unit_a.pk].object_repr == f"{unit_a.name} – 30/06/2024" and len(entries) == 2


def test_one_bad_cell_saves_nothing_and_keeps_what_was_typed(login, staff, campaign, unit_a, unit_b, count):
    response = _post(
        login(staff),
        campaign,
        _line(unit_a, "900", "800", "600", "0", "0", "0", values={count: "7"}),
        _line(unit_b, "650", "600", "700", "2.50.000", "0", "0"),
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Result.objects.exists() and not AuditEntry.objects.exists()
    assert "Chưa lưu: 2 lỗi cần sửa." in page
    assert (
        f"{unit_b.name} – Việc thi hành xong: Số thi hành xong không được lớn hơn số có điều kiện thi hành. (về việc)"
    ) in page
    assert f'name="u{unit_b.pk}-money_total" value="2.50.000"' in page  # kept, to be corrected
    assert f'name="u{unit_a.pk}-t{count.pk}" value="7"' in page
    errors = re.findall(r'id="(u\d+-\w+)-error"', page)
    assert errors == [f"u{unit_b.pk}-cases_completed", f"u{unit_b.pk}-money_total"]


def test_a_date_outside_the_results_period_saves_nothing(login, staff, campaign, unit_a):
    client = login(staff)
    response = client.post(_url(campaign), {"as_of": "15/07/2024", **_line(unit_a, "1", "1", "1", "0", "0", "0")})
    assert "Ngày số liệu phải trong kỳ tính kết quả 01/10/2023 – 30/06/2024." in response.content.decode()
    response = client.post(_url(campaign), {"as_of": "31/02/2024", **_line(unit_a, "1", "1", "1", "0", "0", "0")})
    assert response.status_code == 200 and not Result.objects.exists()


def test_a_unit_head_cannot_write_another_units_cell_even_by_crafting_the_post(login, head_a, campaign, unit_a, unit_b):
    client = login(head_a)
    response = _post(
        client, campaign, _line(unit_a, "9", "8", "7", "0", "0", "0"), _line(unit_b, "1", "1", "1", "0", "0", "0")
    )
    assert response.status_code == 403
    assert "Bạn không được nhập số liệu cho đơn vị ngoài phạm vi của mình." in response.content.decode()
    outsider = UnitFactory(name="Chi cục Thi hành án dân sự huyện Châu Thành")  # not even in the campaign
    assert _post(client, campaign, _line(outsider, "1", "1", "1", "0", "0", "0")).status_code == 403
    assert not Result.objects.exists() and not AuditEntry.objects.exists()


def test_a_cell_the_unit_does_not_have_is_refused(login, staff, campaign, unit_a, province):
    only_b = TargetFactory(
        campaign=campaign, subject_kind="unit", code="4.9", metric_kind="count", unit=UnitFactory(parent=province)
    )
    response = _post(
        login(staff), campaign, _line(unit_a, "1", "1", "1", "0", "0", "0") | {f"u{unit_a.pk}-t{only_b.pk}": "5"}
    )
    assert f"{unit_a.name}: không có cột t{only_b.pk} để nhập." in response.content.decode()
    assert not Result.objects.exists()


def test_a_repeated_post_writes_once_and_unchanged_cells_are_not_audited(login, staff, campaign, unit_a, unit_b, count):
    client, token = login(staff), new_token()
    lines = (
        _line(unit_a, "900", "800", "600", "0", "0", "0", values={count: "3"}),
        _line(unit_b, "", "", "", "", "", ""),
    )  # not reported: skipped
    assert _post(client, campaign, *lines, token=token).status_code == 302
    again = _post(client, campaign, *lines, token=token)  # the double click
    assert again.status_code == 302 and Result.objects.count() == 1
    before = Result.objects.get().updated_at
    assert _post(client, campaign, *lines).status_code == 302  # the same figures, sent anew
    assert Result.objects.get().updated_at == before and AuditEntry.objects.count() == 1
    changed = (_line(unit_a, "900", "800", "650", "0", "0", "0", values={count: ""}), lines[1])
    assert _post(client, campaign, *changed).status_code == 302
    entry = AuditEntry.objects.order_by("-pk").first()
    assert (entry.action, entry.changes) == ("update", {"cases_completed": [600, 650], str(count): [3, None]})
    assert Result.objects.get().cases_completed == 650 and not ResultValue.objects.exists()


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("submitted", "Số liệu đã gửi, đang chờ xác nhận: rút lại rồi mới sửa."),
        ("confirmed", "Số liệu đã xác nhận: chỉ sửa ở trang của dòng này, kèm lý do."),
    ],
)
def test_a_sent_or_confirmed_result_is_read_only_and_never_overwritten(
    login, staff, campaign, unit_a, unit_b, status, reason
):
    ResultFactory(campaign=campaign, unit=unit_a, status=status)
    client = login(staff)
    page = client.get(_url(campaign, as_of=DATE)).content.decode()
    assert re.search(rf'name="u{unit_a.pk}-cases_total" value="900"[^>]*readonly', page) and reason in page
    as_stored = _line(unit_a, "900", "800", "600", "0", "0", "0")
    new_b = _line(unit_b, "5", "5", "5", "0", "0", "0")
    response = _post(client, campaign, as_stored | {f"u{unit_a.pk}-cases_completed": "700"}, new_b)
    assert f"{unit_a.name} – Việc thi hành xong: {reason}" in response.content.decode()
    assert Result.objects.count() == 1 and Result.objects.get().cases_completed == 600
    assert _post(client, campaign, as_stored, new_b).status_code == 302  # posted back unchanged: unit B saved
    assert Result.objects.get(unit=unit_a).updated_by is None and Result.objects.count() == 2


def _province_with(units: int, province, staff):
    from tests.factories import CampaignFactory, PlanFactory

    campaign = CampaignFactory(
        plan=PlanFactory(issuer=province),
        results_starts_on=datetime.date(2023, 10, 1),
        results_ends_on=datetime.date(2024, 6, 30),
    )
    members = [UnitFactory(parent=province) for _ in range(units)]
    for unit in members:
        ParticipationFactory(campaign=campaign, unit=unit)
    targets = [
        TargetFactory(campaign=campaign, subject_kind="unit", metric_kind=kind, value=None if kind == "boolean" else 10)
        for kind in ("count", "count", "percentage", "boolean")
    ]
    return campaign, members, targets


def _grid_of(members, targets, step: int) -> dict:
    data = {}
    for n, unit in enumerate(members):
        completed = str(100 + n + step)
        data |= _line(
            unit,
            "1.000",
            "900",
            completed,
            "150.000.000",
            "120.000.000",
            "90.000.000",
            values=dict(zip(targets, [str(n), "3", f"76,{step + 1}", "Đạt"], strict=True)),
        )
    return data


def test_saving_10_or_90_units_by_4_targets_takes_the_same_queries(login, staff, province):
    counted = {}
    for size in (10, 90):
        campaign, members, targets = _province_with(size, province, staff)
        client = login(staff)
        for step, kind in ((0, "created"), (1, "updated")):
            with CaptureQueriesContext(connection) as queries:
                response = client.post(
                    _url(campaign, as_of=DATE),
                    {"as_of": DATE, "submission": new_token(), **_grid_of(members, targets, step)},
                )
            assert response.status_code == 302
            counted[size, kind] = len(queries)
        assert Result.objects.filter(campaign=campaign, cases_completed__gt=100).count() == size
        assert ResultValue.objects.filter(result__campaign=campaign).count() == size * 4
        assert (
            AuditEntry.objects.filter(
                model_label="campaigns.Result",
                action="update",
                object_repr__endswith="30/06/2024",
                object_id__in=[str(pk) for pk in Result.objects.filter(campaign=campaign).values_list("pk", flat=True)],
            ).count()
            == size
        )
    assert counted[10, "created"] == counted[90, "created"]
    assert counted[10, "updated"] == counted[90, "updated"]


@pytest.mark.parametrize("units", [10, 90])
def test_the_grid_page_reads_in_a_fixed_number_of_queries(login, staff, province, units, django_assert_max_num_queries):
    campaign, members, targets = _province_with(units, province, staff)
    for unit in members:
        ResultValueFactory(result=ResultFactory(campaign=campaign, unit=unit), target=targets[0])
    client = login(staff)
    with django_assert_max_num_queries(15):
        page = client.get(_url(campaign, as_of=DATE)).content.decode()
    assert page.count('data-testid="grid-row"') == units
    assert page.count('value="900"') == units and page.count('value="5"') == units


@pytest.mark.django_db(transaction=True)
def test_a_first_result_saved_elsewhere_at_the_same_time_is_a_message_not_a_500(login, staff, results_campaign, unit_a):
    """PostgreSQL, two real transactions: another one inserts unit A's result on the date and commits only once
    the grid's insert waits on the unique index; the grid then says so and writes nothing."""
    import threading
    import time

    from django.db import connections

    from tests.services import service_missing

    if connection.vendor != "postgresql":
        service_missing("concurrent saves need PostgreSQL (set DATABASE_URL)")
    done = []

    def elsewhere():
        other = connections.create_connection("default")  # its own connection, made in its thread
        try:
            with other.cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute(
                    "INSERT INTO campaigns_result (campaign_id, unit_id, as_of, cases_total, cases_with_conditions, "
                    "cases_completed, money_total, money_with_conditions, money_completed, status, updated_at, "
                    "return_reason) VALUES (%s, %s, '2024-06-30', 1, 1, 1, 0, 0, 0, 'draft', now(), '')",
                    [results_campaign.pk, unit_a.pk],
                )
                done.append("inserted")
                for _ in range(600):  # until the grid's insert waits for this transaction
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"
                    )
                    if cursor.fetchone()[0]:
                        break
                    time.sleep(0.05)
                cursor.execute("COMMIT")
        except Exception as error:  # noqa: BLE001 - reported to the test's thread
            done.append(error)
        finally:
            other.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    for _ in range(1000):
        if done:
            break
        time.sleep(0.01)
    assert done == ["inserted"]
    response = _post(login(staff), results_campaign, _line(unit_a, "9", "8", "7", "0", "0", "0"))
    thread.join()
    assert response.status_code == 200
    assert (
        "Số liệu của một đơn vị vừa được lưu cùng lúc ở nơi khác; mở lại bảng rồi lưu lại." in response.content.decode()
    )
    assert list(Result.objects.values_list("cases_total", flat=True)) == [1] and not AuditEntry.objects.exists()
