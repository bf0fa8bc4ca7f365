"""Admin for plans, campaigns, sub-plan requirements and pledges.

Every save and delete is audited (``AuditedModelAdmin``), inlines included; deleting a plan or a
campaign also records each object the deletion cascades to. Plans and campaigns are saved through
``save_plan``/``save_campaign`` so their search keys are derived as everywhere else.
"""

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.db import router

from emulation import audit
from emulation.admin import AuditedModelAdmin
from emulation.models import AuditAction

from . import services
from .models import Campaign, Milestone, Participation, Plan, Pledge, SubPlanRequirement


class CascadeAuditedAdmin(AuditedModelAdmin):
    def delete_model(self, request, obj):
        collector = NestedObjects(using=router.db_for_write(type(obj)))  # no fast deletes: every row is listed
        collector.collect([obj])
        for instances in collector.data.values():
            for instance in sorted(instances, key=lambda i: i.pk):
                audit.record(actor=request.user, action=AuditAction.DELETE, obj=instance,
                             before=audit.snapshot(instance))
        obj.delete()


class CampaignInline(admin.TabularInline):
    model = Campaign
    extra = 0
    fields = ["kind", "name", "starts_on", "ends_on"]
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(CascadeAuditedAdmin):
    list_display = ["reference", "title", "issuer", "year", "issued_on"]
    list_filter = ["year"]
    list_select_related = ["issuer"]
    search_fields = ["title", "symbol", "search_key"]
    autocomplete_fields = ["issuer", "parent"]
    readonly_fields = ["created_by"]
    inlines = [CampaignInline]

    def persist(self, obj):
        services.save_plan(obj)

    def persist_inline(self, obj):
        services.save_campaign(obj)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(Campaign)
class CampaignAdmin(CascadeAuditedAdmin):
    list_display = ["name", "kind", "plan", "starts_on", "ends_on"]
    list_filter = ["kind"]
    list_select_related = ["plan"]
    search_fields = ["name", "search_key"]
    autocomplete_fields = ["plan"]
    inlines = [MilestoneInline, ParticipationInline]

    def persist(self, obj):
        services.save_campaign(obj)


@admin.register(Pledge)
class PledgeAdmin(AuditedModelAdmin):
    list_display = ["__str__", "campaign", "unit", "officer", "registered_on"]
    list_select_related = ["campaign", "unit", "officer"]
    search_fields = ["unit__name", "officer__full_name", "campaign__name", "officer__search_key"]
    autocomplete_fields = ["campaign", "unit", "officer"]
    # The status and review fields move only through ``workflow.PLEDGE`` (the pages).
    readonly_fields = ["registered_by", "status", "reviewed_by", "return_reason", "returned_at"]


@admin.register(SubPlanRequirement)
class SubPlanRequirementAdmin(AuditedModelAdmin):
    list_display = ["plan", "unit", "due_on", "status"]
    list_select_related = ["plan", "unit"]
    autocomplete_fields = ["plan", "unit"]
    readonly_fields = ["status", "return_reason"]  # through ``workflow.SUBPLAN`` only
