"""Write paths for typical examples (điển hình tiên tiến): create and edit, notes with evidence, stage
moves, and publication on the public honour board. Each: permission → validation → transaction →
audit entry."""

import secrets
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from campaigns.models import CampaignKind, Participation
from emulation import audit
from emulation.models import AuditAction
from emulation.text import nfc

from .. import access, stages
from ..models import PublicationState, Stage, TypicalExample, TypicalExampleNote
from ..selectors import typical as selectors
from ..uploads import EVIDENCE_TYPES, MAX_PHOTO_BYTES, MAX_SCAN_BYTES, PHOTO_TYPES, check_upload

STATE_FIELDS = ("campaign_id", "stage", "publication", "published_at", "published_by_id", "created_by_id")
PUBLIC_CONTENT = ("title", "story", "photo", "unit_id", "officer_id", "level")


def stored_name(upload) -> str:
    """A name nobody can guess (the files stay private until served through a view), keeping the
    original name readable after the random part."""
    original = PurePath(getattr(upload, "name", "") or "tep").name
    return f"{secrets.token_hex(8)}-{get_valid_filename(original)[-80:]}"


def _check_subject(example: TypicalExample) -> None:
    campaign = example.campaign
    if campaign.kind != CampaignKind.TYPICAL_EXAMPLES:
        raise ValidationError({"campaign": _("Chọn kế hoạch xây dựng, nhân rộng điển hình tiên tiến.")})
    if example.officer_id and example.officer.unit_id != example.unit_id:
        raise ValidationError({"officer": _("Cán bộ không thuộc đơn vị đã chọn.")})
    issuer = campaign.plan.issuer
    in_organisation = example.unit.path.startswith(issuer.path)
    if not in_organisation and not Participation.objects.filter(campaign=campaign, unit=example.unit).exists():
        raise ValidationError({"unit": _("Đơn vị không thuộc phạm vi của kế hoạch này.")})


def _check_level(example: TypicalExample) -> None:
    if not example.level:
        return
    reasons = stages.level_reasons(example.level, is_collective=example.officer_id is None,
                                   is_leader=bool(example.officer_id and example.officer.is_leader),
                                   earlier_levels=selectors.earlier_levels(example))
    if missing := stages.blocking(reasons):
        raise ValidationError({"level": missing})


def _attach_photo(example: TypicalExample, photo) -> None:
    if photo:
        check_upload(photo, allowed=PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES)
        example.photo.save(stored_name(photo), photo, save=False)


def _clean(example: TypicalExample) -> None:
    example.title, example.story = nfc(example.title.strip()), nfc(example.story.strip())
    _check_subject(example)
    _check_level(example)
    example.full_clean(exclude=["photo", "created_by", "published_by", "published_at"])


@transaction.atomic
def create_typical_example(*, actor, example: TypicalExample, photo=None) -> TypicalExample:
    """A unit head for their unit's collective or officers; staff for any unit in their scope."""
    if not access.can_edit_typical_example(actor, example):
        raise PermissionDenied
    example.stage, example.publication = Stage.DETECT, PublicationState.PRIVATE
    example.published_at = example.published_by = None
    example.created_by = actor if actor.pk else None
    _clean(example)
    _attach_photo(example, photo)
    example.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=example)
    return example


@transaction.atomic
def update_typical_example(*, actor, example: TypicalExample, photo=None) -> TypicalExample:
    """Edit the content; stage and publication only change through their own actions. A published
    example edited by someone who may not publish goes back to waiting for approval."""
    current = TypicalExample.objects.select_for_update().get(pk=example.pk)
    if not (access.can_edit_typical_example(actor, current) and access.can_edit_typical_example(actor, example)):
        raise PermissionDenied
    for field in STATE_FIELDS:
        setattr(example, field, getattr(current, field))
    _clean(example)
    _attach_photo(example, photo)
    changed = any(getattr(current, f) != getattr(example, f) for f in PUBLIC_CONTENT)
    if changed and current.publication == PublicationState.PUBLISHED \
            and not access.can_publish_typical_example(actor, example):
        example.publication = PublicationState.REQUESTED
        example.published_at = example.published_by = None
    example.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=example, before=audit.snapshot(current))
    return example


def _lock(actor, example: TypicalExample, allowed) -> dict:
    """Lock the row, refresh the state fields from it and check permission; the snapshot before."""
    current = TypicalExample.objects.select_for_update().get(pk=example.pk)
    for field in STATE_FIELDS:
        setattr(example, field, getattr(current, field))
    if not allowed(actor, example):
        raise PermissionDenied
    return audit.snapshot(current)


def _record_note(actor, example, text: str, evidence=None) -> TypicalExampleNote:
    note = TypicalExampleNote(example=example, stage=example.stage, text=nfc(text.strip()),
                              author=actor if actor.pk else None)
    note.full_clean(exclude=["evidence", "author"])
    if evidence:
        check_upload(evidence, allowed=EVIDENCE_TYPES, max_bytes=MAX_SCAN_BYTES)
        note.evidence.save(stored_name(evidence), evidence, save=False)
    note.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=note, unit_id=example.unit_id)
    return note


@transaction.atomic
def add_note(*, actor, example: TypicalExample, text: str, evidence=None) -> TypicalExampleNote:
    """A note (with optional evidence: PDF, JPEG or PNG) at the example's current stage."""
    _lock(actor, example, access.can_edit_typical_example)
    if not text.strip():
        raise ValidationError({"text": _("Nhập nội dung ghi nhận.")})
    return _record_note(actor, example, text, evidence)


@transaction.atomic
def move_stage(*, actor, example: TypicalExample, to_stage: str, reason: str = "") -> TypicalExample:
    """Forward one step when the current stage is complete; back one step with a reason (kept as a
    note at the stage being left)."""
    before = _lock(actor, example, access.can_edit_typical_example)
    blockers = stages.move_blockers(example.stage, to_stage, reason=reason,
                                    notes_at_stage=selectors.notes_at_stage(example, example.stage),
                                    has_story=bool(example.story.strip()), has_level=bool(example.level))
    if blockers:
        raise ValidationError(blockers)
    if to_stage == stages.previous_stage(example.stage):
        with translation.override("vi"):  # a stored record: in Vietnamese whatever the actor's interface language
            text = _("Quay lại giai đoạn “%(stage)s”. Lý do: %(reason)s") % {
                "stage": Stage(to_stage).label, "reason": reason.strip()}
        _record_note(actor, example, text)
    example.stage = to_stage
    example.save(update_fields=["stage"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=example, before=before)
    return example


@transaction.atomic
def request_publication(*, actor, example: TypicalExample) -> TypicalExample:
    """The unit head (or staff) asks the standing office to publish on the honour board."""
    before = _lock(actor, example, access.can_edit_typical_example)
    if example.publication != PublicationState.PRIVATE:
        raise ValidationError(_("Điển hình này đã được đề nghị hoặc đã công bố."))
    if blockers := stages.publication_blockers(has_photo=bool(example.photo), has_story=bool(example.story.strip())):
        raise ValidationError(blockers)
    example.publication = PublicationState.REQUESTED
    example.save(update_fields=["publication"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=example, before=before)
    return example


@transaction.atomic
def approve_publication(*, actor, example: TypicalExample) -> TypicalExample:
    """Staff of the campaign's issuing unit publish a requested example on the honour board."""
    before = _lock(actor, example, access.can_publish_typical_example)
    if example.publication != PublicationState.REQUESTED:
        raise ValidationError(_("Chỉ duyệt công bố điển hình đang chờ duyệt."))
    if blockers := stages.publication_blockers(has_photo=bool(example.photo), has_story=bool(example.story.strip())):
        raise ValidationError(blockers)
    example.publication = PublicationState.PUBLISHED
    example.published_at, example.published_by = timezone.now(), actor
    example.save(update_fields=["publication", "published_at", "published_by"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=example, before=before)
    return example


@transaction.atomic
def withdraw_publication(*, actor, example: TypicalExample) -> TypicalExample:
    """Staff take an example off the honour board, or turn down a request: it becomes private again."""
    before = _lock(actor, example, access.can_publish_typical_example)
    if example.publication == PublicationState.PRIVATE:
        raise ValidationError(_("Điển hình này chưa được công bố."))
    example.publication = PublicationState.PRIVATE
    example.published_at = example.published_by = None
    example.save(update_fields=["publication", "published_at", "published_by"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=example, before=before)
    return example
