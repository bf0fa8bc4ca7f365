"""Two Celery queues: long work (documents, imports) apart from short work; the test run's queues are its own."""

import os

import pytest
from django.conf import settings

pytestmark = pytest.mark.unit


def _queue_of(task_name):
    from emulation.celery import app

    app.loader.import_default_modules()
    route = app.amqp.router.route({}, task_name)
    return route["queue"].name


def test_this_run_has_queues_of_its_own():
    prefix = f"test-{os.getpid()}-"
    queues = (settings.CELERY_QUEUE_PREFIX, settings.CELERY_QUEUE_DEFAULT, settings.CELERY_QUEUE_DOCUMENTS)
    assert queues == (prefix, f"{prefix}default", f"{prefix}documents")


@pytest.mark.parametrize("task", ["reports.render_document", "emulation.import_organisation",
                                  "campaigns.import_results"])
def test_long_work_goes_to_the_documents_queue(task):
    assert _queue_of(task) == settings.CELERY_QUEUE_DOCUMENTS


@pytest.mark.parametrize("task", ["emulation.deliver_emails", "campaigns.recompute_attainment",
                                  *(entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values())])
def test_short_work_and_the_beat_go_to_the_default_queue(task):
    assert _queue_of(task) == settings.CELERY_QUEUE_DEFAULT
