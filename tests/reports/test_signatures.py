"""Empty signature fields in our PDFs, and verification of the signed copies staff upload back."""

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pypdf
import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from reports.signatures import (
    CHANGED_BEFORE_SIGNING,
    MODIFIED,
    NO_SIGNATURE,
    NOT_OURS,
    UNREADABLE,
    UNTRUSTED,
    SignatureField,
    Verification,
    load_trust_roots,
    signature_field_names,
    signature_fields,
    signature_fields_finisher,
    verify_signed_pdf,
)
from tests.reports.pki import asn1_cert, sign_field

pytestmark = pytest.mark.unit

FIELDS = [
    SignatureField(name="NguoiKy", page=0, box=(320.0, 80.0, 540.0, 160.0)),
    SignatureField(name="ThuTruong", page=1, box=(50.0, 80.0, 270.0, 160.0)),
]


def with_fields(document, fields) -> bytes:
    return document.write_pdf(finisher=signature_fields_finisher(fields))


@pytest.fixture(scope="module")
def original(two_page_document):
    return with_fields(two_page_document, FIELDS)


@pytest.fixture(scope="module")
def signed(original, signer):
    return sign_field(original, "NguoiKy", signer)


@pytest.fixture(scope="module")
def roots(root_ca):
    return [root_ca.cert]


def _replace_page_content(pdf: bytes, text: bytes) -> bytes:
    """Append an ordinary incremental update that swaps page 1's content stream."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    page_ref, _ = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    content = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (" + text + b") Tj ET")
    page["/Contents"] = writer.add_object(content)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_fields_are_added_with_their_names_pages_and_boxes(original):
    assert signature_field_names(original) == ["NguoiKy", "ThuTruong"]
    assert signature_fields(original) == FIELDS
    assert PdfFileReader(BytesIO(original)).xrefs.total_revisions == 1


def test_the_text_stays_extractable(original):
    pages = [page.extract_text() for page in pypdf.PdfReader(BytesIO(original)).pages]
    assert "Quyết định khen thưởng" in pages[0]
    assert "Trang hai: danh sách kèm theo." in pages[1]


def test_no_fields_no_form(two_page_document):
    written = with_fields(two_page_document, [])
    assert (signature_field_names(written), "/AcroForm" in PdfFileReader(BytesIO(written)).root) == ([], False)


@pytest.mark.parametrize(
    "fields",
    [
        [SignatureField("A", 0, (0, 0, 10, 10)), SignatureField("A", 1, (0, 0, 10, 10))],
        [SignatureField("A", 2, (0, 0, 10, 10))],
        [SignatureField("A", 0, (10, 0, 10, 10))],
        [SignatureField("A.B", 0, (0, 0, 10, 10))],
    ],
    ids=["duplicate", "page-out-of-range", "empty-box", "dotted-name"],
)
def test_bad_fields_are_refused(two_page_document, fields):
    with pytest.raises(ValueError):
        with_fields(two_page_document, fields)


def test_a_signed_copy_of_our_document_verifies(original, signed, signer, roots):
    result = verify_signed_pdf(signed, original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (True, [])
    [info] = result.signatures
    assert (info.field_name, info.signer_name, info.signer_organisation, info.issuer_name) == (
        "NguoiKy", "Nguyễn Văn An", "Cục Thi hành án dân sự tỉnh Hậu Giang", "Tổ chức chứng thực thử nghiệm")
    assert info.serial == format(signer.cert.serial_number, "X")
    assert abs(info.signing_time - datetime.now(UTC)) < timedelta(minutes=1)
    assert (info.intact, info.valid, info.trusted, info.covers_whole_document) == (True, True, True, True)
    assert (info.coverage, info.modification_level) == ("ENTIRE_FILE", "NONE")
    assert signature_field_names(signed) == ["NguoiKy", "ThuTruong"]


def test_trust_roots_may_be_asn1crypto_certificates(original, signed, root_ca):
    assert verify_signed_pdf(signed, original=original, trust_roots=[asn1_cert(root_ca.cert)]).ok


def test_a_second_signature_on_the_other_field_keeps_the_first_valid(original, signed, second_signer, roots):
    both = sign_field(signed, "ThuTruong", second_signer)

    result = verify_signed_pdf(both, original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (True, [])
    seen = [(s.field_name, s.signer_name, s.modification_level, s.covers_whole_document) for s in result.signatures]
    assert seen == [
        ("NguoiKy", "Nguyễn Văn An", "FORM_FILLING", False),
        ("ThuTruong", "Trần Thị Bình", "NONE", True),
    ]


def test_a_byte_changed_in_the_signed_content_is_caught(original, signed, roots):
    contents_ref = PdfFileReader(BytesIO(original)).root["/Pages"]["/Kids"][0].raw_get("/Contents")
    start = signed.index(b"stream", signed.index(b"\n%d 0 obj" % contents_ref.idnum)) + len(b"stream\n")
    tampered = signed[: start + 3] + bytes([signed[start + 3] ^ 0x01]) + signed[start + 4:]

    result = verify_signed_pdf(tampered, original=None, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [MODIFIED])
    assert result.signatures[0].intact is False


def test_page_content_replaced_after_signing_is_caught(original, signed, roots):
    result = verify_signed_pdf(_replace_page_content(signed, b"Sua"), original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [MODIFIED])
    assert (result.signatures[0].intact, result.signatures[0].modification_level) == (True, "OTHER")


def test_page_content_replaced_before_signing_is_caught(original, signer, roots):
    altered_then_signed = sign_field(_replace_page_content(original, b"Sua"), "NguoiKy", signer)

    result = verify_signed_pdf(altered_then_signed, original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [CHANGED_BEFORE_SIGNING])
    assert result.signatures[0].intact is True


def test_a_signer_from_an_unrelated_ca_is_not_trusted(original, stranger, roots):
    result = verify_signed_pdf(sign_field(original, "NguoiKy", stranger), original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [UNTRUSTED])
    assert (result.signatures[0].intact, result.signatures[0].trusted) == (True, False)


def test_an_unsigned_pdf_has_no_signature(original, roots):
    assert verify_signed_pdf(original, original=original, trust_roots=roots) == _failed([NO_SIGNATURE])


def test_a_signed_copy_of_another_document_is_not_ours(two_page_document, original, signer, roots):
    other = with_fields(two_page_document, [SignatureField("NguoiKy", 0, (300.0, 80.0, 500.0, 160.0))])

    result = verify_signed_pdf(sign_field(other, "NguoiKy", signer), original=original, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [NOT_OURS])


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", b"\x00" * 100])
def test_garbage_is_not_a_readable_pdf(data, roots):
    assert verify_signed_pdf(data, original=None, trust_roots=roots) == _failed([UNREADABLE])


def test_a_truncated_upload_is_not_readable(signed, roots):
    result = verify_signed_pdf(signed[: len(signed) // 2], original=None, trust_roots=roots)

    assert (result.ok, result.problems) == (False, [UNREADABLE])


def _failed(problems):
    return Verification(ok=False, problems=problems, signatures=[])


def test_trust_roots_are_read_from_pem_and_der_files(tmp_path, root_ca, other_ca):
    pem = root_ca.cert.public_bytes(Encoding.PEM) + other_ca.cert.public_bytes(Encoding.PEM)
    (tmp_path / "a-bundle.pem").write_bytes(pem)
    (tmp_path / "b-root.cer").write_bytes(root_ca.cert.public_bytes(Encoding.DER))
    (tmp_path / "README.md").write_text("Chứng thư gốc")

    roots = load_trust_roots(tmp_path)

    assert [cert.subject.native["common_name"] for cert in roots] == [
        "Tổ chức chứng thực thử nghiệm", "Unrelated Test CA", "Tổ chức chứng thực thử nghiệm"]


def test_a_missing_trust_roots_directory_trusts_nothing(tmp_path):
    assert load_trust_roots(tmp_path / "nowhere") == []


def test_a_corrupt_certificate_file_is_named(tmp_path):
    (tmp_path / "broken.crt").write_bytes(b"\x30\x82\x01\x00garbage")

    with pytest.raises(ValueError, match="broken.crt"):
        load_trust_roots(tmp_path)


def test_the_default_trust_roots_directory_is_the_documented_one(settings):
    assert settings.SIGNATURE_TRUST_ROOTS_DIR == settings.BASE_DIR / "trust_roots"
    assert (settings.SIGNATURE_TRUST_ROOTS_DIR / "README.md").is_file()
    assert load_trust_roots(settings.SIGNATURE_TRUST_ROOTS_DIR) == []
