"""Plans through the views: list, search and filters, the document page, create and edit."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Plan
from emulation.models import AuditEntry
from tests.factories import CampaignFactory, PlanFactory

pytestmark = pytest.mark.integration


def _plan_post(issuer, **overrides):
    data = {"issuer": issuer.pk, "number": "12", "symbol": "KH-CTHADS", "year": "2024", "issued_on": "20/03/2024",
            "place": "Hậu Giang", "title": "Phát động đợt thi đua cao điểm năm 2024",
            "theme": "Thi đua lập thành tích", "legal_basis": "Kế hoạch số 1046/KH-TCTHADS ngày 20/3/2024",
            "recipients": "- Tổng cục THADS;\n- Lưu: VT.", "signer_name": "Lê Phước Toàn", "signer_title": "CỤC TRƯỞNG"}
    return {k: v for k, v in (data | overrides).items() if v is not None}


def test_list_shows_visible_plans_with_campaign_counts(login, staff, province_plan, plan_a, plan_b):
    response = login(staff).get(reverse("campaigns:plan_list"))
    page = response.content.decode()
    assert [p.pk for p in response.context["page_obj"]] == [plan_b.pk, plan_a.pk, province_plan.pk]
    assert "Kế hoạch phát động đợt thi đua cao điểm" in page and "12/KH-CTHADS" in page
    assert {p.pk: p.campaign_count for p in response.context["page_obj"]} == {
        province_plan.pk: 1, plan_a.pk: 0, plan_b.pk: 0}


@pytest.mark.parametrize("query", ["cao diem", "CAO ĐIỂM", "  cao   điem "])
def test_search_ignores_accents_and_case(login, staff, province, query):
    PlanFactory(issuer=province, title="Phát động đợt thi đua cao điểm năm 2024")
    PlanFactory(issuer=province, title="Kế hoạch văn hóa công sở")
    page = login(staff).get(reverse("campaigns:plan_list"), {"q": query}).content.decode()
    assert "Phát động đợt thi đua cao điểm năm 2024" in page and "văn hóa công sở" not in page


def test_search_by_signer_name(login, staff, province):
    PlanFactory(issuer=province, title="Kế hoạch do ông Nguyễn Văn Hùng ký", signer_name="Nguyễn Văn Hùng")
    PlanFactory(issuer=province, title="Kế hoạch khác", signer_name="Lê Phước Toàn")
    response = login(staff).get(reverse("campaigns:plan_list"), {"q": "nguyen van"})
    assert [p.title for p in response.context["page_obj"]] == ["Kế hoạch do ông Nguyễn Văn Hùng ký"]


def test_filters_by_year_issuer_and_campaign_kind(login, staff, province, unit_a):
    old = PlanFactory(issuer=province, year=2023, issued_on=datetime.date(2023, 1, 5), title="Kế hoạch năm 2023")
    CampaignFactory(plan=old, kind="annual")
    own = PlanFactory(issuer=unit_a, title="Kế hoạch của Chi cục")
    CampaignFactory(plan=own, kind="peak")
    client = login(staff)

    def titles(**params):
        return [p.title for p in client.get(reverse("campaigns:plan_list"), params).context["page_obj"]]

    assert titles(year="2023") == ["Kế hoạch năm 2023"]
    assert titles(issuer=str(unit_a.pk)) == ["Kế hoạch của Chi cục"]
    assert titles(kind="annual") == ["Kế hoạch năm 2023"]
    assert titles(year="x", issuer="y") == ["Kế hoạch của Chi cục", "Kế hoạch năm 2023"]


def test_list_paginates_and_keeps_filters(login, staff, province):
    for _ in range(30):
        PlanFactory(issuer=province, title="Kế hoạch cao điểm")
    response = login(staff).get(reverse("campaigns:plan_list"), {"q": "cao diem", "page": "2"})
    assert len(response.context["page_obj"]) == 5
    assert "q=cao+diem&amp;page=1" in response.content.decode()


def test_detail_reads_like_the_document(login, staff, province, province_plan):
    child = PlanFactory(issuer=province, parent=province_plan, number=3, title="Kế hoạch thực hiện",
                        issued_on=None, place="Vị Thanh", legal_basis="Căn cứ Luật Thi đua, khen thưởng;\n\n"
                        "Thực hiện Kế hoạch số 12/KH-CTHADS;", recipients="- Cục THADS;\n- Lưu: VT.",
                        signer_name="Lê Phước Toàn", signer_title="Chi cục trưởng")
    page = login(staff).get(reverse("campaigns:plan_detail", args=[child.pk])).content.decode()
    for text in ["Số: 03/KH-CTHADS", "Vị Thanh, năm 2024", "chưa ghi ngày", "Kế hoạch thực hiện",
                 "<p class=\"mb-1\">Căn cứ Luật Thi đua, khen thưởng;</p>", "Thực hiện Kế hoạch số",
                 province_plan.get_absolute_url(), "Nơi nhận", "<div>- Lưu: VT.</div>", "Lê Phước Toàn"]:
        assert text in page
    parent_page = login(staff).get(reverse("campaigns:plan_detail", args=[province_plan.pk])).content.decode()
    assert "20/03/2024" in parent_page and "ngày 20 tháng 3 năm 2024" in parent_page
    assert "Đợt thi đua cao điểm năm 2024" in parent_page and child.get_absolute_url() in parent_page
    assert 'data-testid="plan-edit"' in parent_page and 'data-testid="campaign-create"' in parent_page


def test_unit_head_reads_provincial_plan_without_edit_buttons(login, head_a, province_plan):
    client = login(head_a)
    page = client.get(reverse("campaigns:plan_detail", args=[province_plan.pk])).content.decode()
    assert province_plan.title in page and 'data-testid="plan-edit"' not in page
    assert 'data-testid="campaign-create"' not in page and 'data-testid="file-subplan"' in page
    assert client.get(reverse("campaigns:plan_edit", args=[province_plan.pk])).status_code == 403
    assert client.post(reverse("campaigns:plan_edit", args=[province_plan.pk]),
                       _plan_post(province_plan.issuer, title="Sửa trộm")).status_code == 403
    province_plan.refresh_from_db()
    assert province_plan.title == "Kế hoạch phát động đợt thi đua cao điểm"


def test_staff_creates_a_plan_audited(login, staff, province):
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province))
    plan = Plan.objects.get(title="Phát động đợt thi đua cao điểm năm 2024")
    assert response["Location"] == plan.get_absolute_url()
    assert (plan.reference, plan.issued_on, plan.created_by) == ("12/KH-CTHADS", datetime.date(2024, 3, 20), staff)
    assert plan.search_key.startswith("12/kh-cthads phat dong dot thi dua cao diem")
    entry = AuditEntry.objects.get(model_label="campaigns.Plan", object_id=str(plan.pk))
    assert (entry.action, entry.actor, entry.changes["title"]) == ("create", staff, [None, plan.title])


def test_staff_edits_a_plan_audited(login, staff, province_plan):
    response = login(staff).post(reverse("campaigns:plan_edit", args=[province_plan.pk]), _plan_post(
        province_plan.issuer, title="Kế hoạch đã sửa", number="12"))
    assert response["Location"] == province_plan.get_absolute_url()
    entry = AuditEntry.objects.get(model_label="campaigns.Plan", action="update")
    assert entry.changes["title"] == ["Kế hoạch phát động đợt thi đua cao điểm", "Kế hoạch đã sửa"]


def test_duplicate_number_is_refused_and_nothing_saved(login, staff, province):
    PlanFactory(issuer=province, number=12, symbol="KH-CTHADS", year=2024)
    before = (Plan.objects.count(), AuditEntry.objects.count())
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province))
    assert response.status_code == 200
    assert "Đơn vị ban hành đã có kế hoạch cùng số và ký hiệu trong năm này." in response.content.decode()
    assert (Plan.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize("overrides", [
    {"year": "2023", "issued_on": "10/01/2023"}, {"symbol": "KH-UBND"}, {"number": "13"}, {"number": None},
])
def test_same_number_is_fine_when_year_symbol_or_number_differ(login, staff, province, overrides):
    PlanFactory(issuer=province, number=12, symbol="KH-CTHADS", year=2024)
    PlanFactory(issuer=province, number=None, symbol="KH-CTHADS", year=2024)
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province, **overrides))
    assert response.status_code == 302


@pytest.mark.parametrize(("field", "value", "message"), [
    ("symbol", "kh ctHADS!", "Ký hiệu gồm chữ in hoa và số"),
    ("symbol", "KH", "Ký hiệu gồm chữ in hoa và số"),
    ("issued_on", "20/03/2023", "Ngày ban hành phải thuộc năm 2024 của kế hoạch."),
    ("issued_on", "31/02/2024", "Nhập một ngày hợp lệ."),
    ("year", "1800", "Năm không hợp lệ."),
    ("title", "", "Trường này là bắt buộc."),
    ("title", "Kế hoạch\u200b thi đua", "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+200B)"),
    ("issued_on", "20/03/2040", "Ngày 20/03/2040 không hợp lý: chỉ nhận từ 01/01/2000 đến"),
])
def test_bad_input_rerenders_with_message_and_saves_nothing(login, staff, province, field, value, message):
    count = Plan.objects.count()
    response = login(staff).post(reverse("campaigns:plan_create"), _plan_post(province, **{field: value}))
    assert message in response.content.decode()
    assert Plan.objects.count() == count


def test_symbol_is_normalised_and_may_hold_d_stroke(login, staff, province):
    login(staff).post(reverse("campaigns:plan_create"), _plan_post(province, symbol=" kh-đtn "))
    assert Plan.objects.get().symbol == "KH-ĐTN"


def test_issuer_outside_the_users_units_is_refused(login, head_a, unit_b):
    response = login(head_a).post(reverse("campaigns:plan_create"), _plan_post(unit_b, symbol="KH-CCTHADS"))
    assert "issuer" in response.context["form"].errors
    assert not Plan.objects.exists()


def test_a_plan_cannot_implement_its_own_sub_plan(login, staff, province, province_plan):
    child = PlanFactory(issuer=province, parent=province_plan)
    response = login(staff).post(reverse("campaigns:plan_edit", args=[province_plan.pk]),
                                 _plan_post(province, parent=child.pk))
    assert "Kế hoạch không thể thực hiện chính nó" in response.content.decode()
    province_plan.refresh_from_db()
    assert province_plan.parent is None


def test_viewer_and_director_cannot_create_plans(login, viewer, director, province):
    for user in (viewer, director):
        client = login(user)
        assert client.get(reverse("campaigns:plan_create")).status_code == 403
        assert client.post(reverse("campaigns:plan_create"), _plan_post(province)).status_code == 403
        assert 'data-testid="plan-create"' not in client.get(reverse("campaigns:plan_list")).content.decode()
    assert not Plan.objects.exists()


def test_create_form_prefills_sub_plan_for_a_unit_head(login, head_a, unit_a, province_plan):
    response = login(head_a).get(reverse("campaigns:plan_create"), {"parent": province_plan.pk})
    form = response.context["form"]
    assert (form.initial["parent"], form.initial["issuer"], form.initial["year"]) == (province_plan.pk, unit_a.pk, 2024)
    assert list(form.fields["issuer"].queryset) == [unit_a]
    assert "Thực hiện Kế hoạch số 12/KH-CTHADS" in response.content.decode()
