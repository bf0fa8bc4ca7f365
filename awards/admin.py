"""Admin for the award catalogue, its rule versions (thresholds are configurable data, law.md §1.5),
what campaigns offer, and award history entered from earlier paper decisions. Every change is
audited. Ballots and the record of who voted are deliberately absent: nobody browses them."""

from django.contrib import admin

from emulation.admin import AuditedModelAdmin

from .models import AwardForm, AwardRecord, AwardRule, CampaignAward, Criterion, Quota


class AwardRuleInline(admin.TabularInline):
    model = AwardRule
    extra = 0


@admin.register(AwardForm)
class AwardFormAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "kind", "subject_type", "authority_level", "rank"]
    list_filter = ["kind", "authority_level"]
    search_fields = ["name", "code"]
    inlines = [AwardRuleInline]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class QuotaInline(admin.TabularInline):
    model = Quota
    extra = 0


@admin.register(CampaignAward)
class CampaignAwardAdmin(AuditedModelAdmin):
    list_display = ["award_form", "campaign", "decided_here"]
    list_select_related = ["award_form", "campaign"]
    autocomplete_fields = ["campaign"]
    inlines = [CriterionInline, QuotaInline]


@admin.register(AwardRecord)
class AwardRecordAdmin(AuditedModelAdmin):
    list_display = ["__str__", "year", "decision_reference", "issued_by"]
    list_filter = ["year", "award_form"]
    list_select_related = ["award_form", "officer", "unit"]
    search_fields = ["officer__full_name", "unit__name", "decision_reference"]
    autocomplete_fields = ["officer", "unit"]
    readonly_fields = ["decision", "nomination", "campaign"]
