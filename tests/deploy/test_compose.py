"""docker-compose.yml as compose itself reads it (``docker-compose config``; no engine needed): the proxy in
front, migrations before anything else, the health check on /healthz, a worker per queue, trust roots
read-only. Compose v1 validates; nothing can be started on a machine without a Docker engine."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.services import service_missing

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    binary = shutil.which("docker-compose")
    if not binary:
        service_missing("docker-compose is not installed (Debian package docker-compose)")
    run = subprocess.run([binary, "-f", "docker-compose.yml", "config"], cwd=ROOT, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "validate-only",
                              "SITE_DOMAIN": "thidua.example"}, timeout=60)
    assert run.returncode == 0, run.stderr
    return yaml.safe_load(run.stdout)["services"]


APP = ["web", "worker", "worker-documents", "beat"]


def test_the_proxy_terminates_tls_in_front_of_web(compose):
    proxy = compose["proxy"]
    assert proxy["image"] == "caddy:2"
    assert {(p["published"], p["target"]) for p in proxy["ports"]} == {(80, 80), (443, 443)}
    assert any(v["target"] == "/etc/caddy/Caddyfile" and v.get("read_only") for v in _volumes(proxy))
    assert proxy["environment"]["SITE_DOMAIN"] == "thidua.example"
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    assert "ports" not in compose["web"]  # reached through the proxy only


def test_everything_waits_for_the_migrations(compose):
    assert "migrate" in compose["migrate"]["command"]
    assert compose["migrate"]["restart"] == "no"
    assert "migrate" not in compose["migrate"]["depends_on"]
    for name in APP:
        assert compose[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
        assert "migrate" not in compose[name]["command"], name


def test_web_health_check_asks_healthz_with_an_allowed_host(compose):
    web = compose["web"]
    probe = " ".join(web["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/healthz" in probe and "'Host': 'localhost'" in probe
    assert "localhost" in web["environment"]["DJANGO_ALLOWED_HOSTS"].split(",")
    assert "thidua.example" in web["environment"]["DJANGO_ALLOWED_HOSTS"].split(",")
    assert "gunicorn" in web["command"]


def test_settings_for_the_proxy(compose):
    for name in APP:
        env = compose[name]["environment"]
        assert env["DJANGO_DEBUG"] == "0" and env["DJANGO_BEHIND_PROXY"] == "1"
        assert env["DJANGO_CSRF_TRUSTED_ORIGINS"] == "https://thidua.example"
        assert env["SITE_URL"] == "https://thidua.example"


def test_a_worker_per_queue(compose):
    assert "-Q default " in compose["worker"]["command"]
    assert "-Q documents " in compose["worker-documents"]["command"]


def test_trust_roots_read_only_and_ballot_keys_persistent(compose):
    for name in APP:
        env, volumes = compose[name]["environment"], _volumes(compose[name])
        roots = [v for v in volumes if v["target"] == env["SIGNATURE_TRUST_ROOTS_DIR"]]
        assert roots and roots[0].get("read_only") is True, name
        assert any(v["target"] == env["BALLOT_KEY_DIR"] and v["type"] == "volume" for v in volumes), name


def _volumes(service):
    out = []
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            out.append(volume)
        else:  # compose v1 prints the short form: source:target[:mode]
            parts = volume.split(":")
            out.append({"source": parts[0], "target": parts[1], "read_only": parts[2:] == ["ro"],
                        "type": "bind" if parts[0].startswith(("/", ".")) else "volume"})
    return out
