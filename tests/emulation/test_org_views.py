"""Units, officers and discipline through the browser-facing views."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from emulation import services
from emulation.models import Assignment, AuditEntry, AwardHold, Discipline, HoldKind, Officer, Role, Unit
from emulation.paging import PER_PAGE
from tests.factories import DisciplineFactory, OfficerFactory, RoleGrantFactory

pytestmark = pytest.mark.integration


def test_anonymous_is_sent_to_login(client, officer_a):
    for url in [reverse("emulation:unit_list"), reverse("emulation:officer_detail", args=[officer_a.pk])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("emulation:login"))


def test_unit_head_sees_only_own_unit(login, head_a, unit_a, unit_b, province):
    page = login(head_a).get(reverse("emulation:unit_list")).content.decode()
    assert unit_a.name in page
    assert unit_b.name not in page
    assert province.name not in page


def test_staff_sees_whole_province(login, staff, unit_a, unit_b):
    page = login(staff).get(reverse("emulation:unit_list")).content.decode()
    assert unit_a.name in page and unit_b.name in page


def test_other_units_pages_are_404_for_a_unit_head(login, head_a, unit_b, officer_b):
    discipline = DisciplineFactory(officer=officer_b)
    client = login(head_a)
    urls = [
        reverse("emulation:unit_detail", args=[unit_b.pk]),
        reverse("emulation:unit_edit", args=[unit_b.pk]),
        reverse("emulation:officer_detail", args=[officer_b.pk]),
        reverse("emulation:officer_edit", args=[officer_b.pk]),
        reverse("emulation:officer_transfer", args=[officer_b.pk]),
        reverse("emulation:discipline_create", args=[officer_b.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("emulation:discipline_delete", args=[discipline.pk])).status_code == 404
    assert Discipline.objects.filter(pk=discipline.pk).exists()


def test_forbidden_actions_in_scope_are_403(login, head_a, viewer, unit_a, officer_a):
    assert login(head_a).get(reverse("emulation:unit_edit", args=[unit_a.pk])).status_code == 403
    assert login(head_a).get(reverse("emulation:discipline_create", args=[officer_a.pk])).status_code == 403
    assert login(viewer).get(reverse("emulation:officer_edit", args=[officer_a.pk])).status_code == 403
    assert login(viewer).get(reverse("emulation:audit_list")).status_code == 403
    assert login(head_a).get(reverse("emulation:audit_list")).status_code == 403


def test_accent_insensitive_officer_search(login, staff, unit_a):
    OfficerFactory(unit=unit_a, full_name="Nguyễn Văn Đức", code="X1")
    OfficerFactory(unit=unit_a, full_name="Trần Thị Mai", code="X2")
    page = login(staff).get(reverse("emulation:officer_list"), {"q": "nguyen van duc"}).content.decode()
    assert "Nguyễn Văn Đức" in page
    assert "Trần Thị Mai" not in page


def test_officer_list_in_vietnamese_given_name_order(login, staff, unit_a):
    for code, name in [("1", "Đặng Văn Ấn"), ("2", "Lê Thị Bùi"), ("3", "Trần Ân"), ("4", "Phạm An")]:
        OfficerFactory(unit=unit_a, full_name=name, code=code)
    page = login(staff).get(reverse("emulation:officer_list")).content.decode()
    positions = [page.index(name) for name in ["Phạm An", "Trần Ân", "Đặng Văn Ấn", "Lê Thị Bùi"]]
    assert positions == sorted(positions)


def test_head_creates_officer_in_own_unit_with_assignment_and_audit(login, head_a, unit_a):
    response = login(head_a).post(reverse("emulation:officer_create"), {
        "code": "A-777", "full_name": "  Hồ   Thị Thu ", "gender": "female", "unit": unit_a.pk,
        "position": "Thư ký thi hành án", "starts_on": "15/11/2024",
    })
    officer = Officer.objects.get(code="A-777")
    assert response.status_code == 302
    assert officer.full_name == "Hồ Thị Thu"
    assignment = Assignment.objects.get(officer=officer)
    assert (assignment.unit, assignment.starts_on.isoformat()) == (unit_a, "2024-11-15")
    entry = AuditEntry.objects.get(model_label="emulation.Officer", object_id=str(officer.pk))
    assert (entry.actor, entry.action, entry.changes["full_name"]) == (head_a, "create", [None, "Hồ Thị Thu"])


def test_head_cannot_create_officer_in_other_unit(login, head_a, unit_b):
    response = login(head_a).post(reverse("emulation:officer_create"), {
        "code": "B-777", "full_name": "Hồ Thị Thu", "gender": "female", "unit": unit_b.pk, "starts_on": "15/11/2024",
    })
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Officer.objects.filter(code="B-777").exists()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("code", "A-\u200b778", "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+200B): hãy gõ lại, không dán từ nơi khác."),
    ("full_name", "Hồ Thị \u202eThu", "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+202E): hãy gõ lại, không dán từ "
                                     "nơi khác."),
    ("birth_date", "01/01/2090", "Ngày sinh không được ở tương lai."),
    ("birth_date", "31/12/1939", "Ngày sinh phải từ 01/01/1940 trở về sau."),
    ("birth_date", "01/01/2010", "Cán bộ phải đủ 18 tuổi khi bắt đầu công tác (ngày sinh 01/01/2010, bắt đầu "
                                 "15/11/2024)."),
])
def test_an_officer_with_hidden_characters_or_an_implausible_birth_date_is_refused(login, head_a, unit_a, field,
                                                                                   value, message):
    data = {"code": "A-778", "full_name": "Hồ Thị Thu", "gender": "female", "unit": unit_a.pk,
            "starts_on": "15/11/2024", field: value}
    response = login(head_a).post(reverse("emulation:officer_create"), data)
    assert (response.status_code, response.context["form"].errors[field]) == (200, [message])
    assert not Officer.objects.filter(full_name__startswith="Hồ Thị").exists()


def test_a_decomposed_name_is_stored_in_nfc(login, head_a, unit_a):
    login(head_a).post(reverse("emulation:officer_create"), {
        "code": "A-779", "full_name": "Nguye\u0302\u0303n Văn Tư", "gender": "male", "unit": unit_a.pk,
        "birth_date": "02/03/1990", "starts_on": "15/11/2024"})
    assert Officer.objects.get(code="A-779").full_name == "Nguyễn Văn Tư"


def test_bad_dates_rerender_and_save_nothing(login, staff, officer_a):
    before = (Discipline.objects.count(), AuditEntry.objects.count())
    response = login(staff).post(reverse("emulation:discipline_create", args=[officer_a.pk]), {
        "form": "warning", "decided_on": "15/11/2024", "ends_on": "01/11/2024", "related_to_duties": "on",
    })
    assert response.status_code == 200
    assert "Ngày chấp hành xong kỷ luật phải sau ngày quyết định." in response.content.decode()
    assert (Discipline.objects.count(), AuditEntry.objects.count()) == before


def test_day_month_order_is_vietnamese(login, staff, officer_a):
    login(staff).post(reverse("emulation:discipline_create", args=[officer_a.pk]), {
        "form": "reprimand", "decided_on": "05/11/2024", "ends_on": "15/11/2025", "related_to_duties": "on",
    })
    discipline = Discipline.objects.get(officer=officer_a)
    assert (discipline.decided_on.day, discipline.decided_on.month) == (5, 11)


def test_unit_end_before_start_is_refused(login, staff, province):
    count = Unit.objects.count()
    response = login(staff).post(reverse("emulation:unit_create"), {
        "code": "HG-NEW", "name": "Phòng THADS khu vực 1", "kind": "sub_department", "parent": province.pk,
        "valid_from": "01/07/2025", "valid_to": "30/06/2025",
    })
    assert response.status_code == 200
    assert "Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực." in response.content.decode()
    assert Unit.objects.count() == count


def test_transfer_closes_old_assignment_and_is_audited(login, staff, officer_a, unit_a, unit_b):
    Assignment.objects.create(officer=officer_a, unit=unit_a, starts_on="2020-01-01")
    response = login(staff).post(reverse("emulation:officer_transfer", args=[officer_a.pk]), {
        "unit": unit_b.pk, "starts_on": "01/07/2025", "position": "Chấp hành viên trung cấp",
    })
    assert response.status_code == 302
    officer_a.refresh_from_db()
    history = list(officer_a.assignments.order_by("starts_on").values_list("unit_id", "ends_on"))
    assert officer_a.unit == unit_b
    assert [h[0] for h in history] == [unit_a.pk, unit_b.pk]
    assert history[0][1].isoformat() == "2025-07-01" and history[1][1] is None
    entry = AuditEntry.objects.filter(model_label="emulation.Officer").latest("at")
    assert entry.changes["unit"] == [unit_a.pk, unit_b.pk]


def test_audit_trail_visible_to_staff(login, staff, officer_a):
    login(staff).post(reverse("emulation:officer_edit", args=[officer_a.pk]), {
        "full_name": "Nguyễn Văn Ân", "gender": "male", "position": "Chấp hành viên", "is_active": "on",
    })
    page = login(staff).get(reverse("emulation:audit_list")).content.decode()
    assert "Nguyễn Văn An" in page and "Nguyễn Văn Ân" in page
    assert "thuongtruc" in page


def _rows_rendered(response) -> int:
    """The rows of the page, each with its link on the page."""
    page, shown = response.content.decode(), list(response.context["page_obj"])
    assert all(f'href="{row.get_absolute_url()}"' in page for row in shown)
    return len(shown)


@pytest.mark.parametrize("rows", [10, 200])
def test_officer_list_query_count_is_constant(login, staff, unit_a, rows, django_assert_max_num_queries):
    OfficerFactory.create_batch(rows, unit=unit_a)
    client = login(staff)
    with django_assert_max_num_queries(11):  # + the succession links, + 3: the idle-session refresh
        response = client.get(reverse("emulation:officer_list"))
    assert _rows_rendered(response) == min(rows, PER_PAGE)


@pytest.mark.parametrize("rows", [10, 200])
def test_unit_list_query_count_is_constant(login, staff, province, rows, django_assert_max_num_queries):
    from tests.factories import UnitFactory
    UnitFactory.create_batch(rows, parent=province)
    client = login(staff)
    with django_assert_max_num_queries(10):  # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
        response = client.get(reverse("emulation:unit_list"))
    assert _rows_rendered(response) == min(rows + 1, 50)  # the province and its units, 50 a page


@pytest.mark.parametrize("rows", [10, 200])
def test_audit_list_query_count_is_constant(login, staff, unit_a, rows, django_assert_max_num_queries):
    OfficerFactory.create_batch(rows, unit=unit_a)
    from emulation import audit
    for officer in Officer.objects.all():
        audit.record(actor=staff, action="create", obj=officer)
    client = login(staff)
    with django_assert_max_num_queries(12):  # + the officers' units by name, + 3: the idle-session refresh
        response = client.get(reverse("emulation:audit_list"))
    page, shown = response.content.decode(), list(response.context["page_obj"])
    assert len(shown) == min(rows, 50) and all(e.object_repr in page for e in shown)


def test_admin_edits_of_units_are_audited(client, province, unit_a):
    from tests.factories import UserFactory

    admin_user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin_user)
    response = client.post(reverse("admin:emulation_unit_change", args=[unit_a.pk]), {
        "code": unit_a.code, "name": "Chi cục THADS thành phố Vị Thanh (đổi tên)", "kind": unit_a.kind,
        "parent": province.pk, "successions_out-TOTAL_FORMS": "0", "successions_out-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model_label="emulation.Unit", actor=admin_user)
    assert entry.changes["name"][1] == "Chi cục THADS thành phố Vị Thanh (đổi tên)"
    unit_a.refresh_from_db()
    assert unit_a.search_key.startswith("chi cuc thads thanh pho vi thanh")


def test_the_admin_checks_names_and_dates_as_the_app_does(client, province, unit_a, officer_a):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(reverse("admin:emulation_officer_change", args=[officer_a.pk])).content.decode()
    assert all(f'name="{field}"' in page for field in ("code", "unit", "full_name", "birth_date", "is_active"))
    response = client.post(reverse("admin:emulation_unit_change", args=[unit_a.pk]), {
        "code": unit_a.code, "name": "Chi cục\u200b Vị Thanh", "kind": unit_a.kind, "parent": province.pk,
        "successions_out-TOTAL_FORMS": "0", "successions_out-INITIAL_FORMS": "0"})
    assert response.status_code == 200 and "U+200B" in response.content.decode()
    response = client.post(reverse("admin:emulation_unit_change", args=[province.pk]), {
        "code": province.code, "name": province.name, "kind": province.kind, "parent": unit_a.pk,
        "successions_out-TOTAL_FORMS": "0", "successions_out-INITIAL_FORMS": "0"})
    assert "không được là chính nó hoặc đơn vị cấp dưới của nó" in response.content.decode()
    response = client.post(reverse("admin:emulation_officer_change", args=[officer_a.pk]), {
        "code": "CB\u202e01", "full_name": officer_a.full_name, "gender": officer_a.gender, "unit": unit_a.pk,
        "birth_date": "01/01/2090", "position": officer_a.position, "is_active": "on",
        "assignments-TOTAL_FORMS": "0", "assignments-INITIAL_FORMS": "0",
        "disciplines-TOTAL_FORMS": "0", "disciplines-INITIAL_FORMS": "0"})
    text = response.content.decode()
    assert response.status_code == 200 and "U+202E" in text and "Ngày sinh không được ở tương lai." in text
    unit_a.refresh_from_db(), province.refresh_from_db(), officer_a.refresh_from_db()
    assert "\u200b" not in unit_a.name and province.parent_id != unit_a.pk and officer_a.code != "CB\u202e01"


def test_staff_record_and_close_an_award_hold(login, staff, head_a, officer_a):
    client = login(staff)
    response = client.post(reverse("emulation:hold_create", args=[officer_a.pk]), {
        "kind": "investigation", "opened_on": "15/05/2024", "note": "Kiểm tra hồ sơ kê biên"})
    assert response.status_code == 302
    hold = AwardHold.objects.get(officer=officer_a)
    bad = client.post(reverse("emulation:hold_edit", args=[officer_a.pk, hold.pk]), {
        "kind": "investigation", "opened_on": "15/05/2024", "closed_on": "01/05/2024"})
    assert "Ngày kết thúc phải sau ngày bắt đầu xem xét." in bad.content.decode()
    client.post(reverse("emulation:hold_edit", args=[officer_a.pk, hold.pk]), {
        "kind": "investigation", "opened_on": "15/05/2024", "closed_on": "30/06/2024"})
    hold.refresh_from_db()
    assert hold.closed_on.isoformat() == "2024-06-30"
    assert list(AuditEntry.objects.filter(model_label="emulation.AwardHold").values_list("action", flat=True)) == [
        "update", "create"]
    assert login(head_a).get(reverse("emulation:hold_create", args=[officer_a.pk])).status_code == 403


def test_ids_in_links_and_options_are_not_localised(login, staff, province):
    """With thousands grouping on, {{ pk }} would render 12.345 and break links and filters."""
    from tests.factories import UnitFactory

    UnitFactory(pk=12345, code="BIG", name="Đơn vị có mã lớn", parent=province)
    page = login(staff).get(reverse("emulation:officer_list")).content.decode()
    assert 'value="12345"' in page and "12.345" not in page


UNIT_HOLD = {"kind": "investigation", "opened_on": "02/07/2024", "note": "Thanh tra công tác kê biên của Chi cục"}


def test_staff_open_a_hold_against_a_collective_from_the_unit_page(login, staff, unit_a):
    client = login(staff)
    page = client.get(unit_a.get_absolute_url()).content.decode()
    assert reverse("emulation:unit_hold_create", args=[unit_a.pk]) in page
    response = client.post(reverse("emulation:unit_hold_create", args=[unit_a.pk]), UNIT_HOLD)
    assert (response.status_code, response["Location"]) == (302, unit_a.get_absolute_url())
    hold = AwardHold.objects.get()
    assert (hold.unit, hold.officer, hold.kind, hold.closed_on) == (unit_a, None, HoldKind.INVESTIGATION, None)
    entry = AuditEntry.objects.get(model_label="emulation.AwardHold")
    assert (entry.action, entry.unit_id, entry.actor) == ("create", unit_a.pk, staff)
    page = client.get(unit_a.get_absolute_url()).content.decode()
    assert "Đang điều tra, thanh tra, kiểm tra: 02/07/2024 – đang xem xét · Thanh tra công tác kê biên" in page

    bad = client.post(reverse("emulation:unit_hold_edit", args=[unit_a.pk, hold.pk]),
                      {**UNIT_HOLD, "closed_on": "01/07/2024"})
    assert "Ngày kết thúc phải sau ngày bắt đầu xem xét." in bad.content.decode()
    hold.refresh_from_db()
    assert hold.closed_on is None
    client.post(reverse("emulation:unit_hold_edit", args=[unit_a.pk, hold.pk]),
                {**UNIT_HOLD, "closed_on": "30/07/2024"})
    hold.refresh_from_db()
    assert hold.closed_on.isoformat() == "2024-07-30"


def test_only_staff_over_the_unit_open_a_collective_hold(login, head_a, head_b, unit_a, unit_b):
    """The unit's own head may read the page but not open a case (403); another unit's head or
    staff do not see the unit at all (404). Nothing is saved."""
    staff_b = RoleGrantFactory(user__username="thuongtruc_b", role=Role.STAFF, unit=unit_b).user
    url = reverse("emulation:unit_hold_create", args=[unit_a.pk])
    assert reverse("emulation:unit_hold_create", args=[unit_a.pk]) not in login(head_a).get(
        unit_a.get_absolute_url()).content.decode()
    for user, status in ((head_a, 403), (head_b, 404), (staff_b, 404)):
        client = login(user)
        assert (client.get(url).status_code, client.post(url, UNIT_HOLD).status_code) == (status, status), user
    assert AwardHold.objects.count() == 0


def test_a_hold_is_edited_only_through_its_own_subject(login, staff, unit_a, unit_b, officer_a):
    hold = AwardHold.objects.create(unit=unit_a, kind=HoldKind.COMPLAINT, opened_on="2024-07-02")
    client = login(staff)
    for url in (reverse("emulation:unit_hold_edit", args=[unit_b.pk, hold.pk]),
                reverse("emulation:hold_edit", args=[officer_a.pk, hold.pk])):
        assert client.post(url, {**UNIT_HOLD, "closed_on": "03/07/2024"}).status_code == 404
    hold.refresh_from_db()
    assert hold.closed_on is None


def test_the_hold_service_takes_a_collective_and_refuses_staff_of_another_unit(staff, unit_a, unit_b):
    staff_b = RoleGrantFactory(user__username="thuongtruc_b", role=Role.STAFF, unit=unit_b).user
    with pytest.raises(PermissionDenied):
        services.save_award_hold(actor=staff_b, hold=AwardHold(unit=unit_a, kind=HoldKind.COMPLAINT,
                                                               opened_on="2024-07-02"))
    hold = services.save_award_hold(actor=staff, hold=AwardHold(unit=unit_a, kind=HoldKind.COMPLAINT,
                                                                opened_on="2024-07-02"))
    assert list(AwardHold.objects.values_list("pk", "unit_id", "officer_id")) == [(hold.pk, unit_a.pk, None)]
