"""TEMPORARY placeholder."""

from django.http import HttpResponse


def unit_list(request, **kwargs):
    return HttpResponse("…")


def unit_create(request, **kwargs):
    return HttpResponse("…")


def unit_detail(request, **kwargs):
    return HttpResponse("…")


def unit_edit(request, **kwargs):
    return HttpResponse("…")


def officer_list(request, **kwargs):
    return HttpResponse("…")


def officer_create(request, **kwargs):
    return HttpResponse("…")


def officer_detail(request, **kwargs):
    return HttpResponse("…")


def officer_edit(request, **kwargs):
    return HttpResponse("…")


def officer_transfer(request, **kwargs):
    return HttpResponse("…")


def discipline_create(request, **kwargs):
    return HttpResponse("…")


def discipline_delete(request, **kwargs):
    return HttpResponse("…")


def audit_list(request, **kwargs):
    return HttpResponse("…")

