"""Pages of the register of initiatives: scoped to the user's units (another unit's answers 404),
viewers read only (403 on changes), bad input saves nothing, constant query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Initiative, InitiativeAuthor, InitiativeScope
from emulation.models import AuditEntry
from tests.factories import InitiativeAuthorFactory, OfficerFactory
from tests.samples import JPEG, PDF

pytestmark = pytest.mark.integration


def url(name, *args):
    return reverse(f"awards:{name}", args=args)


@pytest.fixture
def initiative_a(officer_a):
    share = InitiativeAuthorFactory(initiative__unit=officer_a.unit, initiative__title="Số hóa hồ sơ thi hành án",
                                    initiative__decision_number="45/QĐ-THADS", officer=officer_a)
    return share.initiative


@pytest.fixture
def initiative_b(officer_b):
    share = InitiativeAuthorFactory(initiative__unit=officer_b.unit, initiative__title="Tiếp dân theo lịch hẹn",
                                    initiative__scope=InitiativeScope.MINISTRY,
                                    initiative__decided_on=datetime.date(2024, 3, 5), officer=officer_b)
    return share.initiative


def form_data(unit, authors, **values):
    data = {"unit": unit.pk, "kind": "initiative", "title": "Sổ theo dõi án tồn đọng điện tử",
            "field": "Tổ chức thi hành án", "scope": "grassroots", "decision_number": "12/QĐ-THADS",
            "decided_on": "15/12/2023", "decided_by": "Hội đồng sáng kiến Thi hành án dân sự tỉnh Hậu Giang",
            "result": "Áp dụng tại 3 Chi cục", "authors-TOTAL_FORMS": "3", "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "20", **values}
    for index, (officer, share) in enumerate(authors):
        data[f"authors-{index}-officer"], data[f"authors-{index}-share"] = officer.pk, share
    return data


def test_anonymous_is_sent_to_login(client, initiative_a):
    for target in (url("initiative_list"), url("initiative_detail", initiative_a.pk), url("initiative_create")):
        response = client.get(target)
        assert (response.status_code, response.url.split("?")[0]) == (302, reverse("emulation:login"))


def test_unit_head_sees_only_own_unit(login, initiative_a, initiative_b, head_a):
    response = login(head_a).get(url("initiative_list"))
    assert [i.pk for i in response.context["page_obj"]] == [initiative_a.pk]
    html = response.content.decode()
    assert "Số hóa hồ sơ thi hành án" in html and "Nguyễn Văn An (100%)" in html
    assert "Tiếp dân theo lịch hẹn" not in html


def test_other_unit_head_gets_404_everywhere(login, initiative_a, head_b):
    client = login(head_b)
    for target in (url("initiative_detail", initiative_a.pk), url("initiative_edit", initiative_a.pk),
                   url("initiative_attachment", initiative_a.pk)):
        assert client.get(target).status_code == 404, target
    assert client.post(url("initiative_delete", initiative_a.pk)).status_code == 404
    assert Initiative.objects.filter(pk=initiative_a.pk).exists()


def test_viewer_reads_but_may_not_change(login, initiative_a, viewer, unit_a, officer_a):
    client = login(viewer)
    response = client.get(url("initiative_detail", initiative_a.pk))
    assert (response.status_code, response.context["can_edit"]) == (200, False)
    assert 'data-testid="initiative-edit"' not in response.content.decode()
    assert client.get(url("initiative_edit", initiative_a.pk)).status_code == 403
    assert client.get(url("initiative_create")).status_code == 403
    assert client.post(url("initiative_create"), form_data(unit_a, [(officer_a, 100)])).status_code == 403
    assert client.post(url("initiative_delete", initiative_a.pk)).status_code == 403
    assert Initiative.objects.count() == 1


def test_detail_shows_decision_and_authors(login, initiative_a, head_a):
    html = login(head_a).get(url("initiative_detail", initiative_a.pk)).content.decode()
    assert "Số 45/QĐ-THADS ngày 12/12/2023 của Thi hành án dân sự tỉnh Hậu Giang" in html
    assert "Nguyễn Văn An" in html and "100%" in html


def test_unit_head_creates_an_initiative_with_two_authors(login, unit_a, officer_a, head_a, media_root):
    colleague = OfficerFactory(unit=unit_a, full_name="Lê Thị Cúc")
    data = form_data(unit_a, [(officer_a, 60), (colleague, 40)], attachment=SimpleUploadedFile("qd.pdf", PDF))
    response = login(head_a).post(url("initiative_create"), data)
    initiative = Initiative.objects.get()
    assert response.url == url("initiative_detail", initiative.pk)
    assert (initiative.decided_on, initiative.created_by, initiative.scope) == (
        datetime.date(2023, 12, 15), head_a, "grassroots")
    assert list(initiative.authors.values_list("officer__full_name", "share")) == [("Nguyễn Văn An", 60),
                                                                                  ("Lê Thị Cúc", 40)]
    assert initiative.attachment.name.endswith("-qd.pdf")
    entry = AuditEntry.objects.get(model_label="awards.Initiative", object_id=str(initiative.pk))
    assert (entry.action, entry.unit_id, entry.changes["authors"]) == (
        "create", unit_a.pk, [None, "Nguyễn Văn An (60%), Lê Thị Cúc (40%)"])
    download = login(head_a).get(url("initiative_attachment", initiative.pk))
    assert (download.status_code, download["Content-Type"]) == (200, "application/pdf")
    download.close()


@pytest.mark.parametrize(("authors", "message"), [
    ([(0, 60), (1, 30)], "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)."),
    ([(0, 60), (0, 40)], "Mỗi tác giả chỉ được nhập một lần."),
    ([], "Nhập ít nhất một tác giả."),
])
def test_bad_authors_save_nothing(login, unit_a, officer_a, head_a, authors, message):
    people = [officer_a, OfficerFactory(unit=unit_a)]
    response = login(head_a).post(url("initiative_create"),
                                  form_data(unit_a, [(people[index], share) for index, share in authors]))
    assert response.status_code == 200
    assert response.context["formset"].non_form_errors() == [message]
    assert message in response.content.decode()
    assert (Initiative.objects.count(), InitiativeAuthor.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


def test_bad_fields_are_named_and_nothing_is_saved(login, unit_a, unit_b, officer_a, head_a, media_root):
    data = form_data(unit_b, [(officer_a, 100)], decided_on="31/02/2023", decision_number="", scope="village",
                     attachment=SimpleUploadedFile("qd.pdf", JPEG))
    data["authors-0-share"] = ""
    response = login(head_a).post(url("initiative_create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"unit", "decided_on", "decision_number", "scope", "attachment"}
    assert response.context["formset"].errors[0] == {"share": ["Nhập tỷ lệ đóng góp của tác giả."]}
    assert "Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới." in response.content.decode()
    assert Initiative.objects.count() == 0


def test_edit_replaces_the_authors_and_is_audited(login, initiative_a, officer_a, unit_a, head_a):
    colleague = OfficerFactory(unit=unit_a, full_name="Lê Thị Cúc")
    data = form_data(unit_a, [(officer_a, 70), (colleague, 30)], title="Số hóa hồ sơ thi hành án (bản 2)",
                     **{"authors-INITIAL_FORMS": "1"})
    response = login(head_a).post(url("initiative_edit", initiative_a.pk), data)
    assert response.url == url("initiative_detail", initiative_a.pk)
    assert list(initiative_a.authors.values_list("officer__full_name", "share")) == [("Nguyễn Văn An", 70),
                                                                                    ("Lê Thị Cúc", 30)]
    entry = AuditEntry.objects.get(model_label="awards.Initiative", action="update")
    assert entry.changes["authors"] == ["Nguyễn Văn An (100%)", "Nguyễn Văn An (70%), Lê Thị Cúc (30%)"]
    assert entry.changes["title"] == ["Số hóa hồ sơ thi hành án", "Số hóa hồ sơ thi hành án (bản 2)"]


def test_a_refused_edit_keeps_the_authors(login, initiative_a, officer_a, unit_a, head_a):
    colleague = OfficerFactory(unit=unit_a)
    response = login(head_a).post(url("initiative_edit", initiative_a.pk),
                                  form_data(unit_a, [(officer_a, 70), (colleague, 20)], title="Tên mới"))
    assert response.status_code == 200
    initiative_a.refresh_from_db()
    assert (initiative_a.title, list(initiative_a.authors.values_list("share", flat=True))) == (
        "Số hóa hồ sơ thi hành án", [100])


def test_an_author_outside_the_users_units_is_refused(login, unit_a, officer_a, officer_b, head_a):
    response = login(head_a).post(url("initiative_create"), form_data(unit_a, [(officer_a, 50), (officer_b, 50)]))
    assert response.status_code == 200
    assert "officer" in response.context["formset"].errors[1]
    assert Initiative.objects.count() == 0


def test_staff_deletes_and_the_deletion_is_audited(login, initiative_a, staff):
    response = login(staff).post(url("initiative_delete", initiative_a.pk))
    assert response.url == url("initiative_list")
    assert Initiative.objects.count() == 0
    entry = AuditEntry.objects.get(model_label="awards.Initiative", action="delete")
    assert entry.changes["authors"] == ["Nguyễn Văn An (100%)", None]


def test_list_filters_by_year_and_scope(login, initiative_a, initiative_b, staff):
    client = login(staff)
    assert [i.pk for i in client.get(url("initiative_list"), {"year": "2023"}).context["page_obj"]] == [initiative_a.pk]
    assert [i.pk for i in client.get(url("initiative_list"), {"scope": "ministry"}).context["page_obj"]] == [
        initiative_b.pk]
    assert [i.pk for i in client.get(url("initiative_list"), {"year": "2024", "scope": "grassroots"})
            .context["page_obj"]] == []
    assert client.get(url("initiative_list"), {"year": "0"}).status_code == 200
    response = client.get(url("initiative_list"), {"year": "hai nghìn"})
    assert [i.pk for i in response.context["page_obj"]] == [initiative_b.pk, initiative_a.pk]
    assert response.context["years"] == [2024, 2023]


def test_officer_page_lists_their_initiatives(login, initiative_a, officer_a, head_a):
    html = login(head_a).get(reverse("emulation:officer_detail", args=[officer_a.pk])).content.decode()
    assert 'data-testid="officer-initiatives"' in html
    assert url("initiative_detail", initiative_a.pk) in html and "Số hóa hồ sơ thi hành án" in html


def _fill(unit, officers, count):
    rows = Initiative.objects.bulk_create(
        Initiative(unit=unit, title=f"Sáng kiến {n}", scope="grassroots", decision_number=f"{n}/QĐ",
                   decided_on=datetime.date(2023, 1, 1) + datetime.timedelta(days=n), decided_by="Cục THADS")
        for n in range(Initiative.objects.count(), count))
    InitiativeAuthor.objects.bulk_create(InitiativeAuthor(initiative=i, officer=o, share=50, position=p)
                                         for i in rows for p, o in enumerate(officers))


@pytest.mark.parametrize("user_fixture", ["staff", "head_a"])
def test_list_query_count_is_constant(request, login, unit_a, officer_a, django_assert_max_num_queries,
                                      user_fixture):
    client = login(request.getfixturevalue(user_fixture))
    officers = [officer_a, OfficerFactory(unit=unit_a)]
    for count, shown, page in ((10, 10, 1), (200, 25, 8)):
        _fill(unit_a, officers, count)
        with django_assert_max_num_queries(12):  # + the succession links, + 3: the idle-session refresh
            response = client.get(url("initiative_list"), {"page": page})
        assert len(response.context["page_obj"]) == shown
        assert response.content.decode().count('data-testid="initiative-row"') == shown
