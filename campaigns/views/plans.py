"""TEMPORARY placeholder: replaced by the campaigns UI work in this session."""

from django.http import HttpResponse


def plan_list(request, **kwargs):
    return HttpResponse("…")


def plan_create(request, **kwargs):
    return HttpResponse("…")


def plan_detail(request, **kwargs):
    return HttpResponse("…")


def plan_edit(request, **kwargs):
    return HttpResponse("…")


def plan_subplans(request, **kwargs):
    return HttpResponse("…")

