"""Write paths for the register of initiatives: create, edit and delete an initiative with its
authors. Each: permission → validation → transaction → audit entry. The authors are written all at
once or not at all: a refused share leaves the initiative as it was."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation import access as org_access
from emulation import audit
from emulation.models import AuditAction, Officer
from emulation.text import nfc

from .. import access
from ..authorship import authors_words, share_problems
from ..models import Initiative, InitiativeAuthor
from ..uploads import MAX_SCAN_BYTES, SCAN_TYPES, check_upload
from .typical import stored_name


@dataclass(frozen=True)
class Share:
    officer: Officer
    share: int


def _state(initiative: Initiative, shares: list[Share]) -> dict:
    return {**audit.snapshot(initiative),
            "authors": authors_words([(s.officer.full_name, s.share) for s in shares])}


def _current_shares(initiative: Initiative) -> list[Share]:
    return [Share(a.officer, a.share) for a in initiative.authors.select_related("officer").order_by("position", "id")]


def _clean(actor, initiative: Initiative, shares: list[Share]) -> None:
    for name in ("title", "field", "decision_number", "decided_by", "result"):
        setattr(initiative, name, nfc(getattr(initiative, name).strip()))
    if problems := share_problems([(s.officer.pk, s.share) for s in shares]):
        raise ValidationError({"__all__": problems})
    if any(not org_access.in_scope(actor, s.officer.unit) for s in shares):
        raise ValidationError({"__all__": [_("Có tác giả không thuộc phạm vi đơn vị của bạn.")]})
    initiative.full_clean(exclude=["attachment", "created_by"])


def _write(initiative: Initiative, shares: list[Share], attachment) -> None:
    if attachment:
        check_upload(attachment, allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES)
        initiative.attachment.save(stored_name(attachment), attachment, save=False)
    initiative.save()
    initiative.authors.all().delete()
    InitiativeAuthor.objects.bulk_create(InitiativeAuthor(initiative=initiative, officer=s.officer, share=s.share,
                                                          position=index) for index, s in enumerate(shares))


@transaction.atomic
def create_initiative(*, actor, initiative: Initiative, shares: list[Share], attachment=None) -> Initiative:
    if not access.can_edit_initiative(actor, initiative):
        raise PermissionDenied
    _clean(actor, initiative, shares)
    initiative.created_by = actor if actor.pk else None
    _write(initiative, shares, attachment)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=initiative, after=_state(initiative, shares))
    return initiative


@transaction.atomic
def update_initiative(*, actor, initiative: Initiative, shares: list[Share], attachment=None) -> Initiative:
    """The form may move the initiative to another unit: the user must be able to change both."""
    current = Initiative.objects.select_for_update().select_related("unit").get(pk=initiative.pk)
    if not (access.can_edit_initiative(actor, current) and access.can_edit_initiative(actor, initiative)):
        raise PermissionDenied
    before = _state(current, _current_shares(current))
    initiative.created_by_id = current.created_by_id
    _clean(actor, initiative, shares)
    _write(initiative, shares, attachment)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=initiative, before=before,
                 after=_state(initiative, shares))
    return initiative


@transaction.atomic
def delete_initiative(*, actor, initiative: Initiative) -> None:
    current = Initiative.objects.select_for_update().select_related("unit").get(pk=initiative.pk)
    if not access.can_edit_initiative(actor, current):
        raise PermissionDenied
    before = _state(current, _current_shares(current))
    audit.record(actor=actor, action=AuditAction.DELETE, obj=current, before=before, unit_id=current.unit_id)
    current.delete()
