"""Django admin for reference data. Every save and delete here writes the audit trail too."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import audit, reorganisation_services, services
from .forms import OfficerAdminForm, UnitForm
from .models import (
    Assignment,
    AuditAction,
    AuditEntry,
    AwardHold,
    Discipline,
    Job,
    Officer,
    OutboundEmail,
    PerformanceRating,
    Reorganisation,
    ReorganisationItem,
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
    form = UnitForm  # the app's checks (names, codes, dates, no cycle) hold in the admin too

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
    form = OfficerAdminForm

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


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox, read only: what was sent, what waits for its next attempt and why."""

    list_display = ["subject", "to_address", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to_address", "subject"]
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReorganisationItemInline(admin.TabularInline):
    model = ReorganisationItem
    extra = 0
    autocomplete_fields = ["predecessor", "successor", "new_parent"]


@admin.register(Reorganisation)
class ReorganisationAdmin(AuditedModelAdmin):
    """Recorded here or on the site; applied only through ``apply_reorganisation`` (the action), then read only."""

    list_display = ["decision_number", "kind", "effective_on", "applied_at", "applied_by_name"]
    list_filter = ["kind"]
    readonly_fields = ["applied_at", "applied_by", "applied_by_name", "summary", "created_by"]
    inlines = [ReorganisationItemInline]
    actions = ["apply"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_applied)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_applied)

    @admin.action(description=_("Áp dụng các đợt sắp xếp đã chọn"))
    def apply(self, request, queryset):
        for reorganisation in queryset:
            try:
                reorganisation_services.apply_reorganisation(actor=request.user, reorganisation=reorganisation)
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, f"{reorganisation}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
            else:
                messages.success(request, _("Đã áp dụng: %(name)s") % {"name": reorganisation})
