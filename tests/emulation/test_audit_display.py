"""The audit log in plain Vietnamese: kinds and fields as the pages name them, values by what they mean,
foreign keys by name with one query per kind of object, deleted objects and unknown fields still readable."""

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import Milestone, Plan, Result, Target
from emulation import audit, audit_display
from emulation.models import Assignment, AuditEntry, Officer
from tests.factories import AuditEntryFactory, CampaignFactory, OfficerFactory

pytestmark = pytest.mark.integration


def _field(model, name):
    return model._meta.get_field(name)


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        (_field(Milestone, "kind"), "final_review", "Tổng kết"),
        (_field(Milestone, "kind"), "no_such_kind", "no_such_kind"),  # a choice the code no longer has
        (_field(Milestone, "starts_on"), "2026-12-01", "01/12/2026"),
        (_field(Milestone, "ends_on"), None, "—"),
        (_field(Milestone, "note"), "", "—"),
        (_field(Plan, "year"), 2026, "2026"),  # a year is not a quantity: no grouping
        (_field(Result, "money_total"), 1_234_567_000, "1.234.567.000"),
        (_field(Result, "cases_total"), 1200, "1.200"),
        (_field(Target, "value"), "76.5", "76,5"),
        (_field(Assignment, "hardship"), True, "Có"),
        (_field(Assignment, "hardship"), False, "Không"),
        (_field(Result, "returned_at"), "2026-12-01T07:16:28.123456+00:00", "01/12/2026 14:16"),  # local time
        (_field(Result, "returned_at"), "not a date", "not a date"),
        (None, True, "Có"),  # a key services add (no field): by its value
        (None, 1500, "1.500"),
        (None, "76,5 %", "76,5 %"),
        (None, {"12": ["76.5", None]}, '{"12": ["76.5", null]}'),
    ],
)
def test_a_value_reads_by_what_it_means(field, value, text):
    with translation.override("vi"):
        assert audit_display.value_text(field, value) == text


@pytest.mark.parametrize(
    ("value", "names", "text"),
    [
        (9, {("campaigns.Campaign", "9"): "Phong trào thi đua năm 2027"}, "Phong trào thi đua năm 2027"),
        (9, {}, "#9 (đã xóa)"),
        ("9", {("campaigns.Campaign", "9"): "Phong trào thi đua năm 2027"}, "Phong trào thi đua năm 2027"),
    ],
)
def test_a_foreign_key_reads_by_the_objects_name_or_says_it_was_deleted(value, names, text):
    with translation.override("vi"):
        assert audit_display.value_text(_field(Milestone, "campaign"), value, names) == text


@pytest.mark.parametrize(
    ("label", "name", "text"),
    [
        ("campaigns.Milestone", "kind", "Loại mốc"),  # the model's own verbose_name
        ("campaigns.Milestone", "campaign", "Phong trào"),  # no verbose_name: the project's word
        ("campaigns.Result", "reason", "Lý do"),  # a key the lifecycle adds
        ("auth.User", "ip_address", "Địa chỉ IP"),
        ("campaigns.Milestone", "no_such_field", "No_such_field"),  # unknown: its stored name
        ("gone.Model", "kind", "Kind"),
    ],
)
def test_a_field_reads_as_the_pages_name_it(label, name, text):
    with translation.override("vi"):
        assert audit_display.field_label(audit_display.model_of(label), name) == text


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("campaigns.Milestone", "Mốc thời gian"),
        ("emulation.Officer", "Cán bộ"),
        ("gone.Model", "gone.Model"),
        ("not a label", "not a label"),
    ],
)
def test_a_kind_of_data_reads_as_its_name(label, text):
    with translation.override("vi"):
        assert audit_display.kind_label(label) == text


def test_entries_read_with_names_and_deleted_objects_degrade(staff, unit_a, unit_b):
    moved = AuditEntryFactory(
        model_label="emulation.Officer",
        changes={"unit": [unit_a.pk, unit_b.pk], "is_active": [True, False], "nickname": [None, "x"]},
    )
    gone = AuditEntryFactory(model_label="emulation.Officer", changes={"unit": [None, 987654]})
    with translation.override("vi"):
        rows = audit_display.readable([moved, gone])
    assert [(c.label, c.before, c.after) for c in rows[0].changes] == [
        ("Đơn vị công tác hiện tại", unit_a.name, unit_b.name),
        ("Đang công tác", "Có", "Không"),
        ("Nickname", "—", "x"),
    ]
    assert [(c.before, c.after) for c in rows[1].changes] == [("—", "#987654 (đã xóa)")]
    assert (rows[0].kind, rows[0].entry) == ("Cán bộ", moved)


def _entries(rows: int, staff, unit_a, unit_b):
    """``rows`` entries of several kinds whose changes point to units, campaigns, officers and accounts."""
    campaign = CampaignFactory()
    officers = OfficerFactory.create_batch(3, unit=unit_a)
    for n in range(rows):
        kind = n % 4
        if kind == 0:
            AuditEntryFactory(
                model_label="campaigns.Milestone",
                unit=unit_a,
                changes={
                    "campaign": [None, campaign.pk],
                    "kind": [None, "final_review"],
                    "starts_on": [None, "2026-12-01"],
                },
            )
        elif kind == 1:
            AuditEntryFactory(model_label="emulation.Officer", unit=unit_a, changes={"unit": [unit_a.pk, unit_b.pk]})
        elif kind == 2:
            AuditEntryFactory(
                model_label="campaigns.Result",
                unit=unit_a,
                changes={
                    "officer": [None, officers[n % 3].pk],
                    "returned_by": [None, staff.pk],
                    "money_total": [0, 1_000_000_000],
                },
            )
        else:
            AuditEntryFactory(model_label="campaigns.Plan", unit=unit_a, changes={"year": [2025, 2026]})
    return campaign


@pytest.mark.parametrize("rows", [10, 200])
def test_the_log_page_reads_plainly_in_a_constant_number_of_queries(
    login, staff, unit_a, unit_b, rows, django_assert_max_num_queries
):
    campaign = _entries(rows, staff, unit_a, unit_b)
    client = login(staff)
    with django_assert_max_num_queries(
        15
    ):  # as the plain list, + 4 kinds of object named (campaign, unit, officer, user)
        response = client.get(reverse("emulation:audit_list"))
    page = response.content.decode()
    assert page.count('data-testid="audit-row"') == len(response.context["rows"]) == min(rows, 50)
    for text in (
        f"Phong trào</span>: — → {campaign}",
        "Loại mốc</span>: — → Tổng kết",
        "Từ ngày / ngày</span>: — → 01/12/2026",
        f"Đơn vị công tác hiện tại</span>: {unit_a.name} → {unit_b.name}",
        "Năm</span>: 2025 → 2026",
        "1.000.000.000",
        ">Mốc thời gian<",
        ">Cán bộ<",
    ):
        assert text in page, text
    for raw in ("campaigns.Milestone", "final_review", "2.026", "<code>"):
        assert raw not in page.split('name="model"')[1].split("</select>")[1], raw


def test_the_filter_names_the_kinds_and_still_filters_by_label(login, staff, unit_a, unit_b):
    _entries(4, staff, unit_a, unit_b)
    page = login(staff).get(reverse("emulation:audit_list"), {"model": "campaigns.Milestone"}).content.decode()
    assert '<option value="campaigns.Milestone" selected>Mốc thời gian</option>' in page
    assert page.count('data-testid="audit-row"') == 1


def test_a_real_change_reads_plainly(login, staff, unit_a, unit_b):
    """What a service writes (``audit.record``) reads in the log with the unit's name, not its id."""
    officer = OfficerFactory(unit=unit_a)
    before = audit.snapshot(officer)
    Officer.objects.filter(pk=officer.pk).update(unit=unit_b)
    officer.refresh_from_db()
    audit.record(actor=staff, action="update", obj=officer, before=before)
    entry = AuditEntry.objects.filter(model_label="emulation.Officer").latest("id")
    page = login(staff).get(reverse("emulation:audit_list")).content.decode()
    assert entry.changes["unit"] == [unit_a.pk, unit_b.pk]
    assert f"Đơn vị công tác hiện tại</span>: {unit_a.name} → {unit_b.name}" in page
