"""TEMPORARY placeholder: replaced by the campaigns UI work in this session."""

from django.http import HttpResponse


def campaign_create(request, **kwargs):
    return HttpResponse("…")


def campaign_list(request, **kwargs):
    return HttpResponse("…")


def campaign_detail(request, **kwargs):
    return HttpResponse("…")


def campaign_edit(request, **kwargs):
    return HttpResponse("…")


def milestone_create(request, **kwargs):
    return HttpResponse("…")

