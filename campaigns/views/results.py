"""Results (kết quả): who has reported, entering figures, submit and confirm; the attainment table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import jobs, querystring
from emulation.forms_import import ExcelUploadForm
from emulation.lifecycle import Refused
from emulation.models import Job, JobStatus, Officer
from emulation.paging import paginate
from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, exporters, exports, selectors, services, workflow
from ..forms import ResultForm
from ..models import MetricKind, Result, ResultStatus
from ..selectors.attainment import (
    STATES,
    TableFilters,
    attainment_table,
    bracket_choices,
    is_stale,
    latest_snapshot,
    state_counts,
    with_labels,
)
from ..standings import applies
from . import actions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 50
UNITS_PER_PAGE = 10
EXTRA_KINDS = (MetricKind.PERCENTAGE, MetricKind.COUNT, MetricKind.BOOLEAN, MetricKind.COMPARISON)


@login_required
def campaign_results(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    unit, status, q = querystring.integer(request.GET.get("unit")), request.GET.get("status", ""), \
        request.GET.get("q", "").strip()[:100]
    paged = paginate(request, selectors.result_units(request.user, campaign, unit=unit, status=status, q=q),
                     UNITS_PER_PAGE)
    subjects = selectors.result_subjects(request.user, campaign, [p.unit for p in paged["page_obj"]],
                                         status=status, q=q)
    results = [r for row in subjects for r in [row["result"], *(p["result"] for p in row["officers"])] if r]
    actions.with_actions(workflow.RESULT, request.user, results, workflow.RESULT_EDITING)
    return render(request, "campaigns/campaign_results.html", {
        "campaign": campaign, "subjects": subjects, "can_confirm": access.can_confirm_results(request.user, campaign),
        "can_enter": access.can_register_any_pledge(request.user, campaign),
        "bulk_actions": [t for t in workflow.RESULT.transitions if "staff" in t.roles], **paged,
        "units": selectors.participants_in_scope(request.user, campaign), "statuses": ResultStatus.choices,
        "filters": {"unit": unit, "status": status, "q": q}})


def _new_result(request, campaign) -> Result:
    participants = {p.unit_id: p.unit for p in campaign.participations.all()}
    officer_id, unit_id = querystring.integer(request.GET.get("officer")), querystring.integer(request.GET.get("unit"))
    if officer_id is not None:
        officer = get_object_or_404(Officer.objects.select_related("unit"), pk=officer_id,
                                    unit_id__in=participants.keys())
        return Result(campaign=campaign, unit=officer.unit, officer=officer)
    if unit_id in participants:
        return Result(campaign=campaign, unit=participants[unit_id])
    raise Http404


@login_required
def result_edit(request, pk, result_pk=None):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if result_pk:
        result = get_object_or_404(selectors.results_visible_to(request.user, campaign), pk=result_pk)
    else:
        result = _new_result(request, campaign)
    if not access.can_enter_results(request.user, campaign, result.unit):
        raise PermissionDenied
    if result.pk:
        result.campaign = campaign
        if (why := workflow.RESULT_EDITING.refusal(request.user, result)) is not None:
            raise Refused(why)
    locked = result.pk is not None and workflow.RESULT_EDITING.needs_reason(result)
    extra = [t for t in campaign.targets.all() if t.metric_kind in EXTRA_KINDS and applies(t, result)]
    form = ResultForm(request.POST or None, instance=result, extra_targets=extra, locked=locked)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data.get("reason", "")
        if save_with(form, lambda: services.save_result(actor=request.user, result=form.instance,
                                                        values=form.target_values(), reason=reason)):
            messages.success(request, _("Đã lưu số liệu."))
            return redirect("campaigns:campaign_results", pk=campaign.pk)
    subject = result.officer or result.unit
    return render(request, "form_page.html", {
        "form": form, "title": _("Số liệu kết quả: %(subject)s") % {"subject": subject},
        "cancel_url": reverse("campaigns:campaign_results", args=[campaign.pk])})


@login_required
@require_POST
def result_action(request, pk, result_pk, action):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    result = get_object_or_404(selectors.results_visible_to(request.user, campaign), pk=result_pk)
    result.campaign = campaign
    return actions.run_one(request, workflow.RESULT, action, lambda reason: services.transition_result(
        actor=request.user, result=result, action=action, reason=reason),
        reverse("campaigns:campaign_results", args=[campaign.pk]))


@login_required
@require_POST
def results_bulk(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    visible = selectors.results_visible_to(request.user, campaign).order_by("unit__path", "officer__sort_key", "pk")
    return actions.run_bulk(
        request, workflow.RESULT, load=lambda ids: list(visible.filter(pk__in=ids)),
        apply=lambda **kw: services.transition_results(actor=request.user, campaign=campaign, result_ids=kw["ids"],
                                                       action=kw["action"], reason=kw["reason"]),
        context={"campaign": campaign, "list_title": _("Kết quả")},
        success_url=reverse("campaigns:campaign_results", args=[campaign.pk]))


def _table_filters(params) -> TableFilters:
    return TableFilters.clean(unit=querystring.integer(params.get("unit")), bracket=params.get("bracket", ""),
                              state=params.get("state", ""), q=params.get("q", ""))


@login_required
def campaign_attainment(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    snapshot, filters = latest_snapshot(campaign), _table_filters(request.GET)
    context = {"campaign": campaign, "snapshot": snapshot, "stale": is_stale(campaign, snapshot), "filters": filters,
               "units": selectors.participants_in_scope(request.user, campaign), "states": STATES}
    if snapshot is not None:
        rows = attainment_table(request.user, campaign, snapshot, filters)
        context.update(paginate(request, rows, PER_PAGE), counts=state_counts(rows),
                       brackets=bracket_choices(snapshot))
        context["page_rows"] = with_labels(context["page_obj"])
    return render(request, "campaigns/campaign_attainment.html", context)


@login_required
@require_POST
def attainment_export(request, pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    fmt = request.POST.get("format", "")
    if fmt not in exports.FORMATS:
        return HttpResponseBadRequest(_("Định dạng không hợp lệ."))
    filters = TableFilters.clean(unit=querystring.integer(request.POST.get("unit")),
                                 **{name: request.POST.get(name, "") for name in ("bracket", "state", "q")})
    job = exports.start_attainment_export(actor=request.user, campaign=campaign, fmt=fmt, filters=filters)
    return redirect("emulation:job_detail", pk=job.pk)


@login_required
def attainment_export_file(request, pk, job_pk):
    campaign = scoped_or_404(selectors.campaign_header, request.user, pk)
    job = get_object_or_404(Job, pk=job_pk, kind="export_attainment", created_by=request.user,
                            status=JobStatus.SUCCEEDED, task_kwargs__campaign_id=campaign.pk)
    if not job.result_file:
        raise Http404
    name = job.result_file.name.rsplit("/", 1)[-1]
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name,
                        content_type=XLSX if name.endswith(".xlsx") else "text/csv; charset=utf-8")


@login_required
def results_template(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    response = HttpResponse(exporters.results_template(campaign, request.user), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-so-lieu-phong-trao-{campaign.pk}.xlsx"'
    return response


@login_required
def results_import(request, pk):
    campaign = scoped_or_404(selectors.campaign_detail, request.user, pk)
    if not any(access.can_enter_results(request.user, campaign, p.unit) for p in campaign.participations.all()):
        raise PermissionDenied
    form = ExcelUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start_job(kind="import_results", user=request.user, input_file=form.cleaned_data["file"],
                             task="campaigns.import_results", task_kwargs={"campaign_id": campaign.pk},
                             result=jobs.origin(start_url=request.path,
                                                back_url=reverse("campaigns:campaign_results", args=[campaign.pk])))
        return redirect("emulation:job_detail", pk=job.pk)
    return render(request, "campaigns/results_import.html", {"campaign": campaign, "form": form})

