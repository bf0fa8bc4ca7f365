"""A generated PDF, signed in its own field with a certificate of a test CA, uploaded back: verified
and attached; a tampered or unsigned copy is rejected with the reason and nothing is kept."""
# ruff: noqa: F811

from io import BytesIO

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader

from emulation.models import AuditEntry
from reports import pipeline
from reports.documents import KINDS
from reports.models import SignedUpload
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.reports import pki
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401


@pytest.fixture
def trusted(settings, tmp_path, root_ca):
    folder = tmp_path / "trust"
    folder.mkdir()
    (folder / "test-root.pem").write_bytes(root_ca.cert.public_bytes(Encoding.PEM))
    settings.SIGNATURE_TRUST_ROOTS_DIR = folder
    return folder


@pytest.fixture
def letter(dossier_proposal, media_root):
    return pipeline.produce(kind=KINDS["proposal_letter"], object_id=dossier_proposal.pk)


def _bytes(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def _upload(client, document, data: bytes, name="to-trinh-da-ky.pdf"):
    return client.post(reverse("reports:document_detail", args=[document.pk]),
                       {"file": SimpleUploadedFile(name, data, content_type="application/pdf")})


@pytest.mark.django_db
def test_a_signed_copy_is_verified_and_attached(login, head_a, letter, signer, trusted):
    signed = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer)
    response = _upload(login(head_a), letter, signed)
    assert response.status_code == 302
    upload = SignedUpload.objects.get()
    assert (upload.document, upload.uploaded_by) == (letter, head_a)
    [signature] = upload.signatures
    assert (signature["field"], signature["signer"], signature["issuer"]) == (
        "ToTrinh_NguoiKy", "Nguyễn Văn An", "Tổ chức chứng thực thử nghiệm")
    assert signature["intact"] and signature["valid"] and signature["trusted"] and signature["signed_at"]
    assert AuditEntry.objects.filter(model_label="reports.SignedUpload").count() == 1
    page = login(head_a).get(reverse("reports:document_detail", args=[letter.pk])).content.decode()
    assert "Nguyễn Văn An" in page and 'data-testid="signed-copy"' in page
    proposal_page = login(head_a).get(reverse("awards:proposal_detail", args=[letter.object_id])).content.decode()
    assert proposal_page.count('data-testid="document-signed"') == 1
    download = login(head_a).get(reverse("reports:signed_download", args=[upload.pk]))
    assert b"".join(download.streaming_content) == signed
    download.close()


@pytest.mark.django_db
def test_a_tampered_copy_is_rejected_and_nothing_is_kept(login, head_a, letter, signer, trusted):
    original = _bytes(letter)
    signed = pki.sign_field(original, "ToTrinh_NguoiKy", signer)
    contents = PdfFileReader(BytesIO(original)).root["/Pages"]["/Kids"][0].raw_get("/Contents")
    start = signed.index(b"stream", signed.index(b"\n%d 0 obj" % contents.idnum)) + len(b"stream\n")
    tampered = signed[: start + 5] + bytes([signed[start + 5] ^ 0x01]) + signed[start + 6:]
    page = _upload(login(head_a), letter, tampered).content.decode()
    assert "Bản ký số không được chấp nhận" in page and "sửa sau khi ký" in page
    assert not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_unsigned_untrusted_foreign_and_non_pdf_uploads_are_rejected(login, head_a, letter, signer, stranger,
                                                                    trusted, two_page_pdf):
    client = login(head_a)
    assert "không có chữ ký số" in _upload(client, letter, _bytes(letter)).content.decode()
    by_stranger = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", stranger)
    assert "không được tin cậy" in _upload(client, letter, by_stranger).content.decode()
    assert "không phải PDF" in _upload(client, letter, b"hello, not a pdf").content.decode()
    assert not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_who_may_upload(login, head_b, council_member, letter, signer, trusted):
    signed = pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer)
    assert _upload(login(head_b), letter, signed).status_code == 404  # another unit's proposal
    assert not SignedUpload.objects.exists()


@pytest.mark.django_db
def test_a_copy_signed_in_one_field_of_nine_says_which_eight_are_empty_in_words_and_local_time(
        login, head_a, dossier_proposal, media_root, signer, trusted):
    import datetime
    import re

    from django.utils import timezone

    dossier = pipeline.produce(kind=KINDS["proposal_dossier"], object_id=dossier_proposal.pk)
    assert len(dossier.signature_fields) == 9
    signed = pki.sign_field(_bytes(dossier), "ToTrinh_NguoiKy", signer)
    assert _upload(login(head_a), dossier, signed).status_code == 302
    page = login(head_a).get(reverse("reports:document_detail", args=[dossier.pk])).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Đã ký 1/9 ô. Còn 8 ô chưa ký: bản này được lưu" in text
    assert "Biên bản họp xét – chủ tọa : chưa ký" in text and "Báo cáo thành tích số 01 – thủ trưởng xác nhận" in text
    stored = SignedUpload.objects.get().signatures[0]["signed_at"]
    local = timezone.localtime(datetime.datetime.fromisoformat(stored)).strftime("%d/%m/%Y %H:%M:%S")
    assert "Tờ trình – người ký : Nguyễn Văn An" in text and f"ký lúc {local}" in text
    assert "ToTrinh_NguoiKy" in text  # still named, for the signing software, after the words
    assert text.index("Tờ trình – người ký") < text.index("ToTrinh_NguoiKy")
