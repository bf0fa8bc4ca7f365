"""Loaded first (``-p tests.celery_queues`` in pyproject), before Django reads its settings: this test process
gets Celery queues of its own (``test-<pid>-default``, ``test-<pid>-documents``), and so does the worker it
starts (tests/worker_fixture.py), which inherits the environment. A developer's worker listening on the
usual queues of the same Redis cannot take a test's task, and two xdist processes cannot take each other's
(each has its own test database)."""

import os

os.environ["CELERY_QUEUE_PREFIX"] = f"test-{os.getpid()}-"
