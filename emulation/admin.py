"""Django admin for reference data. Every save and delete here writes the audit trail too."""

from django.contrib import admin

from . import audit, services
from .models import (
    Assignment,
    AuditAction,
    AuditEntry,
    AwardHold,
    Discipline,
    Job,
    Officer,
    PerformanceRating,
    RoleGrant,
    Unit,
    UnitSuccession,
)


class AuditedModelAdmin(admin.ModelAdmin):
    """Records create/update/delete of the object and of its inlines in ``AuditEntry``."""

    def persist(self, obj):
        obj.save()

    def persist_inline(self, obj):
        obj.save()

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        self.persist(obj)
        audit.record(actor=request.user, action=AuditAction.UPDATE if change else AuditAction.CREATE,
                     obj=obj, before=before)

    def delete_model(self, request, obj):
        audit.record(actor=request.user, action=AuditAction.DELETE, obj=obj, before=audit.snapshot(obj))
        obj.delete()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        befores = {f.instance.pk: audit.snapshot(type(f.instance).objects.get(pk=f.instance.pk))
                   for f in formset.initial_forms if f.instance.pk and f.has_changed()}
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit.record(actor=request.user, action=AuditAction.DELETE, obj=obj, before=audit.snapshot(obj))
            obj.delete()
        for obj in instances:
            created = obj.pk is None
            self.persist_inline(obj)
            audit.record(actor=request.user, action=AuditAction.CREATE if created else AuditAction.UPDATE,
                         obj=obj, before=befores.get(obj.pk))
        formset.save_m2m()


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "search_key"]
    autocomplete_fields = ["parent"]
    inlines = [SuccessionInline]

    def persist(self, obj):
        services.save_unit(obj)


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["unit"]


class DisciplineInline(admin.TabularInline):
    model = Discipline
    extra = 0


@admin.register(Officer)
class OfficerAdmin(AuditedModelAdmin):
    list_display = ["full_name", "code", "gender", "unit", "position", "is_enforcement_officer", "is_active"]
    list_filter = ["gender", "is_enforcement_officer", "is_leader", "is_active"]
    search_fields = ["full_name", "code", "search_key"]
    autocomplete_fields = ["unit"]
    inlines = [AssignmentInline, DisciplineInline]

    def persist(self, obj):
        services.save_officer(obj)


@admin.register(Discipline)
class DisciplineAdmin(AuditedModelAdmin):
    list_display = ["officer", "form", "decided_on", "ends_on"]
    list_filter = ["form"]
    autocomplete_fields = ["officer"]


@admin.register(PerformanceRating)
class PerformanceRatingAdmin(AuditedModelAdmin):
    list_display = ["officer", "year", "level"]
    list_filter = ["year", "level"]
    autocomplete_fields = ["officer"]


@admin.register(AwardHold)
class AwardHoldAdmin(AuditedModelAdmin):
    list_display = ["__str__", "kind", "opened_on", "closed_on"]
    autocomplete_fields = ["officer", "unit"]


@admin.register(RoleGrant)
class RoleGrantAdmin(AuditedModelAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    autocomplete_fields = ["unit"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the trail is never edited."""

    list_display = ["at", "actor_name", "action", "model_label", "object_repr"]
    list_filter = ["action", "model_label"]
    search_fields = ["object_repr", "actor_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "progress", "total", "created_by", "created_at"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request):
        return False
