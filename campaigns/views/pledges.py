"""TEMPORARY placeholder: replaced by the campaigns UI work in this session."""

from django.http import HttpResponse


def campaign_pledges(request, **kwargs):
    return HttpResponse("…")


def pledge_create(request, **kwargs):
    return HttpResponse("…")


def pledge_list(request, **kwargs):
    return HttpResponse("…")


def pledge_detail(request, **kwargs):
    return HttpResponse("…")


def pledge_edit(request, **kwargs):
    return HttpResponse("…")

