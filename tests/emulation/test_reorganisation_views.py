"""Reorganisation pages, succession links that never 404, inherited history and the "valid units" filters."""

import datetime

import pytest
from django.urls import reverse

from awards.models import AwardRecord
from emulation import reorganisation_services as services
from emulation import selectors
from emulation.models import Officer, Reorganisation, Unit, UnitKind, UnitSuccession
from tests.factories import OfficerFactory, UnitFactory

D = datetime.date
pytestmark = pytest.mark.integration


def _html(response):
    return response.content.decode()


# --- the reorganisation pages -------------------------------------------------------------------------------

def test_list_is_scoped(login, merger, staff, head_a, other_staff):
    row = 'data-testid="reorganisation-row"'
    assert _html(login(staff).get(reverse("emulation:reorganisation_list"))).count(row) == 1
    assert _html(login(other_staff).get(reverse("emulation:reorganisation_list"))).count(row) == 0
    page = _html(login(head_a).get(reverse("emulation:reorganisation_list")))
    assert (page.count(row), 'data-testid="reorganisation-create"' in page) == (1, False)


def test_create_is_for_staff(client, login, head_a, staff):
    url = reverse("emulation:reorganisation_create")
    assert client.get(url).status_code == 302
    assert login(head_a).get(url).status_code == 403
    page = _html(login(staff).get(url))
    assert "Chi cục trưởng → Trưởng Phòng Thi hành án dân sự khu vực" in page  # the default mapping


def _form(unit_a, unit_b, area, **extra):
    return {"kind": "merge", "decision_number": "120/QĐ-CTHADS", "decision_date": "25/06/2025",
            "issuer": "Cục trưởng Cục THADS tỉnh Hậu Giang", "effective_on": "01/07/2025",
            "predecessors": [unit_a.pk, unit_b.pk], "successor": area.pk,
            "mapping": "Chi cục trưởng → Trưởng Phòng THADS khu vực", **extra}


def test_create_records_and_bad_input_saves_nothing(login, staff, unit_a, unit_b, area):
    client = login(staff)
    bad = client.post(reverse("emulation:reorganisation_create"), _form(unit_a, unit_b, area, predecessors=[],
                                                                        mapping="Chi cục trưởng"))
    assert (bad.status_code, Reorganisation.objects.count()) == (200, 0)
    assert "Dòng 1" in _html(bad)
    response = client.post(reverse("emulation:reorganisation_create"), _form(unit_a, unit_b, area))
    recorded = Reorganisation.objects.get()
    assert response.url == recorded.get_absolute_url()
    assert (recorded.decision_date, recorded.position_mapping) == (
        D(2025, 6, 25), [["Chi cục trưởng", "Trưởng Phòng THADS khu vực"]])
    assert sorted(recorded.items.values_list("predecessor__code", "successor__code")) == [
        ("HG-LM", "HG-KV1"), ("HG-VT", "HG-KV1")]


def test_preview_page_scoped_and_forbidden(login, merger, staff, head_a, other_staff):
    url = merger.get_absolute_url()
    assert login(other_staff).get(url).status_code == 404
    page = _html(login(head_a).get(url))
    assert ('data-testid="refusal"' in page, 'data-testid="apply"' in page) == (True, False)
    assert login(head_a).post(reverse("emulation:reorganisation_apply", args=[merger.pk])).status_code == 403
    assert login(other_staff).post(reverse("emulation:reorganisation_apply", args=[merger.pk])).status_code == 404
    merger.refresh_from_db()
    assert not merger.is_applied


@pytest.mark.parametrize("extra", [0, 25])
def test_preview_page_query_count_is_constant(login, merger, staff, unit_a, extra, django_assert_max_num_queries):
    for i in range(extra):
        OfficerFactory(unit=unit_a, code=f"A-X{i:02d}", position="Phó Chi cục trưởng")
    client = login(staff)
    # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
    with django_assert_max_num_queries(30):  # + the notification bell
        page = _html(client.get(merger.get_absolute_url()))
    assert page.count('data-testid="move-row"') == 2 + 1 + 1 + 1 + 2 + 2 + extra  # units, people, grant, …
    assert page.count('data-testid="kept-row"') == 1
    assert "Ở lại với đơn vị cũ, hiển thị là lịch sử kế thừa" in page


def test_apply_from_the_page_once(login, merger, staff):
    client = login(staff)
    url = reverse("emulation:reorganisation_apply", args=[merger.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).url == merger.get_absolute_url()
    assert Officer.objects.get(code="A-CCT").unit.code == "HG-KV1"
    page = _html(client.post(url, follow=True))
    assert "đã được áp dụng" in page and 'data-testid="applied"' in page
    assert "<li>Cán bộ và quá trình công tác: 2</li>" in page
    assert Officer.objects.get(code="A-CCT").assignments.count() == 2


# --- succession links, lineage visibility, inherited history -----------------------------------------------

@pytest.fixture
def city(province):
    """Hậu Giang (the cast's province) and Sóc Trăng merged into Cần Thơ, under the new national body."""
    national = UnitFactory(code="CQLTHADS", name="Cục Quản lý Thi hành án dân sự", kind=UnitKind.NATIONAL,
                           valid_from=D(2025, 7, 1))
    cto = UnitFactory(code="CTO", name="Thi hành án dân sự thành phố Cần Thơ", kind=UnitKind.PROVINCIAL,
                      parent=national, valid_from=D(2025, 7, 1))
    soc_trang = UnitFactory(code="ST", name="Cục Thi hành án dân sự tỉnh Sóc Trăng", kind=UnitKind.PROVINCIAL,
                            valid_to=D(2025, 6, 30))
    Unit.objects.filter(pk=province.pk).update(valid_to=D(2025, 6, 30))
    for old in (province, soc_trang):
        UnitSuccession.objects.create(predecessor=old, successor=cto, kind="merge", effective_on=D(2025, 7, 1),
                                      legal_basis="Nghị quyết số 202/2025/QH15")
    return cto


def test_the_successor_link_opens_read_only_and_other_predecessors_are_stated(login, staff, province, city):
    client = login(staff)
    page = _html(client.get(province.get_absolute_url()))
    assert f'<a href="{city.get_absolute_url()}">Thi hành án dân sự thành phố Cần Thơ</a>' in page
    successor = _html(client.get(city.get_absolute_url()))
    assert 'data-testid="read-only"' in successor
    assert reverse("emulation:unit_edit", args=[city.pk]) not in successor
    assert f'<a href="{province.get_absolute_url()}">' in successor
    # Sóc Trăng is outside this user's lineage: a plain statement with the date and the legal basis, no link
    assert ('<span data-testid="succession-statement">Cục Thi hành án dân sự tỉnh Sóc Trăng '
            '(Cục THADS tỉnh / THADS tỉnh)</span>') in successor
    assert "01/07/2025, căn cứ: Nghị quyết số 202/2025/QH15" in successor
    soc_trang = Unit.objects.get(code="ST")
    assert client.get(soc_trang.get_absolute_url()).status_code == 404


def test_outsiders_still_get_404(login, other_staff, city):
    assert login(other_staff).get(city.get_absolute_url()).status_code == 404


def test_the_successor_shows_inherited_history(login, staff, province, unit_a, city, award_form, world):
    AwardRecord.objects.create(award_form=award_form, unit=province, year=2023, decision_reference="09/QĐ-BTP",
                               decided_on=D(2023, 12, 1), issued_by="Bộ Tư pháp")
    UnitSuccession.objects.create(predecessor=unit_a, successor=city, kind="merge", effective_on=D(2025, 7, 1))
    page = _html(login(staff).get(city.get_absolute_url()))
    assert page.count('data-testid="inherited-award"') == 2  # the province's and Chi cục A's, both kept there
    assert "Kế thừa từ (lịch sử của các đơn vị trước sắp xếp)" in page
    assert page.count('data-testid="inherited-result"') == 1
    assert page.count('data-testid="inherited-participation"') == 2  # A: 2024 and 2025; the province: none


@pytest.mark.parametrize("predecessors", [1, 8])
def test_successor_page_query_count_is_constant(login, staff, province, city, award_form, predecessors,
                                                django_assert_max_num_queries):
    for i in range(predecessors):
        old = UnitFactory(code=f"HG-OLD{i}", name=f"Chi cục cũ {i}", parent=province, valid_to=D(2025, 6, 30))
        UnitSuccession.objects.create(predecessor=old, successor=city, kind="merge", effective_on=D(2025, 7, 1))
        AwardRecord.objects.create(award_form=award_form, unit=old, year=2024, decision_reference=f"{i}/QĐ",
                                   decided_on=D(2024, 12, 1), issued_by="Cục THADS tỉnh Hậu Giang")
    client = login(staff)
    with django_assert_max_num_queries(26):  # + 3: the idle-session refresh (SESSION_SAVE_EVERY_REQUEST)
        page = _html(client.get(city.get_absolute_url()))
    assert page.count('data-testid="inherited-award"') == predecessors


# --- "Chỉ đơn vị còn hiệu lực" ------------------------------------------------------------------------------

def _codes(units):
    return sorted(u.code for u in units)


def test_valid_units_before_and_after_the_merger(merger, staff, world):
    def valid(day):
        return _codes(selectors.unit_list(staff, current_only=True, on=day))

    assert valid(D(2025, 6, 1)) == ["HG", "HG-LM", "HG-VT"]
    assert valid(D(2025, 8, 1)) == ["HG", "HG-KV1", "HG-LM", "HG-VT"]  # not applied yet: A and B still open
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    assert valid(D(2025, 6, 1)) == ["HG", "HG-LM", "HG-VT"]
    assert valid(D(2025, 8, 1)) == ["HG", "HG-KV1"]
    assert _codes(selectors.unit_list(staff)) == ["HG", "HG-KV1", "HG-LM", "HG-VT"]


def test_the_filter_finds_successors_of_a_dissolved_scope(login, staff, city):
    page = _html(login(staff).get(reverse("emulation:unit_list"), {"hien_tai": "1"}))
    assert (city.name in page, "Chi cục Thi hành án dân sự thành phố Vị Thanh" in page) == (True, False)


def test_officer_list_filters_by_units_valid_today(login, merger, staff, unit_a, world):
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    OfficerFactory(unit=unit_a, code="A-OLD", full_name="Lâm Văn Sơn")  # left behind in the dissolved unit
    client = login(staff)
    everyone = _html(client.get(reverse("emulation:officer_list")))
    valid = _html(client.get(reverse("emulation:officer_list"), {"hien_tai": "1"}))
    assert ("Lâm Văn Sơn" in everyone, "Lâm Văn Sơn" in valid, "Võ Minh Khoa" in valid) == (True, False, True)


def test_a_read_only_successor_page_shows_no_pending_case_of_that_unit(login, staff, province, city):
    from emulation.models import AwardHold, HoldKind
    AwardHold.objects.create(unit=city, kind=HoldKind.values[0], opened_on=D(2025, 8, 1),
                             note="Đang thanh tra đột xuất theo đơn tố cáo")
    page = _html(login(staff).get(city.get_absolute_url()))
    assert 'data-testid="read-only"' in page
    assert "Đang thanh tra đột xuất theo đơn tố cáo" not in page


def test_a_read_only_successor_page_shows_no_history_of_a_predecessor_outside_the_lineage(
        login, staff, province, city, award_form):
    soc_trang = Unit.objects.get(code="ST")
    AwardRecord.objects.create(award_form=award_form, unit=soc_trang, year=2024, decision_reference="77/QĐ-UBND-ST",
                               decided_on=D(2024, 12, 1), issued_by="UBND tỉnh Sóc Trăng")
    AwardRecord.objects.create(award_form=award_form, unit=province, year=2023, decision_reference="09/QĐ-BTP",
                               decided_on=D(2023, 12, 1), issued_by="Bộ Tư pháp")
    client = login(staff)
    assert client.get(soc_trang.get_absolute_url()).status_code == 404
    page = _html(client.get(city.get_absolute_url()))
    assert "09/QĐ-BTP" in page
    assert "77/QĐ-UBND-ST" not in page
