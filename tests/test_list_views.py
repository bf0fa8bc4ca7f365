"""Every page that reads query parameters answers below 500 whatever they hold: text, NUL bytes, huge or
negative numbers (a property test with hypothesis). The parameters are collected from the views' own
source, so a filter added to a view is tried too; run on SQLite and on PostgreSQL, where a NUL byte
in a query used to raise ``ValueError: A string literal cannot contain NUL``."""
# ruff: noqa: F811 - the fixtures imported from tests.awards.conftest are requested by name

import datetime
import inspect
import itertools
import re
import sys

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import Result
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401
from tests.factories import OfficerFactory

pytestmark = pytest.mark.integration
APPS = ("emulation.", "campaigns.", "awards.", "reports.")
READS = re.compile(r"""(?:GET|params)(?:\.get\(|\[)\s*["'](\w+)["']""")
HOSTILE = ["abc", "\x00", "a\x00b", "99999999999999999999", "-1", "0", "1e5", "１２", " ", "", "%", "'", "[]",
           "9223372036854775808", "-9223372036854775809", "2024-13-45", "31/02/2024"]


def _patterns(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def views_reading_the_query_string() -> dict[str, tuple[list[str], int]]:
    """URL name → (the GET parameters its view reads, the number of path arguments)."""
    found = {}
    for name, pattern in _patterns(get_resolver()):
        view = inspect.unwrap(pattern.callback)
        if not view.__module__.startswith(APPS):
            continue
        source = inspect.getsource(view)
        module = sys.modules[view.__module__]
        for helper in set(re.findall(r"\b(_\w+)\(", source)):  # the view's own helpers read parameters too
            if inspect.isfunction(getattr(module, helper, None)):
                source += inspect.getsource(getattr(module, helper))
        params = sorted(set(READS.findall(source)) | ({"page"} if "paginate(" in source else set()))
        if params:
            found[name] = (params, len(pattern.pattern.converters))
    return found


VIEWS = views_reading_the_query_string()
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30), st.integers().map(str),
                   st.text(alphabet=st.characters(codec="utf-8"), max_size=10).map(lambda t: t + "\x00"))


def test_the_collection_finds_the_list_filters():
    assert {"emulation:unit_list", "emulation:officer_list", "emulation:audit_list", "emulation:register_list",
            "campaigns:plan_list", "campaigns:campaign_list", "campaigns:pledge_list", "awards:typical_list",
            "campaigns:result_create", "awards:candidates"} <= set(VIEWS)
    assert {"q", "unit", "page"} <= set(VIEWS["emulation:officer_list"][0])
    assert VIEWS["campaigns:result_create"] == (["officer", "unit"], 1)


@pytest.fixture
def world(staff, campaign_award, unit_a, officer_a):
    """A campaign with an award and a result, its plan, a unit and an officer: what a page with path
    arguments (or a page that needs a parameter, such as ?unit=) may be about."""
    OfficerFactory(unit=unit_a, full_name="Trần Văn Bình")
    campaign = campaign_award.campaign
    result = Result.objects.create(campaign=campaign, unit=unit_a, as_of=datetime.date(2024, 6, 30))
    return [campaign.pk, campaign.plan_id, unit_a.pk, officer_a.pk, campaign_award.pk, result.pk]


def _url(client, name, arguments, params, candidates) -> str | None:
    """The first page of the test data this URL answers 200 for, without a parameter or with one."""
    probes = [{}, *({param: pk} for param in params for pk in candidates)]
    for args in itertools.product(candidates, repeat=arguments):
        url = reverse(name, args=args)
        if any(client.get(url, probe).status_code == 200 for probe in probes):
            return url
    return None


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_query_parameters_never_cause_a_server_error(name, staff, world):
    params, arguments = VIEWS[name]
    client = Client(raise_request_exception=False)
    client.force_login(staff)
    url = _url(client, name, arguments, params, world)
    assert url is not None, f"{name}: no page of the test data answers 200"

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(query=st.dictionaries(st.sampled_from(params), values, min_size=1))
    def answers(query):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    answers()
