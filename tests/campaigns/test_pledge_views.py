"""Pledges (đăng ký giao ước thi đua): registering, the status page, the list, detail and edit."""

import pytest
from django.urls import reverse

from campaigns.models import Pledge
from emulation.models import AuditEntry
from tests.factories import OfficerFactory, ParticipationFactory, PledgeFactory, UnitFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def campaign(province_plan):
    return province_plan.campaigns.get()


def _pledge_post(unit, officer=None, **overrides):
    data = {"unit": unit.pk, "registered_on": "05/04/2024", "content": "Phấn đấu đạt 77% về việc.",
            "target_title": "Tập thể lao động xuất sắc"}
    if officer is not None:
        data["officer"] = officer.pk
    return data | overrides


def test_unit_head_registers_collective_and_individual_pledges_audited(login, head_a, campaign, unit_a, officer_a):
    client = login(head_a)
    url = reverse("campaigns:pledge_create", args=[campaign.pk])
    assert list(client.get(url).context["form"].fields["unit"].queryset) == [unit_a]
    assert client.post(url, _pledge_post(unit_a))["Location"] == reverse("campaigns:campaign_pledges",
                                                                         args=[campaign.pk])
    assert client.post(url, _pledge_post(unit_a, officer_a)).status_code == 302
    pledges = Pledge.objects.filter(campaign=campaign).order_by("id")
    assert [(p.unit, p.officer, p.registered_by) for p in pledges] == [(unit_a, None, head_a),
                                                                      (unit_a, officer_a, head_a)]
    assert list(AuditEntry.objects.filter(model_label="campaigns.Pledge").values_list("action", "actor")) == [
        ("create", head_a.pk), ("create", head_a.pk)]


def test_duplicate_pledge_is_a_form_error_and_saves_nothing(login, head_a, campaign, unit_a, officer_a):
    PledgeFactory(campaign=campaign, unit=unit_a)
    PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)
    client = login(head_a)
    url = reverse("campaigns:pledge_create", args=[campaign.pk])
    before = (Pledge.objects.count(), AuditEntry.objects.count())
    for data, who in [(_pledge_post(unit_a), unit_a.name), (_pledge_post(unit_a, officer_a), officer_a.full_name)]:
        page = client.post(url, data).content.decode()
        assert f"{who} đã đăng ký giao ước thi đua cho phong trào này." in page
    assert (Pledge.objects.count(), AuditEntry.objects.count()) == before


def test_pledges_only_for_own_participating_units_and_their_officers(login, head_a, campaign, unit_a, unit_b,
                                                                     officer_b):
    client = login(head_a)
    url = reverse("campaigns:pledge_create", args=[campaign.pk])
    assert "unit" in client.post(url, _pledge_post(unit_b)).context["form"].errors
    assert "officer" in client.post(url, _pledge_post(unit_a, officer_b)).context["form"].errors
    assert not Pledge.objects.exists()


def test_no_pledges_for_campaigns_the_unit_does_not_take_part_in(login, head_a, campaign_a, viewer, campaign):
    assert login(head_a).get(reverse("campaigns:pledge_create", args=[campaign_a.pk])).status_code == 403
    assert login(viewer).get(reverse("campaigns:pledge_create", args=[campaign.pk])).status_code == 403


def test_staff_registers_for_any_participating_unit(login, staff, campaign, unit_a, unit_b, officer_b):
    client = login(staff)
    url = reverse("campaigns:pledge_create", args=[campaign.pk])
    assert set(client.get(url).context["form"].fields["unit"].queryset) == {unit_a, unit_b}
    assert client.post(url, _pledge_post(unit_b, officer_b)).status_code == 302
    assert Pledge.objects.get().registered_by == staff


def test_status_page_counts_and_filters_who_has_not_registered(login, staff, campaign, unit_a, unit_b, officer_a,
                                                               officer_b):
    OfficerFactory(unit=unit_a, full_name="Cán bộ đã nghỉ", is_active=False)
    PledgeFactory(campaign=campaign, unit=unit_a)
    PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)
    client = login(staff)
    response = client.get(reverse("campaigns:campaign_pledges", args=[campaign.pk]))
    summary = {r["unit"].code: (r["pledge"] is not None, r["missing_officers"]) for r in response.context["rows"]}
    assert summary == {"HG-VT": (True, 0), "HG-LM": (False, 1)}
    assert response.context["totals"] == {"units": 2, "units_done": 1, "units_missing": 1, "officers": 2,
                                          "officers_done": 1, "officers_missing": 1}
    assert "Cán bộ đã nghỉ" not in response.content.decode()
    filtered = client.get(reverse("campaigns:campaign_pledges", args=[campaign.pk]), {"chua_dang_ky": "1"})
    assert [r["unit"].code for r in filtered.context["rows"]] == ["HG-LM"]
    page = filtered.content.decode()
    assert "Trần Thị Bình" in page and "Nguyễn Văn An" not in page


def _pledges_page(client, campaign, **params):
    return client.get(reverse("campaigns:campaign_pledges", args=[campaign.pk]), params)


@pytest.mark.parametrize("units", [10, 200])
def test_status_page_pages_through_units_in_a_fixed_number_of_queries(login, staff, campaign, province, units,
                                                                      django_assert_max_num_queries):
    extra = [UnitFactory(parent=province, name=f"Chi cục đo {n:03d}") for n in range(units)]
    for n, unit in enumerate(extra):
        ParticipationFactory(campaign=campaign, unit=unit)
        officer = OfficerFactory(unit=unit, full_name=f"Cán bộ đo {n:03d}")
        if n % 2:
            PledgeFactory(campaign=campaign, unit=unit)
            PledgeFactory(campaign=campaign, unit=unit, officer=officer)
    client = login(staff)
    with django_assert_max_num_queries(16):  # 13, + 3 for the idle-session refresh of a fresh sign-in
        response = _pledges_page(client, campaign, page="2")
    shown = extra[8:18]  # page 2 in tree order: after the fixture's two units and the first eight
    assert [r["unit"] for r in response.context["rows"]] == shown
    page = response.content.decode()
    assert page.count('data-testid="pledge-unit"') == len(shown)
    assert all(f"Cán bộ đo {extra.index(u):03d}" in page and u.name in page for u in shown)
    assert [r["missing_officers"] for r in response.context["rows"]] == [extra.index(u) % 2 == 0 for u in shown]
    assert response.context["totals"] == {"units": units + 2, "units_done": units // 2, "units_missing": units // 2 + 2,
                                          "officers": units, "officers_done": units // 2,
                                          "officers_missing": units - units // 2}
    assert response.context["page_obj"].paginator.count == units + 2
    for bad in ({"page": "x"}, {"chua_dang_ky": "<script>"}):  # the first page, unfiltered
        assert len(_pledges_page(client, campaign, **bad).context["rows"]) == 10
    assert [r["unit"] for r in _pledges_page(client, campaign, page="-3").context["rows"]] == extra[-2:]  # the last


@pytest.mark.parametrize(("collective", "individual", "retired", "listed"), [
    (True, True, False, False),
    (True, True, True, False),  # an officer no longer active owes no pledge
    (True, False, False, True),
    (False, True, False, True),
    (False, False, False, True),
])
def test_only_missing_keeps_units_that_owe_a_pledge(login, staff, campaign, unit_a, unit_b, officer_a, collective,
                                                    individual, retired, listed):
    if collective:
        PledgeFactory(campaign=campaign, unit=unit_a)
    if individual:
        PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a)
    if retired:
        OfficerFactory(unit=unit_a, is_active=False)
    response = _pledges_page(login(staff), campaign, chua_dang_ky="1")
    assert [r["unit"] for r in response.context["rows"]] == ([unit_a] if listed else []) + [unit_b]
    assert response.context["page_obj"].paginator.count == 1 + listed


def test_status_page_shows_a_unit_head_only_their_unit(login, head_a, campaign, unit_a, officer_a, officer_b):
    response = login(head_a).get(reverse("campaigns:campaign_pledges", args=[campaign.pk]))
    assert [r["unit"] for r in response.context["rows"]] == [unit_a]
    page = response.content.decode()
    assert officer_a.full_name in page and officer_b.full_name not in page
    assert 'data-testid="register-collective"' in page and 'data-testid="register-officer"' in page


def test_list_search_and_detail(login, staff, campaign, unit_a, officer_a):
    collective = PledgeFactory(campaign=campaign, unit=unit_a, target_title="Tập thể lao động xuất sắc")
    individual = PledgeFactory(campaign=campaign, unit=unit_a, officer=officer_a, content="Dòng 1\nDòng 2")
    client = login(staff)
    response = client.get(reverse("campaigns:pledge_list"), {"q": "nguyen van"})
    assert list(response.context["page_obj"]) == [individual]
    response = client.get(reverse("campaigns:pledge_list"))
    assert {p.pk for p in response.context["page_obj"]} == {collective.pk, individual.pk}
    assert "Tập thể lao động xuất sắc" in response.content.decode()
    page = client.get(reverse("campaigns:pledge_detail", args=[individual.pk])).content.decode()
    assert "Nguyễn Văn An" in page and "Dòng 1\nDòng 2" in page and "05/04/2024" in page
    assert 'data-testid="pledge-edit"' in page


def test_edit_pledge_audited(login, head_a, campaign, unit_a):
    pledge = PledgeFactory(campaign=campaign, unit=unit_a)
    response = login(head_a).post(reverse("campaigns:pledge_edit", args=[pledge.pk]),
                                  _pledge_post(unit_a, content="Nội dung mới"))
    assert response["Location"] == pledge.get_absolute_url()
    entry = AuditEntry.objects.get(model_label="campaigns.Pledge", action="update")
    assert (entry.actor, entry.changes["content"]) == (head_a, [pledge.content, "Nội dung mới"])


def test_edit_refused_to_readers(login, viewer, director, campaign, unit_a):
    pledge = PledgeFactory(campaign=campaign, unit=unit_a)
    for user in (viewer, director):
        client = login(user)
        assert 'data-testid="pledge-edit"' not in client.get(pledge.get_absolute_url()).content.decode()
        response = client.post(reverse("campaigns:pledge_edit", args=[pledge.pk]), _pledge_post(unit_a, content="x"))
        assert response.status_code == 403
    pledge.refresh_from_db()
    assert pledge.content != "x"
