"""One award record per subject, award form and year: refused with a message by the database, by the
decision service and by the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards.models import AwardRecord, Decision, NominationStatus
from emulation.models import AuditEntry, RegisteredDocument
from tests.awards.test_decisions import approve, closed_session
from tests.factories import UserFactory

D = datetime.date


def paper_record(form, *, officer=None, unit=None, year=2024, reference="15/QĐ-CTHADS"):
    return AwardRecord(award_form=form, officer=officer, unit=unit, year=year, decision_reference=reference,
                       decided_on=D(year, 3, 1), issued_by="Cục THADS tỉnh Hậu Giang")


@pytest.mark.django_db
@pytest.mark.parametrize("subject", ["officer", "unit"])
def test_the_database_refuses_a_second_record_of_the_same_form_and_year(certificate, officer_a, unit_a, subject):
    who = {"officer": officer_a} if subject == "officer" else {"unit": unit_a}
    paper_record(certificate, **who).save()
    paper_record(certificate, **who, year=2023).save()  # another year is another award
    with pytest.raises(IntegrityError), transaction.atomic():
        paper_record(certificate, **who, reference="16/QĐ-CTHADS").save()
    assert AwardRecord.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(("subject", "message"), [
    ("officer", "Cá nhân đã có danh hiệu, hình thức khen thưởng này trong năm."),
    ("unit", "Tập thể đã có danh hiệu, hình thức khen thưởng này trong năm."),
])
def test_model_validation_names_the_duplicate(certificate, officer_a, unit_a, subject, message):
    who = {"officer": officer_a} if subject == "officer" else {"unit": unit_a}
    paper_record(certificate, **who).save()
    with pytest.raises(ValidationError) as caught:
        paper_record(certificate, **who, reference="16/QĐ-CTHADS").validate_constraints()
    assert caught.value.messages == [message]


@pytest.mark.django_db
def test_approval_refuses_an_award_the_officer_already_has_this_year(submitted_proposal, director, officer_a,
                                                                     certificate):
    """Entered from a paper decision of 01/03/2024; the council's 2024 decision would be a second
    Giấy khen of the year for the same officer: refused, and nothing of the approval stays."""
    paper_record(certificate, officer=officer_a).save()
    nomination = submitted_proposal.nominations.get(officer=officer_a)
    session = closed_session(submitted_proposal.campaign, [nomination])
    with pytest.raises(ValidationError) as caught:
        approve(session, director)
    assert caught.value.messages == [
        "Nguyễn Văn An: Cá nhân đã có danh hiệu, hình thức khen thưởng này trong năm."]
    assert (Decision.objects.count(), AwardRecord.objects.count(), RegisteredDocument.objects.count()) == (0, 1, 0)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PASSED


@pytest.mark.django_db
def test_admin_add_form_shows_the_duplicate_message_and_saves_nothing(client, certificate, officer_a):
    paper_record(certificate, officer=officer_a).save()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(reverse("admin:awards_awardrecord_add"), {
        "award_form": certificate.pk, "officer": officer_a.pk, "unit": "", "year": "2024",
        "decision_reference": "16/QĐ-CTHADS", "decided_on": "01/04/2024", "issued_by": "Cục THADS tỉnh Hậu Giang"})
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Cá nhân đã có danh hiệu, hình thức khen thưởng này trong năm."]
    assert "Cá nhân đã có danh hiệu, hình thức khen thưởng này trong năm." in response.content.decode()
    assert AwardRecord.objects.count() == 1
    assert not AuditEntry.objects.filter(model_label="awards.AwardRecord").exists()
