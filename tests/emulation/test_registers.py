"""The document register: numbers per issuer, year and series, never duplicated."""

import datetime

import pytest
from django.db import connection

from emulation import registers
from emulation.models import AuditEntry, RegisteredDocument, Unit, UnitKind
from tests.services import run_together, service_missing

D = datetime.date


@pytest.mark.django_db
def test_numbers_run_per_issuer_year_and_series(province, unit_a, staff):
    first = registers.issue_number(issuer=province, series="QĐ", issued_on=D(2024, 7, 10), subject="Khen thưởng",
                                   actor=staff)
    second = registers.issue_number(issuer=province, series="QĐ", issued_on=D(2024, 8, 1), subject="Khen thưởng")
    letter = registers.issue_number(issuer=province, series="TTr", issued_on=D(2024, 8, 1), subject="Đề nghị")
    next_year = registers.issue_number(issuer=province, series="QĐ", issued_on=D(2025, 1, 3), subject="Khen thưởng")
    other_unit = registers.issue_number(issuer=unit_a, series="QĐ", issued_on=D(2024, 7, 10), subject="Khen thưởng")
    assert [first.number, second.number, letter.number, next_year.number, other_unit.number] == [1, 2, 1, 1, 1]
    assert first.reference == "01/QĐ-CTHADS"
    assert other_unit.reference == "01/QĐ-CCTHADS"
    assert AuditEntry.objects.filter(model_label="emulation.RegisteredDocument").count() == 5


@pytest.mark.django_db
def test_a_division_issues_in_its_agencys_register(province):
    office = Unit.objects.create(code="HG-VP", name="Văn phòng Cục", kind=UnitKind.DIVISION, parent=province)
    entry = registers.issue_number(issuer=office, series="TTr", issued_on=D(2024, 6, 1), subject="Đề nghị")
    assert entry.issuer == province and entry.symbol == "TTr-CTHADS"


@pytest.mark.django_db
def test_own_symbol_and_council_series(province):
    province.document_symbol = "THADS"
    province.save()
    assert registers.symbol_for(province, "BC") == "BC-THADS"
    assert registers.symbol_for(province, registers.COUNCIL_MINUTES_SERIES) == "BB-HĐTĐKT"


@pytest.mark.django_db(transaction=True)
def test_two_documents_issued_at_the_same_moment_get_different_numbers(province):
    """PostgreSQL, eight real transactions started together: the issuer lock serialises them."""
    if connection.vendor != "postgresql":
        service_missing("the register race needs PostgreSQL (set DATABASE_URL)")
    numbers, errors = run_together(lambda: registers.issue_number(
        issuer=province, series="QĐ", issued_on=D(2024, 7, 10), subject="Khen thưởng").number, 8)
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))
    assert RegisteredDocument.objects.filter(issuer=province).count() == 8


@pytest.mark.django_db
def test_place_of_the_date_line(province, unit_a):
    assert registers.place_of(province) == province.name.rsplit(" tỉnh ", 1)[1]
    unit_a.place_name = "Vị Thanh"
    assert registers.place_of(unit_a) == "Vị Thanh"


@pytest.mark.django_db
def test_the_register_page_lists_the_units_numbers_and_issues_one_for_an_outside_document(login, staff, head_b,
                                                                                         province, unit_a):
    from django.urls import reverse

    registers.issue_number(issuer=province, series="QĐ", issued_on=D(2024, 7, 10), subject="Khen thưởng đợt 1")
    registers.issue_number(issuer=unit_a, series="TTr", issued_on=D(2024, 6, 25), subject="Đề nghị của Vị Thanh")
    client = login(staff)
    page = client.get(reverse("emulation:register_list")).content.decode()
    assert "01/QĐ-CTHADS" in page and "01/TTr-CCTHADS" in page
    response = client.post(reverse("emulation:register_list"), {
        "issuer": province.pk, "series": "QĐ", "issued_on": "15/07/2024", "subject": "Quyết định làm ngoài hệ thống"})
    assert response.status_code == 302
    assert RegisteredDocument.objects.get(subject="Quyết định làm ngoài hệ thống").reference == "02/QĐ-CTHADS"
    filtered = client.get(reverse("emulation:register_list"), {"series": "TTr"}).content.decode()
    assert "01/TTr-CCTHADS" in filtered and "QĐ-CTHADS" not in filtered.split('data-testid="register-table"')[1]

    other = login(head_b)
    page = other.get(reverse("emulation:register_list")).content.decode()
    assert "01/TTr-CCTHADS" not in page and "Đề nghị của Vị Thanh" not in page  # unit B sees only its own
    assert other.post(reverse("emulation:register_list"), {
        "issuer": unit_a.pk, "series": "TTr", "issued_on": "15/07/2024", "subject": "Trộm số"}).status_code == 200
    assert not RegisteredDocument.objects.filter(subject="Trộm số").exists()  # not one of B's choices


@pytest.mark.django_db
def test_a_bad_date_re_renders_the_form_and_issues_nothing(login, staff, province):
    from django.urls import reverse

    response = login(staff).post(reverse("emulation:register_list"), {
        "issuer": province.pk, "series": "QĐ", "issued_on": "31/02/2024", "subject": "Quyết định"})
    assert response.status_code == 200 and "Quyết định" in response.content.decode()
    assert "issued_on" in response.context["form"].errors
    assert not RegisteredDocument.objects.exists()


@pytest.mark.django_db
def test_viewers_and_council_members_do_not_open_the_register(login, viewer, council_member):
    from django.urls import reverse

    assert login(viewer).get(reverse("emulation:register_list")).status_code == 403
    assert login(council_member).get(reverse("emulation:register_list")).status_code == 403
