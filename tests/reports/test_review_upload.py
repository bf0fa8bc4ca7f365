"""Review: signed copies uploaded by careless or hostile users."""
# ruff: noqa: F811

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.models import Role
from reports import pipeline
from reports.documents import KINDS
from reports.models import SignedUpload
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.factories import RoleGrantFactory
from tests.reports import pki
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.reports.test_signed_upload import _bytes, _upload, letter, trusted  # noqa: F401


def _field(document) -> str:
    return document.signature_fields[0]["name"]


@pytest.mark.django_db
def test_a_copy_signed_for_the_previous_version_is_refused(login, head_a, letter, signer, trusted):
    old_signed = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer)
    dossier = letter.object_id
    from awards.models import Proposal

    Proposal.objects.filter(pk=dossier).update(meeting_chair="Nguyễn Văn Hùng")
    newer = pipeline.produce(kind=KINDS["proposal_letter"], object_id=dossier)
    assert newer.pk != letter.pk
    page = _upload(login(head_a), newer, old_signed).content.decode()
    assert "Bản ký số không được chấp nhận" in page
    assert not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_a_page_added_after_signing_is_refused(login, head_a, letter, signer, trusted):
    from io import BytesIO

    from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject, NameObject, NumberObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signed = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer)
    writer = IncrementalPdfFileWriter(BytesIO(signed))
    writer.insert_page(DictionaryObject({
        NameObject("/Type"): NameObject("/Page"),
        NameObject("/MediaBox"): ArrayObject([NumberObject(n) for n in (0, 0, 595, 842)])}))
    out = BytesIO()
    writer.write(out)
    response = _upload(login(head_a), letter, out.getvalue()).content.decode()
    assert "Bản ký số không được chấp nhận" in response
    assert not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_the_same_signed_copy_twice_is_kept_once(login, head_a, letter, signer, trusted):
    signed = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer)
    client = login(head_a)
    assert _upload(client, letter, signed).status_code == 302
    assert _upload(client, letter, signed).status_code == 302
    assert SignedUpload.objects.count() == 1


@pytest.mark.django_db
def test_an_oversized_file_is_refused_before_it_is_parsed(login, head_a, letter, trusted):
    data = b"%PDF-1.7\n" + b"0" * (25 * 1024 * 1024)
    page = _upload(login(head_a), letter, data).content.decode()
    assert "vượt quá 25 MB" in page and not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_a_workbook_takes_no_signed_copy(login, staff, dossier_proposal, media_root, signer, trusted):
    workbook = pipeline.produce(kind=KINDS["proposal_list_xlsx"], object_id=dossier_proposal.pk)
    client = login(staff)
    assert 'name="file"' not in client.get(reverse("reports:document_detail", args=[workbook.pk])).content.decode()
    response = client.post(reverse("reports:document_detail", args=[workbook.pk]),
                           {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.7", content_type="application/pdf")})
    assert response.status_code == 403 and not SignedUpload.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.STAFF, Role.DIRECTOR, Role.UNIT_HEAD])
def test_a_participating_unit_cannot_file_a_signed_copy_of_the_provinces_plan(
        login, role, unit_a, staff, province_plan, media_root, signer, trusted):
    """Unit A reads the province's plan (it takes part), but only the province files its signed copy."""
    user = RoleGrantFactory(user__username="nguoi_a", role=role, unit=unit_a).user
    plan = pipeline.produce(kind=KINDS["plan"], object_id=province_plan.pk)
    signed = pki.sign_field(_bytes(plan), _field(plan), signer)
    client = login(user)
    assert 'name="file"' not in client.get(reverse("reports:document_detail", args=[plan.pk])).content.decode()
    assert _upload(client, plan, signed).status_code == 403
    assert not SignedUpload.objects.exists()
    assert _upload(login(staff), plan, signed).status_code == 302


@pytest.mark.django_db
def test_a_unit_head_with_a_reading_role_over_the_province_cannot_file_another_units_papers(
        login, head_a, unit_b, province, officer_b, letter, signer, trusted):
    """Head of unit A who is also a viewer of the province: sees unit B's proposals, may not sign for them."""
    from awards.models import Proposal

    RoleGrantFactory(user=head_a, role=Role.VIEWER, unit=province)
    Proposal.objects.filter(pk=letter.object_id).update(unit=unit_b)
    other = pipeline.produce(kind=KINDS["proposal_letter"], object_id=letter.object_id)
    signed = pki.sign_field(_bytes(other), "ToTrinh_NguoiKy", signer)
    assert _upload(login(head_a), other, signed).status_code == 403
    assert not SignedUpload.objects.exists()
