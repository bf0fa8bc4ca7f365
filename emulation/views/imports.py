"""TEMPORARY placeholder: replaced by the import work in this session."""

from django.http import HttpResponse


def import_start(request, **kwargs):
    return HttpResponse("…")


def import_template(request, **kwargs):
    return HttpResponse("…")


def job_detail(request, **kwargs):
    return HttpResponse("…")


def job_status(request, **kwargs):
    return HttpResponse("…")

