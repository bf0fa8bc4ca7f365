"""The standings page (xếp hạng chung) reads the rows stored with the latest snapshot: scoped, filtered and
paginated in the database, the rule stated on the page; a GET never recomputes."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns import ranking, snapshots
from campaigns.models import Result, StandingRow, Target, TargetBracket
from campaigns.selectors.standings import standing_groups, standings_table
from emulation.models import Job
from tests.factories import AttainmentSnapshotFactory, StandingRowFactory, UnitFactory

pytestmark = pytest.mark.integration
AS_OF = datetime.date(2024, 6, 30)


def _target(campaign, code, metric, subject, **extra):
    return Target.objects.create(
        campaign=campaign,
        code=code,
        title=f"{code} {metric}",
        position=int(code[-1]),
        metric_kind=metric,
        subject_kind=subject,
        **extra,
    )


def _targets(campaign):
    cases = _target(campaign, "3.1", "completion_cases", "sub_department", basis="cases_total")
    TargetBracket.objects.create(target=cases, lower=0, upper=None, value=75)
    _target(campaign, "3.2", "completion_money", "sub_department", value=40)


def _result(campaign, unit, cases_done, money_done):
    return Result(
        campaign=campaign,
        unit=unit,
        as_of=AS_OF,
        cases_total=900,
        cases_with_conditions=800,
        cases_completed=cases_done,
        money_total=1000,
        money_with_conditions=1000,
        money_completed=money_done,
        status="confirmed",
    )


@pytest.fixture
def campaign(province_plan, unit_a, unit_b):
    campaign = province_plan.campaigns.get()
    _targets(campaign)
    Result.objects.bulk_create([_result(campaign, unit_a, 500, 450), _result(campaign, unit_b, 700, 420)])
    return campaign


def _page(client, campaign, **params):
    return client.get(reverse("campaigns:campaign_standings", args=[campaign.pk]), params)


def _shown(response):
    return [(row.unit.name, row.rank, row.peers, row.met, row.assessed) for row in response.context["page_obj"]]


def test_the_snapshot_stores_each_units_standing(campaign, unit_a, unit_b):
    snapshot = snapshots.recompute(campaign.pk)
    rows = {r.unit_id: r for r in StandingRow.objects.filter(snapshot=snapshot)}
    b, a = rows[unit_b.pk], rows[unit_a.pk]
    # B: 87,5 % of 75 % by cases, 42 % of 40 % by money; A: 62,5 % (not met) and 45 %
    assert (b.rank, b.met, b.assessed, b.mean_ratio, b.min_ratio) == (1, 2, 2, Decimal("110.83"), Decimal("105.00"))
    assert (a.rank, a.met, a.assessed, a.mean_ratio, a.min_ratio) == (2, 1, 2, Decimal("97.92"), Decimal("83.33"))
    assert (b.position, a.position, b.group, b.group_label) == (0, 1, 1, "3.1 về việc; 3.2 về tiền")


def test_the_page_reads_the_stored_rows_and_never_recomputes(login, staff, campaign, unit_a, unit_b, forbid):
    snapshots.recompute(campaign.pk)
    forbid((snapshots, "attainment_rows_for_all"), (snapshots, "store_standings"), (ranking, "standings"))
    response = _page(login(staff), campaign)
    assert _shown(response) == [(unit_b.name, 1, 2, 2, 2), (unit_a.name, 2, 2, 1, 2)]
    page = response.content.decode()
    assert page.count('data-testid="standing-row"') == 2
    assert "Đơn vị đạt nhiều chỉ tiêu hơn xếp trên." in page and "đạt và vượt chỉ tiêu được giao" in page
    assert "110,83%" in page


def test_no_snapshot_yet_and_a_stale_one_are_said(login, staff, campaign):
    client = login(staff)
    page = _page(client, campaign).content.decode()
    assert 'data-testid="standings-none"' in page and 'data-testid="standings-table"' not in page
    snapshots.recompute(campaign.pk)
    assert 'data-testid="standings-stale"' not in _page(client, campaign).content.decode()
    snapshots.request_recompute(campaign.pk)
    assert 'data-testid="standings-stale"' in _page(client, campaign).content.decode()


def test_filters_narrow_the_rows_and_bad_values_are_ignored(login, staff, campaign, unit_a, unit_b, province):
    lone = UnitFactory(
        code="HG-NV", name="Phòng Nghiệp vụ và tổ chức thi hành án dân sự", parent=province, kind="division"
    )
    _target(campaign, "3.3", "completion_cases", "division", value=76)
    Result.objects.bulk_create([_result(campaign, lone, 640, 0)])
    snapshots.recompute(campaign.pk)
    client = login(staff)

    def names(**params):
        response = _page(client, campaign, **params)
        assert response.status_code == 200
        return [name for name, *_ in _shown(response)]

    assert names() == [unit_b.name, unit_a.name, lone.name]
    assert names(group="2") == [lone.name]
    assert names(q="long mỹ") == [unit_b.name] and names(q=unit_a.code) == [unit_a.name]
    assert names(group="-1", q="x" * 5000, page="999") == []
    assert names(group="１", page="abc") == [unit_b.name, unit_a.name, lone.name]


def test_a_unit_head_sees_their_own_standing_among_all(login, head_a, campaign, unit_a, campaign_b):
    snapshots.recompute(campaign.pk)
    client = login(head_a)
    assert _shown(_page(client, campaign)) == [(unit_a.name, 2, 2, 1, 2)]
    assert _page(client, campaign_b).status_code == 404  # another unit's campaign: missing, not forbidden
    assert client.get(reverse("campaigns:campaign_standings", args=[999999])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, campaign):
    response = _page(client, campaign)
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


@pytest.mark.parametrize("units", [10, 200])
def test_query_count_is_constant(login, staff, province_plan, province, units, django_assert_max_num_queries):
    campaign = province_plan.campaigns.get()
    _targets(campaign)
    Result.objects.bulk_create(
        [_result(campaign, UnitFactory(parent=province), 500 + n, 400 + n) for n in range(units)]
    )
    snapshots.recompute(campaign.pk)
    client = login(staff)
    _page(client, campaign)  # the first request after signing in also writes the session
    with django_assert_max_num_queries(10):
        response = _page(client, campaign)
    assert response.context["page_obj"].paginator.count == units
    assert response.content.decode().count('data-testid="standing-row"') == min(units, 50)


def test_the_selector_keeps_a_unit_head_to_their_units(head_b, province_plan, unit_a, unit_b):
    snapshot = AttainmentSnapshotFactory(campaign=province_plan.campaigns.get())
    StandingRowFactory(snapshot=snapshot, unit=unit_a)
    mine = StandingRowFactory(snapshot=snapshot, unit=unit_b, rank=2)
    campaign = province_plan.campaigns.get()
    assert list(standings_table(head_b, campaign, snapshot)) == [mine]
    assert standing_groups(snapshot) == [(1, "3.1 về việc; 3.2 về tiền")]


def test_the_standings_export_as_excel_keeps_the_filter_and_the_scope(
    login, staff, head_a, head_b, campaign, unit_a, unit_b, django_capture_on_commit_callbacks
):
    import io

    from openpyxl import load_workbook

    snapshots.recompute(campaign.pk)

    def export(client, **form):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("campaigns:standings_export", args=[campaign.pk]), form)
        job = Job.objects.latest("pk")
        assert response["Location"] == reverse("emulation:job_detail", args=[job.pk])
        url = reverse("campaigns:attainment_export_file", args=[campaign.pk, job.pk])
        assert f'href="{url}"' in client.get(response["Location"]).content.decode()
        sheet = load_workbook(io.BytesIO(b"".join(client.get(url).streaming_content)))["Xếp hạng chung"]
        return url, [row[1:4] for row in sheet.iter_rows(min_row=6, values_only=True)], sheet

    _, rows, sheet = export(login(staff))
    assert sheet["A2"].value == "BẢNG XẾP HẠNG CHUNG CÁC ĐƠN VỊ" and sheet["A3"].value == campaign.name
    assert rows == [("1/2", unit_b.name, 1), ("2/2", unit_a.name, 1)]
    assert next(sheet.iter_rows(min_row=6, values_only=True))[8:] == (110.83, 105.0)
    assert export(login(staff), q="long mỹ")[1] == [("1/2", unit_b.name, 1)]
    url, rows, _ = export(login(head_a))
    assert rows == [("2/2", unit_a.name, 1)]  # the head's own unit, ranked among all
    assert login(head_b).get(url).status_code == 404  # another user's file
    assert login(head_a).get(reverse("campaigns:standings_export", args=[campaign.pk])).status_code == 405
