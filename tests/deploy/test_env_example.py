"""``.env.example`` sourced as-is (``set -a; . ./.env.example; set +a``) gives the local defaults, and it names
every variable the settings read."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({"debug": s.DEBUG, "db": [s.DATABASES["default"]["ENGINE"], str(s.DATABASES["default"]["NAME"])],
    "media": str(s.MEDIA_ROOT), "static": str(s.STATIC_ROOT), "roots": str(s.SIGNATURE_TRUST_ROOTS_DIR),
    "keys": str(s.BALLOT_KEY_DIR), "eager": s.CELERY_TASK_ALWAYS_EAGER, "from": s.DEFAULT_FROM_EMAIL,
    "hsts": s.SECURE_HSTS_SECONDS, "cache": s.CACHES["default"]["BACKEND"], "hosts": s.ALLOWED_HOSTS,
    "queue": s.CELERY_TASK_DEFAULT_QUEUE, "proxy": s.BEHIND_PROXY, "redirect": s.SECURE_SSL_REDIRECT}))
"""


def test_sourced_as_is_it_gives_the_local_defaults(tmp_path):
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    script = f'set -a; . ./.env.example; set +a; exec "{sys.executable}" -c "$PROBE"'
    env.update(PROBE=PROBE, DJANGO_SETTINGS_MODULE="emulation.settings")
    run = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    values = json.loads(run.stdout)
    assert values["db"] == ["django.db.backends.sqlite3", str(ROOT / "db.sqlite3")]
    assert values["media"] == str(ROOT / "media")  # not "." (an empty MEDIA_ROOT once meant the current folder)
    assert values["static"] == str(ROOT / "staticfiles")
    assert values["roots"] == str(ROOT / "trust_roots")
    assert values["keys"] == str(ROOT / "var" / "ballot-keys")
    assert values["eager"] is True and values["cache"].endswith("LocMemCache")
    assert values["from"] == "Thi đua – Khen thưởng <khong-tra-loi@thidua.example>"
    assert values["debug"] is True and values["hsts"] == 0 and values["redirect"] is False
    assert values["proxy"] is False and values["queue"] == "default"
    assert values["hosts"] == ["127.0.0.1", "localhost"]


def test_it_names_every_variable_the_settings_read():
    settings_source = (ROOT / "emulation" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|list)\("([A-Z_]+)"', settings_source))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_source))
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - listed == set()
