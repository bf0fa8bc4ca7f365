"""Units, officers, discipline and the audit trail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import access, audit_display, panels, querystring, selectors, services
from ..forms import AwardHoldForm, DisciplineForm, OfficerEditForm, OfficerForm, TransferForm, UnitForm
from ..models import AwardHold, Discipline, Gender, UnitKind
from ..paging import paginate
from ..viewhelpers import save_with, scoped_or_404


@login_required
def unit_list(request):
    today = timezone.localdate()
    current_only = request.GET.get("hien_tai") == "1"
    units = selectors.unit_list(request.user, q=request.GET.get("q", ""), kind=request.GET.get("kind", ""),
                                current_only=current_only, on=today)
    context = {"kinds": UnitKind.choices, "today": today, "can_create": access.can_create_unit(request.user),
               **paginate(request, units, per_page=50)}
    return render(request, "emulation/unit_list.html", context)


@login_required
def unit_detail(request, pk):
    unit = scoped_or_404(selectors.unit_detail, request.user, pk)
    children = selectors.units_visible_to(request.user).filter(parent=unit).order_by("sort_key")
    officers = selectors.officer_list(request.user, unit_id=unit.pk)
    context = {"unit": unit, "children": children, "officers": officers,
               "can_edit": access.can_edit_unit(request.user, unit), "today": timezone.localdate(),
               "can_hold": access.can_manage_hold(request.user, AwardHold(unit=unit)),
               "openable": access.Openable(request.user),
               "inherited_only": unit.pk in access.lineage_unit_ids(request.user),
               "predecessors": selectors.lineage(unit), "panels": panels.panels("unit", request.user, unit)}
    return render(request, "emulation/unit_detail.html", context)


def _unit_form_page(request, form, title, unit=None):
    cancel = unit.get_absolute_url() if unit else None
    return render(request, "form_page.html", {"form": form, "title": title, "cancel_url": cancel})


@login_required
def unit_create(request):
    if not access.can_create_unit(request.user):
        raise PermissionDenied
    parents = selectors.units_visible_to(request.user).filter(access.scope_q(request.user, None, editable=True))
    form = UnitForm(request.POST or None, parent_choices=parents, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        unit = form.save(commit=False)
        if save_with(form, lambda: services.create_unit(actor=request.user, unit=unit)):
            messages.success(request, _("Đã tạo đơn vị %(name)s.") % {"name": unit.name})
            return redirect("emulation:unit_detail", pk=unit.pk)
    return _unit_form_page(request, form, _("Thêm đơn vị"))


@login_required
def unit_edit(request, pk):
    unit = scoped_or_404(selectors.unit_detail, request.user, pk)
    if not access.can_edit_unit(request.user, unit):
        raise PermissionDenied
    parents = selectors.units_visible_to(request.user).exclude(path__startswith=unit.path)
    form = UnitForm(request.POST or None, instance=unit, parent_choices=parents)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_unit(actor=request.user, unit=form.instance)):
            messages.success(request, _("Đã cập nhật đơn vị."))
            return redirect("emulation:unit_detail", pk=unit.pk)
    return _unit_form_page(request, form, _("Sửa đơn vị: %(name)s") % {"name": unit.name}, unit)


@login_required
def officer_list(request):
    params = request.GET
    officers = selectors.officer_list(
        request.user, q=params.get("q", ""), unit_id=querystring.integer(params.get("unit")),
        enforcement=params.get("chv", ""), gender=params.get("gender", ""), active=params.get("active", "1"),
        valid_units_on=timezone.localdate() if params.get("hien_tai") == "1" else None,
    )
    context = {"unit_choices": selectors.unit_choices(request.user), "genders": Gender.choices,
               "selected_unit": params.get("unit", ""),
               "can_create": access.has_editable_scope(request.user), **paginate(request, officers)}
    return render(request, "emulation/officer_list.html", context)


@login_required
def officer_detail(request, pk):
    officer = scoped_or_404(selectors.officer_detail, request.user, pk)
    context = {
        "officer": officer,
        "can_edit": access.can_edit_officer(request.user, officer),
        "can_discipline": access.can_manage_discipline(request.user, officer),
        "today": timezone.localdate(),
        "panels": panels.panels("officer", request.user, officer),
    }
    return render(request, "emulation/officer_detail.html", context)


@login_required
def officer_create(request):
    editable = selectors.units_visible_to(request.user).filter(access.scope_q(request.user, None, editable=True))
    if not editable.exists():
        raise PermissionDenied
    form = OfficerForm(request.POST or None, unit_choices=editable.order_by("path"),
                       initial={"unit": request.GET.get("unit")})
    if request.method == "POST" and form.is_valid():
        officer = form.save(commit=False)
        saved = save_with(form, lambda: services.create_officer(
            actor=request.user, officer=officer, starts_on=form.cleaned_data["starts_on"],
            hardship=form.cleaned_data["hardship"]))
        if saved:
            messages.success(request, _("Đã thêm cán bộ %(name)s.") % {"name": officer.full_name})
            return redirect("emulation:officer_detail", pk=officer.pk)
    return render(request, "form_page.html", {"form": form, "title": _("Thêm cán bộ")})


@login_required
def officer_edit(request, pk):
    officer = scoped_or_404(selectors.officer_detail, request.user, pk)
    if not access.can_edit_officer(request.user, officer):
        raise PermissionDenied
    form = OfficerEditForm(request.POST or None, instance=officer)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.update_officer(actor=request.user, officer=form.instance)):
            messages.success(request, _("Đã cập nhật thông tin cán bộ."))
            return redirect("emulation:officer_detail", pk=officer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Sửa thông tin: %(name)s") % {"name": officer.full_name},
        "cancel_url": officer.get_absolute_url()})


@login_required
def officer_transfer(request, pk):
    officer = scoped_or_404(selectors.officer_detail, request.user, pk)
    if not access.can_edit_officer(request.user, officer):
        raise PermissionDenied
    targets = selectors.units_visible_to(request.user).filter(
        access.scope_q(request.user, None, editable=True)).exclude(pk=officer.unit_id).order_by("path")
    form = TransferForm(request.POST or None, unit_choices=targets)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_with(form, lambda: services.transfer_officer(
                actor=request.user, officer=officer, unit=data["unit"], starts_on=data["starts_on"],
                position=data["position"], hardship=data["hardship"])):
            messages.success(request, _("Đã điều động cán bộ sang %(unit)s.") % {"unit": data["unit"]})
            return redirect("emulation:officer_detail", pk=officer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Điều động: %(name)s") % {"name": officer.full_name},
        "cancel_url": officer.get_absolute_url()})


@login_required
def discipline_create(request, pk):
    officer = scoped_or_404(selectors.officer_detail, request.user, pk)
    if not access.can_manage_discipline(request.user, officer):
        raise PermissionDenied
    form = DisciplineForm(request.POST or None, instance=Discipline(officer=officer))
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.add_discipline(actor=request.user, discipline=form.instance)):
            messages.success(request, _("Đã ghi nhận quyết định kỷ luật."))
            return redirect("emulation:officer_detail", pk=officer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": _("Ghi nhận kỷ luật: %(name)s") % {"name": officer.full_name},
        "cancel_url": officer.get_absolute_url()})


@login_required
def hold_edit(request, pk, hold_pk=None):
    """Add (or, with ``hold_pk``, update or close) a pending case against an officer."""
    officer = scoped_or_404(selectors.officer_detail, request.user, pk)
    hold = get_object_or_404(AwardHold, pk=hold_pk, officer=officer) if hold_pk else AwardHold(officer=officer)
    return _hold_page(request, officer, hold, _("Vụ việc đang xem xét: %(name)s") % {"name": officer.full_name})


@login_required
def unit_hold_edit(request, pk, hold_pk=None):
    """The same against a collective: it stops the collective's awards (not its members')."""
    unit = scoped_or_404(selectors.unit_detail, request.user, pk)
    hold = get_object_or_404(AwardHold, pk=hold_pk, unit=unit) if hold_pk else AwardHold(unit=unit)
    return _hold_page(request, unit, hold, _("Vụ việc đang xem xét đối với tập thể: %(name)s") % {"name": unit.name})


def _hold_page(request, subject, hold, title):
    if not access.can_manage_hold(request.user, hold):
        raise PermissionDenied
    form = AwardHoldForm(request.POST or None, instance=hold)
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda: services.save_award_hold(actor=request.user, hold=form.instance)):
            messages.success(request, _("Đã lưu vụ việc đang xem xét."))
            return redirect(subject)
    return render(request, "form_page.html", {"form": form, "title": title, "cancel_url": subject.get_absolute_url()})


@login_required
def discipline_delete(request, pk):
    discipline = get_object_or_404(
        Discipline.objects.select_related("officer").filter(access.scope_q(request.user, "officer__unit")), pk=pk)
    if request.method != "POST":
        raise PermissionDenied
    services.delete_discipline(actor=request.user, discipline=discipline)
    messages.success(request, _("Đã xóa bản ghi kỷ luật."))
    return redirect("emulation:officer_detail", pk=discipline.officer_id)


@login_required
def audit_list(request):
    if not access.can_view_audit(request.user):
        raise PermissionDenied
    entries = selectors.audit_entries_visible_to(
        request.user, q=request.GET.get("q", ""), model_label=request.GET.get("model", ""))
    kinds = [(label, audit_display.kind_label(label)) for label in selectors.audit_model_labels(request.user)]
    page = paginate(request, entries, 50)
    return render(request, "emulation/audit_list.html", {
        "kinds": kinds, "rows": audit_display.readable(page["page_obj"]), **page})
