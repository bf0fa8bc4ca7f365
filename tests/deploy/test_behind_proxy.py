"""The production web path on loopback: the repository's Caddyfile (Caddy, internal TLS for localhost) in front
of gunicorn running the app with DEBUG off and DJANGO_BEHIND_PROXY=1, as docker-compose.yml runs them.

Checked: /healthz answers through the proxy and, over plain HTTP with ``Host: localhost``, straight from
gunicorn (the compose health check); plain HTTP is redirected to HTTPS; X-Forwarded-Proto is honoured (the
sign-in page answers over the proxy instead of redirecting forever, and its cookie is Secure); static files
are served (whitenoise, hashed names, cached for a year). Needs the ``caddy`` binary (Debian package
``caddy``): skipped without it locally, a failure under REQUIRE_SERVICES=1 (.ci/run installs it)."""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services import service_missing

pytestmark = [pytest.mark.services, pytest.mark.xdist_group("proxy-stack")]  # the stack starts once
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(what, check, process, log, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} exited: {log.read_text()[-3000:]}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{what} not ready within {seconds} s: {log.read_text()[-3000:]}")


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    caddy = shutil.which("caddy")
    if not caddy:
        service_missing("caddy is not installed (Debian package caddy): the proxy test needs it")
    tmp = tmp_path_factory.mktemp("proxy")
    app_port, http_port, https_port = _free_port(), _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "CACHE_", "PYTEST_"))}
    env.update(DJANGO_SETTINGS_MODULE="emulation.settings", DJANGO_SECRET_KEY="proxy-test", DJANGO_DEBUG="0",
               DJANGO_BEHIND_PROXY="1", DJANGO_ALLOWED_HOSTS="localhost",
               DJANGO_CSRF_TRUSTED_ORIGINS=f"https://localhost:{https_port}", DJANGO_HSTS_SECONDS="60",
               DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}", STATIC_ROOT=str(tmp / "static"),
               MEDIA_ROOT=str(tmp / "media"), BALLOT_KEY_DIR=str(tmp / "ballot-keys"), CELERY_BROKER_URL="",
               CACHE_URL="")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env,
                   check=True, timeout=60)
    app_log, proxy_log = tmp / "gunicorn.log", tmp / "caddy.log"
    with app_log.open("w") as app_out, proxy_log.open("w") as proxy_out:
        yield from _run(tmp, env, app_port, http_port, https_port, app_log, proxy_log, app_out, proxy_out, caddy)


def _run(tmp, env, app_port, http_port, https_port, app_log, proxy_log, app_out, proxy_out, caddy):
    app = subprocess.Popen([sys.executable, "-m", "gunicorn", "emulation.wsgi:application", "--bind",
                            f"127.0.0.1:{app_port}", "--workers", "1", "--access-logfile", "-"],
                           cwd=ROOT, env=env, stdout=app_out, stderr=subprocess.STDOUT)
    proxy_env = {"PATH": os.environ["PATH"], "HOME": str(tmp), "XDG_DATA_HOME": str(tmp / "data"),
                 "XDG_CONFIG_HOME": str(tmp / "config"), "SITE_DOMAIN": "localhost",
                 "UPSTREAM": f"127.0.0.1:{app_port}", "HTTP_PORT": str(http_port), "HTTPS_PORT": str(https_port),
                 "CADDY_ADMIN": "off"}
    proxy = subprocess.Popen([caddy, "run", "--config", str(ROOT / "Caddyfile"), "--adapter", "caddyfile"],
                             cwd=tmp, env=proxy_env, stdout=proxy_out, stderr=subprocess.STDOUT)
    try:
        _wait_for("gunicorn", lambda: _get(app_port, "/healthz", host="localhost")[0] == 200, app, app_log)
        root_ca = tmp / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        _wait_for("caddy", lambda: root_ca.exists() and _https(https_port, root_ca, "/healthz")[0] == 200,
                  proxy, proxy_log)
        yield {"app": app_port, "http": http_port, "https": https_port, "ca": root_ca}
    finally:
        _stop(proxy)
        _stop(app)


def _get(port, path, host, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.getheader("Set-Cookie"), response.read()
    finally:
        connection.close()


def _https(port, ca, path, headers=None):
    context = ssl.create_default_context(cafile=str(ca))  # the proxy's certificate, checked against its own CA
    connection = http.client.HTTPSConnection("localhost", port, timeout=5, context=context)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.getheader("Set-Cookie"), response.read()
    finally:
        connection.close()


def test_healthz_through_the_proxy_and_for_the_container_probe(stack):
    status, _, cookie, body = _https(stack["https"], stack["ca"], "/healthz")  # TLS from Caddy's own CA
    assert (status, body, cookie) == (200, b"ok\n", None)
    status, _, _, body = _get(stack["app"], "/healthz", host="localhost")  # plain HTTP, no proxy: no redirect
    assert (status, body) == (200, b"ok\n")


def test_plain_http_is_redirected_to_https(stack):
    status, headers, _, _ = _get(stack["http"], "/to-chuc/dang-nhap/", host="localhost")
    assert status == 308  # Caddy's redirect: the request never reached Django over plain HTTP
    # (Caddy leaves out a non-standard HTTPS port in it; in production the port is 443)
    assert re.fullmatch(rf"https://localhost(:{stack['https']})?/to-chuc/dang-nhap/", headers["Location"])


def test_forwarded_proto_is_honoured_and_the_cookie_is_secure(stack):
    status, headers, cookie, body = _https(stack["https"], stack["ca"], "/to-chuc/dang-nhap/",
                                           headers={"X-Forwarded-Proto": "http"})  # a client's is replaced
    assert status == 200, body[:500]
    assert "csrftoken=" in cookie and "Secure" in cookie
    assert headers["Strict-Transport-Security"].startswith("max-age=60")  # Django saw HTTPS
    # gunicorn reached directly, without the proxy's header: Django redirects to HTTPS itself
    status, headers, _, _ = _get(stack["app"], "/to-chuc/dang-nhap/", host="localhost")
    assert status == 301 and headers["Location"].startswith("https://localhost/")


def test_static_files_are_served(stack):
    _, _, _, body = _https(stack["https"], stack["ca"], "/to-chuc/dang-nhap/")
    stylesheet = re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', body).group(1).decode()
    status, headers, _, css = _https(stack["https"], stack["ca"], stylesheet, headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"].startswith("text/css") and css
    assert "max-age=315360000" in headers["Cache-Control"]  # whitenoise: hashed names are immutable
