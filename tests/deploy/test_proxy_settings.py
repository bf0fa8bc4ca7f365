"""Running behind the TLS proxy: X-Forwarded-Proto/-Host/-For are believed only when DJANGO_BEHIND_PROXY says
a proxy is in front; exposed directly, a client sending them changes nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from emulation.client_ip import client_ip

ROOT = Path(__file__).resolve().parents[2]
PROBE = ("import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
         "'ssl_header': s.SECURE_PROXY_SSL_HEADER, 'forwarded_host': s.USE_X_FORWARDED_HOST, "
         "'csrf': s.CSRF_TRUSTED_ORIGINS, 'redirect': s.SECURE_SSL_REDIRECT, 'exempt': s.SECURE_REDIRECT_EXEMPT}))")


def settings_with(*, check=True, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    base.update({"DJANGO_SETTINGS_MODULE": "emulation.settings", "DJANGO_SECRET_KEY": "probe"}, **env)
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=base, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0 or not check, run.stderr
    return run


@pytest.mark.unit
def test_production_without_proxy_trusts_no_forwarded_header():
    values = json.loads(settings_with().stdout)
    assert values["ssl_header"] is None and values["forwarded_host"] is False
    assert values["redirect"] is True and values["exempt"] == ["^healthz$"]


@pytest.mark.unit
def test_behind_proxy_trusts_its_headers_and_takes_trusted_origins_from_env():
    values = json.loads(settings_with(DJANGO_BEHIND_PROXY="1",
                                      DJANGO_CSRF_TRUSTED_ORIGINS="https://thidua.example, https://a.example").stdout)
    assert values["ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["forwarded_host"] is True
    assert values["csrf"] == ["https://thidua.example", "https://a.example"]


@pytest.mark.unit
def test_a_misspelt_flag_stops_the_start():
    run = settings_with(check=False, DJANGO_BEHIND_PROXY="maybe")
    assert run.returncode != 0 and "DJANGO_BEHIND_PROXY must be a boolean" in run.stderr


@pytest.mark.unit
@pytest.mark.parametrize(("behind", "count", "forwarded", "expected"), [
    (False, 1, "6.6.6.6", "10.0.0.2"),                   # exposed directly: the header is the client's own words
    (True, 1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),    # the proxy appended the real address last
    (True, 2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
    (True, 1, "", "10.0.0.2"),
    (True, 1, "not-an-address", "10.0.0.2"),
    (True, 1, "2001:db8::1", "2001:db8::1"),
])
def test_client_address(settings, behind, count, forwarded, expected):
    settings.BEHIND_PROXY, settings.PROXY_COUNT = behind, count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("behind", "recorded"), [(False, "127.0.0.1"), (True, "203.0.113.7")])
def test_failed_sign_in_is_counted_against_the_real_client(client, settings, behind, recorded):
    settings.BEHIND_PROXY = behind
    client.post("/to-chuc/dang-nhap/", {"username": "ai-do", "password": "sai-mat-khau"},
                HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [recorded]


@pytest.mark.django_db
def test_forwarded_proto_ends_the_redirect_only_behind_the_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/to-chuc/dang-nhap/", HTTP_X_FORWARDED_PROTO="https").status_code == 301
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/to-chuc/dang-nhap/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/to-chuc/dang-nhap/", HTTP_X_FORWARDED_PROTO="http").status_code == 301
