"""A thread pool standing in for the broker in the embedded default (no REDIS_URL).

Without Redis, Celery runs a task eagerly: `ingest_pack_task.delay(pk)` would read the whole
pack inside the upload request, and the first user would never see the progress page. With
`TASKS_IN_THREADS` on, a task call is handed to one background thread of the web process
instead, and runs there exactly as the eager call would (same retries, same time limits), so
the upload returns at once and its page polls the progress as it would with a real worker.

Only for a single-process first run: a real deployment sets REDIS_URL and runs a worker.
"""

from __future__ import annotations

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor

from celery import Task
from celery.result import AsyncResult
from django.conf import settings
from django.db import connections

log = logging.getLogger(__name__)

# One thread: packs are read one after another, as a single worker would, and SQLite sees one
# writer at a time.
_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scrutiny-task")


def in_threads() -> bool:

    return bool(getattr(settings, "TASKS_IN_THREADS", False))


class ThreadPoolTask(Task):
    """Celery's Task, except that with TASKS_IN_THREADS an eager call runs on the pool."""

    def apply_async(self, args=None, kwargs=None, task_id=None, **options):
        if not (self.app.conf.task_always_eager and in_threads()):
            return super().apply_async(args, kwargs, task_id=task_id, **options)
        task_id = task_id or str(uuid.uuid4())
        _pool.submit(run_in_thread, self, args or (), kwargs or {}, task_id)
        return AsyncResult(task_id, app=self.app)


def run_in_thread(task, args, kwargs, task_id):

    try:
        result = task.apply(args, kwargs, task_id=task_id)
        if result.failed():
            log.error("task %s failed: %s", task.name, result.result)
        return result
    finally:
        connections.close_all()  # this thread's connections, not the request's


def wait_idle(timeout: float = 60.0) -> None:
    """Block until every task handed to the pool so far has finished (for tests)."""
    _pool.submit(lambda: None).result(timeout=timeout)
