"""Write paths of the reports app: a signed copy uploaded back and verified."""

import hashlib

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from awards import access as award_access
from awards.models import AttachmentKind, Nomination, Proposal
from awards.services import proposals as proposal_services
from awards.uploads import check_upload
from emulation import audit, events
from emulation.events import Event
from emulation.models import AuditAction

from . import access, selectors, signatures
from .documents import KINDS
from .models import GeneratedDocument, SignedUpload

MAX_SIGNED_BYTES = 25 * 1024 * 1024


def can_upload_signed(user, document: GeneratedDocument) -> bool:
    try:
        record = selectors.owner_record(user, KINDS[document.kind].owner, document.object_id)
    except ObjectDoesNotExist:
        return False
    return access.can_upload_signed(user, document, record)


def _signature_record(info: signatures.SignatureInfo) -> dict:
    return {"field": info.field_name, "signer": info.signer_name, "organisation": info.signer_organisation,
            "serial": info.serial, "issuer": info.issuer_name,
            "signed_at": info.signing_time.isoformat() if info.signing_time else None,
            "intact": info.intact, "valid": info.valid, "trusted": info.trusted}


class SignatureRefused(ValidationError):
    """The signed copy did not verify: its reasons, for the page and for the uploader's inbox."""

    def __init__(self, problems, *, digest: str):
        self.problems, self.digest = list(problems), digest
        super().__init__([_("Bản ký số không được chấp nhận:"), *self.problems])


def tell_refusal(*, actor, document: GeneratedDocument, refused: SignatureRefused) -> None:
    """After the refused upload rolled back: the uploader also finds the reasons in the inbox (a system event,
    so the uploader is told; once per document and file, however often the same file is tried)."""
    reason = "; ".join(problem.rstrip(". ") for problem in refused.problems)
    events.emit(Event(name="signed_copy.refuse", actor_id=None, model_label="reports.generateddocument",
                      object_id=document.pk, unit_id=None, source="", target="", reason=reason,
                      data={"uploader_id": actor.pk}, key=f"signed-refused-{document.pk}-{refused.digest[:32]}"))


@transaction.atomic
def attach_signed(*, actor, document: GeneratedDocument, file) -> SignedUpload:
    """Verify the signed copy against the file the system generated; keep it only when it verifies."""
    if not can_upload_signed(actor, document):
        raise PermissionDenied
    check_upload(file, allowed={"pdf"}, max_bytes=MAX_SIGNED_BYTES)
    file.seek(0)
    data = file.read()
    GeneratedDocument.objects.select_for_update().filter(pk=document.pk).first()  # one upload at a time
    digest = hashlib.sha256(data).hexdigest()
    existing = document.signed_copies.filter(sha256=digest).first()
    if existing is not None:  # the same file again (a second click): already verified and kept
        return existing
    with document.file.open("rb") as original:
        original_bytes = original.read()
    roots = signatures.load_trust_roots(settings.SIGNATURE_TRUST_ROOTS_DIR)
    outcome = signatures.verify_signed_pdf(data, original=original_bytes, trust_roots=roots)
    if not outcome.ok:
        raise SignatureRefused(outcome.problems, digest=digest)
    upload = SignedUpload(document=document, sha256=digest, uploaded_by=actor,
                          signatures=[_signature_record(s) for s in outcome.signatures])
    upload.file.save(document.filename.replace(".pdf", "-da-ky.pdf"), ContentFile(data), save=False)
    upload.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=upload)
    _attach_to_proposal(actor, document, upload, data)
    return upload


# A signed paper of a proposal still being prepared joins its dossier, as a scan of it would.
PROPOSAL_ATTACHMENTS = {"proposal_minutes": AttachmentKind.MINUTES, "proposal_letter": AttachmentKind.PROPOSAL_LETTER,
                        "nomination_report": AttachmentKind.REPORT}


def _attach_to_proposal(actor, document: GeneratedDocument, upload: SignedUpload, data: bytes) -> None:
    """Sets ``upload.attached`` when the copy joined the proposal's attachments."""
    upload.attached = False
    kind = PROPOSAL_ATTACHMENTS.get(document.kind)
    if kind is None:
        return
    if document.kind == "nomination_report":
        nomination = Nomination.objects.select_related("proposal").get(pk=document.object_id)
        proposal = nomination.proposal
    else:
        nomination, proposal = None, Proposal.objects.get(pk=document.object_id)
    if not proposal.is_editable or not award_access.can_edit_proposal(actor, proposal):
        return  # a submitted proposal is not changed: the signed copy stays on the document
    try:
        with transaction.atomic():
            proposal_services.attach(actor=actor, proposal=proposal, kind=kind, nomination=nomination,
                                     upload=ContentFile(data, name=upload.file.name.rsplit("/", 1)[-1]))
    except ValidationError:  # over the attachments' size limit: the verified copy stays on the document
        return
    upload.attached = True
