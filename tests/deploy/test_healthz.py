"""``/healthz``: 200 ``ok`` while the database answers, 503 when it does not; no login, no session, no
write; reachable over plain HTTP when every other page redirects to HTTPS."""

import pytest
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_ok_without_login_with_one_read_and_no_cookie(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert [q["sql"] for q in queries.captured_queries] == ["SELECT 1"]  # no session, no audit, no write
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_database_down_answers_503(client, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database" in response.content


def test_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/to-chuc/dang-nhap/").status_code == 301
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_only_safe_methods(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


def test_host_header_of_the_compose_probe(client, settings):
    """The compose health check asks ``http://127.0.0.1:8000/healthz`` with ``Host: localhost``, which compose
    always puts in DJANGO_ALLOWED_HOSTS; a bare IP Host would be refused like any unknown host."""
    client.raise_request_exception = False
    settings.ALLOWED_HOSTS = ["thidua.example", "localhost"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="localhost").status_code == 200
    assert client.get("/healthz", HTTP_HOST="127.0.0.1").status_code == 400
