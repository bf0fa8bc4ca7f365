"""Chữ ký số: empty signature fields for the documents we render, and verification of signed uploads.

Pure functions over bytes (no models, no settings read here), built on pyHanko:

* ``signature_fields_finisher`` puts empty, visible signature fields into the PDF WeasyPrint writes, so
  that the signing tools used in Vietnamese agencies can sign it as-is.
* ``verify_signed_pdf`` checks a signed PDF uploaded back by staff: intact, cryptographically valid,
  chained to a trusted root, not modified after signing, and (given the original) our own document.
* ``load_trust_roots`` reads the root CA certificates the deployment trusts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pydyf
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    DiffResult,
    FormUpdatingRule,
    GenericFieldModificationRule,
    ModificationLevel,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
)
from pyhanko.sign.diff_analysis.constants import ACROFORM_EXEMPT_STRICT_COMPARISON
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)

UNREADABLE = "Tệp không đọc được như một PDF."
NO_SIGNATURE = "Tệp không có chữ ký số nào."
MODIFIED = "Tệp đã bị sửa sau khi ký."
INVALID = "Chữ ký số không hợp lệ."
UNTRUSTED = "Chứng thư số không được tin cậy (không xác minh được đến tổ chức chứng thực gốc)."
NOT_OURS = "Tệp đã ký không phải văn bản do hệ thống tạo ra."
CHANGED_BEFORE_SIGNING = "Nội dung tệp đã ký khác với văn bản do hệ thống tạo ra."

# After a signature, a later revision may add the next signature (form filling) or validation data
# (DSS, document timestamps); anything else (annotations, new content) counts as a modification.
ALLOWED_AFTER_SIGNING = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)

# Certificates from Vietnamese CAs carry digitalSignature and/or nonRepudiation; either will do.
KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)

# Comparing our original with the signed file: the signing tool flips /SigFlags from 1 to 3
# ("signatures exist, append only"), which pyHanko's default policy only tolerates after a signature.
FROM_ORIGINAL_POLICY = StandardDiffPolicy(
    global_rules=DEFAULT_DIFF_POLICY.global_rules,
    form_rule=FormUpdatingRule(
        field_rules=[SigFieldCreationRule(), SigFieldModificationRule(), GenericFieldModificationRule()],
        ignored_acroform_keys=ACROFORM_EXEMPT_STRICT_COMPARISON | {"/SigFlags"},
    ),
)

FILE_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


@dataclass(frozen=True)
class SignatureField:
    """Ô chữ ký: a signature field; ``page`` is 0-based, ``box`` is (x1, y1, x2, y2) in PDF points from
    the bottom-left corner of the page."""

    name: str
    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class SignatureInfo:
    """One embedded signature as the verifier saw it. ``coverage`` and ``modification_level`` are the
    names of pyHanko's enums (``ENTIRE_FILE``, ``FORM_FILLING``, ...)."""

    field_name: str
    signer_name: str
    signer_organisation: str
    serial: str
    issuer_name: str
    signing_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_document: bool
    coverage: str
    modification_level: str | None

    @property
    def modified_after_signing(self) -> bool:
        return self.modification_level not in {level.name for level in ALLOWED_AFTER_SIGNING}


@dataclass(frozen=True)
class Verification:
    """Kết quả kiểm tra tệp đã ký: ``problems`` are Vietnamese sentences for the user, in order."""

    ok: bool
    problems: list[str]
    signatures: list[SignatureInfo]


def signature_fields_finisher(fields: Sequence[SignatureField]):
    """A WeasyPrint ``write_pdf(finisher=…)`` that puts an empty, visible signature field per entry into
    the PDF as it is written (what pyHanko's ``append_signature_field`` builds: a combined field and
    widget, /FT /Sig, printed and locked, an empty appearance, listed in /AcroForm with /SigFlags 1).

    One pass and a single revision: the stored original is one clean revision, every signing tool
    appends its own incremental revision to it, and ``verify_signed_pdf`` can tell exactly which
    revisions the signers added. Reading the written PDF back to rewrite it with the fields took an
    eighth of a 218-page dossier's time. Raises ``ValueError`` for duplicate names, a page out of
    range or an empty box."""

    def finish(document, pdf) -> None:
        if not fields:
            return
        pages = pdf.pages["Kids"][::3]  # object numbers (the array is "n 0 R" triples)
        _check_fields(fields, page_count=len(pages))
        form = pdf.catalog.setdefault("AcroForm", pydyf.Dictionary({"Fields": pydyf.Array()}))
        for field in fields:
            page = pdf.objects[pages[field.page]]
            x1, y1, x2, y2 = field.box
            appearance = pydyf.Stream(extra={"Type": "/XObject", "Subtype": "/Form",
                                             "BBox": pydyf.Array([0, 0, round(x2 - x1, 4), round(y2 - y1, 4)])})
            pdf.add_object(appearance)
            widget = pydyf.Dictionary({
                "FT": "/Sig", "T": pydyf.String(field.name), "Type": "/Annot", "Subtype": "/Widget",
                "F": 0b10000100, "Rect": pydyf.Array(field.box), "P": page.reference,
                "AP": pydyf.Dictionary({"N": appearance.reference})})
            pdf.add_object(widget)
            page.setdefault("Annots", pydyf.Array()).append(widget.reference)
            form["Fields"].append(widget.reference)
        form["SigFlags"] = 1

    return finish


def _check_fields(fields: Sequence[SignatureField], *, page_count: int) -> None:
    names = [field.name for field in fields]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"Signature field names must be unique: {', '.join(duplicates)}")
    for field in fields:
        if not field.name or "." in field.name:
            raise ValueError(f"Invalid signature field name: {field.name!r}")
        if not 0 <= field.page < page_count:
            raise ValueError(f"Field {field.name!r}: page {field.page} is not in 0..{page_count - 1}")
        x1, y1, x2, y2 = field.box
        if not (x1 < x2 and y1 < y2):
            raise ValueError(f"Field {field.name!r}: box {field.box} has no area")


def signature_field_names(pdf: bytes) -> list[str]:
    """Names of all signature fields, signed or not, in document order."""
    return [name for name, _, _ in enumerate_sig_fields(PdfFileReader(BytesIO(pdf)))]


def signature_fields(pdf: bytes) -> list[SignatureField]:
    """All signature fields with their page and box, read back from the widgets."""
    reader = PdfFileReader(BytesIO(pdf))
    pages = _page_of_annotation(reader)
    result = []
    for name, _, field_ref in enumerate_sig_fields(reader):
        field = field_ref.get_object()
        widget_ref = field["/Kids"].raw_get(0) if "/Kids" in field else field_ref
        rect = [float(value) for value in widget_ref.get_object()["/Rect"]]
        box = (min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3]))
        result.append(SignatureField(name=name, page=pages.get(widget_ref.reference, -1), box=box))
    return result


def _page_of_annotation(reader: PdfFileReader) -> dict:
    pages = {}
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page, _ = reader.find_page_for_modification(index)
        annots = page.get_object().get("/Annots", [])
        for i in range(len(annots)):
            pages[annots.raw_get(i).reference] = index
    return pages


def verify_signed_pdf(signed: bytes, *, original: bytes | None, trust_roots: Sequence) -> Verification:
    """Verify a signed PDF uploaded back by staff.

    ``ok`` needs at least one signature, every signature intact, valid and trusted (``trust_roots``:
    cryptography or asn1crypto certificates), nothing but further signatures or validation data
    appended after any signature, and, when ``original`` is given, the signed file must be the
    original followed by incremental updates (``signed.startswith(original)``). Signing tools never
    rewrite a document: they append an incremental revision holding the signature, so our bytes
    stay, unchanged, at the start of every genuine signed copy; a file that does not start with them
    is not our document, however similar it looks. The appended revisions are then checked to do
    nothing but fill signature fields.

    Revocation is not checked on-line here (no fetching of CRLs or OCSP during an upload).
    """
    try:
        reader = PdfFileReader(BytesIO(signed))
        embedded = reader.embedded_regular_signatures
    except Exception:  # noqa: BLE001 - untrusted upload: any parser failure means "not a readable PDF"
        return Verification(ok=False, problems=[UNREADABLE], signatures=[])
    if not embedded:
        return Verification(ok=False, problems=[NO_SIGNATURE], signatures=[])
    context = ValidationContext(
        trust_roots=[_as_asn1(cert) for cert in trust_roots], allow_fetching=False, revocation_mode="soft-fail"
    )
    problems, signatures = [], []
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, context, key_usage_settings=KEY_USAGE)
        except (SignatureValidationError, ValueError, KeyError) as error:
            logger.info("Signature %s could not be validated: %s", signature.field_name, error)
            problems.append(INVALID)
            continue
        info = _signature_info(signature.field_name, status)
        signatures.append(info)
        problems.extend(_signature_problems(info))
    if original is not None:
        problems.extend(_original_problems(signed, original, reader, already_modified=MODIFIED in problems))
    problems = list(dict.fromkeys(problems))
    return Verification(ok=not problems, problems=problems, signatures=signatures)


def _signature_info(field_name: str, status: PdfSignatureStatus) -> SignatureInfo:
    cert = status.signing_cert
    subject = cert.subject.native
    level = status.modification_level
    return SignatureInfo(
        field_name=field_name,
        signer_name=subject.get("common_name", ""),
        signer_organisation=subject.get("organization_name", ""),
        serial=format(cert.serial_number, "X"),
        issuer_name=cert.issuer.native.get("common_name", ""),
        signing_time=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        coverage=status.coverage.name if status.coverage else "",
        modification_level=level.name if level else None,
    )


def _signature_problems(info: SignatureInfo) -> list[str]:
    if not info.intact:
        return [MODIFIED]  # pyHanko does not go on to check the certificate of a broken signature
    if not info.valid:
        return [INVALID]
    problems = [MODIFIED] if info.modified_after_signing else []
    if not info.trusted:
        problems.append(UNTRUSTED)
    return problems


def _original_problems(signed: bytes, original: bytes, reader: PdfFileReader, *, already_modified: bool) -> list[str]:
    if not signed.startswith(original):
        return [NOT_OURS]
    if already_modified:
        return []
    try:
        base_revision = PdfFileReader(BytesIO(original)).xrefs.total_revisions - 1
        result = FROM_ORIGINAL_POLICY.review_file(reader, base_revision)
    except Exception:  # noqa: BLE001 - a broken original or revision history is a mismatch, not a crash
        logger.info("Could not compare the signed file with the original", exc_info=True)
        return [CHANGED_BEFORE_SIGNING]
    if not isinstance(result, DiffResult) or result.modification_level not in ALLOWED_AFTER_SIGNING:
        return [CHANGED_BEFORE_SIGNING]
    return []


def load_trust_roots(directory: Path) -> list[asn1_x509.Certificate]:
    """Read every PEM or DER certificate (``.pem``, ``.crt``, ``.cer``, ``.der``; a PEM file may hold
    several) in ``directory``, sorted by file name. A missing directory means no trusted roots; an
    unreadable certificate file raises ``ValueError`` naming it."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    certs = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() in FILE_SUFFIXES and path.is_file():
            certs.extend(_read_certificates(path))
    return certs


def _read_certificates(path: Path) -> Iterable[asn1_x509.Certificate]:
    data = path.read_bytes()
    try:
        if pem.detect(data):
            ders = [der for kind, _, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
        else:
            ders = [data]
        certs = [asn1_x509.Certificate.load(der) for der in ders]
        for cert in certs:
            cert.native  # noqa: B018 - parse fully now, so a corrupt file fails here and not at upload time
    except ValueError as error:
        raise ValueError(f"{path}: not a PEM or DER certificate ({error})") from error
    return certs


def _as_asn1(cert) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
