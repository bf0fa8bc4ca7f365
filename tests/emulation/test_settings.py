"""Email settings from the environment: SMTP when EMAIL_HOST is set, the console otherwise."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.unit

READ = ("import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.EMAIL_BACKEND, "
        "s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, "
        "s.SITE_URL]))")


def _settings_with(**env) -> list:
    names = ("EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS",
             "DEFAULT_FROM_EMAIL", "SITE_URL")
    inherited = {k: v for k, v in os.environ.items() if k not in names}
    result = subprocess.run([sys.executable, "-c", READ], cwd=settings.BASE_DIR, capture_output=True, text=True,
                            env=inherited | {"DJANGO_SETTINGS_MODULE": "emulation.settings"} | env, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_mail_host_messages_go_to_the_console():
    backend, host, *_rest, sender, site = _settings_with()
    assert (backend, host, sender, site) == ("django.core.mail.backends.console.EmailBackend", "",
                                             "Thi đua – Khen thưởng <khong-tra-loi@thidua.example>",
                                             "http://127.0.0.1:8000")


def test_a_mail_host_in_the_environment_switches_to_smtp_with_its_values():
    assert _settings_with(EMAIL_HOST="smtp.thads.gov.vn", EMAIL_PORT="465", EMAIL_HOST_USER="thidua",
                          EMAIL_HOST_PASSWORD="bí-mật", EMAIL_USE_TLS="0", DEFAULT_FROM_EMAIL="thidua@thads.gov.vn",
                          SITE_URL="https://thidua.thads.gov.vn/") == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.thads.gov.vn", 465, "thidua", "bí-mật", False,
        "thidua@thads.gov.vn", "https://thidua.thads.gov.vn"]
