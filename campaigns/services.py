"""Write paths for plans, campaigns, milestones, participation, sub-plans and pledges."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from emulation import audit
from emulation.models import AuditAction
from emulation.text import nfc, search_key

from . import access, snapshots
from .attainment import input_errors
from .models import (
    Campaign,
    Milestone,
    Participation,
    Plan,
    Pledge,
    Result,
    ResultStatus,
    ResultValue,
    SubPlanRequirement,
    Target,
)


def derive_plan_fields(plan: Plan) -> None:
    plan.title = nfc(plan.title)
    if plan.issued_on and not plan.year:
        plan.year = plan.issued_on.year
    plan.search_key = search_key(f"{plan.reference} {plan.title} {plan.theme}")[:800]


def save_plan(plan: Plan) -> Plan:
    """Persist a plan with its derived fields (services, importers and demo data use this)."""
    derive_plan_fields(plan)
    plan.full_clean()
    plan.save()
    return plan


def derive_campaign_fields(campaign: Campaign) -> None:
    campaign.name = nfc(campaign.name)
    campaign.search_key = search_key(f"{campaign.name} {campaign.theme}")[:600]


def save_campaign(campaign: Campaign) -> Campaign:
    derive_campaign_fields(campaign)
    campaign.full_clean()
    campaign.save()
    return campaign


def _audited_save(actor, obj, save, *, before=None):
    save(obj)
    audit.record(actor=actor, action=AuditAction.UPDATE if before is not None else AuditAction.CREATE,
                 obj=obj, before=before)
    return obj


@transaction.atomic
def create_plan(*, actor, plan: Plan) -> Plan:
    if not access.can_create_plan(actor, plan.issuer):
        raise PermissionDenied
    plan.created_by = actor if actor.pk else None
    return _audited_save(actor, plan, save_plan)


@transaction.atomic
def update_plan(*, actor, plan: Plan) -> Plan:
    current = Plan.objects.select_related("issuer").get(pk=plan.pk)
    if not (access.can_edit_plan(actor, current) and access.can_create_plan(actor, plan.issuer)):
        raise PermissionDenied
    return _audited_save(actor, plan, save_plan, before=audit.snapshot(current))


def _sync_participants(actor, campaign: Campaign, units) -> None:
    wanted = {u.pk for u in units}
    existing = {p.unit_id: p for p in campaign.participations.all()}
    for unit_id, participation in existing.items():
        if unit_id not in wanted:
            audit.record(actor=actor, action=AuditAction.DELETE, obj=participation,
                         before=audit.snapshot(participation), unit_id=unit_id)
            participation.delete()
    for unit_id in wanted - existing.keys():
        participation = Participation.objects.create(campaign=campaign, unit_id=unit_id)
        audit.record(actor=actor, action=AuditAction.CREATE, obj=participation)


@transaction.atomic
def create_campaign(*, actor, campaign: Campaign, participant_units=()) -> Campaign:
    if not access.can_edit_plan(actor, campaign.plan):
        raise PermissionDenied
    _audited_save(actor, campaign, save_campaign)
    _sync_participants(actor, campaign, participant_units)
    return campaign


@transaction.atomic
def update_campaign(*, actor, campaign: Campaign, participant_units=None) -> Campaign:
    current = Campaign.objects.select_related("plan__issuer").get(pk=campaign.pk)
    if not access.can_edit_campaign(actor, current):
        raise PermissionDenied
    _audited_save(actor, campaign, save_campaign, before=audit.snapshot(current))
    if participant_units is not None:
        _sync_participants(actor, campaign, participant_units)
    return campaign


@transaction.atomic
def add_milestone(*, actor, milestone: Milestone) -> Milestone:
    if not access.can_edit_campaign(actor, milestone.campaign):
        raise PermissionDenied
    milestone.full_clean()
    return _audited_save(actor, milestone, Milestone.save)


@transaction.atomic
def set_subplan_requirements(*, actor, plan: Plan, units, due_on) -> list[SubPlanRequirement]:
    """Require each unit to file its own plan by ``due_on`` (existing requirements get the new date)."""
    if not access.can_set_subplan_requirements(actor, plan):
        raise PermissionDenied
    saved = []
    for unit in units:
        requirement = SubPlanRequirement.objects.filter(plan=plan, unit=unit).first()
        before = audit.snapshot(requirement) if requirement else None
        requirement = requirement or SubPlanRequirement(plan=plan, unit=unit)
        requirement.due_on = due_on
        saved.append(_audited_save(actor, requirement, SubPlanRequirement.save, before=before))
    return saved


def _check_pledge(pledge: Pledge) -> None:
    if pledge.officer_id and pledge.officer.unit_id != pledge.unit_id:
        raise ValidationError({"officer": "Cán bộ không thuộc đơn vị đã chọn."})
    duplicate = Pledge.objects.filter(campaign=pledge.campaign, unit=pledge.unit, officer=pledge.officer)
    if duplicate.exclude(pk=pledge.pk).exists():
        who = pledge.officer or pledge.unit
        raise ValidationError(f"{who} đã đăng ký giao ước thi đua cho phong trào này.")


@transaction.atomic
def register_pledge(*, actor, pledge: Pledge) -> Pledge:
    if not access.can_register_pledge(actor, pledge.campaign, pledge.unit):
        raise PermissionDenied
    _check_pledge(pledge)
    pledge.registered_by = actor
    return _audited_save(actor, pledge, Pledge.save)


@transaction.atomic
def update_pledge(*, actor, pledge: Pledge) -> Pledge:
    current = Pledge.objects.get(pk=pledge.pk)
    if not access.can_edit_pledge(actor, current):
        raise PermissionDenied
    _check_pledge(pledge)
    return _audited_save(actor, pledge, Pledge.save, before=audit.snapshot(current))


@transaction.atomic
def save_target(*, actor, target: Target, brackets_formset) -> Target:
    """Create or update a target and its bracket table (gaps are allowed, and reported on the page)."""
    if not access.can_edit_campaign(actor, target.campaign):
        raise PermissionDenied
    before = audit.snapshot(Target.objects.get(pk=target.pk)) if target.pk else None
    target.full_clean()
    target.save()
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=target, before=before)
    brackets_formset.instance = target
    for form in brackets_formset.initial_forms:
        if form in brackets_formset.deleted_forms and form.instance.pk:
            audit.record(actor=actor, action=AuditAction.DELETE, obj=form.instance,
                         before=audit.snapshot(form.instance), unit_id=target.campaign.plan.issuer_id)
    changed_before = {f.instance.pk: audit.snapshot(type(f.instance).objects.get(pk=f.instance.pk))
                      for f in brackets_formset.initial_forms if f.instance.pk and f.has_changed()}
    for bracket in brackets_formset.save():
        audit.record(actor=actor, action=AuditAction.UPDATE if bracket.pk in changed_before else AuditAction.CREATE,
                     obj=bracket, before=changed_before.get(bracket.pk), unit_id=target.campaign.plan.issuer_id)
    _recompute_after_commit(target.campaign_id)
    return target


# Results (kết quả): enter, submit, confirm. Confirmed results change only with a reason from staff.


def result_errors(result: Result) -> dict[str, list[str]]:
    """Cross-field checks: completed ≤ with conditions ≤ total (cases and money); date in the results period."""
    errors = {}
    for key, label in (("cases", "về việc"), ("money", "về tiền")):
        problems = input_errors(getattr(result, f"{key}_completed"), getattr(result, f"{key}_with_conditions"),
                                getattr(result, f"{key}_total"))
        if problems:
            errors[f"{key}_completed"] = [f"{p} ({label})" for p in problems]
    start, end = result.campaign.results_period
    if result.as_of and not start <= result.as_of <= end:
        errors["as_of"] = [f"Ngày số liệu phải trong kỳ tính kết quả {start:%d/%m/%Y} – {end:%d/%m/%Y}."]
    return errors


def _check_can_write(actor, result: Result, reason: str) -> None:
    if not access.can_enter_results(actor, result.campaign, result.unit):
        raise PermissionDenied
    if result.pk and Result.objects.get(pk=result.pk).status == ResultStatus.CONFIRMED:
        if not access.can_confirm_results(actor, result.campaign):
            raise PermissionDenied
        if not reason.strip():
            raise ValidationError({"reason": "Số liệu đã xác nhận: phải ghi lý do khi sửa."})


@transaction.atomic
def save_result(*, actor, result: Result, values: dict, reason: str = "") -> Result:
    """``values``: target id → (number, achieved) for the campaign-specific targets."""
    _check_can_write(actor, result, reason)
    errors = result_errors(result)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(Result.objects.get(pk=result.pk)) if result.pk else None
    result.updated_by = actor
    result.full_clean()
    result.save()
    for target_id, (number, achieved) in values.items():
        ResultValue.objects.update_or_create(result=result, target_id=target_id,
                                             defaults={"number": number, "achieved": achieved})
    if result.status == ResultStatus.CONFIRMED:
        _recompute_after_commit(result.campaign_id)
    after = audit.snapshot(result) | ({"reason": reason} if reason else {})
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, obj=result,
                 before=before, after=after | {"values": {str(k): [str(v[0]), v[1]] for k, v in values.items()}})
    return result


@transaction.atomic
def change_status(*, actor, result: Result, status: str) -> Result:
    """Draft → submitted (the unit), submitted → confirmed or back to draft (department staff)."""
    current = Result.objects.select_for_update().get(pk=result.pk)
    allowed = {
        (ResultStatus.DRAFT, ResultStatus.SUBMITTED): access.can_enter_results(actor, current.campaign, current.unit),
        (ResultStatus.SUBMITTED, ResultStatus.CONFIRMED): access.can_confirm_results(actor, current.campaign),
        (ResultStatus.SUBMITTED, ResultStatus.DRAFT): access.can_confirm_results(actor, current.campaign),
    }
    if not allowed.get((current.status, status), False):
        raise PermissionDenied
    before = audit.snapshot(current)
    current.status = status
    if status == ResultStatus.CONFIRMED:
        current.confirmed_by = actor
    current.save(update_fields=["status", "confirmed_by", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=current, before=before)
    if ResultStatus.CONFIRMED in (before["status"], status):
        _recompute_after_commit(current.campaign_id)
    return current


def _recompute_after_commit(campaign_id: int) -> None:
    transaction.on_commit(lambda: snapshots.request_recompute(campaign_id))
