"""Admin for plans, campaigns and pledges; every change is audited (``AuditedModelAdmin``)."""

from django.contrib import admin

from emulation.admin import AuditedModelAdmin

from . import services
from .models import Campaign, Milestone, Participation, Plan, Pledge, SubPlanRequirement


class CampaignInline(admin.TabularInline):
    model = Campaign
    extra = 0
    fields = ["kind", "name", "starts_on", "ends_on"]
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(AuditedModelAdmin):
    list_display = ["reference", "title", "issuer", "year", "issued_on"]
    list_filter = ["year"]
    search_fields = ["title", "symbol", "search_key"]
    autocomplete_fields = ["issuer", "parent"]
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
class CampaignAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "plan", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["name", "search_key"]
    inlines = [MilestoneInline, ParticipationInline]

    def persist(self, obj):
        services.save_campaign(obj)


@admin.register(Pledge)
class PledgeAdmin(AuditedModelAdmin):
    list_display = ["__str__", "campaign", "unit", "officer", "registered_on"]
    autocomplete_fields = ["unit", "officer"]


@admin.register(SubPlanRequirement)
class SubPlanRequirementAdmin(AuditedModelAdmin):
    list_display = ["plan", "unit", "due_on"]
    autocomplete_fields = ["unit"]
