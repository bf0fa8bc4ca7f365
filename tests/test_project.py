"""Project-wide checks: settings, formats, migrations, deploy check, architecture."""

import ast
import datetime
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parent.parent
APPS = ["emulation", "campaigns", "awards", "reports"]  # each may import only from those before it


@pytest.mark.unit
def test_vietnamese_date_input_is_day_first():
    field = forms.DateField()
    with translation.override("vi"):
        assert field.clean("05/11/2026") == datetime.date(2026, 11, 5)
        assert field.clean("15/11/2026") == datetime.date(2026, 11, 15)
        with pytest.raises(forms.ValidationError):
            field.clean("11/15/2026")


@pytest.mark.unit
def test_vietnamese_number_and_date_output():
    with translation.override("vi"):
        assert formats.number_format(1234567, use_l10n=True, force_grouping=True) == "1.234.567"
        assert formats.number_format(Decimal("75.99"), 2, use_l10n=True) == "75,99"
        rendered = Template('{{ d|date:"SHORT_DATE_FORMAT" }} {{ n }}').render(
            Context({"d": datetime.date(2024, 7, 1), "n": 1234567}))
        assert rendered == "01/07/2024 1.234.567"


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.unit
def test_deploy_check_passes_with_production_settings():
    secret = "production-like-secret-0123456789abcdef-0123456789"
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by browser tests
    env = {**inherited, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secret, "DJANGO_ALLOWED_HOSTS": "thidua.gov.vn"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names & set(APPS)


@pytest.mark.unit
def test_apps_depend_one_way():
    """emulation ← campaigns ← awards ← reports: an app never imports from an app below it."""
    violations = []
    for index, app in enumerate(APPS):
        below = set(APPS[index + 1:])
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            bad = _imported_apps(path) & below
            if bad:
                violations.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert violations == []


@pytest.mark.unit
def test_architecture_check_catches_an_upward_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from awards import models\nimport reports.views\n")
    assert _imported_apps(module) == {"awards", "reports"}


WORKFLOW_APPS = ("awards", "campaigns")


def _status_writes(path: Path) -> list[str]:
    """Places in a module that write a ``status``: ``x.status = …``, ``setattr(x, "status", …)``,
    ``….update(status=…)`` and ``save(update_fields=[…"status"…])``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AugAssign | ast.AnnAssign) else []
        for target in targets:
            for leaf in (target.elts if isinstance(target, ast.Tuple) else [target]):
                if isinstance(leaf, ast.Attribute) and leaf.attr == "status":
                    found.append(f"{path}:{node.lineno}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name == "setattr" and len(node.args) > 1 and getattr(node.args[1], "value", None) == "status":
                found.append(f"{path}:{node.lineno}")
            if name == "bulk_update" and "status" in ast.unparse(node):
                found.append(f"{path}:{node.lineno}")
            for keyword in node.keywords:
                if name in ("update", "update_or_create") and keyword.arg == "status":
                    found.append(f"{path}:{node.lineno}")
                if keyword.arg == "update_fields" and "status" in ast.unparse(keyword.value):
                    found.append(f"{path}:{node.lineno}")
                if keyword.arg == "defaults" and "'status'" in ast.unparse(keyword.value):
                    found.append(f"{path}:{node.lineno}")
    return found


def test_statuses_are_written_only_by_the_lifecycles():
    """Each app's workflow.py (through ``emulation.lifecycle``) is the one place a status changes; demo data
    and migrations, which lay down history as it was, are the exceptions."""
    base = Path(settings.BASE_DIR)
    modules = [p for app in WORKFLOW_APPS for p in (base / app).rglob("*.py")
               if "migrations" not in p.parts and p.name != "workflow.py" and not p.name.startswith("demo")]
    assert [w for p in modules for w in _status_writes(p)] == []


def test_the_status_scan_finds_each_kind_of_write(tmp_path):
    module = tmp_path / "services.py"
    module.write_text('x.status = "a"\nx.a, x.status = 1, 2\nsetattr(x, "status", 1)\n'
                      'Q.objects.update(status="b")\nx.save(update_fields=["status"])\n'
                      'Q.bulk_update(rows, ["status"])\nQ.get_or_create(a=1, defaults={"status": "x"})\n'
                      'x.statuses = 1\nx.other = 1\n')
    assert [w.rsplit(":", 1)[1] for w in _status_writes(module)] == ["1", "2", "3", "4", "5", "6", "7"]


def _settings_in_a_fresh_process(**env) -> subprocess.CompletedProcess:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run([sys.executable, "-c", "from emulation import settings; print(settings.DEBUG)"],
                          cwd=ROOT, env={**inherited, **env}, capture_output=True, text=True, timeout=60)


@pytest.mark.unit
def test_debug_is_off_unless_asked_for():
    assert _settings_in_a_fresh_process(DJANGO_SECRET_KEY="x" * 50).stdout.strip() == "False"
    assert _settings_in_a_fresh_process(DJANGO_DEBUG="1").stdout.strip() == "True"
    refused = _settings_in_a_fresh_process()  # no DEBUG and no key: refuses to start with a known key
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY must be set" in refused.stderr


@pytest.mark.xdist_group("grouping-check")
def test_an_xdist_group_runs_in_one_process(request):
    """``make test`` runs ``--dist loadgroup``: the shared demo load (tests/demo_fixture.py) counts on its tests
    staying in one process. pytest 9.2 with pytest-xdist 3.8 dropped the group without a word."""
    loadgroup = request.config.getvalue("loadgroup")  # set in each xdist process of a ``--dist loadgroup`` run
    assert request.node.nodeid.endswith("@grouping-check") or not loadgroup
