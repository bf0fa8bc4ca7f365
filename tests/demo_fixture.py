"""The demo (``load_demo``) loaded once for a module's tests instead of once per test: it is most of the suite's
time otherwise. The load is committed before the module's first test; each test then runs in a transaction
rolled back after it (pytest-django's ``db``), so every test sees the demo as loaded. The module's tests run in
one xdist process (``pytestmark = demo_module``), and the tables are emptied after its last test."""

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from emulation import pagecache

# Every test of a module that shares the load goes to the same xdist process, so the load happens once.
demo_module = pytest.mark.xdist_group("shared-demo")


@dataclass(frozen=True)
class LoadedDemo:
    output: str  # what load_demo printed
    ballot_keys: Path  # the sealed ballots' keys the load wrote


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    from emulation.celery import app

    keys = tmp_path_factory.mktemp("demo-ballot-keys")
    out = io.StringIO()
    eager, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with django_db_blocker.unblock(), override_settings(
                BALLOT_KEY_DIR=keys, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("load_demo", stdout=out)
    finally:
        app.conf.task_always_eager = eager
    yield LoadedDemo(output=out.getvalue(), ballot_keys=keys)
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)  # the next module starts from empty tables
    pagecache.changed()


@pytest.fixture
def shared_demo(demo_loaded, db, settings) -> LoadedDemo:
    """The module's demo, in this test's transaction; its ballot keys copied into this test's key folder."""
    shutil.copytree(demo_loaded.ballot_keys, settings.BALLOT_KEY_DIR, dirs_exist_ok=True)
    return demo_loaded
