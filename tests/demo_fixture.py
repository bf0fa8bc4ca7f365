"""The demo (``load_demo``) loaded once for a module's tests instead of once per test: it is most of the suite's
time otherwise.

- ``shared_demo`` (tests in a transaction, ``db``): the load is committed before the module's first test; each
  test runs in a transaction rolled back after it, so every test sees the demo as loaded. The module's tests run
  in one xdist process (``pytestmark = demo_module(…)``); the tables are emptied after its last test.
- ``live_demo`` (browser tests, ``transactional_db``, whose tables are emptied after each test): the load is
  copied aside table by table once; each test gets the copy put back, its sequences moved past the copied ids."""

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings

from emulation import pagecache


def demo_module(name: str):
    """Every test of a module that shares the load goes to the same xdist process, so the load happens once."""
    return pytest.mark.xdist_group(f"demo-{name}")


COPY = "demo_copy_{}"


@dataclass(frozen=True)
class LoadedDemo:
    output: str  # what load_demo printed
    ballot_keys: Path  # the sealed ballots' keys the load wrote


def _load(keys: Path) -> str:
    """The demo as ``load_demo`` leaves it (committed), tasks in-process, the fast hasher of the tests."""
    from emulation.celery import app

    out = io.StringIO()
    eager, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with override_settings(BALLOT_KEY_DIR=keys, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("load_demo", stdout=out)
    finally:
        app.conf.task_always_eager = eager
    return out.getvalue()


def _empty_tables() -> None:
    call_command("flush", interactive=False, verbosity=0)
    pagecache.changed()


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    keys = tmp_path_factory.mktemp("demo-ballot-keys")
    with django_db_blocker.unblock():
        output = _load(keys)
    yield LoadedDemo(output=output, ballot_keys=keys)
    with django_db_blocker.unblock():
        _empty_tables()  # the next module starts from empty tables


@pytest.fixture
def shared_demo(demo_loaded, db, settings) -> LoadedDemo:
    """The module's demo, in this test's transaction; its ballot keys copied into this test's key folder."""
    shutil.copytree(demo_loaded.ballot_keys, settings.BALLOT_KEY_DIR, dirs_exist_ok=True)
    return demo_loaded


@pytest.fixture(scope="module")
def demo_tables(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once and copied aside (``CREATE TABLE … AS SELECT``), then the tables emptied."""
    keys = tmp_path_factory.mktemp("demo-ballot-keys")
    quote = connection.ops.quote_name
    with django_db_blocker.unblock():
        output = _load(keys)
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"CREATE TABLE {quote(COPY.format(table))} AS SELECT * FROM {quote(table)}")
        _empty_tables()
        connection.close()  # a browser test's context gets a connection of its own: this one would stay open
    yield LoadedDemo(output=output, ballot_keys=keys), tables
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP TABLE {quote(COPY.format(table))}")
        connection.close()


@pytest.fixture
def live_demo(demo_tables, transactional_db, settings) -> LoadedDemo:
    """The module's demo put back into the (committed) tables for a browser test; emptied again after it."""
    demo, tables = demo_tables
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)  # content types and permissions made again after the last test's flush
        for table in tables:
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(COPY.format(table))}")
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)
    pagecache.changed()
    shutil.copytree(demo.ballot_keys, settings.BALLOT_KEY_DIR, dirs_exist_ok=True)
    return demo
