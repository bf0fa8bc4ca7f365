"""Excel import of units and officers, run by Celery, with a progress page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .. import access, exporters, jobs
from ..forms_import import ExcelUploadForm
from ..models import Job

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def import_start(request):
    if not access.can_import_organisation(request.user):
        raise PermissionDenied
    form = ExcelUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start_job(kind="import_organisation", user=request.user, input_file=form.cleaned_data["file"],
                             task="emulation.import_organisation",
                             result=jobs.origin(start_url=request.path, back_url=reverse("emulation:unit_list")))
        return redirect("emulation:job_detail", pk=job.pk)
    return render(request, "emulation/import_start.html", {"form": form})


@login_required
def import_template(request):
    if not access.can_import_organisation(request.user):
        raise PermissionDenied
    response = HttpResponse(exporters.organisation_template(request.user), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-don-vi-can-bo.xlsx"'
    return response


def _own_job(request, pk) -> Job:
    """Jobs are seen by whoever started them (and superusers); anyone else gets a 404."""
    jobs_in_scope = Job.objects.all() if request.user.is_superuser else Job.objects.filter(created_by=request.user)
    return get_object_or_404(jobs_in_scope, pk=pk)


@login_required
def job_detail(request, pk):
    job = _own_job(request, pk)
    return render(request, "emulation/job_detail.html", {"job": job, "live": jobs.live_status(job)})


@login_required
def job_status(request, pk):
    return JsonResponse(jobs.live_status(_own_job(request, pk)))
