"""Staff set up what a campaign offers: award forms with their criteria and quotas. Each change is
audited; nominations already submitted keep the eligibility they were judged with."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation import audit
from emulation.models import AuditAction

from .. import access
from ..models import CampaignAward


def _save(actor, obj, unit_id) -> None:
    before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if obj.pk else None
    obj.full_clean()
    obj.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=obj, before=before,
                 unit_id=unit_id)


@transaction.atomic
def save_campaign_award(*, actor, award: CampaignAward, criteria=(), quotas=(), removed=()) -> CampaignAward:
    """``criteria`` and ``quotas``: unsaved or changed rows of ``award``; ``removed``: rows to delete."""
    if not access.is_campaign_staff(actor, award.campaign):
        raise PermissionDenied
    unit_id = award.campaign.plan.issuer_id
    if award.pk and award.nominations.exists():
        stored = CampaignAward.objects.get(pk=award.pk)
        if (stored.award_form_id, stored.decided_here) != (award.award_form_id, award.decided_here):
            raise ValidationError(_("Đã có đề nghị theo hình thức này: không đổi hình thức hay thẩm quyền được."))
    _save(actor, award, unit_id)
    for obj in removed:
        audit.record(actor=actor, action=AuditAction.DELETE, obj=obj, before=audit.snapshot(obj), unit_id=unit_id)
        obj.delete()
    for obj in [*criteria, *quotas]:
        obj.campaign_award = award
        _save(actor, obj, unit_id)
    return award
