"""Write paths for plans, campaigns, milestones, participation, sub-plan requirements, pledges and targets."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import access as org_access
from emulation import audit, events, organisation
from emulation.models import AuditAction
from emulation.text import nfc, search_key

from .. import access, periods, selectors, snapshots, workflow
from ..models import (
    Campaign,
    Milestone,
    Participation,
    Plan,
    Pledge,
    SubPlanRequirement,
    SubPlanStatus,
    Target,
)


def derive_plan_fields(plan: Plan) -> None:
    plan.title = nfc(plan.title)
    if plan.issued_on and not plan.year:
        plan.year = plan.issued_on.year
    plan.search_key = search_key(f"{plan.reference} {plan.title} {plan.theme} {plan.signer_name}")[:800]


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
    """Save, then record the change. A unique constraint lost to a concurrent request (after the
    form's own check passed) becomes a validation error, and the caller's transaction rolls back."""
    try:
        with transaction.atomic():
            save(obj)
    except IntegrityError as exc:
        raise ValidationError(_("Dữ liệu vừa được người khác ghi trùng; vui lòng kiểm tra lại.")) from exc
    audit.record(actor=actor, action=AuditAction.UPDATE if before is not None else AuditAction.CREATE,
                 obj=obj, before=before)
    return obj


def _audited_delete(actor, obj) -> None:
    audit.record(actor=actor, action=AuditAction.DELETE, obj=obj, before=audit.snapshot(obj))
    obj.delete()


def _check_issuer(plan: Plan, today) -> None:
    """The issuer is in operation on the plan's issue date (``periods.plan_date`` for a plan not yet dated)."""
    on = periods.plan_date(plan.issued_on, plan.year, today or timezone.localdate())
    organisation.check_unit(plan.issuer, on=on, purpose="issue", field="issuer")


@transaction.atomic
def create_plan(*, actor, plan: Plan, today=None) -> Plan:
    if not access.can_create_plan(actor, plan.issuer):
        raise PermissionDenied
    _check_issuer(plan, today)
    plan.created_by = actor if actor.pk else None
    _audited_save(actor, plan, save_plan)
    _file_required_subplan(actor, plan)
    return plan


@transaction.atomic
def update_plan(*, actor, plan: Plan, today=None) -> Plan:
    """Both the plan as stored and as changed must be the actor's (no moving it to another issuer)."""
    current = Plan.objects.select_related("issuer").get(pk=plan.pk)
    if not (access.can_edit_plan(actor, current) and access.can_create_plan(actor, plan.issuer)):
        raise PermissionDenied
    _check_issuer(plan, today)
    _audited_save(actor, plan, save_plan, before=audit.snapshot(current))
    _file_required_subplan(actor, plan)
    return plan


def _file_required_subplan(actor, plan: Plan) -> None:
    """A plan filed under a higher plan that required one from its issuer moves that requirement to
    *filed* (through the sub-plan lifecycle; a requirement already filed or accepted stays as it is)."""
    if plan.parent_id is None:
        return
    requirement = (SubPlanRequirement.objects.select_for_update().select_related("plan", "unit")
                   .filter(plan_id=plan.parent_id, unit_id=plan.issuer_id).first())
    if requirement is not None and requirement.status == SubPlanStatus.REQUIRED:
        workflow.SUBPLAN.apply(requirement, "file", actor=actor, has_subplan=True)


def _sync_participants(actor, campaign: Campaign, units) -> list[Participation]:
    """Make the participants in the actor's scope exactly ``units``; participants the actor cannot
    see (a coordinating agency outside their tree) are left as they are. Returns the new participations."""
    wanted = {u.pk for u in units}
    if not all(org_access.in_scope(actor, unit) for unit in units):
        raise PermissionDenied
    refusals = [why for unit in units if (why := organisation.refusal(
        unit, on=campaign.starts_on, until=campaign.ends_on, purpose="participate"))]
    if refusals:
        raise ValidationError({"participants": refusals})
    existing = {p.unit_id: p for p in Participation.objects.filter(campaign=campaign).select_related("unit")}
    for unit_id, participation in existing.items():
        if org_access.in_scope(actor, participation.unit) and unit_id not in wanted:
            _audited_delete(actor, participation)
    created = []
    for unit_id in sorted(wanted - existing.keys()):
        participation = Participation.objects.create(campaign=campaign, unit_id=unit_id)
        audit.record(actor=actor, action=AuditAction.CREATE, obj=participation)
        created.append(participation)
    return created


def _announce_participants(actor, campaign: Campaign, created: list[Participation], *, launch: bool) -> None:
    """After commit, the new participants learn that they take part (``campaign.launch`` when the campaign is
    created with them, ``campaign.join`` when units are added later). The key names the campaign or the
    first new participation, so a re-delivered event tells nobody twice."""
    if not created:
        return
    key = f"campaign-launch-{campaign.pk}" if launch else f"campaign-join-{created[0].pk}"
    events.emit(events.Event(
        name="campaign.launch" if launch else "campaign.join", actor_id=actor.pk, model_label="campaigns.Campaign",
        object_id=campaign.pk, unit_id=campaign.plan.issuer_id, source="", target="",
        data={"unit_ids": [p.unit_id for p in created]}, key=key))


@transaction.atomic
def create_campaign(*, actor, campaign: Campaign, participant_units=()) -> Campaign:
    if not access.can_create_campaign(actor, campaign.plan):
        raise PermissionDenied
    _audited_save(actor, campaign, save_campaign)
    _announce_participants(actor, campaign, _sync_participants(actor, campaign, participant_units), launch=True)
    return campaign


@transaction.atomic
def update_campaign(*, actor, campaign: Campaign, participant_units=None) -> Campaign:
    """``participant_units``: the full new set of participating units (None leaves them as they are)."""
    current = Campaign.objects.select_related("plan__issuer").get(pk=campaign.pk)
    if not access.can_edit_campaign(actor, current) or current.plan_id != campaign.plan_id:
        raise PermissionDenied
    _audited_save(actor, campaign, save_campaign, before=audit.snapshot(current))
    if participant_units is not None:
        _announce_participants(actor, campaign, _sync_participants(actor, campaign, participant_units),
                               launch=False)
    return campaign


@transaction.atomic
def add_milestone(*, actor, milestone: Milestone) -> Milestone:
    """A milestone lies within the emulation period, except the kinds that come after it (final review,
    ceremony, deadlines: ``periods.AFTER_PERIOD_KINDS``); it never ends before it starts."""
    if not access.can_edit_campaign(actor, milestone.campaign):
        raise PermissionDenied
    milestone.full_clean()
    campaign = milestone.campaign
    if problem := periods.milestone_date_error(milestone.kind, milestone.starts_on, milestone.ends_on,
                                               campaign.starts_on, campaign.ends_on):
        raise ValidationError({"starts_on": problem})
    return _audited_save(actor, milestone, Milestone.save)


@transaction.atomic
def set_subplan_requirements(*, actor, plan: Plan, units, due_on) -> list[SubPlanRequirement]:
    """Require exactly ``units`` to file their own plan under ``plan`` by ``due_on``: new units are
    added, the others get the new date, units left out are no longer required."""
    if not access.can_set_subplan_requirements(actor, plan):
        raise PermissionDenied
    wanted = {u.pk: u for u in units}
    if wanted and due_on is None:
        raise ValidationError({"due_on": _("Nhập hạn gửi kế hoạch.")})
    allowed = set(selectors.subplan_candidate_units(plan).filter(pk__in=wanted).values_list("pk", flat=True))
    if outside := [str(u) for pk, u in wanted.items() if pk not in allowed]:
        raise ValidationError({"units": _("Không thuộc các đơn vị cấp dưới của kế hoạch: %(units)s.")
                               % {"units": ", ".join(outside)}})
    existing = {r.unit_id: r for r in SubPlanRequirement.objects.filter(plan=plan).select_related("unit")}
    for unit_id, requirement in existing.items():
        if unit_id not in wanted:
            _audited_delete(actor, requirement)
    saved = []
    for unit_id in sorted(wanted):
        requirement = existing.get(unit_id) or SubPlanRequirement(plan=plan, unit_id=unit_id)
        if requirement.pk and requirement.due_on == due_on:
            saved.append(requirement)
            continue
        before = audit.snapshot(requirement) if requirement.pk else None
        requirement.due_on = due_on
        saved.append(_audited_save(actor, requirement, SubPlanRequirement.save, before=before))
        _announce_requirement(actor, requirement)
    return saved


def _announce_requirement(actor, requirement: SubPlanRequirement) -> None:
    """``subplan.require`` after commit: the unit is asked for its plan by this date (a new date: told again;
    a unit whose plan is already filed or accepted is not asked)."""
    if requirement.status not in (SubPlanStatus.REQUIRED, SubPlanStatus.RETURNED):
        return
    events.emit(events.Event(
        name="subplan.require", actor_id=actor.pk, model_label="campaigns.SubPlanRequirement",
        object_id=requirement.pk, unit_id=requirement.unit_id, source="", target=requirement.status,
        key=f"subplan-require-{requirement.pk}-{requirement.due_on:%Y%m%d}"))


def _check_pledge(pledge: Pledge) -> None:
    """One collective pledge per unit and one per officer in a campaign; the officer works in the unit."""
    if pledge.officer_id and pledge.officer.unit_id != pledge.unit_id:
        raise ValidationError({"officer": _("Cán bộ không thuộc đơn vị đã chọn.")})
    if pledge.registered_on:
        organisation.check_unit(pledge.unit, on=pledge.registered_on, purpose="pledge", field="unit")
    campaign = pledge.campaign
    if problem := periods.pledge_date_error(pledge.registered_on, campaign.starts_on, campaign.ends_on,
                                            campaign.pledges_due_on):
        raise ValidationError({"registered_on": problem})
    duplicate = Pledge.objects.filter(campaign=pledge.campaign, unit=pledge.unit, officer=pledge.officer)
    if duplicate.exclude(pk=pledge.pk).exists():
        raise ValidationError(_("%(who)s đã đăng ký giao ước thi đua cho phong trào này.")
                              % {"who": pledge.officer or pledge.unit})


@transaction.atomic
def register_pledge(*, actor, pledge: Pledge) -> Pledge:
    if not access.can_register_pledge(actor, pledge.campaign, pledge.unit):
        raise PermissionDenied
    _check_pledge(pledge)
    pledge.registered_by = actor if actor.pk else None
    pledge.full_clean(validate_constraints=False)
    return _audited_save(actor, pledge, Pledge.save)


@transaction.atomic
def update_pledge(*, actor, pledge: Pledge) -> Pledge:
    """Only while it is a draft or returned (``workflow.PLEDGE_EDITING``); the pledge stays in its campaign;
    its unit must still be one the actor may register for."""
    current = Pledge.objects.select_for_update().select_related("campaign__plan").get(pk=pledge.pk)
    workflow.PLEDGE_EDITING.check(actor, current)
    allowed = current.campaign_id == pledge.campaign_id
    if not allowed or not access.can_register_pledge(actor, pledge.campaign, pledge.unit):
        raise PermissionDenied
    _check_pledge(pledge)
    pledge.full_clean(validate_constraints=False)
    return _audited_save(actor, pledge, _save_pledge_content, before=audit.snapshot(current))


PLEDGE_CONTENT = ["unit", "officer", "registered_on", "content", "target_title"]


def _save_pledge_content(pledge: Pledge) -> None:
    """The text only: the status moves through ``workflow.PLEDGE`` alone."""
    pledge.save(update_fields=PLEDGE_CONTENT)


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


def _recompute_after_commit(campaign_id: int) -> None:
    transaction.on_commit(lambda: snapshots.request_recompute(campaign_id))
